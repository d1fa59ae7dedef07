import { Button, Group, Modal, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type BlockerFunction } from 'react-router';

/**
 * Keeps unsaved edits: while `dirty`, leaving the page inside the app (a link, a tab that is a route,
 * back) asks first, and closing or reloading the tab gets the browser's own prompt. `release()` lets
 * the next navigation through, for the one a successful save makes itself.
 */
export function useUnsavedChangesGuard(dirty: boolean): { dialog: ReactElement; release: () => void } {
  const released = useRef(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      dirty && !released.current && currentLocation.pathname !== nextLocation.pathname,
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const release = useCallback(() => {
    released.current = true;
  }, []);

  const dialog = (
    <LeaveDialog
      opened={blocker.state === 'blocked'}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
  return { dialog, release };
}

/** The guard for a form that never navigates by itself: `<UnsavedChangesGuard dirty={isDirty} />`. */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  return useUnsavedChangesGuard(dirty).dialog;
}

function LeaveDialog({
  opened,
  onStay,
  onLeave,
}: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('unsaved.title')} zIndex={400} centered>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <IconAlertTriangle size={22} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text size="sm">{t('unsaved.body')}</Text>
      </Group>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onStay} data-autofocus>
          {t('unsaved.stay')}
        </Button>
        <Button color="red" onClick={onLeave}>
          {t('unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
