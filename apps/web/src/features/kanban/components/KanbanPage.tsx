import { Button, Group, NativeSelect, Paper, SegmentedControl, Skeleton, Switch, Text } from '@mantine/core';
import type { Department, KanbanStatus } from '@kapok/contracts';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { useCurrentUser, usePermission } from '../../../lib/auth';
import { boardQueries, usePendingMoves, type KanbanCard } from '../api';
import {
  boardView,
  CLOSED_COLUMNS,
  isRequestingDepartment,
  MAIN_COLUMNS,
  REQUESTING_DEPARTMENTS,
} from './board-model';
import { KanbanBoard } from './KanbanBoard';
import classes from './KanbanBoard.module.css';
import { useCardActions } from './use-card-actions';

// The dialogs and the drawer (forms, zod, the product search) load the first time they are opened, so the
// board route carries only the board.
const TransitionPrompt = lazy(() =>
  import('./TransitionPrompt').then((m) => ({ default: m.TransitionPrompt })),
);
const CardDetailDrawer = lazy(() =>
  import('./CardDetailDrawer').then((m) => ({ default: m.CardDetailDrawer })),
);
const CardHistoryTable = lazy(() =>
  import('./CardHistoryTable').then((m) => ({ default: m.CardHistoryTable })),
);
const NewRequestModal = lazy(() => import('./NewRequestModal').then((m) => ({ default: m.NewRequestModal })));

/** True from the first time `on` is true: a lazy dialog stays mounted once loaded, for its closing animation. */
function useLatch(on: boolean): boolean {
  const [latched, setLatched] = useState(on);
  if (on && !latched) setLatched(true);
  return latched || on;
}

const ALL = 'all';

/** The clock ages and overdue marks are measured against; ticks every half minute. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The e-kanban board: the lines' material requests from Requested to Received, live. A department user starts
 * on their own department; the filter and the closed-columns toggle live in the address, so a bookmark or a
 * wall screen keeps them.
 */
export function KanbanPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canCreate = usePermission('kanban.create') && isRequestingDepartment(user.department);
  const canReorder = usePermission('kanban.update');
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const actions = useCardActions();
  const [creating, setCreating] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);

  const chosen = params.get('department');
  const department: Department | undefined =
    chosen === ALL
      ? undefined
      : isRequestingDepartment(chosen)
        ? chosen
        : isRequestingDepartment(user.department)
          ? user.department
          : undefined;
  const showClosed = params.get('closed') === '1';
  const asList = params.get('view') === 'list';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const board = useQuery(boardQueries.board({ department }));
  const moves = usePendingMoves();
  const view = useMemo(() => boardView(board.data?.items ?? [], moves), [board.data, moves]);
  const columns: readonly KanbanStatus[] = showClosed ? [...MAIN_COLUMNS, ...CLOSED_COLUMNS] : MAIN_COLUMNS;
  const closedCount = view.columns.REJECTED.length + view.columns.CANCELLED.length;
  const detail = useMemo(() => {
    if (!detailId) return null;
    for (const cards of Object.values(view.columns)) {
      const card = cards.find((c) => c.id === detailId);
      if (card) return card;
    }
    return null;
  }, [detailId, view]);

  // The list shows every card the board holds, closed ones too, latest change first.
  const allCards = useMemo(
    () =>
      Object.values(view.columns)
        .flat()
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [view],
  );

  const open = useCallback((card: KanbanCard) => setDetailId(card.id), []);
  const promptLoaded = useLatch(!!actions.prompt);
  const drawerLoaded = useLatch(!!detailId);
  const createLoaded = useLatch(creating);

  const departmentOptions = [
    { value: ALL, label: t('kanban.allDepartments') },
    ...REQUESTING_DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) })),
  ];

  return (
    <>
      <PageHeader
        title={t('kanban.title')}
        description={t('kanban.description')}
        actions={
          canCreate && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('kanban.newRequest')}
            </Button>
          )
        }
      />
      <Group gap="md" mb="sm" wrap="wrap">
        <NativeSelect
          w={220}
          aria-label={t('kanban.department')}
          data={departmentOptions}
          value={department ?? ALL}
          onChange={(e) => setParam('department', e.currentTarget.value)}
        />
        <SegmentedControl
          aria-label={t('kanban.history.view')}
          value={asList ? 'list' : 'board'}
          onChange={(v) => setParam('view', v === 'list' ? 'list' : null)}
          data={[
            { value: 'board', label: t('kanban.history.board') },
            { value: 'list', label: t('kanban.history.list') },
          ]}
        />
        {!asList && (
          <Switch
            checked={showClosed}
            onChange={(e) => setParam('closed', e.currentTarget.checked ? '1' : null)}
            label={t('kanban.showClosed', { n: closedCount })}
          />
        )}
        {board.data && (
          <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
            {t('kanban.openCount', {
              n:
                view.columns.REQUESTED.length + view.columns.APPROVED.length + view.columns.IN_TRANSIT.length,
            })}
          </Text>
        )}
      </Group>

      {asList ? (
        <Paper withBorder p="md" radius="md">
          <Suspense fallback={<BoardSkeleton columns={1} />}>
            <CardHistoryTable
              cards={board.data ? allCards : undefined}
              loading={board.isPending}
              error={board.error}
              onRetry={() => void board.refetch()}
              onOpen={open}
              department={department}
            />
          </Suspense>
        </Paper>
      ) : board.isPending ? (
        <BoardSkeleton columns={columns.length} />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} title={t('kanban.loadFailed')} />
      ) : (
        <div style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}>
          <KanbanBoard
            view={view}
            columns={columns}
            now={now}
            canReorder={canReorder}
            onMove={actions.request}
            onReorder={actions.reorder}
            onReorderRefused={actions.reorderRefused}
            onOpen={open}
          />
        </div>
      )}

      {/* One boundary each: the first opening of one must not hide another that is open. */}
      {promptLoaded && (
        <Suspense fallback={null}>
          <TransitionPrompt
            card={actions.prompt?.card ?? null}
            action={actions.prompt?.action ?? null}
            onConfirm={actions.confirm}
            onClose={actions.dismiss}
          />
        </Suspense>
      )}
      {drawerLoaded && (
        <Suspense fallback={null}>
          <CardDetailDrawer
            card={detail}
            pending={!!detail && view.pending.has(detail.id)}
            now={now}
            onAction={actions.request}
            onClose={() => setDetailId(null)}
          />
        </Suspense>
      )}
      {createLoaded && canCreate && user.department && (
        <Suspense fallback={null}>
          <NewRequestModal
            opened={creating}
            department={user.department as Department}
            onClose={() => setCreating(false)}
          />
        </Suspense>
      )}
    </>
  );
}

function BoardSkeleton({ columns }: { columns: number }) {
  const { t } = useTranslation();
  return (
    <div
      className={classes.board}
      style={{ '--kb-columns': columns } as CSSProperties}
      aria-busy="true"
      aria-label={t('kanban.loading')}
    >
      {Array.from({ length: columns }, (_, i) => (
        <Paper key={i} p="xs" radius="md" bg="gray.1">
          <Skeleton height={18} width="50%" mb="sm" />
          {Array.from({ length: 3 }, (_, j) => (
            <Skeleton key={j} height={96} radius="sm" mb="xs" opacity={1 - j * 0.25} />
          ))}
        </Paper>
      ))}
    </div>
  );
}
