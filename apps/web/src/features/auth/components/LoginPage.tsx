import { Alert, Anchor, Box, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { KapokLogo } from '../../../components/KapokLogo';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useSession } from '../../../lib/auth';
import { LoginForm } from './LoginForm';
import classes from './LoginPage.module.css';

/** Where to go after signing in: the page that sent the user here, never another origin. */
function returnPath(state: unknown): string {
  const from = (state as { from?: string } | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, reason } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);

  if (status === 'signed-in') return <Navigate to={target} replace />;

  return (
    <Box className={classes.page}>
      <Box className={classes.hero} visibleFrom="md">
        <KapokLogo size={40} inverted />
        <Stack gap="xl" maw={460}>
          <Title order={1} c="white" className={classes.heroTitle}>
            {t('auth.heroTitle')}
          </Title>
          <List
            spacing="md"
            c="white"
            icon={
              <ThemeIcon size={24} radius="xl" color="white" variant="white" c="kapok.8">
                <IconCheck size={14} stroke={3} />
              </ThemeIcon>
            }
          >
            <List.Item>{t('auth.heroPoints.plan')}</List.Item>
            <List.Item>{t('auth.heroPoints.stock')}</List.Item>
            <List.Item>{t('auth.heroPoints.kanban')}</List.Item>
          </List>
        </Stack>
        <Text size="sm" c="rgba(255,255,255,0.75)">
          {t('auth.footer')}
        </Text>
      </Box>

      <Box className={classes.formSide}>
        <Group justify="space-between" className={classes.topBar}>
          <Box hiddenFrom="md">
            <KapokLogo size={32} />
          </Box>
          <Box ml="auto">
            <LanguageSwitch />
          </Box>
        </Group>
        <Box className={classes.formWrap}>
          <Stack gap={6} mb="xl">
            <Title order={2}>{t('auth.welcome')}</Title>
            <Text c="dimmed">{t('auth.subtitle')}</Text>
          </Stack>
          {reason && (
            <Alert
              mb="lg"
              variant="light"
              color={reason === 'session-ended' ? 'yellow' : 'kapok'}
              icon={<IconInfoCircle />}
              role="status"
            >
              {reason === 'session-ended' ? t('auth.sessionEnded') : t('auth.loggedOut')}
            </Alert>
          )}
          <Paper p="xl" radius="lg" shadow="sm">
            <LoginForm onSignedIn={() => void navigate(target, { replace: true })} />
          </Paper>
          <Text size="xs" c="dimmed" mt="lg" ta="center">
            {t('auth.help')}
          </Text>
          <Text size="xs" c="dimmed" mt="xs" ta="center" hiddenFrom="md">
            {t('common.tagline')}
          </Text>
        </Box>
        <Text size="xs" c="dimmed" ta="center" pb="md">
          <Anchor href="/api/docs" size="xs" c="dimmed">
            API
          </Anchor>
          {' · '}Kapok
        </Text>
      </Box>
    </Box>
  );
}
