import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiKeyAuth } from '../auth/api-keys/api-key.auth.js';
import { AuthService } from '../auth/auth.service.js';
import { RequestContext } from '../context/request-context.js';
import { AppError } from '../errors/app-error.js';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.decorators.js';

/**
 * The one global guard, deny by default: a route without @RequirePermission, @Public or @SignedIn is
 * refused; otherwise the bearer token or API key is checked, then the route's permission against the role.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeyAuth,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!access) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
      throw new AppError(403, 'ROUTE_NOT_DECLARED', 'This route declares no permission and is closed');
    }
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticate(request);
    RequestContext.setPrincipal(principal);
    (request as FastifyRequest & { principal?: unknown }).principal = principal;
    if (access.kind === 'signed-in') return true;
    if (!principal.permissions.has(access.permission)) {
      throw new AppError(403, 'FORBIDDEN', `You need the permission ${access.permission} for this`, {
        required: access.permission,
      });
    }
    return true;
  }

  /** A bearer token (people) or an `x-api-key` (other programs), never both at once. */
  private authenticate(request: FastifyRequest) {
    const key = request.headers['x-api-key'];
    if (key === undefined) return this.auth.authenticate(request.headers.authorization);
    if (request.headers.authorization !== undefined || typeof key !== 'string')
      throw new AppError(
        401,
        'AMBIGUOUS_CREDENTIALS',
        'Send either a bearer token or one x-api-key, not both',
      );
    return this.apiKeys.authenticate(key);
  }
}
