import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Code,
  EmptyState,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconHistory, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
import { PageHeader } from '../../../components/PageHeader';
import { factoryDayEnd, factoryDayStart, formatDateTime } from '../../../lib/time';
import { auditQueries, type AuditEntry } from '../api';
import { AuditDiff } from './AuditDiff';
import { DateRangeInputs } from '../../../components/DateRangeInputs';

const PAGE_SIZE = 25;
/** Entity types of domain.md's audit rule (snake_case, singular). */
const ENTITY_TYPES = [
  'user',
  'role',
  'product',
  'bom',
  'manufacturing_order',
  'work_order',
  'kanban_card',
  'stock_move',
] as const;
const COLUMNS = 6;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [logins, setLogins] = useState(false);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [debounced] = useDebouncedValue({ actor: actor.trim(), action: action.trim() }, 300);

  const entries = useQuery(
    auditQueries.list({
      entityType: entityType ?? undefined,
      actor: debounced.actor || undefined,
      action: debounced.action || undefined,
      from: from ? factoryDayStart(from) : undefined,
      to: to ? factoryDayEnd(to) : undefined,
      includeLogins: logins || undefined,
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const filtered = !!(entityType || actor || action || from || to);
  const clearFilters = () => {
    setEntityType(null);
    setActor('');
    setAction('');
    setFrom('');
    setTo('');
    setPage(1);
  };
  const entityLabel = (type: string) => t(`admin.audit.entityTypes.${type}`, { defaultValue: type });

  const total = entries.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              w={190}
              label={t('admin.audit.entityType')}
              placeholder={t('common.all')}
              data={ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
              value={entityType}
              onChange={filter(setEntityType)}
              clearable
            />
            <TextInput
              w={170}
              label={t('admin.audit.actor')}
              placeholder={t('admin.audit.actorPlaceholder')}
              leftSection={<IconSearch size={14} />}
              value={actor}
              onChange={(e) => filter(setActor)(e.currentTarget.value)}
            />
            <TextInput
              w={190}
              label={t('admin.audit.action')}
              placeholder={t('admin.audit.actionPlaceholder')}
              value={action}
              onChange={(e) => filter(setAction)(e.currentTarget.value)}
            />
            <DateRangeInputs
              from={from}
              to={to}
              onFromChange={filter(setFrom)}
              onToChange={filter(setTo)}
              fromLabel={t('admin.audit.from')}
              toLabel={t('admin.audit.to')}
            />
            <Switch
              label={t('admin.audit.showLogins')}
              checked={logins}
              onChange={(e) => filter(setLogins)(e.currentTarget.checked)}
              mb={8}
            />
            {filtered && (
              <Button variant="subtle" color="gray" onClick={clearFilters}>
                {t('common.clearFilters')}
              </Button>
            )}
          </Group>

          {entries.isPending ? (
            <TableSkeleton rows={8} />
          ) : entries.isError ? (
            <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
          ) : entries.data.items.length === 0 ? (
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconHistory />}
              title={t('admin.audit.emptyTitle')}
              description={t('admin.audit.emptyBody')}
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button variant="default" onClick={clearFilters}>
                    {t('common.clearFilters')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table
                aria-label={t('admin.audit.title')}
                style={{ opacity: entries.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={44} />
                    <Table.Th>{t('admin.audit.at')}</Table.Th>
                    <Table.Th>{t('admin.audit.actor')}</Table.Th>
                    <Table.Th>{t('admin.audit.action')}</Table.Th>
                    <Table.Th>{t('admin.audit.entity')}</Table.Th>
                    <Table.Th>{t('common.requestId')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.data.items.map((entry) => (
                    <AuditRow
                      key={entry.id}
                      entry={entry}
                      open={expanded === entry.id}
                      onToggle={() => setExpanded(expanded === entry.id ? null : entry.id)}
                      when={formatDateTime(entry.at, i18n.language)}
                      entityLabel={entityLabel(entry.entityType)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('common.showing', {
                  from: (page - 1) * PAGE_SIZE + 1,
                  to: Math.min(total, page * PAGE_SIZE),
                  total,
                })}{' '}
                · {t('common.timeZoneNote')}
              </Text>
              {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
            </Group>
          )}
        </Stack>
      </Paper>
    </>
  );
}

function AuditRow({
  entry,
  open,
  onToggle,
  when,
  entityLabel,
}: {
  entry: AuditEntry;
  open: boolean;
  onToggle: () => void;
  when: string;
  entityLabel: string;
}) {
  const { t } = useTranslation();
  const detailsId = `audit-${entry.id}`;
  return (
    <Fragment>
      <Table.Tr
        onClick={onToggle}
        style={{ cursor: 'pointer' }}
        bg={open ? 'var(--mantine-color-gray-0)' : undefined}
      >
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={open ? t('admin.audit.hideDetails') : t('admin.audit.showDetails')}
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {when}
          </Text>
        </Table.Td>
        <Table.Td>
          {entry.actor ? (
            <Text size="sm" fw={500}>
              {entry.actor.username}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('admin.audit.system')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={actionColor(entry.action)} radius="sm" tt="none" ff="monospace">
            {entry.action}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entityLabel}</Text>
          <Tooltip label={entry.entityId} withArrow>
            <Text size="xs" c="dimmed" ff="monospace">
              {entry.entityId.slice(0, 8)}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          {entry.requestId ? (
            <Tooltip label={entry.requestId} withArrow>
              <Code>{entry.requestId.slice(0, 8)}</Code>
            </Tooltip>
          ) : (
            <Text c="dimmed">{t('common.none')}</Text>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} p={0}>
            <Box id={detailsId} p="md" bg="var(--mantine-color-gray-0)">
              <AuditDiff entry={entry} />
            </Box>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

const actionColor = (action: string) =>
  action.endsWith('created')
    ? 'green'
    : action.endsWith('deleted') || action.includes('revoked')
      ? 'red'
      : action.startsWith('auth.')
        ? 'gray'
        : 'blue';
