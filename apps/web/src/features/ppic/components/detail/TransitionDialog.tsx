import { VARIANCE_WARNING_THRESHOLD, type MoAction } from '@kapok/contracts';
import { Alert, Button, Group, Modal, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoTransition, type Mo, type TransitionRequest } from '../../api';
import { useActionKey } from '../shared/action-key';
import { ACTION_APPEARANCE } from '../shared/appearance';
import { describePpicError, shortagesOf, type Shortage } from '../shared/errors';
import { formatFraction, formatNumber } from '../shared/format';
import { VariancePreview } from './VariancePreview';

/**
 * Confirms one transition of one order: notes for approve and start, a reason for cancel, the pieces made
 * (with the variance it will record) for complete. A refusal stays in the dialog, with the shortages
 * when a start could not reserve the first department's materials.
 */
export function TransitionDialog({ mo, action, onClose }: { mo: Mo; action: MoAction; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const transition = useMoTransition();
  const { keyFor } = useActionKey();
  const [text, setText] = useState('');
  const [actual, setActual] = useState<number>(mo.qtyPlanned);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { color, icon: Icon } = ACTION_APPEARANCE[action];
  const lang = i18n.language;

  const request = (): TransitionRequest | null => {
    const value = text.trim();
    switch (action) {
      case 'approve':
      case 'start':
        return { action, ...(value ? { notes: value } : {}) };
      case 'cancel':
        if (value.length < 3) {
          setInvalid(t('ppic.cancel.reasonRequired'));
          return null;
        }
        return { action, reason: value };
      case 'complete':
        if (!Number.isFinite(actual) || actual <= 0) {
          setInvalid(t('ppic.validation.quantityPositive'));
          return null;
        }
        return { action, actualQuantity: actual, ...(value ? { qualityNotes: value } : {}) };
    }
  };

  const submit = () => {
    const body = request();
    if (!body) return;
    transition.mutate(
      { ...body, id: mo.id, idempotencyKey: keyFor(body) },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t(`ppic.transition.done.${action}`, { number: updated.batchNumber }),
          });
          if (updated.varianceWarning)
            notifications.show({
              color: 'orange',
              title: t('ppic.complete.warningTitle', {
                threshold: formatFraction(VARIANCE_WARNING_THRESHOLD, lang, 0),
              }),
              message: updated.varianceWarning,
              autoClose: 10_000,
            });
          onClose();
        },
      },
    );
  };

  const shortages = shortagesOf(transition.error);

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`ppic.transition.title.${action}`, { number: mo.batchNumber })}
      size={action === 'start' && shortages.length ? 'lg' : 'md'}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t(`ppic.transition.explain.${action}`, {
            product: `${mo.productCode} · ${mo.productName}`,
            quantity: `${formatNumber(mo.qtyPlanned, lang)} ${mo.uom}`,
          })}
        </Text>
        {transition.error ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describePpicError(transition.error, t, mo.batchNumber).message}
            {shortages.length > 0 && <ShortageTable shortages={shortages} />}
          </Alert>
        ) : null}
        {action === 'complete' && (
          <>
            <NumberInput
              label={t('ppic.complete.actual')}
              description={t('ppic.complete.actualHint', {
                planned: `${formatNumber(mo.qtyPlanned, lang)} ${mo.uom}`,
              })}
              withAsterisk
              data-autofocus
              min={0}
              decimalScale={4}
              allowNegative={false}
              thousandSeparator={lang === 'id' ? '.' : ','}
              decimalSeparator={lang === 'id' ? ',' : '.'}
              rightSection={
                <Text size="xs" fw={700} c="dimmed">
                  {mo.uom}
                </Text>
              }
              rightSectionWidth={56}
              value={Number.isNaN(actual) ? '' : actual}
              onChange={(v) => {
                setActual(typeof v === 'number' ? v : Number.NaN);
                setInvalid(null);
              }}
              error={invalid}
            />
            <VariancePreview planned={mo.qtyPlanned} actual={actual} uom={mo.uom} />
          </>
        )}
        <Textarea
          label={t(`ppic.transition.text.${action}`)}
          withAsterisk={action === 'cancel'}
          data-autofocus={action === 'complete' ? undefined : true}
          rows={action === 'cancel' ? 3 : 2}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (action === 'cancel') setInvalid(null);
          }}
          error={action === 'cancel' ? invalid : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={color}
            leftSection={<Icon size={16} />}
            loading={transition.isPending}
            onClick={submit}
          >
            {t(`ppic.transition.confirm.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ShortageTable({ shortages }: { shortages: readonly Shortage[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table mt="xs" fz="xs" verticalSpacing={2} aria-label={t('ppic.transition.shortages')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ppic.preview.material')}</Table.Th>
          <Table.Th ta="right">{t('ppic.preview.needed')}</Table.Th>
          <Table.Th ta="right">{t('ppic.preview.available')}</Table.Th>
          <Table.Th ta="right">{t('ppic.preview.shortage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shortages.map((s) => (
          <Table.Tr key={s.productCode}>
            <Table.Td fw={600}>{s.productCode}</Table.Td>
            <Table.Td ta="right">
              {formatNumber(s.requested, lang)} {s.uom}
            </Table.Td>
            <Table.Td ta="right">{formatNumber(s.available, lang)}</Table.Td>
            <Table.Td ta="right" fw={700} c="red.8">
              {formatNumber(s.missing, lang)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
