import { describe, expect, it } from 'vitest';
import { keysForEvent, matchesPrefix } from './live-events';

const routes = [
  {
    prefix: 'admin.user',
    keys: [
      ['admin', 'users'],
      ['admin', 'roles'],
    ],
  },
  { prefix: 'admin.role', keys: [['admin', 'roles']] },
  { prefix: 'admin', keys: [['admin', 'audit']] },
];

describe('live event routing', () => {
  it('matches whole dotted prefixes only', () => {
    expect(matchesPrefix('admin.user.updated', 'admin.user')).toBe(true);
    expect(matchesPrefix('admin.users.x', 'admin.user')).toBe(false);
    expect(matchesPrefix('admin', 'admin')).toBe(true);
  });

  it('collects the query-key roots of every matching prefix once', () => {
    expect(keysForEvent('admin.user.updated', routes)).toEqual([
      ['admin', 'users'],
      ['admin', 'roles'],
      ['admin', 'audit'],
    ]);
    expect(keysForEvent('kanban.card.updated', routes)).toEqual([]);
  });
});
