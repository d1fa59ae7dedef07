import type { Schemas } from '@kapok/api-client';
import { productSearchQuery } from '../../../lib/products';

export type RequestableProduct = Schemas['ProductResponse'];

/** Lines request accessories and raw materials; finished goods and WIP are made, not requested. */
const REQUESTABLE = ['ACCESSORY', 'RAW_MATERIAL'] as const;

export const productQueries = {
  search: (search: string) => productSearchQuery(search, REQUESTABLE),
};
