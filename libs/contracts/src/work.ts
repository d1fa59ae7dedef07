/**
 * The sections of a person's "my work" (GET /me/work), in the order the home page shows them. Each
 * appears only for someone whose permissions and department make it theirs.
 */
export const WORK_SECTIONS = [
  'mos_to_approve',
  'mos_to_start',
  'work_orders',
  'incoming_handovers',
  'cards_to_approve',
  'cards_to_ship',
  'cards_to_receive',
  'open_alerts',
  // CRITICAL quality alerts (metal detected) for QC and the finishing supervisor.
  'quality_alerts',
  // Filled by the quality module (lots in QUARANTINE waiting for an inspection).
  'lots_to_inspect',
] as const;
export type WorkSectionKey = (typeof WORK_SECTIONS)[number];

/** What a line of a section is, so a client knows where it links to. */
export const WORK_ITEM_KINDS = [
  'manufacturing_order',
  'work_order',
  'handover',
  'kanban_card',
  'stock_alert',
  'lot',
  'quality_alert',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/** At most this many lines per section; `count` says how many there are in all. */
export const WORK_SECTION_LIMIT = 5;
