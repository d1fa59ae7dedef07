import { isVarianceWarning, variance, VARIANCE_WARNING_THRESHOLD, type MoAction } from '@kapok/contracts';
import { Alert, Badge, Button, Group, List, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../components/NumberField';
import { useMoTransition, type MoDetail, type MoWorkOrder, type TransitionRequest } from '../../api';
import { useActionKey } from '../shared/action-key';
import { ACTION_APPEARANCE } from '../shared/appearance';
import { describePpicError, shortagesOf, type Shortage } from '../shared/errors';
import { formatFraction, formatNumber, formatQuantity, formatSignedFraction } from '../shared/format';
import { VariancePreview } from './VariancePreview';

/** The work orders of the route in order, without cancelled ones. */
const routeOrder = (workOrders: readonly MoWorkOrder[]) =>
  [...workOrders].filter((wo) => wo.state !== 'CANCELLED').sort((a, b) => a.sequence - b.sequence);

/**
 * What the last department of the route recorded as good: the count a completion starts from (not the
 * plan, which would invite completing a count nobody made). Null when it has recorded nothing yet.
 */
export function lastDepartmentGood(workOrders: readonly MoWorkOrder[]): number | null {
  const last = routeOrder(workOrders).at(-1);
  return last && last.goodQuantity > 0 ? last.goodQuantity : null;
}

/** Work orders not finished yet: completing the order closes them. */
export const openWorkOrders = (workOrders: readonly MoWorkOrder[]) =>
  routeOrder(workOrders).filter((wo) => wo.state !== 'DONE');

/**
 * Confirms one transition of one order: notes for approve and start, a reason for cancel, the pieces made
 * (with the variance it will record) for complete. A refusal stays in the dialog, with the shortages
 * when a start could not reserve the first department's materials. Completing starts from the last
 * department's recorded good output, lists the work orders still open, and asks for a quality note
 * when the count is beyond the variance tolerance.
 */
export function TransitionDialog({
  mo,
  action,
  onClose,
}: {
  mo: MoDetail;
  action: MoAction;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const transition = useMoTransition();
  const { keyFor } = useActionKey();
  const [text, setText] = useState('');
  const [actual, setActual] = useState<number | null>(() => lastDepartmentGood(mo.workOrders));
  const [invalid, setInvalid] = useState<string | null>(null);
  const { color, icon: Icon } = ACTION_APPEARANCE[action];
  const lang = i18n.language;
  const typedActual = actual !== null && Number.isFinite(actual) && actual > 0 ? actual : null;
  const noteRequired =
    action === 'complete' &&
    typedActual !== null &&
    isVarianceWarning(variance(typedActual, mo.plannedQuantity));
  const open = action === 'complete' ? openWorkOrders(mo.workOrders) : [];
  const needsReason = action === 'cancel' || action === 'return';
  const fromLine = action === 'complete' ? lastDepartmentGood(mo.workOrders) : null;

  const request = (): TransitionRequest | null => {
    const value = text.trim();
    switch (action) {
      case 'approve':
      case 'start':
        return { action, ...(value ? { notes: value } : {}) };
      case 'cancel':
      case 'return':
        if (value.length < 3) {
          setInvalid(t(`ppic.${action}.reasonRequired`));
          return null;
        }
        return { action, reason: value };
      case 'complete':
        if (actual === null || !Number.isFinite(actual) || actual <= 0) {
          setInvalid(t('ppic.validation.quantityPositive'));
          return null;
        }
        if (noteRequired && value.length < 3) {
          setInvalid(t('ppic.complete.noteRequired'));
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
              message: t('ppic.detail.varianceBanner', {
                produced: formatQuantity(updated.producedQuantity ?? 0, updated.uom, lang),
                planned: formatQuantity(updated.plannedQuantity, updated.uom, lang),
                variance: formatSignedFraction((updated.variancePercent ?? 0) / 100, lang),
              }),
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
            quantity: `${formatNumber(mo.plannedQuantity, lang)} ${mo.uom}`,
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
            {open.length > 0 && (
              <Alert
                color="orange"
                variant="light"
                icon={<IconAlertTriangle />}
                title={t('ppic.complete.openTitle', { count: open.length })}
                data-testid="open-work-orders"
              >
                <List size="sm" spacing={2}>
                  {open.map((wo) => (
                    <List.Item key={wo.id}>
                      <Group gap={6} wrap="nowrap">
                        <Text span size="sm" fw={600}>
                          {t(`departments.${wo.department}`)}
                        </Text>
                        <Badge size="xs" variant="light" tt="none">
                          {t(`production.state.${wo.state}`)}
                        </Badge>
                        <Text span size="sm" c="dimmed">
                          {t('ppic.complete.openRecorded', {
                            good: formatNumber(wo.goodQuantity, lang),
                            target: formatNumber(wo.targetQuantity, lang),
                          })}
                        </Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
                <Text size="xs" mt={4}>
                  {t('ppic.complete.openBody')}
                </Text>
              </Alert>
            )}
            <NumberField
              label={t('ppic.complete.actual')}
              description={
                fromLine === null
                  ? t('ppic.complete.actualHintNoLine', {
                      planned: formatQuantity(mo.plannedQuantity, mo.uom, lang),
                    })
                  : t('ppic.complete.actualHintLine', {
                      planned: formatQuantity(mo.plannedQuantity, mo.uom, lang),
                      recorded: formatQuantity(fromLine, mo.uom, lang),
                    })
              }
              withAsterisk
              data-autofocus
              unit={mo.uom}
              min={0}
              minExclusive
              value={actual}
              onChange={(v) => {
                setActual(v);
                setInvalid(null);
              }}
              error={invalid && !noteRequired ? invalid : undefined}
            />
            <VariancePreview planned={mo.plannedQuantity} actual={typedActual ?? Number.NaN} uom={mo.uom} />
          </>
        )}
        <Textarea
          label={noteRequired ? t('ppic.complete.noteLabelRequired') : t(`ppic.transition.text.${action}`)}
          withAsterisk={needsReason || noteRequired}
          data-autofocus={action === 'complete' ? undefined : true}
          rows={needsReason ? 3 : 2}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (needsReason || noteRequired) setInvalid(null);
          }}
          error={needsReason || noteRequired ? invalid : undefined}
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
