import { ApiError } from '@kapok/api-client';
import { handoverNeedsApproval, HANDOVER_TOLERANCE } from '@kapok/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconShieldLock, IconUserShield } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../lib/auth';
import { NumberField } from '../../../components/NumberField';
import { describeError } from '../../../lib/errors';
import { formatNumber, numberLocale } from '../../../lib/quantity';
import { useAcceptHandover, type Handover } from '../api';
import { AcknowledgeSegregation } from './AcknowledgeSegregation';
import { PIECES, useActionKey } from './shared';

const percent = (fraction: number, lang: string) =>
  new Intl.NumberFormat(numberLocale(lang), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(fraction);

/**
 * Accepts a handover with what the line counted. A count more than 10% away from what was sent needs a
 * supervisor (production.approve): without it the dialog says so and who can accept instead.
 */
export function AcceptHandoverDialog({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canApprove = usePermission('production.approve');
  const accept = useAcceptHandover();
  const keyFor = useActionKey();
  const [counted, setCounted] = useState<number | null>(handover.quantity);
  const sent = handover.quantity;
  const valid = counted !== null && Number.isFinite(counted) && counted >= 0 && counted <= sent;
  const difference = valid ? counted - sent : 0;
  const needsSupervisor = valid && handoverNeedsApproval(sent, counted);
  const blocked = needsSupervisor && !canApprove;
  const tolerance = percent(HANDOVER_TOLERANCE, lang).replace('+', '');
  const refusedForApproval = accept.error instanceof ApiError && accept.error.code === 'APPROVAL_REQUIRED';
  // Refused until the line acknowledges the segregation alarm (issue 17): acknowledge here, then accept.
  const segregationAlarm =
    accept.error instanceof ApiError && accept.error.code === 'SEGREGATION_NOT_ACKNOWLEDGED'
      ? ((accept.error.body.details as { alarmId?: string } | undefined)?.alarmId ?? null)
      : null;
  const n = (v: number) => formatNumber(v, lang);

  const submit = () => {
    if (!valid || blocked || counted === null) return;
    const request = { id: handover.id, receivedQuantity: counted };
    accept.mutate(
      { ...request, idempotencyKey: keyFor(request) },
      {
        onSuccess: (accepted) => {
          notifications.show({
            color: 'green',
            message: t('production.accept.done', {
              number: accepted.number,
              quantity: n(accepted.receivedQuantity ?? counted),
            }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('production.accept.title', { number: handover.number })}
      size="md"
    >
      <Stack>
        <Text size="sm">
          {t('production.accept.explain', {
            quantity: n(sent),
            product: handover.productCode ?? '',
            from: t(`departments.${handover.fromDepartment}`),
            batch: handover.batchNumber,
          })}
        </Text>
        {segregationAlarm ? (
          <AcknowledgeSegregation alarmId={segregationAlarm} onDone={() => accept.reset()} />
        ) : accept.error && !refusedForApproval ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describeError(accept.error, t).message}
          </Alert>
        ) : null}
        <NumberField
          size="lg"
          label={t('production.accept.counted')}
          description={t('production.accept.countedHint', { quantity: n(sent) })}
          data-autofocus
          unit={PIECES}
          min={0}
          value={counted}
          onChange={setCounted}
          error={
            counted !== null && counted > sent
              ? t('production.accept.moreThanSent', { quantity: n(sent) })
              : undefined
          }
        />
        {valid && difference !== 0 && (
          <Text size="sm" c={needsSupervisor ? 'orange.8' : 'dimmed'} fw={needsSupervisor ? 700 : 400}>
            {t('production.accept.difference', {
              quantity: n(Math.abs(difference)),
              percent: percent(difference / sent, lang),
            })}
          </Text>
        )}
        {(blocked || refusedForApproval) && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconShieldLock />}
            title={t('production.accept.supervisorTitle')}
            role="alert"
          >
            {t('production.accept.supervisorBody', { tolerance })}
          </Alert>
        )}
        {needsSupervisor && canApprove && (
          <Alert color="blue" variant="light" icon={<IconUserShield />}>
            {t('production.accept.asSupervisor', { tolerance })}
          </Alert>
        )}
        <Group justify="flex-end" grow>
          <Button variant="default" size="lg" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            size="lg"
            color="teal"
            disabled={!valid || blocked}
            loading={accept.isPending}
            onClick={submit}
          >
            {t('production.accept.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
