import { Alert, Button, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** What failed, the request id to quote to support, and a way to try again. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const view = describeError(error, t);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={title ?? t('errors.title')}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{view.message}</Text>
        {view.requestId && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('common.requestId')}:
            </Text>
            <CopyButton value={view.requestId}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                  <Code onClick={copy} style={{ cursor: 'pointer' }}>
                    {view.requestId}
                  </Code>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        )}
        {onRetry && (
          <Group>
            <Button
              size="xs"
              variant="white"
              color="red"
              leftSection={<IconRefresh size={14} />}
              onClick={onRetry}
            >
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
