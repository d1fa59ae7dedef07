import {
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import type { KanbanAction } from '@kapok/contracts';
import {
  IconCheck,
  IconCircleX,
  IconHandStop,
  IconPackageImport,
  IconRobot,
  IconSend,
  IconTruckDelivery,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import type { KanbanCard } from '../api';
import { ACTION_ORDER, ACTION_STYLE, PRIORITY_COLOR, STATUS_COLOR } from './appearance';
import { isOverdue } from './board-model';
import { formatQuantity } from '../../../lib/quantity';

export interface CardDetailDrawerProps {
  card: KanbanCard | null;
  pending: boolean;
  now: number;
  onAction: (card: KanbanCard, action: KanbanAction) => void;
  onClose: () => void;
}

/** Everything about one card: what, for whom, each step with who and when, and the moves open to this user. */
export function CardDetailDrawer({ card, pending, now, onAction, onClose }: CardDetailDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={!!card}
      onClose={onClose}
      position="right"
      size={420}
      title={card ? <DrawerTitle card={card} /> : null}
    >
      {card && <CardDetail card={card} pending={pending} now={now} onAction={onAction} />}
      {!card && <Text c="dimmed">{t('common.loading')}</Text>}
    </Drawer>
  );
}

function DrawerTitle({ card }: { card: KanbanCard }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Title order={3} ff="monospace" fz="lg">
        {card.number}
      </Title>
      <Badge color={STATUS_COLOR[card.status]} variant="light" radius="sm">
        {t(`kanban.status.${card.status}`)}
      </Badge>
    </Group>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function CardDetail({
  card,
  pending,
  now,
  onAction,
}: {
  card: KanbanCard;
  pending: boolean;
  now: number;
  onAction: (card: KanbanCard, action: KanbanAction) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const amount = (n: number) => formatQuantity(n, card.uom, lang);
  const at = (iso: string) => formatDateTime(iso, lang);
  const by = (who: { fullName: string } | null, when: string | null) =>
    when ? t('kanban.detail.byAt', { name: who?.fullName ?? t('kanban.detail.system'), time: at(when) }) : '';
  const overdue = isOverdue(card, now);
  const actions = ACTION_ORDER.filter((a) => card.actions.includes(a));

  const steps: Array<{ key: string; icon: ReactNode; title: string; body: ReactNode; color?: string }> = [
    {
      key: 'requested',
      icon: card.automatic ? <IconRobot size={14} /> : <IconSend size={14} />,
      title: t('kanban.detail.requested'),
      body:
        card.automatic && !card.requestedBy
          ? t('kanban.detail.automatic')
          : by(card.requestedBy, card.createdAt),
    },
  ];
  if (card.approvedAt)
    steps.push({
      key: 'approved',
      icon: <IconCheck size={14} />,
      title: t('kanban.detail.approved'),
      body: (
        <>
          {by(card.approvedBy, card.approvedAt)}
          {card.approvedQuantity !== null && card.approvedQuantity < card.quantity && (
            <Text size="xs" c="orange.9" fw={600} data-testid="partial-approval">
              {t('kanban.partial.approved', {
                approved: amount(card.approvedQuantity),
                requested: amount(card.quantity),
              })}
            </Text>
          )}
          {card.remainderReason && (
            <Text size="xs">{t('kanban.partial.remainderRejected', { reason: card.remainderReason })}</Text>
          )}
          {card.approveNotes && <Text size="xs">“{card.approveNotes}”</Text>}
        </>
      ),
    });
  if (card.shippedAt)
    steps.push({
      key: 'shipped',
      icon: <IconTruckDelivery size={14} />,
      title: t('kanban.detail.shipped', { quantity: amount(card.shippedQuantity ?? card.quantity) }),
      body: by(card.shippedBy, card.shippedAt),
    });
  if (card.receivedAt)
    steps.push({
      key: 'received',
      icon: <IconPackageImport size={14} />,
      title: t('kanban.detail.received', { quantity: amount(card.receivedQuantity ?? 0) }),
      body: (
        <>
          {by(card.receivedBy, card.receivedAt)}
          {!!card.shortQuantity && (
            <Text size="xs" c="orange.9" fw={600}>
              {t('kanban.detail.short', { quantity: amount(card.shortQuantity) })}
            </Text>
          )}
          {card.shortReason && (
            <Text size="xs">{t('kanban.partial.shortReason', { reason: card.shortReason })}</Text>
          )}
        </>
      ),
      color: 'green',
    });
  if (card.rejectedAt)
    steps.push({
      key: 'rejected',
      icon: <IconCircleX size={14} />,
      title: t('kanban.detail.rejected'),
      body: (
        <>
          {by(card.rejectedBy, card.rejectedAt)}
          {card.rejectReason && <Text size="xs">“{card.rejectReason}”</Text>}
        </>
      ),
      color: 'red',
    });
  if (card.cancelledAt)
    steps.push({
      key: 'cancelled',
      icon: <IconHandStop size={14} />,
      title: t('kanban.detail.cancelled'),
      body: by(card.cancelledBy, card.cancelledAt),
      color: 'gray',
    });

  return (
    <Stack gap="md">
      <div>
        <Text fw={700}>{card.productCode}</Text>
        <Text size="sm" c="dimmed">
          {card.productName}
        </Text>
      </div>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <Field label={t('kanban.detail.quantity')}>
          <Text fw={700} fz="lg" span>
            {amount(card.quantity)}
          </Text>
        </Field>
        <Field label={t('kanban.detail.priority')}>
          <Badge color={PRIORITY_COLOR[card.priority]} variant="light" radius="sm">
            {t(`kanban.priority.${card.priority}`)}
          </Badge>{' '}
          {card.automatic && (
            <Badge color="grape" variant="outline" radius="sm">
              {t('kanban.card.auto')}
            </Badge>
          )}
        </Field>
        <Field label={t('kanban.detail.department')}>{t(`departments.${card.department}`)}</Field>
        <Field label={t('kanban.detail.neededBy')}>
          {card.neededBy ? (
            <Text span c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined} size="sm">
              {at(card.neededBy)}
              {overdue && ` · ${t('kanban.detail.overdue')}`}
            </Text>
          ) : (
            t('common.none')
          )}
        </Field>
        <Field label={t('kanban.detail.source')}>
          {card.sourceLocationCode ?? t('kanban.detail.anySource')}
        </Field>
      </SimpleGrid>
      <Field label={t('kanban.detail.reason')}>{card.reason || t('kanban.detail.noReason')}</Field>
      {card.splitFromId && (
        <Text size="xs" c="dimmed">
          {t('kanban.partial.splitFrom')}
        </Text>
      )}
      <Divider />
      <Timeline active={steps.length - 1} bulletSize={24} lineWidth={2}>
        {steps.map((s) => (
          <Timeline.Item key={s.key} bullet={s.icon} title={s.title} color={s.color}>
            <Text size="xs" c="dimmed" component="div">
              {s.body}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {actions.length > 0 && !pending && (
        <>
          <Divider />
          <Group gap="sm">
            {actions.map((action) => (
              <Button key={action} {...ACTION_STYLE[action]} onClick={() => onAction(card, action)}>
                {t(`kanban.actions.${action}`)}
              </Button>
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}
