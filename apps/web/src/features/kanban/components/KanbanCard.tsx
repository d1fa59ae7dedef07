import { Badge, Button, Loader, Tooltip } from '@mantine/core';
import type { KanbanAction } from '@kapok/contracts';
import {
  IconAlertTriangle,
  IconCalendarClock,
  IconClock,
  IconGripVertical,
  IconRobot,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { memo, type CSSProperties, type MouseEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { KanbanCard } from '../api';
import { ACTION_ORDER, ACTION_STYLE, PRIORITY_COLOR } from './appearance';
import { ageOf, isOverdue } from './board-model';
import { formatNumber, formatQuantity } from '../../../lib/quantity';
import { factoryShortDate, factoryTime, relativeDay } from './format';
import classes from './KanbanBoard.module.css';

export interface KanbanCardProps {
  card: KanbanCard;
  /** Epoch milliseconds the ages and the overdue mark are measured against. */
  now: number;
  /** A move of this card awaits the server's answer. */
  pending?: boolean;
  /** Drawn under the pointer while dragging. */
  overlay?: boolean;
  dragging?: boolean;
  onOpen?: (card: KanbanCard) => void;
  onAction?: (card: KanbanCard, action: KanbanAction) => void;
  /** Set by the sortable wrapper. */
  rootRef?: Ref<HTMLElement>;
  rootProps?: Record<string, unknown>;
  style?: CSSProperties;
  handle?: ReactNode;
}

/** "today 14:00", "tomorrow 08:00" or "28 Nov, 14:00", in factory time. */
export function useWhen() {
  const { t, i18n } = useTranslation();
  return (iso: string, now: number) => {
    const time = factoryTime(iso, i18n.language);
    const day = relativeDay(iso, now);
    return day
      ? t(`kanban.card.${day}`, { time })
      : t('kanban.card.onDate', { date: factoryShortDate(iso, i18n.language), time });
  };
}

/**
 * One card: what is asked for, by whom, how urgent, and the moves this user may make. The frame follows the
 * drag; its content is memoized apart, so that picking up one card does not redraw five hundred.
 */
export function KanbanCardView({
  card,
  now,
  pending = false,
  overlay = false,
  dragging = false,
  onOpen,
  onAction,
  rootRef,
  rootProps,
  style,
  handle,
}: KanbanCardProps) {
  const { t, i18n } = useTranslation();
  const open = (event: MouseEvent<HTMLElement>) => {
    // Buttons inside the card do their own thing; a tap anywhere else opens the details.
    if ((event.target as HTMLElement).closest('button, a, input')) return;
    onOpen?.(card);
  };

  return (
    <article
      ref={rootRef}
      className={classes.card}
      style={
        {
          ...style,
          '--kb-priority-color': `var(--mantine-color-${PRIORITY_COLOR[card.priority]}-6)`,
        } as CSSProperties
      }
      data-draggable={!!handle || overlay}
      data-dragging={dragging}
      data-pending={pending}
      data-overlay={overlay}
      data-overdue={isOverdue(card, now)}
      aria-label={t('kanban.card.label', {
        number: card.number,
        product: `${card.productCode} ${card.productName}`,
        quantity: formatQuantity(card.quantity, card.uom, i18n.language),
        department: t(`departments.${card.department}`),
      })}
      aria-busy={pending || undefined}
      onClick={overlay ? undefined : open}
      {...rootProps}
    >
      <CardContent
        card={card}
        now={now}
        pending={pending}
        overlay={overlay}
        onOpen={onOpen}
        onAction={onAction}
      />
      {(pending || handle) && (
        <div className={classes.corner}>
          {pending ? <Loader size={14} aria-label={t('kanban.card.moving')} /> : handle}
        </div>
      )}
    </article>
  );
}

const CardContent = memo(function CardContent({
  card,
  now,
  pending,
  overlay,
  onOpen,
  onAction,
}: Pick<KanbanCardProps, 'card' | 'now' | 'onOpen' | 'onAction'> & { pending: boolean; overlay: boolean }) {
  const { t, i18n } = useTranslation();
  const when = useWhen();
  const lang = i18n.language;
  const overdue = isOverdue(card, now);
  const age = ageOf(card.createdAt, now);
  const quantity = formatNumber(card.quantity, lang);
  const department = t(`departments.${card.department}`);
  const actions = ACTION_ORDER.filter((a) => card.actions.includes(a));

  return (
    <>
      <div className={classes.cardTop}>
        <button
          type="button"
          className={classes.number}
          onClick={() => onOpen?.(card)}
          aria-label={t('kanban.card.details', { number: card.number })}
          tabIndex={overlay ? -1 : undefined}
        >
          {card.number}
        </button>
      </div>

      <div className={classes.product}>
        <div className={classes.productTop}>
          <span className={classes.code}>{card.productCode}</span>
          <span className={classes.spacer} />
          <Badge
            size="sm"
            variant={card.priority === 'URGENT' ? 'filled' : 'light'}
            color={PRIORITY_COLOR[card.priority]}
            radius="sm"
          >
            {t(`kanban.priority.${card.priority}`)}
          </Badge>
        </div>
        <div className={classes.name} title={card.productName}>
          {card.productName}
        </div>
      </div>

      <div className={classes.quantityRow}>
        <span className={classes.quantity}>
          {quantity}
          <span className={classes.unit}>{card.uom}</span>
        </span>
        <span className={classes.department}>{department}</span>
      </div>

      <div className={classes.meta}>
        <span className={classes.age} title={t('kanban.card.requestedAt')}>
          <IconClock size={13} aria-hidden />
          {age.unit === 'now' ? t('kanban.card.age.now') : t(`kanban.card.age.${age.unit}`, { n: age.n })}
        </span>
        {card.neededBy && (
          <span className={`${classes.needed} ${overdue ? classes.overdue : ''}`} data-testid="needed-by">
            {overdue ? (
              <IconAlertTriangle size={13} aria-hidden />
            ) : (
              <IconCalendarClock size={13} aria-hidden />
            )}
            {overdue
              ? t('kanban.card.overdue', { when: when(card.neededBy, now) })
              : t('kanban.card.needed', { when: when(card.neededBy, now) })}
          </span>
        )}
        {card.automatic && (
          <Tooltip label={t('kanban.card.autoHint')} withArrow disabled={overlay}>
            <Badge
              size="sm"
              variant="outline"
              color="grape"
              radius="sm"
              leftSection={<IconRobot size={11} />}
            >
              {t('kanban.card.auto')}
            </Badge>
          </Tooltip>
        )}
      </div>

      <StatusNote card={card} lang={lang} />

      {actions.length > 0 && !pending && !overlay && (
        <div className={classes.actions}>
          {actions.map((action) => (
            <Button
              key={action}
              size="xs"
              h={30}
              px={10}
              {...ACTION_STYLE[action]}
              onClick={() => onAction?.(card, action)}
              aria-label={t('kanban.actionLabel', {
                action: t(`kanban.actions.${action}`),
                number: card.number,
              })}
            >
              {t(`kanban.actions.${action}`)}
            </Button>
          ))}
        </div>
      )}
    </>
  );
});

/** What happened to the card after it was requested, when that matters on the board. */
function StatusNote({ card, lang }: { card: KanbanCard; lang: string }) {
  const { t } = useTranslation();
  const amount = (n: number) => formatQuantity(n, card.uom, lang);
  if (card.status === 'APPROVED' && card.approvedQuantity !== null && card.approvedQuantity < card.quantity)
    return (
      <div className={`${classes.note} ${classes.noteWarn}`}>
        {t('kanban.partial.approved', {
          approved: amount(card.approvedQuantity),
          requested: amount(card.quantity),
        })}
      </div>
    );
  if (card.status === 'IN_TRANSIT' && card.shippedQuantity !== null)
    return (
      <div className={classes.note}>
        <IconTruckDelivery size={13} aria-hidden style={{ verticalAlign: -2, marginRight: 3 }} />
        {t('kanban.card.shipped', {
          quantity: amount(card.shippedQuantity),
          by: card.shippedBy?.fullName ?? '',
        })}
      </div>
    );
  if (card.status === 'RECEIVED' && card.shortQuantity)
    return (
      <div className={`${classes.note} ${classes.noteWarn}`}>
        {t('kanban.card.short', {
          received: amount(card.receivedQuantity ?? 0),
          short: amount(card.shortQuantity),
        })}
      </div>
    );
  if (card.status === 'REJECTED' && card.rejectReason)
    return <div className={classes.note}>{t('kanban.card.rejected', { reason: card.rejectReason })}</div>;
  return null;
}

export function CardHandleIcon() {
  return <IconGripVertical size={18} aria-hidden />;
}
