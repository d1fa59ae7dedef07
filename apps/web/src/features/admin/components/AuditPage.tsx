import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  EmptyState,
  Paper,
  Select,
  Switch,
  Text,
} from '@mantine/core';
import {
  AUDIT_ENTITY_TYPES,
  PERMISSION_MODULES,
  auditEntityTypesOf,
  type PermissionModule,
} from '@kapok/contracts';
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { DateRangeInputs } from '../../../components/DateRangeInputs';
import { PageHeader } from '../../../components/PageHeader';
import { factoryDayEnd, factoryDayStart, formatDateTime } from '../../../lib/time';
import { auditQueries, usersQueries, type AuditEntry } from '../api';
import { AuditDiff } from './AuditDiff';
import { actionWord, entityWord } from './audit-words';

const PAGE_SIZE = 25;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [module, setModule] = useState<PermissionModule | null>(null);
  const [entityType, setEntityType] = useState<string | null>(null);
  const [actor, setActor] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [logins, setLogins] = useState(false);
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<string | null>(null);

  const entries = useQuery(
    auditQueries.list({
      module: module ?? undefined,
      entityType: entityType ?? undefined,
      actor: actor ?? undefined,
      from: from ? factoryDayStart(from) : undefined,
      to: to ? factoryDayEnd(to) : undefined,
      includeLogins: logins || undefined,
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );
  // Everyone who can have changed something, by name (a factory has tens of accounts, not thousands).
  const users = useQuery(usersQueries.list({ skip: 0, limit: 500 }));

  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const filtered = !!(module || entityType || actor || from || to);
  const clearFilters = () => {
    setModule(null);
    setEntityType(null);
    setActor(null);
    setFrom('');
    setTo('');
    setPage(1);
  };

  const entityTypes = module ? auditEntityTypesOf(module) : AUDIT_ENTITY_TYPES;
  const columns = useAuditColumns(expanded, setExpanded);

  return (
    <>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.description')} />
      <Paper p="md" radius="md">
        <DataTable<AuditEntry>
          tableId="admin.audit"
          label={t('admin.audit.title')}
          toolbar={
            <>
              <Select
                w={170}
                label={t('admin.audit.module')}
                placeholder={t('common.all')}
                data={PERMISSION_MODULES.map((m) => ({ value: m, label: t(`admin.roles.modules.${m}`) }))}
                value={module}
                onChange={(value) => {
                  filter(setModule)(value as PermissionModule | null);
                  setEntityType(null);
                }}
                clearable
              />
              <Select
                w={200}
                label={t('admin.audit.entityType')}
                placeholder={t('common.all')}
                data={entityTypes
                  .map((type) => ({ value: type, label: entityWord(t, type) }))
                  .sort((a, b) => a.label.localeCompare(b.label, i18n.language))}
                value={entityType}
                onChange={filter(setEntityType)}
                clearable
              />
              <Select
                w={200}
                label={t('admin.audit.actor')}
                placeholder={t('common.all')}
                data={(users.data?.items ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.fullName} (${u.username})`,
                }))}
                value={actor}
                onChange={filter(setActor)}
                searchable
                clearable
                nothingFoundMessage={t('admin.audit.noUser')}
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
            </>
          }
          columns={columns}
          rows={entries.data?.items}
          rowId={(entry) => entry.id}
          loading={entries.isPending}
          error={entries.error}
          onRetry={() => void entries.refetch()}
          stale={entries.isPlaceholderData}
          rowProps={(entry) => ({
            onClick: () => setExpanded(expanded === entry.id ? null : entry.id),
            style: { cursor: 'pointer' },
            bg: expanded === entry.id ? 'var(--mantine-color-gray-0)' : undefined,
          })}
          expanded={(entry) =>
            expanded === entry.id ? (
              <Box id={`audit-${entry.id}`} p="md" bg="var(--mantine-color-gray-0)">
                <AuditDiff entry={entry} />
              </Box>
            ) : null
          }
          paging={{
            page,
            pageSize: PAGE_SIZE,
            total: entries.data?.total ?? 0,
            onPageChange: setPage,
          }}
          footnote={t('common.timeZoneNote')}
          csvFileName="audit-log"
          minWidth={820}
          empty={
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
          }
        />
      </Paper>
    </>
  );
}

function useAuditColumns(
  expanded: string | null,
  setExpanded: (id: string | null) => void,
): DataColumn<AuditEntry>[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => [
      {
        id: 'toggle',
        header: t('admin.audit.showDetails'),
        hideHeader: true,
        alwaysVisible: true,
        width: 44,
        cell: (entry) => {
          const open = expanded === entry.id;
          return (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-expanded={open}
              aria-controls={open ? `audit-${entry.id}` : undefined}
              aria-label={open ? t('admin.audit.hideDetails') : t('admin.audit.showDetails')}
              onClick={(e) => {
                e.stopPropagation();
                setExpanded(open ? null : entry.id);
              }}
            >
              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          );
        },
      },
      {
        id: 'at',
        header: t('admin.audit.at'),
        alwaysVisible: true,
        sortValue: (entry) => entry.at,
        cell: (entry) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(entry.at, i18n.language)}
          </Text>
        ),
      },
      {
        id: 'actor',
        header: t('admin.audit.actor'),
        sortValue: (entry) => entry.actor?.fullName ?? '',
        cell: (entry) =>
          entry.actor ? (
            <div>
              <Text size="sm" fw={500}>
                {entry.actor.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.actor.username}
              </Text>
            </div>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('admin.audit.system')}
            </Text>
          ),
      },
      {
        id: 'action',
        header: t('admin.audit.action'),
        sortValue: (entry) => actionWord(t, entry.action),
        csv: (entry) => entry.action,
        cell: (entry) => (
          <Badge variant="light" color={actionColor(entry.action)} radius="sm" tt="none">
            {actionWord(t, entry.action)}
          </Badge>
        ),
      },
      {
        id: 'entity',
        header: t('admin.audit.entity'),
        sortValue: (entry) => entityWord(t, entry.entityType),
        cell: (entry) => <Text size="sm">{entityWord(t, entry.entityType)}</Text>,
      },
      {
        id: 'document',
        header: t('admin.audit.document'),
        sortValue: (entry) => entry.link?.label ?? entry.entityId,
        csv: (entry) => entry.link?.label ?? entry.entityId,
        cell: (entry) =>
          entry.link?.path ? (
            <Anchor
              component={Link}
              to={entry.link.path}
              size="sm"
              fw={600}
              ff="monospace"
              onClick={(e) => e.stopPropagation()}
            >
              {entry.link.label}
            </Anchor>
          ) : entry.link ? (
            <Text size="sm" fw={600} ff="monospace">
              {entry.link.label}
            </Text>
          ) : (
            <Text size="xs" c="dimmed" ff="monospace" title={entry.entityId}>
              {entry.entityId.slice(0, 8)}
            </Text>
          ),
      },
      {
        id: 'requestId',
        header: t('common.requestId'),
        hiddenByDefault: true,
        csv: (entry) => entry.requestId,
        cell: (entry) => (
          <Text size="xs" c="dimmed" ff="monospace" title={entry.requestId ?? undefined}>
            {entry.requestId ? entry.requestId.slice(0, 8) : t('common.none')}
          </Text>
        ),
      },
    ],
    [t, i18n.language, expanded, setExpanded],
  );
}

const actionColor = (action: string) =>
  action.endsWith('created')
    ? 'green'
    : action.endsWith('deleted') ||
        action.endsWith('cancelled') ||
        action.endsWith('rejected') ||
        action.includes('revoked')
      ? 'red'
      : action.startsWith('auth.')
        ? 'gray'
        : 'blue';
