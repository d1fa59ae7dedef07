import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { KapokEvent } from '@kapok/contracts';
import pg from 'pg';
import { DATABASE_URL } from '../database/database.tokens.js';
import { EVENTS_CHANNEL } from './event-publisher.js';

type Listener = (event: KapokEvent) => void;

/**
 * LISTENs on the events channel with a dedicated connection and fans notices out to in-process
 * subscribers (SSE streams, caches). Reconnects by itself when the database goes away.
 */
@Injectable()
export class EventsHub implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('EventsHub');
  private readonly listeners = new Set<Listener>();
  private readonly commitListeners = new Set<Listener>();
  private readonly closers = new Set<() => void>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retryDelayMs = 500;
  private retryTimer: NodeJS.Timeout | undefined;
  private readyResolve!: () => void;
  /** Resolves once the first LISTEN is in place. */
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /** Long-lived streams end first, so the HTTP server can drain and close. */
  beforeApplicationShutdown(): void {
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.listeners.clear();
    await this.client?.end().catch(() => undefined);
  }

  /** Open client streams (subscribers that registered a shutdown hook), not internal listeners. */
  get subscriberCount(): number {
    return this.closers.size;
  }

  /** `onShutdown` is called when the application stops, to end the subscriber's stream. */
  subscribe(listener: Listener, onShutdown?: () => void): () => void {
    this.listeners.add(listener);
    if (onShutdown) this.closers.add(onShutdown);
    return () => {
      this.listeners.delete(listener);
      if (onShutdown) this.closers.delete(onShutdown);
    };
  }

  /**
   * Told at once of the notices of a command this instance just committed (caches), so the next read
   * here does not wait for the NOTIFY round trip; the NOTIFY still follows and tells everyone.
   */
  onLocalCommit(listener: Listener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  committedHere(payloads: readonly string[]): void {
    for (const payload of payloads) this.dispatch(payload, this.commitListeners);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3000 });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
      this.retryDelayMs = 500;
      this.readyResolve();
    } catch (e) {
      this.lost(client, e);
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.stopped || (this.client && this.client !== client)) return;
    if (this.retryTimer) return;
    this.client = undefined;
    client.removeAllListeners();
    client.end().catch(() => undefined);
    this.logger.warn(`event listener disconnected${error ? `: ${(error as Error).message}` : ''}; retrying`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryDelayMs);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
  }

  private dispatch(payload: string | undefined, listeners: ReadonlySet<Listener> = this.listeners): void {
    if (!payload) return;
    let event: KapokEvent;
    try {
      event = JSON.parse(payload) as KapokEvent;
    } catch {
      return;
    }
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (e) {
        this.logger.error(`event listener failed: ${(e as Error).message}`);
      }
    }
  }
}
