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
import { stringify } from 'safe-stable-stringify';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { AppError } from '../errors/app-error.js';

const KEY = /^[\x21-\x7e]{1,200}$/;
const TTL_HOURS = 24;
/** Advisory lock namespace of in-flight idempotency keys (the second key is a hash of user and key). */
const LOCK_NAMESPACE = 7_041_001;

/** Thrown to send a stored answer again, byte for byte. */
export class ReplayedAnswer extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly body: object,
  ) {
    super(body, statusCode);
  }
}

/** The key was committed by another request after this one looked: answer as that request did. */
class KeyTakenMeanwhile extends Error {}

const inProgress = () =>
  new AppError(
    409,
    'IDEMPOTENCY_IN_PROGRESS',
    'The first request with this Idempotency-Key is still running; retry shortly',
  );

interface KeyRow {
  request_hash: string;
  state: string;
  status_code: number | null;
  response_body: object | null;
  created_at: Date;
}

/**
 * Idempotency-Key for creates and transitions. The key is claimed *inside* the command's transaction
 * (see Transactions.claimIdempotencyKey): a transaction-scoped advisory lock marks it in flight, and
 * its row commits with the command. So a request whose process died leaves nothing behind and the key
 * is usable again at once, and a command can never commit twice. The answer is stored after the
 * commit. A repeat gets the first answer and changes nothing; the same key with another body (compared
 * in canonical form: key order does not matter) is 422; a repeat while the first still runs is 409.
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
      .update(`${request.method} ${request.url}\n${stringify(request.body ?? null)}`)
      .digest('hex');
    const userId = principal.userId;

    await this.answerIfKnown(userId, key, hash);
    const claim = { userId, key, requestHash: hash, committed: false };
    const store = RequestContext.current();
    if (store) store.idempotency = claim;
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // A handler that accepts work to finish later answers 202 itself; a replay says the same.
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      const status =
        reply.statusCode === 202
          ? 202
          : ((Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
            (request.method === 'POST' ? 201 : 200));
      await this.finish(claim, status, body ?? null);
      return body;
    } catch (error) {
      if (error instanceof KeyTakenMeanwhile) {
        await this.answerIfKnown(userId, key, hash);
        throw inProgress();
      }
      const status = error instanceof HttpException ? error.getStatus() : 500;
      const code = error instanceof AppError ? error.code : undefined;
      // Answers that say nothing about the request itself are not kept: it may be sent again.
      if (status < 500 && status !== 401 && status !== 429 && code !== 'IDEMPOTENCY_IN_PROGRESS') {
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        const response = (error as HttpException).getResponse() as Record<string, unknown>;
        await this.finish(claim, status, {
          statusCode: status,
          code: response.code ?? 'BAD_REQUEST',
          message: response.message ?? (error as Error).message,
          ...(response.details !== undefined ? { details: response.details } : {}),
          requestId: String(reply.request.id),
        });
      }
      throw error;
    }
  }

  /** Replays a stored answer, or refuses when the key belongs to another request or is being answered. */
  private async answerIfKnown(userId: string, key: string, hash: string): Promise<void> {
    const [existing]: KeyRow[] = await this.dataSource.query(
      `select request_hash, state, status_code, response_body, created_at from idempotency_keys
        where user_id = $1 and key = $2 and expires_at > now() and state <> 'IN_PROGRESS'`,
      [userId, key],
    );
    if (!existing) return;
    if (existing.request_hash !== hash) {
      throw new AppError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for a different request',
      );
    }
    if (existing.state === 'DONE') throw new ReplayedAnswer(existing.status_code!, existing.response_body!);
    // COMMITTED without an answer: the answer is being stored right now, or the process died in between.
    if (Date.now() - new Date(existing.created_at).getTime() > 30_000) {
      throw new AppError(
        409,
        'ALREADY_PROCESSED',
        'This request was already carried out; its answer is no longer available',
      );
    }
    throw inProgress();
  }

  private async finish(
    claim: { userId: string; key: string; requestHash: string; committed: boolean },
    status: number,
    body: unknown,
  ): Promise<void> {
    try {
      if (claim.committed) {
        await this.dataSource.query(
          `update idempotency_keys set state = 'DONE', status_code = $3, response_body = $4
            where user_id = $1 and key = $2 and state = 'COMMITTED'`,
          [claim.userId, claim.key, status, JSON.stringify(body)],
        );
      } else {
        // Nothing was committed (refused before or inside its transaction): keep the answer unless
        // another request with the key got there first.
        await this.dataSource.query(
          `insert into idempotency_keys (user_id, key, request_hash, state, status_code, response_body, expires_at)
           values ($1, $2, $3, 'DONE', $4, $5, now() + interval '${TTL_HOURS} hours')
           on conflict (user_id, key) do update
             set request_hash = excluded.request_hash, state = 'DONE', status_code = excluded.status_code,
                 response_body = excluded.response_body, created_at = now(), expires_at = excluded.expires_at
           where idempotency_keys.expires_at < now() or idempotency_keys.state = 'IN_PROGRESS'`,
          [claim.userId, claim.key, claim.requestHash, status, JSON.stringify(body)],
        );
      }
    } catch (e) {
      this.logger.error(`could not store the answer for an idempotency key: ${(e as Error).message}`);
    }
  }
}

/**
 * Claims the request's Idempotency-Key in the command's transaction (called by Transactions.run
 * first thing). The advisory lock lives as long as the transaction — or its connection, when the
 * process dies — so "in progress" can never outlive the request.
 */
export async function claimIdempotencyKey(manager: EntityManager): Promise<void> {
  const claim = RequestContext.current()?.idempotency;
  if (!claim || claim.committed) return;
  const [{ locked }]: Array<{ locked: boolean }> = await manager.query(
    'select pg_try_advisory_xact_lock($1, hashtext($2)) as locked',
    [LOCK_NAMESPACE, `${claim.userId}|${claim.key}`],
  );
  if (!locked) throw inProgress();
  const claimed: unknown[] = await manager.query(
    `insert into idempotency_keys (user_id, key, request_hash, state, expires_at)
     values ($1, $2, $3, 'COMMITTED', now() + interval '${TTL_HOURS} hours')
     on conflict (user_id, key) do update
       set request_hash = excluded.request_hash, state = 'COMMITTED', status_code = null, response_body = null,
           created_at = now(), expires_at = excluded.expires_at
     where idempotency_keys.expires_at < now() or idempotency_keys.state = 'IN_PROGRESS'
     returning 1`,
    [claim.userId, claim.key, claim.requestHash],
  );
  if (claimed.length === 0) throw new KeyTakenMeanwhile();
}
