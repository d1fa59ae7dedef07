import { Injectable } from '@nestjs/common';
import {
  LOT_QUALITY_PAST_TENSE,
  LOT_QUALITY_TRANSITIONS,
  type LotQualityAction,
  type LotQualityStatus,
} from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/context/request-context.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { PassportService } from '../passport/passport.service.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import { Transactions } from '../../core/database/transactions.js';
import {
  lockLotQuality,
  lotsQuality,
  type LotQualityRow,
  saveLotQualityStatus,
} from '../warehouse/lots/lot-quality.facts.js';

/** A lot's quality status as a state machine: events `quality.lot.released|rejected|blocked`, audited. */
class LotQualityMachine implements StateMachine<LotQualityRow, LotQualityStatus, LotQualityAction> {
  readonly entity = 'quality.lot';
  readonly noun = 'lot';
  readonly transitions = LOT_QUALITY_TRANSITIONS;
  readonly pastTense = LOT_QUALITY_PAST_TENSE;
  lock = lockLotQuality;
  state = (l: LotQualityRow) => l.quality_status;
  label = (l: LotQualityRow) => `Lot ${l.lot_number} of ${l.product_code}`;
  async save(m: EntityManager, l: LotQualityRow, to: LotQualityStatus): Promise<void> {
    await saveLotQualityStatus(m, l.id, to);
  }
}

/** Every change of a lot's quality status goes through here, in the caller's transaction. */
@Injectable()
export class LotDecisions {
  constructor(
    private readonly transitions: StateTransitions,
    private readonly tx: Transactions,
    private readonly passports: PassportService,
    private readonly events: EventPublisher,
  ) {}

  /** quality.approve's override: release (even a blocked or rejected lot) or block, always with a reason. */
  async decide(
    lotId: string,
    action: 'release' | 'block',
    reason: string,
    principal: Principal,
  ): Promise<LotQualityRow> {
    return this.tx.run(async (m) => {
      await this.apply(m, action, lotId, principal, { reason: reason.trim(), override: true });
      return (await lotsQuality(m, [lotId]))[0];
    });
  }

  async apply(
    m: EntityManager,
    action: LotQualityAction,
    lotId: string,
    principal: Principal,
    audit: Record<string, unknown> = {},
  ): Promise<LotQualityStatus> {
    const result = await this.transitions.apply(m, new LotQualityMachine(), action, lotId, principal, {
      auditAfter: (lot) => ({ lotNumber: lot.lot_number, productCode: lot.product_code, ...audit }),
    });
    // A released finished-goods batch carries its passport from this moment (same transaction).
    if (result.to === 'RELEASED') await this.passports.issueOnRelease(m, lotId);
    // The lot's stock joins or leaves free stock: whoever follows stock (an approved order's material
    // check, the stock pages, kanban) hears it as a stock change, without needing quality.view.
    await this.events.publish(m, 'stock.changed', [result.before.product_id]);
    return result.to;
  }
}
