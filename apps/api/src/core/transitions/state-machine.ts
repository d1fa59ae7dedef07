import { Injectable } from '@nestjs/common';
import type { EventType, Permission } from '@kapok/contracts';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '../audit/audit.writer.js';
import type { Principal } from '../context/request-context.js';
import { AppError, notFound } from '../errors/app-error.js';
import { EventPublisher } from '../events/event-publisher.js';

/** One row of a transition table in `libs/contracts`: the states it leaves, the state it reaches, who may. */
export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  /** The state it reaches, or the states it may reach (the transition's `to` option picks one). */
  readonly to: S | readonly S[];
  readonly permission: Permission;
}

/**
 * What a module tells the helper about one of its state machines. The helper never names a table:
 * `lock` and `save` are the owning module's own typed SQL.
 */
export interface StateMachine<
  Row,
  S extends string,
  A extends string,
  C extends object = Record<string, unknown>,
> {
  /** snake_case entity name: the audit entity type and the prefix of its events (`kanban_card.approved`). */
  readonly entity: string;
  /** How people call it in a message ("manufacturing order"). */
  readonly noun: string;
  readonly transitions: Readonly<Record<A, TransitionRule<S>>>;
  readonly pastTense: Readonly<Record<A, string>>;
  /** Reads and locks the row (`select … for update`); undefined when it does not exist. */
  lock(m: EntityManager, id: string): Promise<Row | undefined>;
  state(row: Row): S;
  /** The document number a person knows it by. */
  label(row: Row): string;
  /** Writes the new state with the effect's changes (and bumps version / updated_at). */
  save(m: EntityManager, row: Row, to: S, changes: C): Promise<void>;
}

export interface TransitionOptions<Row, C extends object, S extends string = string> {
  /** A rule on this row beyond the permission (department, self-approval): a refusal, or null. */
  rowRule?: (row: Row, principal: Principal) => AppError | null;
  /** The stock or other effect of the transition, run on the locked row; returns the columns to change. */
  effect?: (m: EntityManager, row: Row) => Promise<C> | C;
  /** What the audit row keeps beyond the state change (defaults to the effect's changes). */
  auditAfter?: (row: Row, changes: C) => Record<string, unknown>;
  /** Skip the permission check (a batch checked it once). */
  permissionChecked?: boolean;
  /** For a rule with several target states: which one, after the effect. */
  to?: (row: Row, changes: C) => S;
}

export interface TransitionResult<Row, S extends string, C> {
  before: Row;
  from: S;
  to: S;
  changes: C;
}

/**
 * The one transition skeleton of every state machine: lock the row → check the table → check who →
 * run the effect → save → audit → publish, all in the caller's transaction (so a batch can run many in
 * one). A second concurrent transition of the same row waits on the lock, then answers 409.
 */
@Injectable()
export class StateTransitions {
  constructor(
    private readonly audit: AuditWriter,
    private readonly events: EventPublisher,
  ) {}

  async apply<Row, S extends string, A extends string, C extends object>(
    m: EntityManager,
    machine: StateMachine<Row, S, A, C>,
    action: A,
    id: string,
    principal: Principal,
    options: TransitionOptions<Row, C, S> = {},
  ): Promise<TransitionResult<Row, S, C>> {
    const rule = machine.transitions[action];
    const row = await machine.lock(m, id);
    if (row === undefined) throw notFound(machine.noun, id);
    const from = machine.state(row);
    const past = machine.pastTense[action];
    if (!rule.from.includes(from)) {
      throw new AppError(409, 'INVALID_STATE', `${machine.label(row)} is ${from}; it cannot be ${past} now`, {
        currentState: from,
        allowedFrom: rule.from,
      });
    }
    if (!options.permissionChecked && !principal.permissions.has(rule.permission)) {
      throw new AppError(403, 'FORBIDDEN', `You need the permission ${rule.permission} for this`, {
        required: rule.permission,
      });
    }
    const refused = options.rowRule?.(row, principal);
    if (refused) throw refused;
    const changes = (options.effect ? await options.effect(m, row) : {}) as C;
    const to = targetOf(rule, options.to?.(row, changes));
    await machine.save(m, row, to, changes);
    const name = `${machine.entity}.${past}`;
    await this.audit.record(m, {
      action: name,
      entityType: machine.entity,
      entityId: id,
      before: { state: from },
      after: { state: to, ...(options.auditAfter ? options.auditAfter(row, changes) : changes) },
    });
    await this.events.publish(m, name as EventType, [id]);
    return { before: row, from, to, changes };
  }
}

function targetOf<S extends string>(rule: TransitionRule<S>, picked: S | undefined): S {
  const allowed: readonly S[] = typeof rule.to === 'string' ? [rule.to as S] : (rule.to as readonly S[]);
  const to = picked ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (to === undefined || !allowed.includes(to))
    throw new Error(`transition to ${String(picked)} is not in its table`);
  return to;
}
