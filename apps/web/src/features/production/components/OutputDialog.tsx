import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { describeError, fieldErrors } from '../../../lib/errors';
import { useRecordOutput, type WorkOrder } from '../api';
import { formatNumber, numberSeparators, useActionKey } from './shared';

/** Pieces received and not yet recorded as good or rejected. */
export const remainingOf = (wo: WorkOrder) =>
  Math.max(0, Math.round((wo.inputQty - wo.goodQty - wo.rejectQty) * 10_000) / 10_000);

// Messages are i18n keys; the form translates them.
const outputSchema = (remaining: number) =>
  z
    .object({
      goodQty: z
        .number({ error: 'production.validation.notNegative' })
        .min(0, 'production.validation.notNegative'),
      rejectQty: z
        .number({ error: 'production.validation.notNegative' })
        .min(0, 'production.validation.notNegative'),
      rejectReason: z.string().trim().max(300, 'validation.tooLong'),
    })
    .refine((v) => v.goodQty + v.rejectQty > 0, {
      path: ['goodQty'],
      message: 'production.validation.something',
    })
    .refine((v) => v.goodQty + v.rejectQty <= remaining + 1e-9, {
      path: ['goodQty'],
      message: 'production.validation.moreThanReceived',
    })
    .refine((v) => v.rejectQty === 0 || v.rejectReason.length > 0, {
      path: ['rejectReason'],
      message: 'production.validation.rejectReason',
    });
type OutputValues = z.infer<ReturnType<typeof outputSchema>>;
const FIELDS = ['goodQty', 'rejectQty', 'rejectReason'] as const;

/** Records a (partial) output of a work order: good pieces, and rejected ones with the reason. */
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
    setValue,
    getValues,
    formState: { errors },
  } = useForm<OutputValues>({
    resolver: zodResolver(outputSchema(remaining)),
    defaultValues: { goodQty: remaining, rejectQty: 0, rejectReason: '' },
  });
  const rejectQty = useWatch({ control, name: 'rejectQty' });
  const message = (key?: string) => (key ? t(key, { quantity: formatNumber(remaining, lang) }) : undefined);

  const send = (values: OutputValues) => {
    const body = {
      goodQty: values.goodQty,
      ...(values.rejectQty > 0 ? { rejectQty: values.rejectQty, rejectReason: values.rejectReason } : {}),
    };
    record.mutate(
      { id: workOrder.id, body, idempotencyKey: keyFor({ id: workOrder.id, body }) },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t('production.output.done', {
              good: formatNumber(values.goodQty, lang),
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

  const quantityField = (name: 'goodQty' | 'rejectQty', label: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          size="lg"
          label={label}
          min={0}
          max={remaining}
          decimalScale={4}
          allowNegative={false}
          {...numberSeparators(lang)}
          data-autofocus={name === 'goodQty' || undefined}
          value={Number.isNaN(field.value) ? '' : field.value}
          onChange={(v) => {
            const value = typeof v === 'number' ? v : Number.NaN;
            field.onChange(value);
            // Rejects come out of the pieces received: lower the good count rather than overshoot.
            const good = getValues('goodQty');
            if (name === 'rejectQty' && value >= 0 && value <= remaining && good + value > remaining)
              setValue('goodQty', Math.round((remaining - value) * 10_000) / 10_000);
          }}
          onBlur={field.onBlur}
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
        <Stack>
          <Text size="sm" c="dimmed">
            {t('production.output.remaining', { quantity: formatNumber(remaining, lang) })}
          </Text>
          {record.error && !placed ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeError(record.error, t).message}
            </Alert>
          ) : null}
          <SimpleGrid cols={2}>
            {quantityField('goodQty', t('production.output.good'))}
            {quantityField('rejectQty', t('production.output.reject'))}
          </SimpleGrid>
          <TextInput
            size="lg"
            label={t('production.output.rejectReason')}
            placeholder={t('production.output.rejectReasonPlaceholder')}
            withAsterisk={rejectQty > 0}
            disabled={!(rejectQty > 0)}
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
