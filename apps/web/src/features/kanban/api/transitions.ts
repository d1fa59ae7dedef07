import { unwrap, type Schemas } from '@kapok/api-client';
import {
  KANBAN_TRANSITIONS,
  type KanbanAction,
  type KanbanRemainder,
  type KanbanStatus,
} from '@kapok/contracts';
import { queryOptions, useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../lib/session';
import { storeCard, type KanbanCard } from './board';
import { kanbanKeys } from './keys';

/** What one transition sends besides the card: reject needs a reason, receive may say how much arrived. */
export type TransitionRequest =
  | {
      action: 'approve';
      notes?: string;
      quantity?: number;
      remainder?: KanbanRemainder;
      remainderReason?: string;
    }
  | { action: 'reject'; reason: string }
  | { action: 'ship'; quantity?: number; locationId?: string; lotId?: string }
  | { action: 'receive'; receivedQuantity?: number; shortReason?: string }
  | { action: 'cancel' };

/** The request body: the variables without the client-side fields, empty ones left out. */
const bodyOf = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as T;

/** One user action: the same key is sent again when the user retries it, so it is applied once. */
export type TransitionVariables = TransitionRequest & { card: KanbanCard; idempotencyKey: string };

async function postTransition(v: TransitionVariables): Promise<KanbanCard> {
  const params = { path: { id: v.card.id }, header: { 'Idempotency-Key': v.idempotencyKey } };
  switch (v.action) {
    case 'approve':
      return unwrap(
        await api.POST('/api/v1/ppic/kanban/cards/{id}/approve', {
          params,
          body: bodyOf({
            notes: v.notes,
            quantity: v.quantity,
            remainder: v.remainder,
            remainderReason: v.remainderReason,
          }),
        }),
      );
    case 'reject':
      return unwrap(
        await api.POST('/api/v1/ppic/kanban/cards/{id}/reject', { params, body: { reason: v.reason } }),
      );
    case 'ship':
      return unwrap(
        await api.POST('/api/v1/ppic/kanban/cards/{id}/ship', {
          params,
          body: bodyOf({ quantity: v.quantity, locationId: v.locationId, lotId: v.lotId }),
        }),
      );
    case 'receive':
      return unwrap(
        await api.POST('/api/v1/ppic/kanban/cards/{id}/receive', {
          params,
          body: bodyOf({ receivedQuantity: v.receivedQuantity, shortReason: v.shortReason }),
        }),
      );
    case 'cancel':
      return unwrap(await api.POST('/api/v1/ppic/kanban/cards/{id}/cancel', { params, body: {} }));
  }
}

/** Free stock per rack and lot a card can draw on, FIFO first, with the suggested lot. */
export const cardStockQuery = (cardId: string) =>
  queryOptions({
    queryKey: kanbanKeys.stock(cardId),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/ppic/kanban/cards/{id}/stock', { params: { path: { id: cardId } }, signal }),
      ),
  });
export type CardStock = Schemas['CardStockResponse'];
export type CardStockRow = Schemas['CardStockRow'];

/**
 * Moves a card. While the request runs the board draws the card in its new column (from the mutation's
 * variables, see usePendingMoves); a refusal simply ends the mutation, which puts the card back.
 */
export function useCardTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: kanbanKeys.transition(),
    mutationFn: postTransition,
    onSuccess: (card) => storeCard(queryClient, card),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: kanbanKeys.boards() }),
  });
}

export interface PositionVariables {
  card: KanbanCard;
  position: number;
}

/** Reorders a card within its column. */
export function useCardPosition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: kanbanKeys.position(),
    mutationFn: async ({ card, position }: PositionVariables) =>
      unwrap(
        await api.PUT('/api/v1/ppic/kanban/cards/{id}/position', {
          params: { path: { id: card.id } },
          body: { position },
        }),
      ),
    onSuccess: (card) => storeCard(queryClient, card),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: kanbanKeys.boards() }),
  });
}

/** A move the server has not answered yet: where the board draws the card meanwhile. */
export interface PendingMove {
  status?: KanbanStatus;
  position?: number;
  action?: KanbanAction;
}

/** Card id → its unanswered move, from every running transition and reorder in this tab. */
export function usePendingMoves(): ReadonlyMap<string, PendingMove> {
  const transitions = useMutationState({
    filters: { mutationKey: kanbanKeys.transition(), status: 'pending' },
    select: (m) => m.state.variables as TransitionVariables | undefined,
  });
  const positions = useMutationState({
    filters: { mutationKey: kanbanKeys.position(), status: 'pending' },
    select: (m) => m.state.variables as PositionVariables | undefined,
  });
  return useMemo(() => {
    const moves = new Map<string, PendingMove>();
    for (const v of positions) if (v) moves.set(v.card.id, { position: v.position });
    for (const v of transitions)
      if (v) moves.set(v.card.id, { status: KANBAN_TRANSITIONS[v.action].to, action: v.action });
    return moves;
  }, [transitions, positions]);
}
