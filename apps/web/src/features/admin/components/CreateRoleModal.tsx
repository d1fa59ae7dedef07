import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { roleLabel } from '../../../lib/auth';
import { describeError, fieldErrors, isApiError } from '../../../lib/errors';
import { useCreateRole, type Role } from '../api';

/** The code a name suggests: lower case, words joined by `_` (the API's pattern). */
export const codeFromName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 50);

/**
 * A new role: a name, its code, and optionally the role whose permissions it starts with (a copy).
 * The permissions are then adjusted in the matrix.
 */
export function CreateRoleModal({
  opened,
  copyOf,
  roles,
  onClose,
  onCreated,
}: {
  opened: boolean;
  /** Opened from a role's "Copy": starts with that role. */
  copyOf: Role | null;
  roles: readonly Role[];
  onClose: () => void;
  onCreated: (role: Role) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRole();
  const [name, setName] = useState(
    copyOf ? t('admin.roles.copyName', { name: roleLabel(copyOf.code, copyOf.name) }) : '',
  );
  const [code, setCode] = useState(copyOf ? codeFromName(`${copyOf.code}_copy`) : '');
  const [codeTouched, setCodeTouched] = useState(false);
  const [source, setSource] = useState<string | null>(copyOf?.code ?? null);
  const dirty = name.trim() !== '' || code !== '' || source !== (copyOf?.code ?? null);

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      source ? { name: name.trim(), code, copyFrom: source } : { name: name.trim(), code, permissions: [] },
      {
        onSuccess: (role) => {
          notifications.show({
            color: 'green',
            message: t('admin.roles.created', { name: role.name }),
          });
          onCreated(role);
          close();
        },
      },
    );
  };
  const fields = fieldErrors(create.error);
  const nameError = isApiError(create.error, 'ROLE_NAME_TAKEN')
    ? describeError(create.error, t).message
    : fields.name;
  const codeError = isApiError(create.error, 'ROLE_CODE_TAKEN')
    ? describeError(create.error, t).message
    : fields.code;
  const banner = create.error && !nameError && !codeError ? describeError(create.error, t).message : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        copyOf
          ? t('admin.roles.copyTitle', { name: roleLabel(copyOf.code, copyOf.name) })
          : t('admin.roles.createTitle')
      }
    >
      <form onSubmit={submit} noValidate>
        <UnsavedChangesGuard dirty={opened && dirty && !create.isSuccess} />
        <Stack>
          {banner && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {banner}
            </Alert>
          )}
          <TextInput
            label={t('admin.roles.name')}
            withAsterisk
            data-autofocus
            maxLength={100}
            value={name}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setName(value);
              if (!codeTouched) setCode(codeFromName(value));
            }}
            error={nameError}
          />
          <TextInput
            label={t('admin.roles.code')}
            description={t('admin.roles.codeHint')}
            withAsterisk
            maxLength={50}
            autoCapitalize="none"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={code}
            onChange={(e) => {
              setCodeTouched(true);
              setCode(e.currentTarget.value);
            }}
            error={codeError}
          />
          <Select
            label={t('admin.roles.startFrom')}
            placeholder={t('admin.roles.startEmpty')}
            data={roles.map((r) => ({ value: r.code, label: roleLabel(r.code, r.name) }))}
            value={source}
            onChange={setSource}
            clearable
            searchable
            description={source ? t('admin.roles.startFromHint') : t('admin.roles.startEmptyHint')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !code}>
              {t('admin.roles.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
