import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Department } from '@kapok/contracts';
import { IconPencil, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can } from '../../../components/Can';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/time';
import { usersQueries, type User } from '../api';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { useRoleOptions } from './useRoleOptions';

const PAGE_SIZE = 20;
type StatusFilter = 'all' | 'active' | 'disabled';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');

export function UsersPage() {
  const { t } = useTranslation();
  const canUpdate = usePermission('admin.update');
  const { roleOptions, roleName, departmentOptions } = useRoleOptions();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const users = useQuery(
    usersQueries.list({
      search: debouncedSearch || undefined,
      role: role ?? undefined,
      department: (department as Department | null) ?? undefined,
      active: status === 'all' ? undefined : status === 'active',
      skip: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );

  // Any filter change starts again from the first page.
  const filter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  const filtered = !!(search || role || department || status !== 'all');
  const clearFilters = () => {
    setSearch('');
    setRole(null);
    setDepartment(null);
    setStatus('all');
    setPage(1);
  };

  const columns = useUserColumns(roleName, canUpdate ? setEditing : undefined);

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        description={t('admin.users.description')}
        actions={
          <Can permission="admin.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('admin.users.newUser')}
            </Button>
          </Can>
        }
      />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <DataTable<User>
            toolbar={
              <>
                <TextInput
                  style={{ flex: '1 1 260px' }}
                  leftSection={<IconSearch size={16} />}
                  placeholder={t('admin.users.search')}
                  aria-label={t('admin.users.search')}
                  value={search}
                  onChange={(e) => filter(setSearch)(e.currentTarget.value)}
                />
                <Select
                  style={{ flex: '1 1 160px' }}
                  maw={220}
                  aria-label={t('admin.users.role')}
                  placeholder={t('admin.users.allRoles')}
                  data={roleOptions}
                  value={role}
                  onChange={filter(setRole)}
                  clearable
                  searchable
                />
                <Select
                  style={{ flex: '1 1 160px' }}
                  maw={220}
                  aria-label={t('admin.users.department')}
                  placeholder={t('admin.users.allDepartments')}
                  data={departmentOptions}
                  value={department}
                  onChange={filter(setDepartment)}
                  clearable
                />
                <Select
                  style={{ flex: '1 1 140px' }}
                  maw={170}
                  aria-label={t('admin.users.status')}
                  data={[
                    { value: 'all', label: t('admin.users.allStatuses') },
                    { value: 'active', label: t('admin.users.statusActive') },
                    { value: 'disabled', label: t('admin.users.statusDisabled') },
                  ]}
                  value={status}
                  onChange={(v) => filter(setStatus)((v as StatusFilter | null) ?? 'all')}
                  allowDeselect={false}
                />
                {filtered && (
                  <Button variant="subtle" color="gray" onClick={clearFilters}>
                    {t('common.clearFilters')}
                  </Button>
                )}
              </>
            }
            tableId="admin.users"
            label={t('admin.users.title')}
            columns={columns}
            rows={users.data?.items}
            rowId={(user) => user.id}
            loading={users.isPending}
            error={users.error}
            onRetry={() => void users.refetch()}
            stale={users.isPlaceholderData}
            csvFileName="users"
            paging={{ page, pageSize: PAGE_SIZE, total: users.data?.total ?? 0, onPageChange: setPage }}
            empty={
              <EmptyState
                py="xl"
                withIndicatorBackground
                icon={<IconUsers />}
                title={t('admin.users.emptyTitle')}
                description={t('admin.users.emptyBody')}
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
        </Stack>
      </Paper>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <EditUserModal userId={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function useUserColumns(
  roleName: (code: string) => string,
  onEdit: ((id: string) => void) | undefined,
): DataColumn<User>[] {
  const { t, i18n } = useTranslation();
  const columns: DataColumn<User>[] = [
    {
      id: 'fullName',
      header: t('admin.users.fullName'),
      alwaysVisible: true,
      sortValue: (user) => user.fullName,
      cell: (user) => (
        <Group gap="sm" wrap="nowrap">
          <Avatar size={34} radius="xl" color={user.active ? 'kapok' : 'gray'} variant="light">
            {initials(user.fullName)}
          </Avatar>
          <div>
            <Text size="sm" fw={600} c={user.active ? undefined : 'dimmed'}>
              {user.fullName}
            </Text>
            <Text size="xs" c="dimmed">
              @{user.username}
            </Text>
          </div>
        </Group>
      ),
    },
    {
      id: 'username',
      header: t('admin.users.username'),
      hiddenByDefault: true,
      sortValue: (user) => user.username,
      cell: (user) => <Text size="sm">{user.username}</Text>,
    },
    {
      id: 'role',
      header: t('admin.users.role'),
      sortValue: (user) => roleName(user.role),
      cell: (user) => (
        <Badge variant="light" color="kapok" radius="sm" tt="none">
          {roleName(user.role)}
        </Badge>
      ),
    },
    {
      id: 'department',
      header: t('admin.users.department'),
      sortValue: (user) => (user.department ? t(`departments.${user.department}`) : null),
      cell: (user) => (
        <Text size="sm">{user.department ? t(`departments.${user.department}`) : t('common.none')}</Text>
      ),
    },
    {
      id: 'status',
      header: t('admin.users.status'),
      sortValue: (user) => (user.active ? t('admin.users.statusActive') : t('admin.users.statusDisabled')),
      cell: (user) =>
        user.active ? (
          <Badge color="green" variant="dot" tt="none">
            {t('admin.users.statusActive')}
          </Badge>
        ) : (
          <Badge color="gray" variant="dot" tt="none">
            {t('admin.users.statusDisabled')}
          </Badge>
        ),
    },
    {
      id: 'lastLogin',
      header: t('admin.users.lastLogin'),
      sortValue: (user) => user.lastLoginAt,
      cell: (user) => (
        <Text size="sm" c="dimmed">
          {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('admin.users.never')}
        </Text>
      ),
    },
  ];
  if (onEdit)
    columns.push({
      id: 'actions',
      header: t('common.edit'),
      hideHeader: true,
      alwaysVisible: true,
      sticky: true,
      width: 60,
      cell: (user) => (
        <Tooltip label={t('common.edit')} withArrow>
          <ActionIcon
            variant="subtle"
            onClick={() => onEdit(user.id)}
            aria-label={`${t('common.edit')} ${user.username}`}
          >
            <IconPencil size={18} />
          </ActionIcon>
        </Tooltip>
      ),
    });
  return columns;
}
