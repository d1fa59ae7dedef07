import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A secret shown this once (API key, webhook signing secret), with a copy button. */
export function SecretOnce({
  title,
  secret,
  hint,
  onClose,
}: {
  title: string;
  secret: string | null;
  hint: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} closeOnClickOutside={false}>
      <Stack>
        <Alert color="yellow" variant="light" icon={<IconKey />}>
          {t('integrations.secretOnce')}
        </Alert>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="secret">
            {secret}
          </Code>
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('integrations.copied') : t('integrations.copy')} withArrow>
                <ActionIcon
                  variant="light"
                  color={copied ? 'green' : 'kapok'}
                  size="lg"
                  onClick={copy}
                  aria-label={t('integrations.copy')}
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('integrations.secretDone')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
