import { Injectable } from '@nestjs/common';
import type { Department } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../../core/context/request-context.js';

/** A handover about to be written. */
export interface OutgoingHandover {
  fromWorkOrderId: string;
  toWorkOrderId: string;
  moId: string;
  fromDepartment: Department;
  toDepartment: Department;
  quantity: string;
}

/**
 * A check another module (shop-floor control) runs on handovers without ppic knowing it: before a
 * handover is written (throw to refuse; the returned follow-up runs once it exists, same transaction),
 * after a refused send rolled back (record the refusal in a short transaction of its own), and before
 * the receiver accepts (throw to refuse).
 */
export interface HandoverCheck {
  beforeSend(
    m: EntityManager,
    h: OutgoingHandover,
    principal: Principal,
  ): Promise<((m: EntityManager, handoverId: string) => Promise<void>) | void>;
  refused(error: unknown, h: OutgoingHandover, principal: Principal): Promise<void>;
  beforeAccept(m: EntityManager, handoverId: string, principal: Principal): Promise<void>;
}

@Injectable()
export class HandoverChecks {
  private readonly checks: HandoverCheck[] = [];

  register(check: HandoverCheck): void {
    this.checks.push(check);
  }

  async beforeSend(
    m: EntityManager,
    h: OutgoingHandover,
    principal: Principal,
  ): Promise<(m: EntityManager, handoverId: string) => Promise<void>> {
    const after: Array<(m: EntityManager, id: string) => Promise<void>> = [];
    for (const check of this.checks) {
      const next = await check.beforeSend(m, h, principal);
      if (next) after.push(next);
    }
    return async (tm, id) => {
      for (const next of after) await next(tm, id);
    };
  }

  async refused(error: unknown, h: OutgoingHandover | undefined, principal: Principal): Promise<void> {
    if (!h) return;
    for (const check of this.checks) await check.refused(error, h, principal);
  }

  async beforeAccept(m: EntityManager, handoverId: string, principal: Principal): Promise<void> {
    for (const check of this.checks) await check.beforeAccept(m, handoverId, principal);
  }
}
