import { describe, expect, it } from 'vitest';
import { kanbanActionFor, positionBetween } from './kanban.js';

describe('kanban rules', () => {
  it('maps column moves to actions and refuses the rest', () => {
    expect(kanbanActionFor('REQUESTED', 'APPROVED')).toBe('approve');
    expect(kanbanActionFor('APPROVED', 'IN_TRANSIT')).toBe('ship');
    expect(kanbanActionFor('APPROVED', 'REJECTED')).toBe('reject');
    expect(kanbanActionFor('IN_TRANSIT', 'RECEIVED')).toBe('receive');
    expect(kanbanActionFor('REQUESTED', 'RECEIVED')).toBeNull();
    expect(kanbanActionFor('RECEIVED', 'REQUESTED')).toBeNull();
  });

  it('finds positions between neighbours without renumbering', () => {
    expect(positionBetween()).toBe(1024);
    expect(positionBetween(1024)).toBe(2048);
    expect(positionBetween(undefined, 1024)).toBe(0);
    expect(positionBetween(1, 2)).toBe(1.5);
    let lo = 0;
    const hi = 1;
    for (let i = 0; i < 40; i++) lo = positionBetween(lo, hi);
    expect(lo).toBeLessThan(hi);
    expect(() => positionBetween(2, 1)).toThrow();
  });
});
