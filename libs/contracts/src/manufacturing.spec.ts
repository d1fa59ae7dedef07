import { describe, expect, it } from 'vitest';
import {
  handoverNeedsApproval,
  isVarianceWarning,
  MO_TRANSITIONS,
  nextDepartment,
  variance,
} from './manufacturing.js';

describe('manufacturing rules', () => {
  it('holds the MO state machine', () => {
    expect(MO_TRANSITIONS.cancel.from).toEqual(['DRAFT', 'APPROVED']);
    expect(MO_TRANSITIONS.approve.permission).toBe('ppic.approve');
  });

  it('computes variance and its warning', () => {
    expect(variance(495, 450)).toBe(0.1);
    expect(isVarianceWarning(variance(495, 450))).toBe(false);
    expect(isVarianceWarning(variance(496, 450))).toBe(true);
    expect(variance(380, 400)).toBe(-0.05);
    expect(isVarianceWarning(variance(350, 400))).toBe(true);
  });

  it('walks routes and judges handover differences', () => {
    expect(nextDepartment('ROUTE_1', 'CUTTING')).toBe('EMBROIDERY');
    expect(nextDepartment('ROUTE_2', 'CUTTING')).toBe('SEWING');
    expect(nextDepartment('ROUTE_3', 'SUBCON')).toBe('FINISHING');
    expect(nextDepartment('ROUTE_1', 'PACKING')).toBeNull();
    expect(handoverNeedsApproval(100, 90)).toBe(false);
    expect(handoverNeedsApproval(100, 89)).toBe(true);
    expect(handoverNeedsApproval(100, 111)).toBe(true);
  });
});
