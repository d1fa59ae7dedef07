import { Badge, Card, EmptyState, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleLabel, useCurrentUser } from '../../../lib/auth';
import { modulesFor } from '../../../lib/modules';
import { factoryHour, formatLongDate } from '../../../lib/time';
import classes from './HomePage.module.css';

const partOfDay = (hour: number) => (hour < 11 ? 'morning' : hour < 18 ? 'afternoon' : 'evening');

export function HomePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const modules = modulesFor(user.permissions);
  const firstName = user.fullName.split(' ')[0] ?? user.fullName;
  const now = new Date();

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
          {t('home.yourModules')}
        </Text>
        {modules.length === 0 ? (
          <EmptyState withIndicatorBackground icon={<IconLock />} title={t('home.noModules')} py="xl" />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
            {modules.map(({ key, path, icon: Icon, color }) => (
              <Card
                key={key}
                component={Link}
                to={path}
                padding="lg"
                radius="md"
                withBorder
                className={classes.tile}
              >
                <Group justify="space-between" align="flex-start" mb="md">
                  <ThemeIcon size={44} radius="md" variant="light" color={color}>
                    <Icon size={24} />
                  </ThemeIcon>
                  <IconArrowRight size={18} className={classes.arrow} />
                </Group>
                <Text fw={700} size="lg">
                  {t(`nav.${key}`)}
                </Text>
                <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
                  {t(`modules.${key}.description`)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </div>
    </Stack>
  );
}
