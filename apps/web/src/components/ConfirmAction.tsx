import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

export interface ConfirmActionProps<T> {
  /** What the action is about; the dialog is open while there is one. */
  subject: T | null;
  title: (subject: T) => string;
  body: (subject: T) => string;
  /** The red button's words. */
  confirmLabel: string;
  /** The action's mutation while it runs and when it failed (the failure is shown in the dialog). */
  pending: boolean;
  error?: unknown;
  onConfirm: (subject: T) => void;
  onClose: () => void;
}

/**
 * Asks before an action that cannot be taken back (revoke a key, delete a webhook): what it does, a
 * red button that runs it and shows it running, cancel, and the action's error in the dialog.
 */
export function ConfirmAction<T>({
  subject,
  title,
  body,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
}: ConfirmActionProps<T>) {
  const { t } = useTranslation();
  // The words stay while the dialog fades out after the subject is gone.
  const [shown, setShown] = useState(subject);
  if (subject !== null && subject !== shown) setShown(subject);
  return (
    <Modal opened={subject !== null} onClose={onClose} title={shown === null ? '' : title(shown)}>
      {shown !== null && (
        <Stack>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {body(shown)}
          </Text>
          {error ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeError(error, t).message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={pending} onClick={() => subject !== null && onConfirm(subject)}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
