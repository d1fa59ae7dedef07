import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  Logger,
  type NestInterceptor,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { AppError } from '../errors/app-error.js';

const KEY = /^[\x21-\x7e]{1,200}$/;
const TTL_HOURS = 24;

/** Thrown to send a stored answer again, byte for byte. */
export class ReplayedAnswer extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly body: object,
  ) {
    super(body, statusCode);
  }
}

/**
 * Idempotency-Key for creates and transitions. The key is reserved (per user) before the handler runs;
 * the command's own transaction marks it COMMITTED (see Transactions), and the answer is stored after.
 * A repeat gets the first answer and changes nothing; the same key with another body is 422; a repeat
 * while the first is still running is 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Expired keys are swept hourly (a reused expired key is also recycled on the spot). */
  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.dataSource.query('delete from idempotency_keys where expires_at < now()').catch(() => undefined);
    }, 3_600_000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.handle(context, next));
  }

  private async handle(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    const principal = RequestContext.principal();
    if (header === undefined || !principal) return lastValueFrom(next.handle(), { defaultValue: undefined });
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key))
      throw new AppError(422, 'VALIDATION_FAILED', 'Idempotency-Key must be 1–200 visible ASCII characters');
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    const reserved: Array<{ reserved: boolean }> = await this.dataSource.query(
      `insert into idempotency_keys (user_id, key, request_hash, state, expires_at)
       values ($1, $2, $3, 'IN_PROGRESS', now() + interval '${TTL_HOURS} hours')
       on conflict (user_id, key) do update
         set request_hash = excluded.request_hash, state = 'IN_PROGRESS', status_code = null, response_body = null,
             created_at = now(), expires_at = excluded.expires_at
       where idempotency_keys.expires_at < now()
       returning true as reserved`,
      [principal.userId, key, hash],
    );
    if (reserved.length === 0) {
      const [existing] = await this.dataSource.query(
        'select * from idempotency_keys where user_id = $1 and key = $2',
        [principal.userId, key],
      );
      if (existing.request_hash !== hash) {
        throw new AppError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request',
        );
      }
      if (existing.state === 'DONE') throw new ReplayedAnswer(existing.status_code, existing.response_body);
      // COMMITTED without an answer: the answer is being stored right now, or the process died in between.
      if (existing.state === 'COMMITTED' && Date.now() - new Date(existing.created_at).getTime() > 30_000) {
        throw new AppError(
          409,
          'ALREADY_PROCESSED',
          'This request was already carried out; its answer is no longer available',
        );
      }
      throw new AppError(
        409,
        'IDEMPOTENCY_IN_PROGRESS',
        'The first request with this Idempotency-Key is still running; retry shortly',
      );
    }

    const store = RequestContext.current();
    if (store) store.idempotency = { userId: principal.userId, key };
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
        (request.method === 'POST' ? 201 : 200);
      await this.finish(principal.userId, key, status, body ?? null);
      return body;
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 500;
      if (status >= 500 || status === 401 || status === 429) {
        await this.dataSource.query(
          `delete from idempotency_keys where user_id = $1 and key = $2 and state = 'IN_PROGRESS'`,
          [principal.userId, key],
        );
      } else {
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        const response = (error as HttpException).getResponse() as Record<string, unknown>;
        await this.finish(principal.userId, key, status, {
          statusCode: status,
          code: response.code ?? 'ERROR',
          message: response.message ?? (error as Error).message,
          ...(response.details !== undefined ? { details: response.details } : {}),
          requestId: String(reply.request.id),
        });
      }
      throw error;
    }
  }

  private async finish(userId: string, key: string, status: number, body: unknown): Promise<void> {
    try {
      await this.dataSource.query(
        `update idempotency_keys set state = 'DONE', status_code = $3, response_body = $4 where user_id = $1 and key = $2`,
        [userId, key, status, JSON.stringify(body)],
      );
    } catch (e) {
      this.logger.error(`could not store the answer for an idempotency key: ${(e as Error).message}`);
    }
  }
}
