import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { describeError, isApiError } from '../../../lib/errors';
import { useCreateUser } from '../api';
import { applyFieldErrors, bannerError } from './form-errors';
import { createUserSchema, type CreateUserValues } from './user-schemas';
import { useRoleOptions } from './useRoleOptions';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';

const FIELDS = ['username', 'fullName', 'password', 'role', 'department'] as const;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const { roleOptions, departmentOptions } = useRoleOptions();
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<CreateUserValues>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { username: '', fullName: '', password: '', role: '', department: null },
  });

  const close = () => {
    reset();
    create.reset();
    onClose();
  };

  const submit = handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (user) => {
        notifications.show({
          color: 'green',
          message: t('admin.users.created', { username: user.username }),
        });
        close();
      },
      onError: (error) => {
        if (isApiError(error, 'USERNAME_TAKEN'))
          setError('username', { type: 'server', message: describeError(error, t).message });
        else applyFieldErrors(error, setError, FIELDS);
      },
    }),
  );
  const unplaced = bannerError(create.error, FIELDS, ['USERNAME_TAKEN']);
  const message = (key?: string) => (key ? t(key) : undefined);

  return (
    <Modal opened={opened} onClose={close} title={t('admin.users.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <UnsavedChangesGuard dirty={opened && isDirty} />
        <Stack>
          {unplaced ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeError(unplaced, t).message}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('admin.users.username')}
              withAsterisk
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              error={message(errors.username?.message)}
              {...register('username')}
            />
            <TextInput
              label={t('admin.users.fullName')}
              withAsterisk
              error={message(errors.fullName?.message)}
              {...register('fullName')}
            />
          </SimpleGrid>
          <PasswordInput
            label={t('admin.users.password')}
            description={t('admin.users.passwordHint')}
            withAsterisk
            autoComplete="new-password"
            error={message(errors.password?.message)}
            {...register('password')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <Select
                  label={t('admin.users.role')}
                  withAsterisk
                  data={roleOptions}
                  searchable
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
                  error={message(errors.department?.message)}
                />
              )}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
