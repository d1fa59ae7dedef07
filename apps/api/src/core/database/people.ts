import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventsHub } from '../events/events.hub.js';

export interface PersonRef {
  id: string;
  username: string;
  fullName: string;
}

interface UserRow {
  id: string;
  username: string;
  full_name: string;
}

/**
 * Names of the people documents point at (requested by, approved by, …), kept in memory: they change
 * rarely and every list shows them. Unknown ids are loaded in one query; the whole cache is dropped on
 * any user event of any instance.
 */
@Injectable()
export class People implements OnModuleInit {
  private readonly known = new Map<string, PersonRef>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly hub: EventsHub,
  ) {}

  onModuleInit(): void {
    this.hub.subscribe((event) => {
      if (event.type.startsWith('user.') || event.type.startsWith('api_key.')) this.known.clear();
    });
  }

  /** A lookup for the given ids (nulls ignored); loads the ones not seen yet in one query. */
  async lookup(
    ids: Iterable<string | null | undefined>,
    m: EntityManager = this.dataSource.manager,
  ): Promise<(id: string | null | undefined) => PersonRef | null> {
    const found = new Map<string, PersonRef>();
    const missing: string[] = [];
    for (const id of ids) {
      if (!id || found.has(id)) continue;
      const person = this.known.get(id);
      if (person) found.set(id, person);
      else missing.push(id);
    }
    if (missing.length) {
      const rows: UserRow[] = await m.query(
        // API keys act too (their id stands where a user's would); they are shown as `key:<name>`.
        `select id, username, full_name from users where id = any($1::uuid[])
         union all
         select id, 'key:' || name, name from api_keys where id = any($1::uuid[])`,
        [[...new Set(missing)]],
      );
      for (const u of rows) {
        const person = { id: u.id, username: u.username, fullName: u.full_name };
        this.known.set(u.id, person);
        found.set(u.id, person);
      }
    }
    return (id) => (id ? (found.get(id) ?? null) : null);
  }
}
