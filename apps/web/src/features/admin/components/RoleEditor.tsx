import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PERMISSIONS, type Permission } from '@kapok/contracts';
import { IconAlertCircle, IconCopy, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { roleLabel, usePermission } from '../../../lib/auth';
import { describeError, isApiError } from '../../../lib/errors';
import { rolesQueries, useUpdateRole, type Role } from '../api';
import { PermissionMatrix } from './PermissionMatrix';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((p) => b.includes(p));

/** The permission matrix of one role, saved with the version it was read at. */
export function RoleEditor({ role, onCopy }: { role: Role; onCopy?: () => void }) {
  const { t } = useTranslation();
  const canUpdate = usePermission('admin.update');
  const canCreate = usePermission('admin.create');
  const queryClient = useQueryClient();
  const update = useUpdateRole();
  const [base, setBase] = useState({ version: role.version, permissions: role.permissions as Permission[] });
  const [draft, setDraft] = useState<Permission[]>(base.permissions);
  const dirty = !sameSet(draft, base.permissions);

  const reloadLatest = async () => {
    const roles = await queryClient.fetchQuery(rolesQueries.list());
    const latest = roles.find((r) => r.code === role.code);
    if (!latest) return;
    setBase({ version: latest.version, permissions: latest.permissions as Permission[] });
    setDraft(latest.permissions as Permission[]);
  };

  const save = () =>
    update.mutate(
      { code: role.code, version: base.version, permissions: draft },
      {
        onSuccess: (saved) => {
          setBase({ version: saved.version, permissions: saved.permissions as Permission[] });
          setDraft(saved.permissions as Permission[]);
          notifications.show({
            color: 'green',
            message: t('admin.roles.saved', { name: roleLabel(saved.code, saved.name) }),
          });
        },
        onError: (error) => {
          if (!isApiError(error, 'STALE_VERSION')) return;
          notifications.show({
            color: 'yellow',
            title: t('admin.roles.stale'),
            message: describeError(error, t).message,
          });
          void reloadLatest();
        },
      },
    );
  const failure =
    update.error && !isApiError(update.error, 'STALE_VERSION') ? describeError(update.error, t) : null;

  return (
    <Paper p="lg" radius="md">
      <UnsavedChangesGuard dirty={dirty} />
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>{t('admin.roles.matrixTitle', { name: roleLabel(role.code, role.name) })}</Title>
            <Group gap="xs" mt={4}>
              <Badge variant="light" color="gray" tt="none">
                {role.code}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('admin.roles.users', { count: role.userCount })} ·{' '}
                {t('admin.roles.permissions', { count: draft.length, total: PERMISSIONS.length })}
              </Text>
            </Group>
          </div>
          {canCreate && onCopy && (
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={onCopy}>
              {t('admin.roles.copy')}
            </Button>
          )}
        </Group>
        {role.code === 'superadmin' && (
          <Alert variant="light" color="kapok" icon={<IconInfoCircle />} role="note">
            {t('admin.roles.protectedHint')}
          </Alert>
        )}
        {!canUpdate && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle />} role="note">
            {t('admin.roles.readOnly')}
          </Alert>
        )}
        {failure && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle />}
            role="alert"
            title={t('errors.title')}
          >
            {failure.message}
          </Alert>
        )}
        <PermissionMatrix value={draft} onChange={setDraft} readOnly={!canUpdate} />
        {canUpdate && (
          <Group justify="space-between">
            <Text size="sm" c={dirty ? 'orange.7' : 'dimmed'} fw={dirty ? 600 : 400}>
              {dirty ? t('admin.roles.unsaved') : ''}
            </Text>
            <Group gap="sm">
              <Button variant="default" disabled={!dirty} onClick={() => setDraft(base.permissions)}>
                {t('common.reset')}
              </Button>
              <Button disabled={!dirty} loading={update.isPending} onClick={save}>
                {t('common.saveChanges')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
