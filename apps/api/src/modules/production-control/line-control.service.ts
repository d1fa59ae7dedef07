import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  judgeLine,
  LINE_BLOCK_TRANSITIONS,
  type Department,
  type LineBlockAction,
  type LineBlockState,
  type LineStatus,
} from '@kapok/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditWriter } from '../../core/audit/audit.writer.js';
import type { Principal } from '../../core/context/request-context.js';
import { Transactions } from '../../core/database/transactions.js';
import { AppError, notFound } from '../../core/errors/app-error.js';
import { EventPublisher } from '../../core/events/event-publisher.js';
import { type StateMachine, StateTransitions } from '../../core/transitions/state-machine.js';
import { HandoverChecks, type OutgoingHandover } from '../ppic/production/handover-checks.js';
import { receivingHandover, sendingWorkOrder } from '../ppic/production/line-orders.facts.js';
import type {
  HandoverCheckResponse,
  LineAlertsResponse,
  LineList,
  LineResponse,
} from './dto/production-control.dto.js';
import { EscalationScheduler } from './escalation.js';
import { type LineBatch, type LineOccupancy, LineOccupancyReader } from './line-occupancy.js';
import { LineViews, snapshotOf, toBatch } from './line-views.js';
import {
  alarmOfHandover,
  insertAlarm,
  type LineBlockRow,
  lockBlock,
  lockOpenBlockOf,
  lockUnusedOverride,
  type NewBlock,
  recentEscalations,
  saveBlock,
  selectAlarms,
  selectBlocks,
  upsertBlock,
  useOverride,
} from './production-control.sql.js';

/** The refusal of a handover onto a line that is not clear; carries what the block records. */
export class LineNotClear extends AppError {
  constructor(readonly block: Omit<NewBlock, 'sentById'>) {
    const what = block.onLine.map((b) => `${b.batchNumber} (${b.articleCode}, ${b.quantity} pcs)`).join(', ');
    super(
      409,
      'LINE_NOT_CLEAR',
      `The ${block.department} line still holds ${what}; clear the line (hand it on or scrap it) before sending`,
      { department: block.department, onLine: block.onLine },
    );
  }
}

export class BlockMachine implements StateMachine<LineBlockRow, LineBlockState, LineBlockAction> {
  readonly entity = 'line_block';
  readonly noun = 'line block';
  readonly transitions = LINE_BLOCK_TRANSITIONS;
  readonly pastTense = { clear: 'cleared', override: 'overridden' };
  lock = lockBlock;
  state = (b: LineBlockRow) => b.state;
  label = (b: LineBlockRow) => `The block of ${b.batch_number} at ${b.department}`;
  async save(
    m: EntityManager,
    b: LineBlockRow,
    to: LineBlockState,
    c: { resolvedById?: string; overrideReason?: string; handoverId?: string },
  ): Promise<void> {
    await saveBlock(m, b.id, to, c);
  }
}

const lineLock = (m: EntityManager, department: Department) =>
  m.query('select pg_advisory_xact_lock(hashtext($1))', [`kapok:line:${department}`]);

/**
 * Line clearance and segregation at handovers (SOP QT-09 checks 1–2, #380/#382), hooked into ppic's
 * handover command through its `HandoverChecks`: a handover onto a line holding another article's WIP
 * is refused (409 LINE_NOT_CLEAR) and the block recorded after the refusal; the same article for another
 * destination or week raises a segregation alarm the receiver acknowledges before accepting.
 */
@Injectable()
export class LineControlService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactions,
    private readonly checks: HandoverChecks,
    private readonly occupancy: LineOccupancyReader,
    private readonly views: LineViews,
    private readonly transitions: StateTransitions,
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
    private readonly escalation: EscalationScheduler,
  ) {}

  onModuleInit(): void {
    this.checks.register({
      beforeSend: (m, h, p) => this.beforeSend(m, h, p),
      refused: (e, h, p) => this.refused(e, h, p),
      beforeAccept: (m, id) => this.beforeAccept(m, id),
    });
  }

  async lines(department?: Department): Promise<LineList> {
    const m = this.dataSource.manager;
    const lines = await this.occupancy.read(m, department);
    return { items: await this.toLines(m, lines) };
  }

  /** What a handover from this work order would meet now (the handover dialog shows it before sending). */
  async check(workOrderId: string): Promise<HandoverCheckResponse> {
    const m = this.dataSource.manager;
    const wo = await sendingWorkOrder(m, workOrderId);
    if (!wo) throw notFound('work order', workOrderId);
    if (!wo.next_department)
      throw new AppError(
        409,
        'LAST_DEPARTMENT',
        'The last department hands its goods over when the order is completed',
      );
    const [occupancy] = await this.occupancy.read(m, wo.next_department);
    const [line] = await this.toLines(m, [occupancy]);
    const judged = judgeLine(
      { moId: wo.mo_id, articleId: wo.article_id, destination: wo.destination, week: wo.week },
      occupancy.batches,
    );
    const byMo = new Map(occupancy.batches.map((b) => [b.moId, b]));
    const [override] = await selectBlocks(
      m,
      `from_work_order_id = $1 and state = 'OVERRIDDEN' and handover_id is null`,
      [wo.id],
    );
    return {
      result: judged.result,
      toDepartment: wo.next_department,
      line,
      blocking: judged.blocking.map((id) => toBatch(byMo.get(id)!)),
      segregating: judged.segregating.map((s) => ({ ...toBatch(byMo.get(s.moId)!), reasons: s.reasons })),
      overridden: override !== undefined,
    };
  }

  /** Open blocks and alarms everywhere, and the latest escalations: the shop-floor part of the alerts page. */
  async alerts(): Promise<LineAlertsResponse> {
    const m = this.dataSource.manager;
    const lines = await this.occupancy.read(m);
    const onLine = onLineOf(lines);
    const blocks = await selectBlocks(m, `state = 'OPEN'`, []);
    const alarms = await selectAlarms(m, `state = 'OPEN'`, []);
    const open = new Set([...blocks.map((b) => b.id), ...alarms.map((a) => a.id)]);
    return {
      blocks: await this.views.blocks(m, blocks, onLine),
      alarms: await this.views.alarms(m, alarms),
      escalations: this.views.escalations(await recentEscalations(m, 100), open),
    };
  }

  private async toLines(m: EntityManager, lines: LineOccupancy[]): Promise<LineResponse[]> {
    const departments = lines.map((l) => l.department);
    const onLine = onLineOf(lines);
    const blocks = await this.views.blocks(
      m,
      await selectBlocks(m, `state = 'OPEN' and department = any($1::department[])`, [departments]),
      onLine,
    );
    const alarms = await this.views.alarms(
      m,
      await selectAlarms(m, `state = 'OPEN' and department = any($1::department[])`, [departments]),
    );
    return lines.map((l) => {
      const own = blocks.filter((b) => b.department === l.department);
      const ownAlarms = alarms.filter((a) => a.department === l.department);
      const status: LineStatus = own.some((b) => !b.lineCleared)
        ? 'BLOCKED'
        : ownAlarms.length > 0
          ? 'ALARM'
          : l.batches.length > 0
            ? 'OCCUPIED'
            : 'CLEAR';
      return {
        department: l.department,
        locationCode: l.locationCode,
        status,
        batches: l.batches.map(toBatch),
        blocks: own,
        alarms: ownAlarms,
      };
    });
  }

  /** In the handover's transaction, with the receiving line locked against a second check at once. */
  private async beforeSend(
    m: EntityManager,
    h: OutgoingHandover,
    principal: Principal,
  ): Promise<(m: EntityManager, handoverId: string) => Promise<void>> {
    await lineLock(m, h.toDepartment);
    const wo = (await sendingWorkOrder(m, h.fromWorkOrderId))!;
    const [line] = await this.occupancy.read(m, h.toDepartment);
    const judged = judgeLine(
      { moId: h.moId, articleId: wo.article_id, destination: wo.destination, week: wo.week },
      line.batches,
    );
    const byMo = new Map(line.batches.map((b) => [b.moId, b]));
    if (judged.result === 'BLOCKED') {
      const override = await lockUnusedOverride(m, h.fromWorkOrderId);
      if (!override)
        throw new LineNotClear({
          department: h.toDepartment,
          fromDepartment: h.fromDepartment,
          fromWorkOrderId: h.fromWorkOrderId,
          moId: h.moId,
          batchNumber: wo.batch_number,
          quantity: h.quantity,
          blockingMoIds: judged.blocking,
          onLine: judged.blocking.map((id) => snapshotOf(byMo.get(id)!)),
        });
      // A supervisor let this one through: it uses the override, and no alarm is raised on top of it.
      return (tm, handoverId) => useOverride(tm, override.id, handoverId);
    }
    const open = await lockOpenBlockOf(m, h.fromWorkOrderId);
    return async (tm, handoverId) => {
      if (open) {
        // The line was cleared: the block ends with the handover that now goes through.
        await this.transitions.apply(tm, new BlockMachine(), 'clear', open.id, principal, {
          permissionChecked: true,
          effect: () => ({ resolvedById: principal.userId, handoverId }),
        });
      }
      if (judged.result === 'ALARM') await this.raiseAlarm(tm, h, handoverId, wo, judged, byMo, principal);
    };
  }

  private async raiseAlarm(
    m: EntityManager,
    h: OutgoingHandover,
    handoverId: string,
    wo: { batch_number: string; destination: string | null; week: string | null },
    judged: ReturnType<typeof judgeLine>,
    byMo: Map<string, LineBatch>,
    principal: Principal,
  ): Promise<void> {
    const handover = (await receivingHandover(m, handoverId))!;
    const reasons = [...new Set(judged.segregating.flatMap((s) => s.reasons))];
    const onLine = judged.segregating.map((s) => snapshotOf(byMo.get(s.moId)!));
    const alarm = await insertAlarm(m, {
      handoverId,
      handoverNumber: handover.number,
      department: h.toDepartment,
      fromDepartment: h.fromDepartment,
      moId: h.moId,
      batchNumber: wo.batch_number,
      destination: wo.destination,
      week: wo.week,
      reasons,
      onLine,
      raisedById: principal.userId,
    });
    const running = onLine.map((b) => `${b.batchNumber} ${b.destination ?? '–'} ${b.week ?? '–'}`).join(', ');
    const notes = `Segregation at ${h.toDepartment}: ${handover.number} (${wo.destination ?? '–'} ${wo.week ?? '–'}) after ${running}`;
    await this.audit.record(m, {
      action: 'segregation_alarm.raised',
      entityType: 'segregation_alarm',
      entityId: alarm.id,
      after: { handoverId, reasons, onLine },
    });
    await this.audit.record(m, {
      action: 'manufacturing_order.segregation_raised',
      entityType: 'manufacturing_order',
      entityId: h.moId,
      after: { notes, alarmId: alarm.id },
    });
    await this.events.publish(m, 'segregation_alarm.raised', [alarm.id]);
    await this.escalation.schedule(m, 'segregation_alarm', alarm.id);
  }

  /** After a LINE_NOT_CLEAR refusal rolled back: the block, in a short transaction of its own. */
  private async refused(error: unknown, h: OutgoingHandover, principal: Principal): Promise<void> {
    if (!(error instanceof LineNotClear)) return;
    await this.tx.run(async (m) => {
      const { row, created } = await upsertBlock(m, { ...error.block, sentById: principal.userId });
      await this.audit.record(m, {
        action: created ? 'line_block.created' : 'line_block.attempted',
        entityType: 'line_block',
        entityId: row.id,
        after: { department: row.department, onLine: row.on_line, attempts: row.attempts },
      });
      if (!created) return;
      const what = error.block.onLine.map((b) => `${b.batchNumber} (${b.articleCode})`).join(', ');
      await this.audit.record(m, {
        action: 'manufacturing_order.line_blocked',
        entityType: 'manufacturing_order',
        entityId: h.moId,
        after: { notes: `Handover to ${h.toDepartment} refused: ${what} still on the line`, blockId: row.id },
      });
      await this.events.publish(m, 'line_block.created', [row.id]);
      await this.escalation.schedule(m, 'line_block', row.id);
    });
  }

  private async beforeAccept(m: EntityManager, handoverId: string): Promise<void> {
    const alarm = await alarmOfHandover(m, handoverId);
    if (alarm?.state === 'OPEN')
      throw new AppError(
        409,
        'SEGREGATION_NOT_ACKNOWLEDGED',
        `Segregation alarm on the ${alarm.department} line (${alarm.reasons.join(', ').toLowerCase()} differs): acknowledge how the batches are kept apart before accepting`,
        { alarmId: alarm.id, reasons: alarm.reasons },
      );
  }
}

/** Per department, the orders whose WIP is on its line now. */
function onLineOf(lines: LineOccupancy[]): (department: string) => ReadonlySet<string> {
  const map = new Map(lines.map((l) => [l.department as string, new Set(l.batches.map((b) => b.moId))]));
  return (department) => map.get(department) ?? new Set();
}
