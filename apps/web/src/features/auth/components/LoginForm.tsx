import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { describeError } from '../../../lib/errors';
import { useLogin } from '../api/use-login';

// zod/mini keeps the login bundle small; messages are i18n keys.
const schema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'auth.usernameRequired')),
  password: z.string().check(z.minLength(1, 'auth.passwordRequired')),
});
type LoginValues = z.infer<typeof schema>;

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginValues>({ resolver: zodResolver(schema), defaultValues: { username: '', password: '' } });

  const submit = handleSubmit((values) => login.mutate(values, { onSuccess: onSignedIn }));
  const failure = login.error ? describeError(login.error, t) : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('auth.failed')} role="alert">
            {failure.message}
          </Alert>
        )}
        <TextInput
          label={t('auth.username')}
          placeholder={t('auth.usernamePlaceholder')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          size="md"
          error={errors.username?.message && t(errors.username.message)}
          {...register('username')}
        />
        <PasswordInput
          label={t('auth.password')}
          placeholder={t('auth.passwordPlaceholder')}
          autoComplete="current-password"
          size="md"
          error={errors.password?.message && t(errors.password.message)}
          {...register('password')}
        />
        <Button type="submit" size="md" fullWidth loading={login.isPending} mt="xs">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
