export { kanbanKeys, type BoardFilters } from './keys';
export { boardQueries, storeCard, type Board, type KanbanCard } from './board';
export { compareBoardOrder, placeCard, sameRank } from './board-order';
export {
  cardStockQuery,
  useCardPosition,
  useCardTransition,
  usePendingMoves,
  type CardStock,
  type CardStockRow,
  type PendingMove,
  type PositionVariables,
  type TransitionRequest,
  type TransitionVariables,
} from './transitions';
export { useCreateCard, type CreateCardBody } from './create-card';
export { productQueries, type RequestableProduct } from './products';
