import { describe, expect, it } from 'vitest';
import { actionForDrop, ageOf, allowedTargets, boardView, isOverdue, reorder } from './board-model';
import { makeCard, NOW } from './test-card';

describe('allowed drop targets', () => {
  it('are the columns the card’s actions lead to', () => {
    expect(allowedTargets(makeCard({ status: 'REQUESTED', actions: ['approve', 'reject'] }))).toEqual([
      'APPROVED',
      'REJECTED',
    ]);
    expect(allowedTargets(makeCard({ status: 'REQUESTED', actions: ['cancel'] }))).toEqual(['CANCELLED']);
    expect(allowedTargets(makeCard({ status: 'IN_TRANSIT', actions: ['receive'] }))).toEqual(['RECEIVED']);
  });

  it('are none when the user may do nothing with the card', () => {
    expect(allowedTargets(makeCard({ status: 'APPROVED', actions: [] }))).toEqual([]);
  });

  it('ignore an action the card’s state no longer allows', () => {
    // A stale answer: the card is already in transit, so "approve" leads nowhere.
    expect(allowedTargets(makeCard({ status: 'IN_TRANSIT', actions: ['approve', 'receive'] }))).toEqual([
      'RECEIVED',
    ]);
  });

  it('map a drop on a column to the action, or to nothing', () => {
    const card = makeCard({ status: 'APPROVED', actions: ['ship', 'reject'] });
    expect(actionForDrop(card, 'IN_TRANSIT')).toBe('ship');
    expect(actionForDrop(card, 'REJECTED')).toBe('reject');
    expect(actionForDrop(card, 'RECEIVED')).toBeNull();
    expect(actionForDrop(card, 'REQUESTED')).toBeNull();
  });
});

describe('boardView', () => {
  it('draws a pending move in its new column, in board order, without buttons', () => {
    const urgent = makeCard({ id: 'a', priority: 'URGENT', actions: ['approve', 'reject'] });
    const approvedLow = makeCard({ id: 'b', status: 'APPROVED', priority: 'LOW' });
    const view = boardView([urgent, approvedLow], new Map([['a', { status: 'APPROVED' as const }]]));
    expect(view.columns.REQUESTED).toEqual([]);
    expect(view.columns.APPROVED.map((c) => c.id)).toEqual(['a', 'b']);
    expect(view.columns.APPROVED[0]!.actions).toEqual([]);
    expect(view.pending.has('a')).toBe(true);
  });
});

describe('reorder', () => {
  const neededBy = '2025-11-27T01:00:00.000Z';
  const column = [
    makeCard({ id: 'u', priority: 'URGENT', position: 1024 }),
    makeCard({ id: 'n1', priority: 'NORMAL', neededBy, position: 1024 }),
    makeCard({ id: 'n2', priority: 'NORMAL', neededBy, position: 2048 }),
    makeCard({ id: 'n3', priority: 'NORMAL', neededBy, position: 3072 }),
  ];

  it('puts a card between its new neighbours of the same rank', () => {
    expect(reorder(column, 'n3', 'n2')).toEqual({ kind: 'moved', position: 1536 });
    expect(reorder(column, 'n1', 'n3')).toEqual({ kind: 'moved', position: 4096 });
    expect(reorder(column, 'n3', 'n1')).toEqual({ kind: 'moved', position: 0 });
  });

  it('refuses to move a card past a higher priority', () => {
    expect(reorder(column, 'n1', 'u')).toEqual({ kind: 'ranked' });
    expect(reorder(column, 'u', 'n2')).toEqual({ kind: 'ranked' });
  });
});

describe('isOverdue and ageOf', () => {
  it('marks open cards past their needed-by, never closed ones', () => {
    expect(isOverdue(makeCard({ neededBy: '2025-11-26T04:00:00.000Z' }), NOW)).toBe(true);
    expect(isOverdue(makeCard({ neededBy: '2025-11-26T05:00:00.000Z' }), NOW)).toBe(false);
    expect(isOverdue(makeCard({ neededBy: null }), NOW)).toBe(false);
    expect(isOverdue(makeCard({ status: 'RECEIVED', neededBy: '2025-11-26T04:00:00.000Z' }), NOW)).toBe(
      false,
    );
  });

  it('reads ages in minutes, hours, then days', () => {
    expect(ageOf('2025-11-26T04:29:40.000Z', NOW)).toEqual({ unit: 'now' });
    expect(ageOf('2025-11-26T04:05:00.000Z', NOW)).toEqual({ unit: 'minutes', n: 25 });
    expect(ageOf('2025-11-26T02:00:00.000Z', NOW)).toEqual({ unit: 'hours', n: 2 });
    expect(ageOf('2025-11-23T04:30:00.000Z', NOW)).toEqual({ unit: 'days', n: 3 });
  });
});
