import { Badge, Card, EmptyState, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleLabel, useCurrentUser } from '../../../lib/auth';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../../components/ErrorState';
import { modulesFor } from '../../../lib/modules';
import { myWorkQuery } from '../api/work';
import { WorkSections } from './WorkSections';
import { factoryHour, formatLongDate } from '../../../lib/time';
import classes from './HomePage.module.css';

const partOfDay = (hour: number) => (hour < 11 ? 'morning' : hour < 18 ? 'afternoon' : 'evening');

export function HomePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const modules = modulesFor(user.permissions);
  const firstName = user.fullName.split(' ')[0] ?? user.fullName;
  const now = new Date();
  const work = useQuery(myWorkQuery());

  return (
    <Stack gap="xl">
      <div>
        <Title order={2}>{t(`home.greeting.${partOfDay(factoryHour(now))}`, { name: firstName })}</Title>
        <Group gap="xs" mt={6}>
          <Text c="dimmed">{t('home.today', { date: formatLongDate(now, i18n.language) })}</Text>
          <Badge variant="light" tt="none">
            {t('home.signedInAs', { role: roleLabel(user.role) })}
          </Badge>
          {user.department && (
            <Badge variant="light" color="gray" tt="none">
              {t('home.inDepartment', { department: t(`departments.${user.department}`) })}
            </Badge>
          )}
        </Group>
      </div>

      <div>
        <Text fw={700} size="sm" tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.05em' }}>
          {t('home.work.title')}
        </Text>
        {work.isPending ? (
          <Text c="dimmed" size="sm">
            {t('home.work.loading')}
          </Text>
        ) : work.isError ? (
          <ErrorState error={work.error} onRetry={() => void work.refetch()} />
        ) : work.data.sections.length === 0 ? (
          <Card withBorder radius="md" padding="lg">
            <Text fw={700}>{t('home.work.nothingTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('home.work.nothingBody')}
            </Text>
          </Card>
        ) : (
          <WorkSections sections={work.data.sections} />
        )}
      </div>

      <div>
        <Text fw={700} size="sm" tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.05em' }}>
          {t('home.yourModules')}
        </Text>
        {modules.length === 0 ? (
          <EmptyState withIndicatorBackground icon={<IconLock />} title={t('home.noModules')} py="xl" />
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="md">
            {modules.map(({ key, path, icon: Icon, color }) => (
              <Card
                key={key}
                component={Link}
                to={path}
                padding="sm"
                radius="md"
                withBorder
                className={classes.tile}
              >
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon size={36} radius="md" variant="light" color={color}>
                    <Icon size={20} />
                  </ThemeIcon>
                  <Text fw={700} style={{ flex: 1 }}>
                    {t(`nav.${key}`)}
                  </Text>
                  <IconArrowRight size={16} className={classes.arrow} />
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </div>
    </Stack>
  );
}
