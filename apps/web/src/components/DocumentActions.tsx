import { Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconLock, IconX, type Icon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DocumentAction<A extends string> {
  action: A;
  label: string;
  /** Asked before the action runs (cancel and close end a document for good). */
  confirm?: { title: string; body: string };
}

const APPEARANCE: Record<string, { color: string; icon: Icon; variant: 'filled' | 'light' }> = {
  confirm: { color: 'blue', icon: IconCheck, variant: 'filled' },
  approve: { color: 'green', icon: IconCheck, variant: 'filled' },
  cancel: { color: 'red', icon: IconX, variant: 'light' },
  close: { color: 'gray', icon: IconLock, variant: 'light' },
};

/**
 * The state buttons of an order page (sales and purchase orders): one button per action the server
 * offers the user now, a confirmation for the final ones, and a disabled button with its reason for
 * an action the user's role has but may not take on this document (the creator approving).
 */
export function DocumentActions<A extends string>({
  actions,
  blocked,
  pending,
  onRun,
  children,
}: {
  actions: readonly DocumentAction<A>[];
  blocked?: { label: string; reason: string } | null;
  pending: A | null;
  onRun: (action: A) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<DocumentAction<A> | null>(null);
  const button = (a: DocumentAction<A>) => {
    const look = APPEARANCE[a.action] ?? APPEARANCE['confirm']!;
    const Icon = look.icon;
    return (
      <Button
        key={a.action}
        color={look.color}
        variant={look.variant}
        leftSection={<Icon size={16} />}
        loading={pending === a.action}
        disabled={pending !== null && pending !== a.action}
        onClick={() => (a.confirm ? setAsking(a) : onRun(a.action))}
      >
        {a.label}
      </Button>
    );
  };
  return (
    <Group gap="sm">
      {children}
      {blocked && (
        <Tooltip label={blocked.reason} multiline w={260}>
          <Button
            variant="light"
            color="gray"
            leftSection={<IconCheck size={16} />}
            data-disabled
            aria-disabled
            aria-description={blocked.reason}
            onClick={(event) => event.preventDefault()}
          >
            {blocked.label}
          </Button>
        </Tooltip>
      )}
      {actions.map(button)}
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking?.confirm?.title}>
        <Text size="sm">{asking?.confirm?.body}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            color={APPEARANCE[asking?.action ?? '']?.color ?? 'blue'}
            onClick={() => {
              if (asking) onRun(asking.action);
              setAsking(null);
            }}
          >
            {asking?.label}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
