import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { PASSPORT_CODE } from '@kapok/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../core/errors/app-error.js';
import { ErrorBody } from '../../core/errors/error-body.js';
import { IdParam } from '../../core/http/id-param.js';
import { Public, RequirePermission } from '../../core/permissions/route-access.decorators.js';
import { ProductImages, sendImage } from '../warehouse/index.js';
import { PassportIssueResponse, PassportResponse } from './dto/passport.dto.js';
import { PassportService } from './passport.service.js';

@ApiTags('quality')
@Controller('quality/lots/:lotId/passport')
export class LotPassportController {
  constructor(private readonly passports: PassportService) {}

  @Get()
  @RequirePermission('quality.view')
  @ApiOkResponse({ type: PassportIssueResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND: no passport issued yet' })
  getLotPassport(@IdParam('lotId') lotId: string): Promise<PassportIssueResponse> {
    return this.passports.ofLot(lotId);
  }

  /** Issues the batch's passport (once; again answers the same code). */
  @Post()
  @HttpCode(200)
  @RequirePermission('quality.create')
  @ApiOkResponse({ type: PassportIssueResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBody, description: 'NOT_FINISHED_GOODS, LOT_NOT_RELEASED' })
  issueLotPassport(@IdParam('lotId') lotId: string): Promise<PassportIssueResponse> {
    return this.passports.issue(lotId);
  }
}

/** Per client address: plenty for people scanning cartons, too few to walk the code space. */
const limiter = new RateLimiterMemory({ keyPrefix: 'passport', points: 120, duration: 60 });

async function limit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  try {
    await limiter.consume(req.ip);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const seconds = Math.ceil(e.msBeforeNext / 1000);
    void reply.header('retry-after', String(seconds));
    throw new AppError(429, 'TOO_MANY_REQUESTS', `Too many passport requests; try again in ${seconds} s`);
  }
}

const checkCode = (code: string) => {
  if (!PASSPORT_CODE.test(code)) throw new AppError(404, 'NOT_FOUND', 'There is no passport with this code');
};

@ApiTags('public')
@Controller('public/passports')
export class PublicPassportController {
  constructor(
    private readonly passports: PassportService,
    private readonly images: ProductImages,
  ) {}

  @Get(':code')
  @Public()
  @ApiOperation({ security: [], summary: 'The public passport of a batch (no login)' })
  @ApiOkResponse({ type: PassportResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'NOT_FOUND: no passport with this code' })
  @ApiTooManyRequestsResponse({ type: ErrorBody })
  async getPublicPassport(
    @Param('code') code: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PassportResponse> {
    await limit(req, reply);
    checkCode(code);
    const passport = await this.passports.publicPassport(code);
    void reply.header('cache-control', 'public, max-age=300');
    return passport;
  }

  @Get(':code/image')
  @Public()
  @ApiOperation({ security: [], summary: 'The article image of a passport (no login)' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBody })
  async getPublicPassportImage(
    @Param('code') code: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await limit(req, reply);
    checkCode(code);
    const image = await this.images.get(await this.passports.publicProductOf(code));
    if (!image) throw new AppError(404, 'NOT_FOUND', 'This article has no image');
    await sendImage(req, reply, image, 'public, max-age=3600');
  }
}
