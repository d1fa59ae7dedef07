import { describe, expect, it } from 'vitest';
import { judgeLine } from './production-control.js';

const batch = (moId: string, articleId: string, destination = 'EU', week = '2401') => ({
  moId,
  articleId,
  destination,
  week,
});

describe('line clearance rule', () => {
  it('is clear on an empty line and for the order itself', () => {
    expect(judgeLine(batch('a', 'x'), []).result).toBe('CLEAR');
    expect(judgeLine(batch('a', 'x'), [batch('a', 'x', 'AP')]).result).toBe('CLEAR');
  });

  it('blocks while another article is on the line', () => {
    expect(judgeLine(batch('a', 'x'), [batch('b', 'y'), batch('c', 'x', 'AP')])).toEqual({
      result: 'BLOCKED',
      blocking: ['b'],
      segregating: [{ moId: 'c', reasons: ['DESTINATION'] }],
    });
  });

  it('sounds the alarm for the same article with another destination or week; a split lot is clear', () => {
    expect(judgeLine(batch('a', 'x', 'EU', '2401'), [batch('b', 'x', 'AP', '2405')]).segregating).toEqual([
      { moId: 'b', reasons: ['DESTINATION', 'WEEK'] },
    ]);
    expect(judgeLine(batch('a', 'x', 'EU', '2401'), [batch('b', 'x', 'EU', '2405')]).result).toBe('ALARM');
    expect(judgeLine(batch('a', 'x'), [batch('b', 'x')]).result).toBe('CLEAR');
  });
});
