import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context.js';
import { claimIdempotencyKey } from '../idempotency/idempotency.interceptor.js';
import { isRetryableTransactionError } from './db-errors.js';
import { EventsHub } from '../events/events.hub.js';
import { countCommitted } from '../metrics/counters.js';
import { flushOutbox, type Outbox, openOutbox } from './outbox.js';

const MAX_ATTEMPTS = 5;

/** Work a module adds to every command's transaction from its outbox, just before it is flushed. */
export type BeforeCommitHook = (manager: EntityManager, outbox: Outbox) => Promise<void>;

/**
 * Runs one command in one transaction. The work, its audit rows and its events commit together (the
 * latter two gathered in the transaction's outbox and written by one statement before commit).
 * Serialization failures and deadlocks are retried a bounded number of times with jitter, so the
 * callback must be safe to run again (it is: nothing it did survives a rollback).
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');
  private readonly beforeCommit: BeforeCommitHook[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: EventsHub,
  ) {}

  /** Registers work for every command's transaction (webhook deliveries of its events). */
  onBeforeCommit(hook: BeforeCommitHook): void {
    this.beforeCommit.push(hook);
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        let outbox: Outbox | undefined;
        const result = await this.dataSource.transaction(async (manager) => {
          // The request's Idempotency-Key is claimed first and commits with the command: a crash cannot
          // run it twice, and a crash before the commit leaves the key free.
          await claimIdempotencyKey(manager);
          const box = (outbox = openOutbox(manager));
          const result = await work(manager);
          for (const hook of this.beforeCommit) await hook(manager, box);
          // Audit rows and events commit with the command, written by one statement.
          await flushOutbox(manager, box);
          return result;
        });
        if (outbox) {
          countCommitted(outbox);
          // Caches of this instance drop what the command changed before its answer leaves.
          this.hub.committedHere(outbox.payloads);
        }
        const claim = RequestContext.current()?.idempotency;
        if (claim) claim.committed = true;
        return result;
      } catch (error) {
        if (!isRetryableTransactionError(error) || attempt >= MAX_ATTEMPTS) throw error;
        this.logger.warn(`transaction retry ${attempt} after ${(error as { code?: string }).code}`);
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
      }
    }
  }
}
