import { newIdempotencyKey } from '@kapok/api-client';
import type { KanbanAction } from '@kapok/contracts';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCardPosition,
  useCardTransition,
  type KanbanCard,
  type TransitionRequest,
  type TransitionVariables,
} from '../api';
import { describeKanbanError, isRetriable } from './errors';
import { isPrompted, type PromptedAction } from './board-model';

export interface PromptState {
  card: KanbanCard;
  action: PromptedAction;
}

/**
 * The board's commands, shared by drag and drop, the card buttons and the detail drawer: prompts where a
 * move needs an answer, one Idempotency-Key per user action (kept when the user retries it), and a clear
 * notice when the server refuses.
 */
export function useCardActions() {
  const { t, i18n } = useTranslation();
  const { mutateAsync: transit } = useCardTransition();
  const { mutateAsync: place } = useCardPosition();
  const [prompt, setPrompt] = useState<PromptState | null>(null);

  const run = useCallback(
    function attempt(variables: TransitionVariables) {
      const { card, action } = variables;
      transit(variables).then(
        () =>
          notifications.show({
            color: 'green',
            message: t(`kanban.done.${action}`, { number: card.number }),
            autoClose: 2500,
          }),
        (error: unknown) => {
          const view = describeKanbanError(error, t, i18n.language, card.number);
          const id = `kanban-${card.id}-${variables.idempotencyKey}`;
          notifications.show({
            id,
            color: 'red',
            title: t('kanban.errors.refused', { number: card.number, action: t(`kanban.actions.${action}`) }),
            autoClose: 10_000,
            message: (
              <Stack gap={6}>
                <Text size="sm">{view.message}</Text>
                {view.requestId && (
                  <Text size="xs" c="dimmed">
                    {t('common.requestId')}: {view.requestId}
                  </Text>
                )}
                {isRetriable(error) && (
                  <div>
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="red"
                      onClick={() => {
                        notifications.hide(id);
                        attempt(variables);
                      }}
                    >
                      {t('common.retry')}
                    </Button>
                  </div>
                )}
              </Stack>
            ),
          });
        },
      );
    },
    [transit, t, i18n.language],
  );

  /** Starts a move: straight away, or after the prompt it needs. */
  const request = useCallback(
    (card: KanbanCard, action: KanbanAction) => {
      if (isPrompted(action)) setPrompt({ card, action });
      else run({ card, action, idempotencyKey: newIdempotencyKey() } as TransitionVariables);
    },
    [run],
  );

  const confirm = useCallback(
    (answer: TransitionRequest) => {
      if (!prompt) return;
      setPrompt(null);
      run({ ...answer, card: prompt.card, idempotencyKey: newIdempotencyKey() });
    },
    [prompt, run],
  );

  const reorder = useCallback(
    (card: KanbanCard, to: number) => {
      place({ card, position: to }).catch((error: unknown) =>
        notifications.show({
          color: 'red',
          title: t('kanban.errors.notReordered', { number: card.number }),
          message: describeKanbanError(error, t, i18n.language, card.number).message,
        }),
      );
    },
    [place, t, i18n.language],
  );

  const reorderRefused = useCallback(
    (card: KanbanCard) =>
      notifications.show({
        id: 'kanban-reorder-ranked',
        color: 'blue',
        title: t('kanban.errors.notReordered', { number: card.number }),
        message: t('kanban.errors.reorderRanked'),
      }),
    [t],
  );

  return { request, prompt, confirm, dismiss: () => setPrompt(null), reorder, reorderRefused };
}
