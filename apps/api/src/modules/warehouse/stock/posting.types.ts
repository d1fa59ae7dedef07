import type { MoveType, Unit } from '@kapok/contracts';

/** The document a move or a reservation belongs to (snake_case entity type of domain.md). */
export interface DocumentRef {
  type: string;
  id: string;
}

/** A quantity in the product's stock unit, as a decimal string or number. */
export type Quantity = string | number;

/**
 * Moves goods. From a virtual location (SUPPLIER, PRODUCTION, LOSS) it creates stock at `to`; from an
 * internal one it draws on-hand FIFO by lot received date (or the named lot) and carries the lot along.
 * With `fromReservationOf` it first consumes what that document reserved at `from`, then free stock.
 */
export interface MoveOp {
  kind: 'move';
  type: MoveType;
  productId: string;
  fromLocationId: string;
  toLocationId: string;
  quantity: Quantity;
  lotId?: string | null;
  /** Draw from any of these internal locations (oldest lot first across them) instead of `fromLocationId` alone. */
  fromAny?: string[];
  fromReservationOf?: DocumentRef | DocumentRef[];
  entered?: { quantity: Quantity; uom: Unit };
  note?: string | null;
}

/** Reserves free stock for a document at one of `locationIds`, oldest lot first; all or nothing. */
export interface ReserveOp {
  kind: 'reserve';
  productId: string;
  locationIds: string[];
  quantity: Quantity;
  lotId?: string | null;
  document: DocumentRef;
}

/** Releases what a document still holds (of one product, or all). */
export interface ReleaseOp {
  kind: 'release';
  document: DocumentRef;
  productId?: string;
}

export type PostingOp = MoveOp | ReserveOp | ReleaseOp;

export interface PostingOptions {
  reference?: string | null;
  /** The document the postings belong to, written on every move. */
  document?: DocumentRef;
}

export interface PostedMove {
  id: string;
  productId: string;
  quantity: string;
  fromLocationId: string;
  toLocationId: string;
  lotId: string | null;
  type: MoveType;
  createdAt: Date;
}

export interface PostingResult {
  moves: PostedMove[];
  reserved: Array<{ productId: string; locationId: string; lotId: string | null; quantity: string }>;
  released: Array<{ productId: string; locationId: string; lotId: string | null; quantity: string }>;
}
