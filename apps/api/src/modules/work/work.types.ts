import type { Department, Unit, WorkItemKind, WorkSectionKey } from '@kapok/contracts';

/** One line of a "my work" section, as the owning module reads it. */
export interface WorkItemRow {
  id: string;
  number: string;
  product_code: string | null;
  quantity: string | null;
  uom: Unit | null;
  state: string;
  department: Department | null;
  /** When it is due, needed or was opened. */
  at: Date | null;
  /** Rows of the whole section (window count), the same on every row. */
  total: number;
}

/** A section as a module answers it: its key, what its lines are, and the lines read. */
export interface WorkSectionRows {
  key: WorkSectionKey;
  kind: WorkItemKind;
  rows: WorkItemRow[];
}
