/**
 * The warehouse's face: what other modules may use. Only the warehouse reads or writes locations,
 * stock balances, reservations, moves and lots (docs/decisions/0002-one-owner-per-table.md); others
 * ask these services and change stock only through the posting service.
 */
export { Locations, type LocationInfo } from './locations/location-directory.js';
export { ConsignmentLocations, type ConsignmentPartner } from './locations/consignment.js';
export { productionLot } from './lots/production-lots.js';
export { subcontractLot, type SubcontractLot } from './lots/subcontract-lots.js';
export { readPassportProducts, type PassportProductRow } from './products/passport.facts.js';
export { ProductImages, type ProductImage } from './products/product-images.js';
export { sendImage } from './products/product-image.controller.js';
export { PostingHooks, type PostingTouched } from './stock/posting-hooks.js';
export { PostingService } from './stock/posting.service.js';
export type {
  DocumentRef,
  MoveOp,
  PostingOp,
  PostingResult,
  ReleaseOp,
  ReserveOp,
} from './stock/posting.types.js';
export { Stock } from './stock/stock.js';
export {
  traceLedger,
  type TraceDirection,
  type TraceDispatchRow,
  type TraceReceiptRow,
  type TraceRow,
} from './stock/trace.sql.js';
export {
  refuseFractionsOfProducts,
  refuseFractionsOfWholeUnits,
  type ProductQuantity,
  type QuantityInUnit,
} from './products/whole-units.js';
export { lotStockAt, type LotStockRow } from './stock/lot-stock.facts.js';
export { readPackingProducts, type PackingProductRow } from './products/packing.facts.js';
export { lineWipByDocument, type LineWipRow } from './stock/line-wip.facts.js';
