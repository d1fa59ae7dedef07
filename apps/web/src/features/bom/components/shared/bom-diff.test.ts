import { describe, expect, it } from 'vitest';
import { boneka, line } from '../test-fixtures';
import { comparableBom, diffBoms, isEmptyDiff } from './bom-diff';

describe('diffBoms', () => {
  it('finds nothing between a BOM and itself', () => {
    expect(isEmptyDiff(diffBoms(comparableBom(boneka()), comparableBom(boneka())))).toBe(true);
  });

  it('reports added, removed and changed lines with the fields that changed', () => {
    const before = boneka();
    const after = boneka({
      outputQuantity: 2,
      lines: [
        before.lines[0]!,
        { ...before.lines[1]!, neededQuantity: 0.056, wastagePercent: 2, variants: [] },
        line({ componentCode: 'ALB40011', department: 'FINISHING', uom: 'PCS', componentUom: 'PCS' }),
      ],
    });

    const diff = diffBoms(comparableBom(before), comparableBom(after));

    expect(diff.header).toEqual([{ field: 'outputQuantity', before: 1, after: 2 }]);
    expect(
      diff.lines.map((c) => [c.kind, c.kind === 'changed' ? c.after.componentCode : c.line.componentCode]),
    ).toEqual([
      ['added', 'ALB40011'],
      ['changed', 'IKP20157'],
      ['removed', 'THR-5180-QA101'],
    ]);
    const changed = diff.lines.find((c) => c.kind === 'changed');
    expect(changed?.kind === 'changed' && changed.changes.map((c) => c.field)).toEqual([
      'neededQuantity',
      'wastagePercent',
      'variants',
    ]);
  });

  it('sees a line moved to another department as a change, not a removal and an addition', () => {
    const before = boneka();
    const moved = { ...before.lines[2]!, department: 'SEWING' as const };
    const diff = diffBoms(
      comparableBom(before),
      comparableBom({ ...before, lines: [...before.lines.slice(0, 2), moved] }),
    );
    expect(diff.lines).toHaveLength(1);
    expect(diff.lines[0]).toMatchObject({
      kind: 'changed',
      changes: [{ field: 'department', before: 'FINISHING', after: 'SEWING' }],
    });
  });
});
