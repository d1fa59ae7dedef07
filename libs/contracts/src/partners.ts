/** Partners of planning.md: who buys from the factory, who supplies it, who sews for it. */
export const PARTNER_TYPES = ['CUSTOMER', 'SUPPLIER', 'SUBCONTRACTOR'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** A supplier's lead time when neither it nor the supplier item names one (planning.md). */
export const DEFAULT_SUPPLIER_LEAD_DAYS = 14;
