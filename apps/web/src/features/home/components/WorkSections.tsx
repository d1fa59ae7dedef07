import type { AlertLevel, WorkItemKind, WorkSectionKey } from '@kapok/contracts';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconArrowsTransferDown,
  IconChecklist,
  IconClipboardCheck,
  IconPackageImport,
  IconPlayerPlay,
  IconSearch,
  IconTruckDelivery,
  IconWritingSign,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatQuantity } from '../../../lib/quantity';
import { formatDateTime, formatFactoryDay } from '../../../lib/time';
import type { WorkItem, WorkSection } from '../api/work';

const LOOK: Record<WorkSectionKey, { icon: Icon; color: string; path: string }> = {
  mos_to_approve: { icon: IconWritingSign, color: 'blue', path: '/ppic?state=DRAFT' },
  mos_to_start: { icon: IconPlayerPlay, color: 'orange', path: '/ppic?state=APPROVED' },
  work_orders: { icon: IconClipboardCheck, color: 'teal', path: '/production' },
  incoming_handovers: { icon: IconArrowsTransferDown, color: 'grape', path: '/production' },
  cards_to_approve: { icon: IconChecklist, color: 'pink', path: '/kanban' },
  cards_to_ship: { icon: IconTruckDelivery, color: 'orange', path: '/kanban' },
  cards_to_receive: { icon: IconPackageImport, color: 'green', path: '/kanban' },
  open_alerts: { icon: IconAlertTriangle, color: 'red', path: '/warehouse/alerts' },
  quality_alerts: { icon: IconAlertOctagon, color: 'red', path: '/quality?tab=alerts' },
  lots_to_inspect: { icon: IconSearch, color: 'lime', path: '/quality' },
};

/** Where one line leads: its own page when it has one, else its module's. */
const linkOf = (kind: WorkItemKind, id: string): string => {
  switch (kind) {
    case 'manufacturing_order':
      return `/ppic/orders/${id}`;
    case 'work_order':
    case 'handover':
      return '/production';
    case 'kanban_card':
      return '/kanban';
    case 'stock_alert':
      return '/warehouse/alerts';
    case 'lot':
      return '/quality';
    case 'quality_alert':
      return '/quality?tab=alerts';
  }
};

const LEVEL_COLOR: Record<string, string> = { OUT: 'red', CRITICAL: 'orange', LOW: 'yellow', OK: 'green' };

/** A due date is a factory day ("21 Des 2026"); the other moments keep their time of day. */
const DUE_DAY_KINDS = new Set(['manufacturing_order', 'work_order']);
const when = (item: WorkItem, lang: string) =>
  DUE_DAY_KINDS.has(item.kind) ? formatFactoryDay(item.at!, lang) : formatDateTime(item.at!, lang);

function Line({ item }: { item: WorkItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Group gap={6} wrap="nowrap" justify="space-between">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={linkOf(item.kind, item.id)} size="sm" fw={600} ff="monospace" truncate>
          {item.number || item.productCode}
        </Anchor>
        <Text size="xs" c="dimmed" truncate>
          {[
            item.number ? item.productCode : null,
            item.quantity === null ? null : formatQuantity(item.quantity, item.uom, lang),
            item.at ? t(`home.work.when.${item.kind}`, { date: when(item, lang) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      {(item.kind === 'stock_alert' || item.kind === 'quality_alert') && (
        <Badge
          size="sm"
          variant="light"
          color={LEVEL_COLOR[item.state] ?? 'gray'}
          tt="none"
          style={{ flexShrink: 0 }}
        >
          {t(`home.work.level.${item.state as AlertLevel}`)}
        </Badge>
      )}
    </Group>
  );
}

/** The sections of "my work", each with its count, its most pressing lines and a way to all of them. */
export function WorkSections({ sections }: { sections: readonly WorkSection[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
      {sections.map((section) => {
        const { icon: SectionIcon, color, path } = LOOK[section.key];
        const title = t(`home.work.sections.${section.key}.title`);
        return (
          <Card
            key={section.key}
            padding="md"
            radius="md"
            withBorder
            component="section"
            aria-label={title}
            data-testid={`work-${section.key}`}
          >
            <Group justify="space-between" mb="sm" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon size={34} radius="md" variant="light" color={color}>
                  <SectionIcon size={20} />
                </ThemeIcon>
                <Text fw={700}>{title}</Text>
              </Group>
              <Badge
                size="lg"
                circle={section.count < 100}
                color={section.count ? color : 'gray'}
                variant={section.count ? 'filled' : 'light'}
              >
                {section.count}
              </Badge>
            </Group>
            {section.count === 0 ? (
              <Text size="sm" c="dimmed">
                {t(`home.work.sections.${section.key}.empty`)}
              </Text>
            ) : (
              <Stack gap={8}>
                {section.items.map((item) => (
                  <Line key={item.id} item={item} />
                ))}
                <Anchor component={Link} to={path} size="sm" mt={4}>
                  {t('home.work.seeAll', { count: section.count })}
                </Anchor>
              </Stack>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
