import type { Department } from '@kapok/contracts';

export interface BoardFilters {
  department?: Department;
}

/** Every kanban query and mutation key is made here; invalidating a root refreshes everything under it. */
export const kanbanKeys = {
  all: ['kanban'] as const,
  boards: () => [...kanbanKeys.all, 'board'] as const,
  board: (filters: BoardFilters) => [...kanbanKeys.boards(), filters] as const,
  rules: () => [...kanbanKeys.all, 'rules'] as const,
  /** What a card can draw on per rack and lot (approve and ship dialogs). */
  stocks: () => [...kanbanKeys.all, 'stock'] as const,
  stock: (cardId: string) => [...kanbanKeys.stocks(), cardId] as const,
  /** Mutation keys: the board reads pending moves from the mutation cache to draw them optimistically. */
  transition: () => [...kanbanKeys.all, 'transition'] as const,
  position: () => [...kanbanKeys.all, 'position'] as const,
};
