// The unit facts the web app formats every quantity with. Kept apart from units.ts (conversions with
// decimal.js) so that a page that only writes quantities does not pull decimal.js into its chunk.

/** Quantities are stored with 4 decimals (numeric(18,4)). */
export const QUANTITY_SCALE = 4;

/**
 * Units counted in whole pieces: nobody types, plans or ships 0.4 of a carton. PALLET is listed
 * although no product is kept in it yet, so a pallet conversion added later is whole from day one.
 */
export const WHOLE_UNITS = ['PCS', 'CARTON', 'PALLET', 'SET', 'PACK', 'SHEET', 'CONE', 'ROLL'] as const;
export type WholeUnit = (typeof WHOLE_UNITS)[number];

/** Whether quantities in `uom` must be whole numbers. */
export const isWholeUnit = (uom: string | null | undefined): uom is WholeUnit =>
  (WHOLE_UNITS as readonly string[]).includes(uom ?? '');
