import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconKey, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DateField } from '../../../components/DateField';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { ListFrame } from '../../../components/ListFrame';
import { usePermission } from '../../../lib/auth';
import { describeError, fieldErrors, isApiError } from '../../../lib/errors';
import { factoryDayEnd, formatDateTime } from '../../../lib/time';
import { integrationQueries, useCreateApiKey, useRevokeApiKey, type ApiKey } from '../api';
import { SecretOnce } from './SecretOnce';
import { useRoleOptions } from './useRoleOptions';

type KeyState = 'active' | 'expired' | 'revoked';
const stateOf = (key: ApiKey): KeyState =>
  key.revokedAt ? 'revoked' : key.expiresAt && Date.parse(key.expiresAt) <= Date.now() ? 'expired' : 'active';
const STATE_COLOR: Record<KeyState, string> = { active: 'green', expired: 'orange', revoked: 'gray' };

/** Service accounts of other programs: a role each, the secret shown once, revoked for good. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const keys = useQuery(integrationQueries.apiKeys());
  const canRevoke = usePermission('admin.delete');
  const { roleName } = useRoleOptions();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useRevokeApiKey();

  const when = (v: string | null) => (v ? formatDateTime(v, i18n.language) : t('integrations.never'));
  const columns: DataColumn<ApiKey>[] = [
    {
      id: 'name',
      header: t('integrations.keys.name'),
      alwaysVisible: true,
      sortValue: (k) => k.name,
      cell: (k) => (
        <Text size="sm" fw={600}>
          {k.name}
        </Text>
      ),
    },
    {
      id: 'prefix',
      header: t('integrations.keys.prefix'),
      sortValue: (k) => k.prefix,
      cell: (k) => (
        <Text size="sm" ff="monospace">
          {k.prefix}…
        </Text>
      ),
    },
    {
      id: 'role',
      header: t('integrations.keys.role'),
      sortValue: (k) => roleName(k.role),
      cell: (k) => (
        <Badge variant="light" radius="sm" tt="none">
          {roleName(k.role)}
        </Badge>
      ),
    },
    {
      id: 'lastUsed',
      header: t('integrations.keys.lastUsed'),
      sortValue: (k) => k.lastUsedAt,
      cell: (k) => (
        <Text size="sm" c="dimmed">
          {when(k.lastUsedAt)}
        </Text>
      ),
    },
    {
      id: 'expires',
      header: t('integrations.keys.expires'),
      sortValue: (k) => k.expiresAt,
      cell: (k) => (
        <Text size="sm" c="dimmed">
          {when(k.expiresAt)}
        </Text>
      ),
    },
    {
      id: 'state',
      header: t('integrations.keys.state'),
      sortValue: (k) => stateOf(k),
      cell: (k) => (
        <Badge color={STATE_COLOR[stateOf(k)]} variant="dot" tt="none">
          {t(`integrations.keys.states.${stateOf(k)}`)}
        </Badge>
      ),
    },
    ...(canRevoke
      ? [
          {
            id: 'actions',
            header: '',
            alwaysVisible: true,
            sticky: true,
            cell: (k: ApiKey) =>
              stateOf(k) === 'revoked' ? null : (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => setRevoking(k)}
                  aria-label={t('integrations.keys.revokeNamed', { name: k.name })}
                >
                  {t('integrations.keys.revoke')}
                </Button>
              ),
          } satisfies DataColumn<ApiKey>,
        ]
      : []),
  ];

  return (
    <>
      <ListFrame
        title={t('integrations.keys.title')}
        description={t('integrations.keys.description')}
        create={{
          permission: 'admin.create',
          label: t('integrations.keys.new'),
          onClick: () => setCreating(true),
        }}
        withBorder={false}
      >
        <DataTable<ApiKey>
          tableId="admin.apiKeys"
          label={t('integrations.keys.title')}
          columns={columns}
          rows={keys.data}
          rowId={(k) => k.id}
          loading={keys.isPending}
          error={keys.error}
          onRetry={() => void keys.refetch()}
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconKey />}
              title={t('integrations.keys.emptyTitle')}
              description={t('integrations.keys.emptyBody')}
            />
          }
        />
      </ListFrame>
      {creating && <CreateApiKeyModal onClose={() => setCreating(false)} onCreated={setSecret} />}
      <SecretOnce
        title={t('integrations.keys.createdTitle')}
        secret={secret}
        hint={t('integrations.keys.secretHint')}
        onClose={() => setSecret(null)}
      />
      <ConfirmAction
        subject={revoking}
        title={(k) => t('integrations.keys.revokeTitle', { name: k.name })}
        body={() => t('integrations.keys.revokeBody')}
        confirmLabel={t('integrations.keys.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={(k) =>
          revoke.mutate(k.id, {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('integrations.keys.revoked', { name: k.name }),
              });
              setRevoking(null);
            },
          })
        }
      />
    </>
  );
}

function CreateApiKeyModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const { roleOptions } = useRoleOptions();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [expires, setExpires] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), role: role ?? '', ...(expires ? { expiresAt: factoryDayEnd(expires) } : {}) },
      {
        onSuccess: (key) => {
          onClose();
          onCreated(key.secret);
        },
      },
    );
  };
  const fields = fieldErrors(create.error);
  const nameError = isApiError(create.error, 'API_KEY_NAME_TAKEN')
    ? describeError(create.error, t).message
    : fields.name;
  const banner =
    create.error && !nameError && !fields.role && !fields.expiresAt
      ? describeError(create.error, t).message
      : null;
  return (
    <Modal opened onClose={onClose} title={t('integrations.keys.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {banner}
            </Alert>
          )}
          <TextInput
            label={t('integrations.keys.name')}
            description={t('integrations.keys.nameHint')}
            withAsterisk
            data-autofocus
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
          />
          <Select
            label={t('integrations.keys.role')}
            description={t('integrations.keys.roleHint')}
            withAsterisk
            data={roleOptions}
            value={role}
            onChange={setRole}
            searchable
            error={fields.role}
          />
          <DateField
            clearable
            label={t('integrations.keys.expires')}
            description={t('integrations.keys.expiresHint')}
            value={expires}
            onChange={setExpires}
            error={fields.expiresAt}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !role}>
              {t('integrations.keys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
