import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { roleLabel, useCurrentUser, useSession } from '../../lib/auth';
import { LANGUAGES, setLanguage } from '../../lib/i18n';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');

export function UserMenu() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { manager } = useSession();
  const navigate = useNavigate();
  const signOut = async () => {
    await manager.logout().catch(() => undefined);
    void navigate('/login', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={260} shadow="md" withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={t('user.menu')} px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap="sm" wrap="nowrap">
            <Avatar radius="xl" color="kapok" variant="filled" size={34}>
              {initials(user.fullName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabel(user.role)}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={2} px="sm" py="xs">
          <Text fw={600} size="sm">
            {user.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            @{user.username}
          </Text>
          <Text size="xs" mt={6}>
            <Text span c="dimmed" size="xs">
              {t('user.role')}:{' '}
            </Text>
            {roleLabel(user.role)}
          </Text>
          <Text size="xs">
            <Text span c="dimmed" size="xs">
              {t('user.department')}:{' '}
            </Text>
            {user.department ? t(`departments.${user.department}`) : t('user.noDepartment')}
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} />
            {t('language.label')}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            onClick={() => void setLanguage(language)}
            fw={i18n.resolvedLanguage === language ? 700 : undefined}
            rightSection={i18n.resolvedLanguage === language ? '✓' : undefined}
            lang={language}
          >
            {t(`language.${language}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => void navigate('/account/password')}>
          {t('account.menuItem')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
