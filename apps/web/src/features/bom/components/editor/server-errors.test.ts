import { ApiError, type ApiErrorCode } from '@kapok/api-client';
import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../../test/render';
import { boneka } from '../test-fixtures';
import { bomToForm } from './bom-form';
import { mapBomErrors } from './server-errors';

const apiError = (status: number, code: ApiErrorCode, details?: unknown) =>
  new ApiError(status, errorBody(status, code, 'Some lines are not valid', details));

describe('mapBomErrors', () => {
  const values = bomToForm(boneka());

  it('puts each `lines.N.field` detail on the form line it names', () => {
    const mapped = mapBomErrors(
      apiError(422, 'VALIDATION_FAILED', [
        { field: 'lines.1.uom', messages: ['IKP20157 is stocked in KG; METER does not convert'] },
        { field: 'lines.1.variants.0.materialId', messages: ['the same material twice on one line'] },
        { field: 'lines.2.neededQuantity', messages: ['neededQuantity must be a positive number'] },
        { field: 'lines.0.componentId', messages: ['componentId must be a UUID'] },
        { field: 'outputQuantity', messages: ['outputQuantity must not be greater than 1000000'] },
      ]),
      values,
      'gone',
    );
    expect(mapped.placed).toEqual([
      { path: 'lines.1.uom', message: 'IKP20157 is stocked in KG; METER does not convert' },
      { path: 'lines.1.variants.0.material', message: 'the same material twice on one line' },
      { path: 'lines.2.neededQuantity', message: 'neededQuantity must be a positive number' },
      { path: 'lines.0.component', message: 'componentId must be a UUID' },
      { path: 'outputQuantity', message: 'outputQuantity must not be greater than 1000000' },
    ]);
    expect(mapped.unplaced).toEqual([]);
  });

  it('keeps what no field shows for the banner: the whole list, unknown fields, lines the form lacks', () => {
    const mapped = mapBomErrors(
      apiError(422, 'BOM_CYCLE', [
        { field: 'lines', messages: ['the BOM graph would have a cycle'] },
        { field: 'lines.7.uom', messages: ['gone'] },
        { field: 'lines.1.variants.3.materialId', messages: ['gone too'] },
      ]),
      values,
      'gone',
    );
    expect(mapped.placed).toEqual([]);
    expect(mapped.unplaced.map((u) => u.field)).toEqual([
      'lines',
      'lines.7.uom',
      'lines.1.variants.3.materialId',
    ]);
  });

  it('marks every use of a product the server no longer knows', () => {
    const mapped = mapBomErrors(
      apiError(404, 'NOT_FOUND', { entity: 'product', id: 'id-IKP20160' }),
      values,
      'This product no longer exists',
    );
    expect(mapped.placed).toEqual([
      { path: 'lines.1.variants.0.material', message: 'This product no longer exists' },
    ]);
  });
});
