import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Principal } from '../context/request-context.js';
import { EventsHub } from '../events/events.hub.js';

const TTL_MS = 5_000;

/**
 * Principals (user, role, permissions, session state) by session id, kept a few seconds so a request
 * costs no query. Dropped whole when any user, role or session changes, on every instance, through the
 * events channel.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly entries = new Map<string, { principal: Principal; expires: number }>();

  constructor(private readonly hub: EventsHub) {}

  onModuleInit(): void {
    this.hub.subscribe((event) => {
      if (/^(user|role|session)\./.test(event.type)) this.clear();
    });
  }

  get(sessionId: string): Principal | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.principal;
  }

  set(principal: Principal): void {
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(principal.sessionId, { principal, expires: Date.now() + TTL_MS });
  }

  clear(): void {
    this.entries.clear();
  }
}
