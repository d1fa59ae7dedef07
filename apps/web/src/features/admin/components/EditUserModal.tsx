import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoader } from '../../../components/LoadingState';
import { describeError, isApiError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { usersQueries, useUpdateUser, type UpdateUserBody, type User } from '../api';
import { applyFieldErrors, bannerError } from './form-errors';
import { editUserSchema, type EditUserValues } from './user-schemas';
import { useRoleOptions } from './useRoleOptions';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';

const FIELDS = ['fullName', 'role', 'department', 'active', 'password'] as const;

const toValues = (u: User): EditUserValues => ({
  fullName: u.fullName,
  role: u.role,
  department: u.department,
  active: u.active,
  password: '',
});

export function EditUserModal({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const user = useQuery({ ...usersQueries.detail(userId ?? ''), enabled: !!userId });
  return (
    <Modal
      opened={!!userId}
      onClose={onClose}
      size="lg"
      title={user.data ? t('admin.users.editTitle', { username: user.data.username }) : t('common.edit')}
    >
      {user.isPending ? (
        <PageLoader />
      ) : user.isError ? (
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <EditUserForm key={user.data.id} user={user.data} onDone={onClose} />
      )}
    </Modal>
  );
}

function EditUserForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateUser();
  const { roleOptions, departmentOptions } = useRoleOptions();
  // The version this form was filled from: sent back so a concurrent edit is refused, not overwritten.
  const [version, setVersion] = useState(user.version);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<EditUserValues>({ resolver: zodResolver(editUserSchema), defaultValues: toValues(user) });

  const reloadLatest = async () => {
    const latest = await queryClient.fetchQuery(usersQueries.detail(user.id));
    reset(toValues(latest));
    setVersion(latest.version);
  };

  const submit = handleSubmit((values) => {
    const body: UpdateUserBody = {
      version,
      fullName: values.fullName,
      role: values.role,
      department: values.department,
      active: values.active,
      ...(values.password ? { password: values.password } : {}),
    };
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('admin.users.updated', { username: saved.username }),
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error, 'STALE_VERSION')) {
            notifications.show({
              color: 'yellow',
              title: t('admin.users.stale'),
              message: describeError(error, t).message,
            });
            void reloadLatest();
          } else applyFieldErrors(error, setError, FIELDS);
        },
      },
    );
  });
  const banner = bannerError(update.error, FIELDS, ['STALE_VERSION']);
  const message = (key?: string) => (key ? t(key) : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard dirty={isDirty} />
      <Stack>
        <Group gap="xs">
          <Badge variant="light" color="gray" tt="none">
            @{user.username}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('admin.users.lastLogin')}:{' '}
            {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('admin.users.never')}
          </Text>
        </Group>
        {banner ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describeError(banner, t).message}
          </Alert>
        ) : null}
        <TextInput
          label={t('admin.users.fullName')}
          withAsterisk
          error={message(errors.fullName?.message)}
          {...register('fullName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('admin.users.role')}
                withAsterisk
                searchable
                data={roleOptions}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={message(errors.role?.message)}
              />
            )}
          />
          <Controller
            control={control}
            name="department"
            render={({ field }) => (
              <Select
                label={t('admin.users.department')}
                placeholder={t('admin.users.noDepartment')}
                data={departmentOptions}
                clearable
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="active"
          render={({ field }) => (
            <Switch
              label={t('admin.users.activeLabel')}
              description={t('admin.users.activeHint')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
              color="green"
            />
          )}
        />
        <Divider />
        <PasswordInput
          label={t('admin.users.newPassword')}
          description={t('admin.users.newPasswordHint')}
          placeholder={t('admin.users.newPasswordPlaceholder')}
          autoComplete="new-password"
          error={message(errors.password?.message)}
          {...register('password')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
