import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { describeError } from '../../../lib/errors';
import { useLogin } from '../api/use-login';

// zod/mini and no form library keep the login bundle small (two fields need no react-hook-form, and
// the shell's budget pays for the data router instead); messages are i18n keys.
const schema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'auth.usernameRequired')),
  password: z.string().check(z.minLength(1, 'auth.passwordRequired')),
});
type LoginValues = z.infer<typeof schema>;

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof LoginValues, string>>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const found: Partial<Record<keyof LoginValues, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as keyof LoginValues] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    login.mutate(parsed.data, { onSuccess: onSignedIn });
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
