import { Injectable } from '@nestjs/common';
import {
  SEGREGATION_ALARM_TRANSITIONS,
  type Department,
  type SegregationAlarmAction,
  type SegregationAlarmState,
} from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import { ownsDepartment } from '../ppic/orders/mo.read.js';
import { Locations, type PostingOp, PostingService } from '../warehouse/index.js';
import type {
  AcknowledgeAlarmRequest,
  LineBlockResponse,
  LineResponse,
  SegregationAlarmResponse,
} from './dto/production-control.dto.js';
import { BlockMachine, LineControlService } from './line-control.service.js';
import { LineOccupancyReader } from './line-occupancy.js';
import { LineViews } from './line-views.js';
import {
  lockAlarm,
  saveAlarm,
  type SegregationAlarmRow,
  selectAlarms,
  selectBlocks,
} from './production-control.sql.js';

class AlarmMachine implements StateMachine<
  SegregationAlarmRow,
  SegregationAlarmState,
  SegregationAlarmAction,
  AcknowledgeAlarmRequest
> {
  readonly entity = 'segregation_alarm';
  readonly noun = 'segregation alarm';
  readonly transitions = SEGREGATION_ALARM_TRANSITIONS;
  readonly pastTense = { acknowledge: 'acknowledged' };
  lock = lockAlarm;
  state = (a: SegregationAlarmRow) => a.state;
  label = (a: SegregationAlarmRow) => `The segregation alarm of ${a.handover_number}`;
  constructor(private readonly by: string) {}
  async save(
    m: EntityManager,
    a: SegregationAlarmRow,
    to: SegregationAlarmState,
    c: AcknowledgeAlarmRequest,
  ): Promise<void> {
    await saveAlarm(m, a.id, to, { method: c.method, notes: c.notes, acknowledgedById: this.by });
  }
}

const notYours = (department: Department) =>
  new AppError(403, 'FORBIDDEN', `This is the ${department} line; it is not yours to work`);

/** What people do about a line: a supervisor overrides a block, the receiver acknowledges an alarm, WIP is scrapped. */
@Injectable()
export class LineCommandsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly transitions: StateTransitions,
    private readonly views: LineViews,
    private readonly control: LineControlService,
    private readonly occupancy: LineOccupancyReader,
    private readonly locations: Locations,
    private readonly posting: PostingService,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  /** Accepting despite a block: production.approve, a reason, audited; the sender's next handover goes through. */
  async override(id: string, reason: string, principal: Principal): Promise<LineBlockResponse> {
    await this.tx.run(async (m) => {
      const { before } = await this.transitions.apply(m, new BlockMachine(), 'override', id, principal, {
        rowRule: (b, p) => (ownsDepartment(p, b.department) ? null : notYours(b.department)),
        effect: () => ({ resolvedById: principal.userId, overrideReason: reason.trim() }),
      });
      await this.audit.record(m, {
        action: 'manufacturing_order.block_overridden',
        entityType: 'manufacturing_order',
        entityId: before.mo_id,
        after: { notes: `Line clearance at ${before.department} overridden: ${reason.trim()}`, blockId: id },
      });
    });
    const m = this.dataSource.manager;
    return (await this.views.blocks(m, await selectBlocks(m, 'id = $1', [id])))[0];
  }

  /** The receiving line says how the batches are kept apart; only then may it accept the handover. */
  async acknowledge(
    id: string,
    body: AcknowledgeAlarmRequest,
    principal: Principal,
  ): Promise<SegregationAlarmResponse> {
    await this.tx.run(async (m) => {
      const notes = body.notes.trim();
      const { before } = await this.transitions.apply(
        m,
        new AlarmMachine(principal.userId),
        'acknowledge',
        id,
        principal,
        {
          rowRule: (a, p) => (ownsDepartment(p, a.department) ? null : notYours(a.department)),
          effect: () => ({ method: body.method, notes }),
        },
      );
      await this.audit.record(m, {
        action: 'manufacturing_order.segregation_acknowledged',
        entityType: 'manufacturing_order',
        entityId: before.mo_id,
        after: {
          notes: `${before.handover_number} at ${before.department}: ${body.method} — ${notes}`,
          alarmId: id,
        },
      });
    });
    const m = this.dataSource.manager;
    return (await this.views.alarms(m, await selectAlarms(m, 'id = $1', [id])))[0];
  }

  /** Clears a line of one order's WIP by scrapping it (to LOSS) with a reason. */
  async scrap(
    department: Department,
    moId: string,
    reason: string,
    principal: Principal,
  ): Promise<LineResponse> {
    if (!ownsDepartment(principal, department)) throw notYours(department);
    await this.tx.run(async (m) => {
      const [line] = await this.occupancy.read(m, department);
      const batch = line?.batches.find((b) => b.moId === moId);
      if (!line || !batch)
        throw new AppError(409, 'NOTHING_ON_LINE', `That order has no WIP on the ${department} line`, {
          department,
          moId,
        });
      const loss = await this.locations.virtual('LOSS', m);
      const ops: PostingOp[] = batch.items.map((i) => ({
        kind: 'move',
        type: 'SCRAP',
        productId: i.productId,
        fromLocationId: line.locationId,
        toLocationId: loss,
        quantity: i.quantity,
        note: reason.trim(),
      }));
      await this.posting.post(m, ops, {
        reference: batch.batchNumber,
        document: { type: 'manufacturing_order', id: moId },
      });
      const after = {
        department,
        moId,
        batchNumber: batch.batchNumber,
        items: batch.items,
        reason: reason.trim(),
      };
      await this.audit.record(m, {
        action: 'production_line.scrapped',
        entityType: 'production_line',
        entityId: line.locationId,
        after,
      });
      await this.audit.record(m, {
        action: 'manufacturing_order.line_wip_scrapped',
        entityType: 'manufacturing_order',
        entityId: moId,
        after: { notes: `${batch.quantity} pcs scrapped off the ${department} line: ${reason.trim()}` },
      });
      await this.events.publish(m, 'production_line.scrapped', [line.locationId]);
    });
    return (await this.control.lines(department)).items[0];
  }
}
