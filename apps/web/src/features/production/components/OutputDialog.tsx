import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NumberField } from '../../../components/NumberField';
import { describeError, fieldErrors } from '../../../lib/errors';
import { formatNumber } from '../../../lib/quantity';
import { useRecordOutput, type WorkOrder } from '../api';
import { PIECES, useActionKey } from './shared';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';

/** Pieces received and not yet recorded as good or rejected. */
export const remainingOf = (wo: WorkOrder) =>
  Math.max(0, Math.round((wo.inputQuantity - wo.goodQuantity - wo.rejectedQuantity) * 10_000) / 10_000);

// Both counts are typed (0 when there is none), so a reject is never lost to a pre-filled good count.
const count = z
  .number({ error: 'production.validation.typeCount' })
  .refine((v) => !Number.isNaN(v), 'production.validation.typeCount');

// Messages are i18n keys; the form translates them.
const outputSchema = (remaining: number) =>
  z
    .object({
      goodQuantity: count,
      rejectedQuantity: count,
      rejectReason: z.string().trim().max(300, 'validation.tooLong'),
    })
    .refine((v) => v.goodQuantity + v.rejectedQuantity > 0, {
      path: ['goodQuantity'],
      message: 'production.validation.something',
    })
    .refine((v) => v.goodQuantity + v.rejectedQuantity <= remaining + 1e-9, {
      path: ['goodQuantity'],
      message: 'production.validation.moreThanReceived',
    })
    .refine((v) => v.rejectedQuantity === 0 || v.rejectReason.length > 0, {
      path: ['rejectReason'],
      message: 'production.validation.rejectReason',
    });
type OutputValues = { goodQuantity: number | null; rejectedQuantity: number | null; rejectReason: string };
type ValidOutput = z.infer<ReturnType<typeof outputSchema>>;
const FIELDS = ['goodQuantity', 'rejectedQuantity', 'rejectReason'] as const;

/**
 * Records a (partial) output of a work order: the good pieces and the rejected ones, both counted and
 * typed by the line. Nothing is pre-filled, lowered or clamped: a count that does not fit is refused
 * with the reason, and the pieces still to record are shown as the user types.
 */
export function OutputDialog({ workOrder, onClose }: { workOrder: WorkOrder; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const record = useRecordOutput();
  const keyFor = useActionKey();
  const remaining = remainingOf(workOrder);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm<OutputValues, unknown, ValidOutput>({
    resolver: zodResolver(outputSchema(remaining)) as never,
    defaultValues: { goodQuantity: null, rejectedQuantity: null, rejectReason: '' },
  });
  const [good, reject] = useWatch({ control, name: ['goodQuantity', 'rejectedQuantity'] });
  const pieces = (n: number) => formatNumber(n, lang);
  const message = (key?: string) => (key ? t(key, { quantity: pieces(remaining) }) : undefined);
  const typed = (v: number | null) => (typeof v === 'number' && !Number.isNaN(v) ? v : 0);
  const left = Math.round((remaining - typed(good) - typed(reject)) * 10_000) / 10_000;

  const send = (values: ValidOutput) => {
    const body = {
      goodQuantity: values.goodQuantity,
      ...(values.rejectedQuantity > 0
        ? { rejectedQuantity: values.rejectedQuantity, rejectReason: values.rejectReason }
        : {}),
    };
    record.mutate(
      { id: workOrder.id, body, idempotencyKey: keyFor({ id: workOrder.id, body }) },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t('production.output.recorded', {
              good: pieces(values.goodQuantity),
              reject: pieces(values.rejectedQuantity),
              batch: updated.batchNumber,
            }),
          });
          onClose();
        },
        onError: (error) => {
          for (const [field, text] of Object.entries(fieldErrors(error)))
            if ((FIELDS as readonly string[]).includes(field))
              setError(field as Path<OutputValues>, { type: 'server', message: text });
        },
      },
    );
  };
  const placed = Object.keys(fieldErrors(record.error)).some((f) =>
    (FIELDS as readonly string[]).includes(f),
  );

  const quantityField = (name: 'goodQuantity' | 'rejectedQuantity', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberField
          size="lg"
          label={label}
          withAsterisk
          unit={PIECES}
          min={0}
          placeholder="0"
          data-autofocus={name === 'goodQuantity' || undefined}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={message(errors[name]?.message)}
        />
      )}
    />
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('production.output.title', { batch: workOrder.batchNumber })}
      size="lg"
    >
      <form onSubmit={(event) => void handleSubmit(send)(event)} noValidate>
        <UnsavedChangesGuard dirty={isDirty} />
        <Stack>
          <Text size="sm" c="dimmed">
            {t('production.output.remaining', { quantity: pieces(remaining) })}
          </Text>
          {record.error && !placed ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeError(record.error, t).message}
            </Alert>
          ) : null}
          <SimpleGrid cols={2}>
            {quantityField('goodQuantity', t('production.output.good'))}
            {quantityField('rejectedQuantity', t('production.output.reject'))}
          </SimpleGrid>
          <Text size="sm" c={left < 0 ? 'red.8' : 'dimmed'} aria-live="polite" data-testid="output-left">
            {left < 0
              ? t('production.output.over', { quantity: pieces(-left) })
              : t('production.output.left', { quantity: pieces(left) })}
          </Text>
          <TextInput
            size="lg"
            label={t('production.output.rejectReason')}
            placeholder={t('production.output.rejectReasonPlaceholder')}
            withAsterisk={typed(reject) > 0}
            error={message(errors.rejectReason?.message)}
            {...register('rejectReason')}
          />
          <Group justify="flex-end" grow mt="xs">
            <Button variant="default" size="lg" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="lg" loading={record.isPending}>
              {t('production.output.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
