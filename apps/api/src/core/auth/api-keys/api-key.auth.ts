import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Permission } from '@kapok/contracts';
import { DataSource } from 'typeorm';
import type { Principal } from '../../context/request-context.js';
import { AppError } from '../../errors/app-error.js';
import { EventsHub } from '../../events/events.hub.js';
import { hashApiKey, looksLikeApiKey } from './api-key.secret.js';

const TTL_MS = 10_000;
/** `last_used_at` is written at most this often per key, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

interface KeyRow {
  id: string;
  name: string;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  role_code: string;
  permissions: Permission[];
}

interface Entry {
  row: KeyRow;
  loaded: number;
}

/** The username audit rows and lists show for a key: it is not a person. */
export const apiKeyActorName = (name: string) => `key:${name}`;

/**
 * Resolves an `x-api-key` header to a principal with the key's role. Keys are kept in memory by hash a
 * few seconds and dropped on any key or role event of any instance, so a request costs no query.
 */
@Injectable()
export class ApiKeyAuth implements OnModuleInit {
  private readonly logger = new Logger('ApiKeyAuth');
  private readonly entries = new Map<string, Entry>();
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: EventsHub,
  ) {}

  onModuleInit(): void {
    this.hub.subscribe((event) => {
      if (/^(api_key|role)\./.test(event.type)) this.clear();
    });
  }

  clear(): void {
    this.entries.clear();
  }

  async authenticate(secret: string): Promise<Principal> {
    if (!looksLikeApiKey(secret)) throw new AppError(401, 'INVALID_API_KEY', 'The API key is not valid');
    const hash = hashApiKey(secret);
    const row = await this.load(hash);
    if (!row) throw new AppError(401, 'INVALID_API_KEY', 'The API key is not valid');
    if (row.revoked_at) throw new AppError(401, 'API_KEY_REVOKED', 'This API key has been revoked');
    if (row.expires_at && row.expires_at.getTime() <= Date.now())
      throw new AppError(401, 'API_KEY_EXPIRED', 'This API key has expired');
    await this.touch(row);
    return {
      userId: row.id,
      username: apiKeyActorName(row.name),
      sessionId: row.id,
      roleCode: row.role_code,
      department: null,
      permissions: new Set(row.permissions),
      apiKey: { id: row.id, name: row.name },
    };
  }

  private async load(hash: string): Promise<KeyRow | undefined> {
    const entry = this.entries.get(hash);
    if (entry && Date.now() - entry.loaded < TTL_MS) return entry.row;
    const rows: KeyRow[] = await this.dataSource.query(
      `select k.id, k.name, k.expires_at, k.revoked_at, k.last_used_at, r.code as role_code, r.permissions
         from api_keys k join roles r on r.id = k.role_id
        where k.secret_hash = $1`,
      [hash],
    );
    const row = rows[0];
    // Unknown keys are not kept: guessing must not fill memory.
    if (!row) return undefined;
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(hash, { row, loaded: Date.now() });
    return row;
  }

  /** Marks the key used, at most once a minute per key and instance. */
  private async touch(row: KeyRow): Promise<void> {
    const now = Date.now();
    const last = Math.max(this.touched.get(row.id) ?? 0, row.last_used_at?.getTime() ?? 0);
    if (now - last < LAST_USED_RESOLUTION_MS) return;
    this.touched.set(row.id, now);
    try {
      await this.dataSource.query(
        `update api_keys set last_used_at = now()
          where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
        [row.id],
      );
    } catch (error) {
      // A request is not refused because its key's last-used time could not be written.
      this.logger.warn(`could not record the use of API key ${row.id}: ${(error as Error).message}`);
    }
  }
}
