import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@kapok/api-client';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { PageHeader } from '../../../components/PageHeader';
import { describeError, fieldErrors } from '../../../lib/errors';
import { api } from '../../../lib/session';

/** Matches the API's floor; the API also checks strength and answers why a password is weak. */
const MIN_LENGTH = 12;

const schema = z
  .object({
    currentPassword: z.string().check(z.minLength(1, 'account.currentRequired')),
    newPassword: z.string().check(z.minLength(MIN_LENGTH, 'account.tooShort')),
    repeat: z.string(),
  })
  .check(z.refine((v) => v.newPassword === v.repeat, { message: 'account.mismatch', path: ['repeat'] }));
type Values = z.infer<typeof schema>;

/** Change one's own password; the API ends the user's other sessions. */
export function PasswordPage() {
  const { t } = useTranslation();
  const change = useMutation({
    mutationFn: async ({ currentPassword, newPassword }: Values) =>
      unwrap(await api.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } })),
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const submit = handleSubmit((values) => change.mutate(values, { onSuccess: () => reset() }));
  const server = fieldErrors(change.error);
  const failure = change.error && !Object.keys(server).length ? describeError(change.error, t) : null;

  return (
    <Stack maw={520}>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Card withBorder padding="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {change.isSuccess && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck />} role="status">
                {t('account.changed')}
              </Alert>
            )}
            {failure && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
                {failure.message}
              </Alert>
            )}
            <PasswordInput
              label={t('account.current')}
              autoComplete="current-password"
              error={
                (errors.currentPassword?.message && t(errors.currentPassword.message)) ||
                server.currentPassword
              }
              {...register('currentPassword')}
            />
            <PasswordInput
              label={t('account.new')}
              description={t('account.rule', { count: MIN_LENGTH })}
              autoComplete="new-password"
              error={
                (errors.newPassword?.message && t(errors.newPassword.message, { count: MIN_LENGTH })) ||
                server.newPassword
              }
              {...register('newPassword')}
            />
            <PasswordInput
              label={t('account.repeat')}
              autoComplete="new-password"
              error={errors.repeat?.message && t(errors.repeat.message)}
              {...register('repeat')}
            />
            <Text size="xs" c="dimmed">
              {t('account.otherSessions')}
            </Text>
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('account.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
