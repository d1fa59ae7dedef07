import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type Over,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge } from '@mantine/core';
import type { KanbanAction, KanbanStatus } from '@kapok/contracts';
import { memo, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KanbanCard } from '../api';
import { STATUS_COLOR } from './appearance';
import {
  actionForDrop,
  allowedTargets,
  columnId,
  isOpen,
  reorder,
  statusOfColumnId,
  type BoardView,
} from './board-model';
import { CardHandleIcon, KanbanCardView } from './KanbanCard';
import classes from './KanbanBoard.module.css';
import { boardKeyboardCoordinates, FingerSensor, MousePointerSensor } from './sensors';

/** What a dragged card carries (dnd-kit's `data`), with its guard. */
interface CardDragData {
  type: 'card';
  card: KanbanCard;
  status: KanbanStatus;
}
const isCardDrag = (data: unknown): data is CardDragData =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'card';

export type ReorderOutcome = 'moved' | 'ranked';

export interface KanbanBoardProps {
  view: BoardView;
  columns: readonly KanbanStatus[];
  now: number;
  /** The user may reorder open cards within their column (kanban.update). */
  canReorder: boolean;
  onMove: (card: KanbanCard, action: KanbanAction) => void;
  onReorder: (card: KanbanCard, position: number) => void;
  onReorderRefused: (card: KanbanCard) => void;
  onOpen: (card: KanbanCard) => void;
}

/** Cards under the pointer win over the column around them; the keyboard has no pointer, so rectangles decide. */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length) {
    // A drop zone floats above the columns, so it wins over what lies beneath it.
    const zones = within.filter((c) => isZone(c.data?.droppableContainer?.data.current));
    if (zones.length) return zones;
    const cards = within.filter((c) => !statusOfColumnId(c.id));
    return cards.length ? cards : within;
  }
  return rectIntersection(args);
};

const isZone = (data: unknown) =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'zone';

/**
 * The board: one column per state, cards in the server's order. Dragging a card to another column performs
 * the transition (only the columns this user may move it to accept it); within its column it changes place.
 */
export function KanbanBoard({
  view,
  columns,
  now,
  canReorder,
  onMove,
  onReorder,
  onReorderRefused,
  onOpen,
}: KanbanBoardProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<KanbanCard | null>(null);
  const sensors = useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(FingerSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates }),
  );
  const targets = useMemo(() => (active ? allowedTargets(active) : []), [active]);
  // Rejected and cancelled may be hidden; while a card that may go there is dragged, they appear as zones.
  const hiddenTargets = targets.filter((s) => !columns.includes(s));

  const statusLabel = (status: KanbanStatus) => t(`kanban.status.${status}`);
  const cardLabel = (card: KanbanCard) =>
    t('kanban.dnd.cardName', { number: card.number, product: card.productCode });
  const overStatus = (over: Over | null): KanbanStatus | null => {
    if (!over) return null;
    const data: unknown = over.data.current;
    return statusOfColumnId(over.id) ?? (isCardDrag(data) ? data.status : null);
  };

  const announcements: Announcements = {
    onDragStart: ({ active: a }) => {
      if (!isCardDrag(a.data.current)) return undefined;
      const card = a.data.current.card;
      const to = allowedTargets(card).map(statusLabel);
      return to.length
        ? t('kanban.dnd.pickedUp', {
            card: cardLabel(card),
            column: statusLabel(card.status),
            targets: to.join(', '),
          })
        : t('kanban.dnd.pickedUpNoTargets', { card: cardLabel(card), column: statusLabel(card.status) });
    },
    onDragOver: ({ active: a, over }) => {
      if (!isCardDrag(a.data.current)) return undefined;
      const card = a.data.current.card;
      const status = overStatus(over);
      if (!status) return t('kanban.dnd.overNothing', { card: cardLabel(card) });
      if (status === card.status)
        return t('kanban.dnd.overHome', { card: cardLabel(card), column: statusLabel(status) });
      return t('kanban.dnd.overColumn', { card: cardLabel(card), column: statusLabel(status) });
    },
    onDragEnd: ({ active: a, over }) => {
      if (!isCardDrag(a.data.current)) return undefined;
      const card = a.data.current.card;
      const status = overStatus(over);
      if (!status) return t('kanban.dnd.droppedNowhere', { card: cardLabel(card) });
      if (status === card.status)
        return t('kanban.dnd.droppedHome', { card: cardLabel(card), column: statusLabel(status) });
      return t('kanban.dnd.dropped', { card: cardLabel(card), column: statusLabel(status) });
    },
    onDragCancel: ({ active: a }) =>
      isCardDrag(a.data.current)
        ? t('kanban.dnd.cancelled', { card: cardLabel(a.data.current.card) })
        : undefined,
  };

  const handleStart = ({ active: a }: DragStartEvent) => {
    if (isCardDrag(a.data.current)) setActive(a.data.current.card);
  };

  const handleEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    if (!over || !isCardDrag(a.data.current)) return;
    const card = a.data.current.card;
    const status = overStatus(over);
    if (!status) return;
    if (status !== card.status) {
      const action = actionForDrop(card, status);
      if (action) onMove(card, action);
      return;
    }
    if (statusOfColumnId(over.id) || over.id === card.id) return;
    const result = reorder(view.columns[status], card.id, String(over.id));
    if (result.kind === 'moved') onReorder(card, result.position);
    else if (result.kind === 'ranked') onReorderRefused(card);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('kanban.dnd.instructions') },
      }}
      onDragStart={handleStart}
      onDragEnd={handleEnd}
      onDragCancel={() => setActive(null)}
    >
      <div className={classes.boardFrame}>
        <div className={classes.board} style={{ '--kb-columns': columns.length } as CSSProperties}>
          {columns.map((status) => (
            <KanbanColumn
              key={status}
              status={status}
              cards={view.columns[status]}
              pending={view.pending}
              now={now}
              drop={
                !active
                  ? 'idle'
                  : status === active.status
                    ? 'home'
                    : targets.includes(status)
                      ? 'allowed'
                      : 'blocked'
              }
              dropAction={active && targets.includes(status) ? actionForDrop(active, status) : null}
              dragging={!!active}
              canReorder={canReorder}
              onMove={onMove}
              onOpen={onOpen}
            />
          ))}
        </div>
        {active && hiddenTargets.length > 0 && (
          <div className={classes.dropZones}>
            {hiddenTargets.map((status) => (
              <DropZone key={status} status={status} action={actionForDrop(active, status)} />
            ))}
          </div>
        )}
      </div>
      <DragOverlay dropAnimation={null}>
        {active ? <KanbanCardView card={active} now={now} overlay /> : null}
      </DragOverlay>
    </DndContext>
  );
}

/** A column that is hidden (rejected, cancelled) offered as a place to drop while dragging. */
function DropZone({ status, action }: { status: KanbanStatus; action: KanbanAction | null }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: columnId(status), data: { type: 'zone', status } });
  return (
    <div
      ref={setNodeRef}
      className={classes.dropZone}
      data-over={isOver}
      data-status={status}
      style={{ '--kb-column-color': `var(--mantine-color-${STATUS_COLOR[status]}-7)` } as CSSProperties}
    >
      {action ? t(`kanban.dropHint.${action}`) : t(`kanban.status.${status}`)}
    </div>
  );
}

type DropState = 'idle' | 'home' | 'allowed' | 'blocked';

interface ColumnProps {
  status: KanbanStatus;
  cards: readonly KanbanCard[];
  pending: ReadonlySet<string>;
  now: number;
  drop: DropState;
  dropAction: KanbanAction | null;
  dragging: boolean;
  canReorder: boolean;
  onMove: (card: KanbanCard, action: KanbanAction) => void;
  onOpen: (card: KanbanCard) => void;
}

const KanbanColumn = memo(function KanbanColumn({
  status,
  cards,
  pending,
  now,
  drop,
  dropAction,
  dragging,
  canReorder,
  onMove,
  onOpen,
}: ColumnProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({
    id: columnId(status),
    data: { type: 'column', status },
    disabled: drop === 'blocked' || drop === 'idle',
  });
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);
  const titleId = `kanban-column-${status}`;

  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      style={{ '--kb-column-color': `var(--mantine-color-${STATUS_COLOR[status]}-6)` } as CSSProperties}
      data-drop={drop}
      data-over={isOver}
      data-status={status}
      aria-labelledby={titleId}
    >
      <header className={classes.columnHeader}>
        <h3 id={titleId} className={classes.columnTitle}>
          {t(`kanban.status.${status}`)}
        </h3>
        <Badge
          variant="light"
          color={STATUS_COLOR[status]}
          radius="sm"
          aria-label={t('kanban.count', { n: cards.length })}
        >
          {cards.length}
        </Badge>
      </header>
      {drop === 'allowed' && dropAction && (
        <p className={classes.dropHint}>{t(`kanban.dropHint.${dropAction}`)}</p>
      )}
      <div className={classes.columnBody}>
        <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
          {cards.map((card) => (
            <SortableCard
              key={card.id}
              card={card}
              now={now}
              pending={pending.has(card.id)}
              // While a card is dragged, only cards of its own column are places to drop it among.
              droppable={!dragging || drop === 'home'}
              canReorder={canReorder}
              onMove={onMove}
              onOpen={onOpen}
            />
          ))}
        </SortableContext>
        {cards.length === 0 && <p className={classes.empty}>{t(`kanban.empty.${status}`)}</p>}
      </div>
    </section>
  );
});

interface SortableCardProps {
  card: KanbanCard;
  now: number;
  pending: boolean;
  droppable: boolean;
  canReorder: boolean;
  onMove: (card: KanbanCard, action: KanbanAction) => void;
  onOpen: (card: KanbanCard) => void;
}

const SortableCard = memo(function SortableCard({
  card,
  now,
  pending,
  droppable,
  canReorder,
  onMove,
  onOpen,
}: SortableCardProps) {
  const { t } = useTranslation();
  const movable = !pending && (card.actions.length > 0 || (canReorder && isOpen(card.status)));
  const data: CardDragData = useMemo(() => ({ type: 'card', card, status: card.status }), [card]);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: card.id,
      data,
      disabled: { draggable: !movable, droppable: !droppable },
    });
  // The whole card follows a mouse or a finger; the keyboard picks it up from its grip button.
  const { onKeyDown, ...pointerListeners } = (listeners ?? {}) as {
    onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  };

  return (
    <KanbanCardView
      card={card}
      now={now}
      pending={pending}
      dragging={isDragging}
      onAction={onMove}
      onOpen={onOpen}
      rootRef={setNodeRef}
      rootProps={movable ? pointerListeners : undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      handle={
        movable ? (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className={classes.handle}
            data-drag-handle
            {...attributes}
            aria-roledescription={t('kanban.dnd.roleDescription')}
            aria-label={t('kanban.card.move', { number: card.number })}
            onKeyDown={onKeyDown}
          >
            <CardHandleIcon />
          </button>
        ) : undefined
      }
    />
  );
});
