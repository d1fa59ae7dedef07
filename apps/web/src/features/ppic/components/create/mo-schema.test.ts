import { describe, expect, it } from 'vitest';
import { createMoSchema } from './mo-schema';

const valid = {
  productId: '00000000-0000-4000-8000-000000000001',
  plannedQuantity: 12,
  route: 'ROUTE_2',
  week: '05-2099',
  dueDate: '2099-01-31',
  destination: 'Belgium',
  notes: '',
};

describe('createMoSchema', () => {
  it('accepts a complete order and an order with only the required fields', () => {
    expect(createMoSchema.safeParse(valid).success).toBe(true);
    expect(
      createMoSchema.safeParse({ ...valid, week: '', dueDate: '', destination: '', notes: '' }).success,
    ).toBe(true);
  });

  it('names what is wrong', () => {
    const issues = (values: object) =>
      createMoSchema.safeParse({ ...valid, ...values }).error?.issues.map((i) => i.message);
    expect(issues({ productId: '' })).toEqual(['ppic.validation.productRequired']);
    expect(issues({ plannedQuantity: 0 })).toEqual(['ppic.validation.quantityPositive']);
    expect(issues({ plannedQuantity: 1.1 })).toBeUndefined();
    expect(issues({ plannedQuantity: 1.23456 })).toEqual(['ppic.validation.decimals']);
    expect(issues({ route: '' })).toEqual(['ppic.validation.routeRequired']);
    expect(issues({ week: '54-2026' })).toEqual(['ppic.validation.week']);
    expect(issues({ dueDate: '2020-01-01' })).toEqual(['ppic.validation.duePast']);
  });
});
