import type { Permission } from './permissions.js';

/**
 * Shop-floor control (original-system.md §2.5, SOP QT-09): line clearance before a handover, the
 * segregation alarm when destination or week change on a line, and escalation of what stays open.
 */
const values = <const T extends readonly string[]>(...v: T) => v;

/** What a line board tile shows: nothing on it, another order's WIP, a refused handover, an alarm. */
export const LINE_STATUSES = values('CLEAR', 'OCCUPIED', 'BLOCKED', 'ALARM');
export type LineStatus = (typeof LINE_STATUSES)[number];

/** How a segregation alarm was cleared: a 5 m empty gap on the conveyor, a stopped line, or inspection. */
export const CLEARANCE_METHODS = values('PHYSICAL_GAP', 'LINE_STOP', 'MANUAL_INSPECTION');
export type ClearanceMethod = (typeof CLEARANCE_METHODS)[number];

/** A refused handover: OPEN until the line is clear (CLEARED) or a supervisor overrides it. */
export const LINE_BLOCK_STATES = values('OPEN', 'CLEARED', 'OVERRIDDEN');
export type LineBlockState = (typeof LINE_BLOCK_STATES)[number];

export const SEGREGATION_ALARM_STATES = values('OPEN', 'ACKNOWLEDGED');
export type SegregationAlarmState = (typeof SEGREGATION_ALARM_STATES)[number];

/** Why a segregation alarm sounded: the incoming batch's destination or production week differs. */
export const SEGREGATION_REASONS = values('DESTINATION', 'WEEK');
export type SegregationReason = (typeof SEGREGATION_REASONS)[number];

/** The check a handover meets before it is sent (GET …/handover-check, the handover dialog). */
export const HANDOVER_CHECK_RESULTS = values('CLEAR', 'BLOCKED', 'ALARM');
export type HandoverCheckResult = (typeof HANDOVER_CHECK_RESULTS)[number];

export type LineBlockAction = 'clear' | 'override';
export type SegregationAlarmAction = 'acknowledge';

interface Rule<S extends string> {
  from: readonly S[];
  to: S;
  permission: Permission;
}

/**
 * A block clears itself when the sender hands over onto a clear line (the check passes); accepting despite
 * a block is a supervisor's override with a reason.
 */
export const LINE_BLOCK_TRANSITIONS: Record<LineBlockAction, Rule<LineBlockState>> = {
  clear: { from: ['OPEN'], to: 'CLEARED', permission: 'production.update' },
  override: { from: ['OPEN'], to: 'OVERRIDDEN', permission: 'production.approve' },
};

/** The receiving line acknowledges with a clearance method before it may accept the handover. */
export const SEGREGATION_ALARM_TRANSITIONS: Record<SegregationAlarmAction, Rule<SegregationAlarmState>> = {
  acknowledge: { from: ['OPEN'], to: 'ACKNOWLEDGED', permission: 'production.update' },
};

/** Who an open block or alarm goes to, and when (minutes after it opened). */
export const ESCALATION_RECIPIENTS = values(
  'LINE_SUPERVISOR',
  'PPIC_MANAGER',
  'FACTORY_MANAGER',
  'PRODUCTION_MANAGER',
);
export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];

export interface EscalationStep {
  step: number;
  afterMinutes: number;
  recipient: EscalationRecipient;
}

/** SOP QT-09: a blocked line goes to the supervisor, the PPIC manager after 30 min, the factory manager after 60. */
export const LINE_BLOCK_ESCALATION: readonly EscalationStep[] = [
  { step: 1, afterMinutes: 0, recipient: 'LINE_SUPERVISOR' },
  { step: 2, afterMinutes: 30, recipient: 'PPIC_MANAGER' },
  { step: 3, afterMinutes: 60, recipient: 'FACTORY_MANAGER' },
];

/** A segregation alarm goes to the supervisor at once and to the production manager after 10 min. */
export const SEGREGATION_ESCALATION: readonly EscalationStep[] = [
  { step: 1, afterMinutes: 0, recipient: 'LINE_SUPERVISOR' },
  { step: 2, afterMinutes: 10, recipient: 'PRODUCTION_MANAGER' },
];

/** One batch of WIP as the line check sees it. */
export interface LineBatchFacts {
  moId: string;
  articleId: string;
  destination: string | null;
  week: string | null;
}

export interface LineJudgement {
  result: HandoverCheckResult;
  /** Orders of another article on the line: the handover is refused. */
  blocking: string[];
  /** Orders of the same article with another destination or week: an alarm. */
  segregating: Array<{ moId: string; reasons: SegregationReason[] }>;
}

/**
 * The line clearance rule (checks 1–2 and the segregation check): WIP of another article still on the
 * receiving line blocks the handover (cut pieces of different batches must not mix); the same article for
 * another destination or week may come on only with a segregation acknowledged; the same article,
 * destination and week (a split lot) is clear.
 */
export function judgeLine(incoming: LineBatchFacts, onLine: readonly LineBatchFacts[]): LineJudgement {
  const others = onLine.filter((b) => b.moId !== incoming.moId);
  const blocking = others.filter((b) => b.articleId !== incoming.articleId).map((b) => b.moId);
  const segregating = others
    .filter((b) => b.articleId === incoming.articleId)
    .map((b) => {
      const reasons: SegregationReason[] = [];
      if ((b.destination ?? '') !== (incoming.destination ?? '')) reasons.push('DESTINATION');
      if ((b.week ?? '') !== (incoming.week ?? '')) reasons.push('WEEK');
      return { moId: b.moId, reasons };
    })
    .filter((s) => s.reasons.length > 0);
  const result: HandoverCheckResult =
    blocking.length > 0 ? 'BLOCKED' : segregating.length > 0 ? 'ALARM' : 'CLEAR';
  return { result, blocking, segregating };
}
