import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { useLogin } from '../api/use-login';

// Two fields need no form or schema library: zod (even zod/mini) would add ~14 KB gzipped to the login
// page and the shell, whose budget pays for the data router instead. Messages are i18n keys.
interface LoginValues {
  username: string;
  password: string;
}
type LoginErrors = Partial<Record<keyof LoginValues, string>>;

/** The values to send (the username trimmed, the password as typed), or what is missing. */
function checkLogin(
  values: LoginValues,
): { data: LoginValues; errors: null } | { data: null; errors: LoginErrors } {
  const data = { username: values.username.trim(), password: values.password };
  const errors: LoginErrors = {};
  if (data.username.length === 0) errors.username = 'auth.usernameRequired';
  if (data.password.length === 0) errors.password = 'auth.passwordRequired';
  return Object.keys(errors).length ? { data: null, errors } : { data, errors: null };
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkLogin(values);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    login.mutate(checked.data, { onSuccess: onSignedIn });
  };
  const bind = (name: keyof LoginValues) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
  });
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
          error={errors.username && t(errors.username)}
          {...bind('username')}
        />
        <PasswordInput
          label={t('auth.password')}
          placeholder={t('auth.passwordPlaceholder')}
          autoComplete="current-password"
          size="md"
          error={errors.password && t(errors.password)}
          {...bind('password')}
        />
        <Button type="submit" size="md" fullWidth loading={login.isPending} mt="xs">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}
