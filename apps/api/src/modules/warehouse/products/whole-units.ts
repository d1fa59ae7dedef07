import { isWholeUnit, type Unit } from '@kapok/contracts';
import { Decimal } from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../../core/errors/app-error.js';
import { productsByIds } from '../warehouse.facts.js';

/** One quantity of a request, in the unit it was entered in. */
export interface QuantityInUnit {
  /** The request field, as the 422's details name it (`lines[2].quantity`). */
  field: string;
  quantity: number | string | null | undefined;
  uom: Unit | string;
  /** How people know the product, for the message. */
  label?: string;
}

/** The same, for a product whose stock unit applies unless `uom` names another. */
export interface ProductQuantity {
  field: string;
  quantity: number | string | null | undefined;
  productId: string;
  uom?: Unit | null;
}

/**
 * The one check of every write route that takes a quantity: a whole unit (PCS, CARTON, …) is counted
 * in whole numbers, and a fraction is refused with 422 FRACTIONAL_WHOLE_UNIT — never rounded.
 */
export function refuseFractionsOfWholeUnits(items: readonly QuantityInUnit[]): void {
  const wrong = items.filter(
    (i) =>
      i.quantity !== null &&
      i.quantity !== undefined &&
      isWholeUnit(i.uom) &&
      !new Decimal(i.quantity).isInteger(),
  );
  if (wrong.length === 0) return;
  const first = wrong[0];
  throw new AppError(
    422,
    'FRACTIONAL_WHOLE_UNIT',
    `${first.label ? `${first.label} is counted in whole ${first.uom}` : `${first.uom} is a whole unit`}: ${Number(first.quantity)} has a fraction`,
    wrong.map((w) => ({
      field: w.field,
      messages: [`must be a whole number of ${w.uom}`],
    })),
  );
}

/** `refuseFractionsOfWholeUnits` for quantities of products given by id (one read for all of them). */
export async function refuseFractionsOfProducts(
  m: EntityManager,
  items: readonly ProductQuantity[],
): Promise<void> {
  const relevant = items.filter((i) => i.quantity !== null && i.quantity !== undefined);
  if (relevant.length === 0) return;
  // Only a fraction can break the rule, so whole numbers need no product read.
  const fractional = relevant.filter((i) => !new Decimal(i.quantity!).isInteger());
  if (fractional.length === 0) return;
  const products = await productsByIds(
    m,
    fractional.filter((i) => !i.uom).map((i) => i.productId),
  );
  refuseFractionsOfWholeUnits(
    fractional.map((i) => {
      const product = products.get(i.productId);
      return {
        field: i.field,
        quantity: i.quantity,
        uom: i.uom ?? product?.uom ?? '',
        label: product?.code,
      };
    }),
  );
}
