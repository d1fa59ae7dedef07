export { warehouseKeys } from './keys';
export type { AlertFilters, MoveFilters, StockSummaryFilters } from './keys';
export {
  stockQueries,
  usePostStock,
  type Balance,
  type Posting,
  type PostingKind,
  type ProductStock,
  type StockMove,
  type StockSummaryItem,
} from './stock';
export { productQueries, type Product } from './products';
export { locationQueries, type Location } from './locations';
export {
  alertQueries,
  thresholdQueries,
  useAcknowledgeAlert,
  useDeleteThreshold,
  useSetThreshold,
  type StockAlert,
  type Threshold,
} from './alerts';
export {
  receivingQueries,
  useReceivePurchaseOrder,
  type GoodsReceipt,
  type ReceiptBody,
  type ReceivableLine,
} from './receiving';
