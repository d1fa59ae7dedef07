import { AppError } from '../../core/errors/app-error.js';

export interface Shortage {
  productId: string;
  productCode?: string;
  locationId: string | null;
  locationCode?: string | null;
  lotId: string | null;
  requested: number;
  available: number;
  missing: number;
  uom?: string;
}

export const insufficientStock = (shortages: Shortage[]) => {
  const first = shortages[0];
  const where = first.locationCode ? ` at ${first.locationCode}` : '';
  const more = shortages.length > 1 ? ` (and ${shortages.length - 1} more)` : '';
  return new AppError(
    409,
    'INSUFFICIENT_STOCK',
    `Not enough stock: ${first.productCode ?? first.productId} is short by ${first.missing} ${first.uom ?? ''}${where}${more}`.replace(
      /\s+/g,
      ' ',
    ),
    { shortages },
  );
};

export const unknownLocation = (id: string) =>
  new AppError(404, 'NOT_FOUND', `location ${id} does not exist`, { entity: 'location', id });
export const invalidMove = (message: string, details?: unknown) =>
  new AppError(422, 'INVALID_MOVE', message, details);

/** The posting service's quality gate: stock of a lot QC has not released stays where it is. */
export const lotNotReleased = (lot: {
  lotId: string | null;
  lotNumber: string | null;
  lotStatus: string | null;
}) =>
  new AppError(
    409,
    'LOT_NOT_RELEASED',
    `Lot ${lot.lotNumber ?? lot.lotId} is ${lot.lotStatus}: QC has not released it, so it cannot be reserved, issued, consumed or shipped`,
    { lotId: lot.lotId, lotNumber: lot.lotNumber, qualityStatus: lot.lotStatus },
  );
