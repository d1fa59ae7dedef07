import {
  ActionIcon,
  Avatar,
  Badge,
  Button,
  EmptyState,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
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
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
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
  const { t, i18n } = useTranslation();
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

  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);

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
          <Group gap="sm" align="flex-end" wrap="wrap">
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
          </Group>

          {users.isPending ? (
            <TableSkeleton />
          ) : users.isError ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : users.data.items.length === 0 ? (
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
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table
                aria-label={t('admin.users.title')}
                style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.users.fullName')}</Table.Th>
                    <Table.Th>{t('admin.users.role')}</Table.Th>
                    <Table.Th>{t('admin.users.department')}</Table.Th>
                    <Table.Th>{t('admin.users.status')}</Table.Th>
                    <Table.Th>{t('admin.users.lastLogin')}</Table.Th>
                    {canUpdate && <Table.Th w={60} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.items.map((user) => (
                    <UserRow
                      key={user.id}
                      user={user}
                      roleName={roleName(user.role)}
                      lastLogin={
                        user.lastLoginAt
                          ? formatDateTime(user.lastLoginAt, i18n.language)
                          : t('admin.users.never')
                      }
                      onEdit={canUpdate ? () => setEditing(user.id) : undefined}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('common.showing', { from, to, total })}
              </Text>
              {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
            </Group>
          )}
        </Stack>
      </Paper>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <EditUserModal userId={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function UserRow({
  user,
  roleName,
  lastLogin,
  onEdit,
}: {
  user: User;
  roleName: string;
  lastLogin: string;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color="kapok" radius="sm" tt="none">
          {roleName}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{user.department ? t(`departments.${user.department}`) : t('common.none')}</Text>
      </Table.Td>
      <Table.Td>
        {user.active ? (
          <Badge color="green" variant="dot" tt="none">
            {t('admin.users.statusActive')}
          </Badge>
        ) : (
          <Badge color="gray" variant="dot" tt="none">
            {t('admin.users.statusDisabled')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {lastLogin}
        </Text>
      </Table.Td>
      {onEdit && (
        <Table.Td>
          <Tooltip label={t('common.edit')} withArrow>
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={`${t('common.edit')} ${user.username}`}>
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
