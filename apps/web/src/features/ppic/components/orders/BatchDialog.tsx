import { ApiError } from '@kapok/api-client';
import { Alert, Button, Group, Modal, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../lib/errors';
import { useMoBatch, type BatchAction, type Mo } from '../../api';
import { useActionKey } from '../shared/action-key';
import { ACTION_APPEARANCE } from '../shared/appearance';
import { eligibleFor } from './BatchBar';
import { BatchResults, type BatchOutcome } from './BatchResults';

/** The failed order of an atomic batch (409 BATCH_FAILED), and why, in the server's words. */
function atomicFailure(error: unknown): BatchOutcome | null {
  if (!(error instanceof ApiError) || error.code !== 'BATCH_FAILED') return null;
  const details = (error.body.details ?? {}) as { failedId?: string; error?: { message?: string } };
  return {
    kind: 'failed',
    failedId: details.failedId ?? null,
    message: details.error?.message ?? error.message,
  };
}

/**
 * Confirms a batch action over the selected orders it applies to, then shows the result per order. On
 * close it reports which orders changed, so the list can drop them from the selection.
 */
export function BatchDialog({
  action,
  orders,
  onClose,
}: {
  action: BatchAction;
  orders: readonly Mo[];
  onClose: (succeeded: string[]) => void;
}) {
  const { t } = useTranslation();
  const batch = useMoBatch();
  const { keyFor } = useActionKey();
  // Fixed when the dialog opens: a live update must not change what the user confirmed.
  const [targets] = useState(() => eligibleFor(orders, action));
  const [skipped] = useState(() => orders.filter((mo) => !mo.actions.includes(action)));
  const [atomic, setAtomic] = useState(true);
  const [text, setText] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const { color, icon: Icon } = ACTION_APPEARANCE[action];

  const submit = () => {
    const value = text.trim();
    if (action === 'cancel' && value.length < 3) {
      setReasonError(t('ppic.cancel.reasonRequired'));
      return;
    }
    const body = {
      action,
      ids: targets.map((mo) => mo.id),
      atomic,
      ...(action === 'cancel' ? { reason: value } : {}),
      ...((action === 'approve' || action === 'start') && value ? { notes: value } : {}),
      ...(action === 'complete' && value ? { qualityNotes: value } : {}),
    };
    batch.mutate(
      { ...body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (results) => setOutcome({ kind: 'results', results }),
        onError: (error) => {
          const failed = atomicFailure(error);
          if (failed) setOutcome(failed);
        },
      },
    );
  };

  const succeeded = outcome?.kind === 'results' ? outcome.results.filter((r) => r.ok).map((r) => r.id) : [];
  const close = () => onClose(succeeded);
  const unexpected = batch.error && !atomicFailure(batch.error) ? batch.error : null;

  return (
    <Modal
      opened
      onClose={close}
      title={t(`ppic.batch.title.${action}`, { count: targets.length })}
      size="lg"
    >
      {outcome ? (
        <Stack>
          <BatchResults action={action} orders={targets} outcome={outcome} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          {unexpected ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeError(unexpected, t).message}
            </Alert>
          ) : null}
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('ppic.batch.orders')}
            </Text>
            <Text size="sm" ff="monospace">
              {targets.map((mo) => mo.batchNumber).join(', ')}
            </Text>
          </div>
          {skipped.length > 0 && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
              {t(`ppic.batch.skipped.${action}`, {
                count: skipped.length,
                numbers: skipped.map((mo) => mo.batchNumber).join(', '),
              })}
            </Alert>
          )}
          <Switch
            checked={atomic}
            onChange={(e) => setAtomic(e.currentTarget.checked)}
            label={t('ppic.batch.atomic')}
            description={atomic ? t('ppic.batch.atomicOn') : t('ppic.batch.atomicOff')}
          />
          {action === 'complete' && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
              {t('ppic.batch.completeAtPlan')}
            </Alert>
          )}
          <Textarea
            label={t(`ppic.batch.text.${action}`)}
            withAsterisk={action === 'cancel'}
            rows={2}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={color} leftSection={<Icon size={16} />} loading={batch.isPending} onClick={submit}>
              {t(`ppic.batch.confirm.${action}`, { count: targets.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
