import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ErrorCode, isErrorCode } from '@kapok/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isCheckViolation, isDatabaseUnavailable, isUniqueViolation } from '../database/db-errors.js';
import { ReplayedAnswer } from '../idempotency/idempotency.interceptor.js';
import { happened } from '../metrics/counters.js';
import type { ErrorBody } from './error-body.js';

const DEFAULT_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const defaultCode = (status: number): ErrorCode =>
  DEFAULT_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');

export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Turns every error into `{statusCode, code, message, details?, requestId}`. Unknown errors become a
 * 500 that is logged with the request id and never shows stack or SQL to the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly spaFallback?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    if (exception instanceof ReplayedAnswer) {
      happened.idempotentReplays++;
      void reply.status(exception.statusCode).header('idempotent-replayed', 'true').send(exception.body);
      return;
    }
    const body = this.toBody(exception, request);
    if (body.statusCode === 404 && this.spaFallback?.(request, reply)) return;
    if (reply.sent) return;
    if (body.statusCode >= 500 && body.code !== 'DATABASE_UNAVAILABLE') {
      this.logger.error(
        {
          requestId: body.requestId,
          err:
            exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception,
        },
        `${request.method} ${request.url} failed`,
      );
    }
    if (body.statusCode === 503) void reply.header('retry-after', '5');
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number')
      void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    const requestId = String(request.id);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const r = (typeof response === 'object' && response ? response : {}) as Record<string, unknown>;
      const code = isErrorCode(r.code) ? r.code : defaultCode(status);
      let message =
        typeof r.message === 'string'
          ? r.message
          : typeof response === 'string'
            ? response
            : exception.message;
      if (status === 404 && !r.code) message = `No route ${request.method} ${request.url.split('?')[0]}`;
      return {
        statusCode: status,
        code,
        message,
        ...(r.details !== undefined ? { details: r.details as ErrorBody['details'] } : {}),
        requestId,
      };
    }
    // Errors raised by Fastify itself (bad JSON, wrong content type, body too large) carry a statusCode.
    const fastifyError = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      const status = fastifyError.statusCode;
      return {
        statusCode: status,
        code: defaultCode(status),
        message: String(fastifyError.message ?? 'Bad request'),
        requestId,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'The database is unreachable; try again shortly',
        requestId,
      };
    }
    if (isUniqueViolation(exception)) {
      return {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'A record with the same unique key already exists',
        requestId,
      };
    }
    if (isCheckViolation(exception)) {
      return { statusCode: 409, code: 'CONFLICT', message: 'The change would break a data rule', requestId };
    }
    return {
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; it has been logged',
      requestId,
    };
  }
}
