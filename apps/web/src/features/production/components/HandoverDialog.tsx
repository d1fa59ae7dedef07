import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../components/NumberField';
import { describeError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/quantity';
import { useHandOver, type WorkOrder } from '../api';
import { HandoverCheckNotice } from './HandoverCheckNotice';
import { PIECES, useActionKey } from './shared';

/** Sends good pieces to the next department on the route; it accepts them with its own count. */
export function HandoverDialog({ workOrder, onClose }: { workOrder: WorkOrder; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const handOver = useHandOver();
  const keyFor = useActionKey();
  const available = workOrder.availableToHandOver;
  const [quantity, setQuantity] = useState<number | null>(available);
  const invalid =
    quantity === null || !Number.isFinite(quantity) || quantity <= 0
      ? t('production.validation.positive')
      : quantity > available
        ? t('production.handover.moreThanMade', { quantity: formatNumber(available, lang) })
        : null;

  const submit = () => {
    if (invalid || quantity === null) return;
    const request = { id: workOrder.id, quantity };
    handOver.mutate(
      { ...request, idempotencyKey: keyFor(request) },
      {
        onSuccess: (handover) => {
          notifications.show({
            color: 'green',
            message: t('production.handover.done', {
              quantity: formatNumber(handover.quantity, lang),
              department: t(`departments.${handover.toDepartment}`),
              number: handover.number,
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('production.handover.title', { batch: workOrder.batchNumber })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('production.handover.explain', {
            quantity: formatNumber(available, lang),
            product: workOrder.outputProductCode ?? workOrder.productCode,
          })}
        </Text>
        <HandoverCheckNotice workOrderId={workOrder.id} />
        {handOver.error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describeError(handOver.error, t).message}
          </Alert>
        ) : null}
        <NumberField
          size="lg"
          label={t('production.handover.quantity')}
          data-autofocus
          unit={PIECES}
          min={0}
          minExclusive
          value={quantity}
          onChange={setQuantity}
          error={quantity === null || Number.isNaN(quantity) ? undefined : invalid}
        />
        <Group justify="flex-end" grow>
          <Button variant="default" size="lg" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="lg" color="grape" disabled={!!invalid} loading={handOver.isPending} onClick={submit}>
            {t('production.handover.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
