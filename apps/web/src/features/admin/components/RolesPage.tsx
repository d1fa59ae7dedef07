import { Badge, Button, EmptyState, Grid, Group, NavLink, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { PERMISSIONS } from '@kapok/contracts';
import { IconPlus, IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { roleLabel } from '../../../lib/auth';
import { rolesQueries, type Role } from '../api';
import { CreateRoleModal } from './CreateRoleModal';
import { RoleEditor } from './RoleEditor';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useQuery(rolesQueries.list());
  const [params, setParams] = useSearchParams();
  const selectedCode = params.get('role');
  const selected = roles.data?.find((r) => r.code === selectedCode) ?? roles.data?.[0];
  // null: closed; 'new': an empty role; a role: a copy of it.
  const [creating, setCreating] = useState<'new' | Role | null>(null);

  return (
    <>
      <PageHeader
        title={t('admin.roles.title')}
        description={t('admin.roles.description')}
        actions={
          <Can permission="admin.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('new')}>
              {t('admin.roles.newRole')}
            </Button>
          </Can>
        }
      />
      {roles.isPending ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} height={52} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton height={420} />
          </Grid.Col>
        </Grid>
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : !selected ? (
        <EmptyState withIndicatorBackground icon={<IconShieldLock />} title={t('admin.roles.empty')} />
      ) : (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper p={6} radius="md">
              <nav aria-label={t('admin.roles.title')}>
                {roles.data.map((role) => (
                  <NavLink
                    key={role.code}
                    active={role.code === selected.code}
                    onClick={() => setParams({ role: role.code }, { replace: true })}
                    label={
                      <Text fw={600} size="sm">
                        {roleLabel(role.code, role.name)}
                      </Text>
                    }
                    description={t('admin.roles.permissions', {
                      count: role.permissions.length,
                      total: PERMISSIONS.length,
                    })}
                    rightSection={
                      <Group gap={4} wrap="nowrap">
                        <Badge variant="light" color="gray" size="sm" tt="none">
                          {t('admin.roles.users', { count: role.userCount })}
                        </Badge>
                      </Group>
                    }
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                ))}
              </nav>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <RoleEditor key={selected.code} role={selected} onCopy={() => setCreating(selected)} />
          </Grid.Col>
        </Grid>
      )}
      {creating && (
        <CreateRoleModal
          opened
          copyOf={creating === 'new' ? null : creating}
          roles={roles.data ?? []}
          onClose={() => setCreating(null)}
          onCreated={(role) => setParams({ role: role.code }, { replace: true })}
        />
      )}
    </>
  );
}
