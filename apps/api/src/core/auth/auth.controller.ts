import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Principal } from '../context/request-context.js';
import { AppError } from '../errors/app-error.js';
import { ErrorBody } from '../errors/error-body.js';
import { CurrentPrincipal } from '../permissions/current-principal.decorator.js';
import { Public, SignedIn } from '../permissions/route-access.decorators.js';
import { AuthService } from './auth.service.js';
import {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  LogoutRequest,
  MeResponse,
  RefreshRequest,
  TokenPairResponse,
} from './dto/auth.dto.js';

export const REFRESH_COOKIE = 'kapok_refresh';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: '5 failed attempts for one username from one address in 15 minutes',
  })
  async login(
    @Body() body: LoginRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body.username, body.password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    this.setRefreshCookie(reply, result.refreshToken);
    return result;
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({
    type: ErrorBody,
    description: 'Unknown, expired or reused refresh token (reuse revokes the session)',
  })
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPairResponse> {
    const token = body.refreshToken ?? req.cookies?.[REFRESH_COOKIE];
    if (!token) throw new AppError(401, 'INVALID_REFRESH_TOKEN', 'No refresh token was sent');
    try {
      const pair = await this.auth.refresh(token);
      this.setRefreshCookie(reply, pair.refreshToken);
      return pair;
    } catch (e) {
      if (!body.refreshToken) void reply.clearCookie(REFRESH_COOKIE, { path: '/api/v1/auth' });
      throw e;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiNoContentResponse({ description: 'The session is ended; its refresh tokens are dead' })
  async logout(
    @Body() body: LogoutRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    notForApiKeys(principal);
    await this.auth.logout(principal, body.refreshToken ?? req.cookies?.[REFRESH_COOKIE]);
    void reply.clearCookie(REFRESH_COOKIE, { path: '/api/v1/auth' });
  }

  @Post('password')
  @HttpCode(204)
  @SignedIn()
  @ApiNoContentResponse({
    description: 'The password is changed; every other session of the user ends (this one goes on)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorBody,
    description: 'WRONG_PASSWORD (the current password is not right) or WEAK_PASSWORD',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: 'The sign-in limits apply to the current password',
  })
  async changePassword(
    @Body() body: ChangePasswordRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    notForApiKeys(principal);
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword, req.ip);
  }

  @Get('me')
  @SignedIn()
  @ApiOkResponse({ type: MeResponse })
  getMe(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.auth.me(principal);
  }

  private setRefreshCookie(reply: FastifyReply, token: string): void {
    void reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env === 'production',
      path: '/api/v1/auth',
      maxAge: this.config.refreshTokenTtlSeconds,
    });
  }
}

/** Sessions and passwords belong to people; a key is revoked by an admin instead. */
function notForApiKeys(principal: Principal): void {
  if (principal.apiKey)
    throw new AppError(403, 'NOT_FOR_API_KEYS', 'An API key has no session or password; an admin revokes it');
}
