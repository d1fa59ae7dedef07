import { unwrap, type Schemas } from '@kapok/api-client';
import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/session';
import { placeCard } from './board-order';
import { kanbanKeys, type BoardFilters } from './keys';

export type KanbanCard = Schemas['CardResponse'];
export type Board = Schemas['BoardResponse'];

export const boardQueries = {
  board: (filters: BoardFilters) =>
    queryOptions({
      queryKey: kanbanKeys.board(filters),
      queryFn: async ({ signal }) =>
        unwrap(await api.GET('/api/v1/ppic/kanban/cards/all', { params: { query: filters }, signal })),
      placeholderData: keepPreviousData,
    }),
};

/** Puts the server's answer for one card into every cached board that shows its department. */
export function storeCard(queryClient: QueryClient, card: KanbanCard): void {
  for (const [key, board] of queryClient.getQueriesData<Board>({ queryKey: kanbanKeys.boards() })) {
    if (!board) continue;
    const filters = (key[2] ?? {}) as BoardFilters;
    if (filters.department && filters.department !== card.department) continue;
    const known = board.items.some((c) => c.id === card.id);
    // A late answer must not undo a newer version that live events already brought in.
    if (board.items.some((c) => c.id === card.id && c.version > card.version)) continue;
    const items = placeCard(board.items, card);
    queryClient.setQueryData<Board>(key, { items, total: known ? board.total : board.total + 1 });
  }
}
