import { zodResolver } from '@hookform/resolvers/zod';
import { newIdempotencyKey } from '@kapok/api-client';
import { PRIORITIES, type Department } from '@kapok/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NumberField } from '../../../components/NumberField';
import { ProductSearchSelect } from '../../../components/ProductSearchSelect';
import { fieldErrors } from '../../../lib/errors';
import { productQueries, useCreateCard, type CreateCardBody, type RequestableProduct } from '../api';
import { describeKanbanError } from './errors';
import { FACTORY_TIME_LABEL, fromFactoryLocal } from './format';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { DateField } from '../../../components/DateField';

// Messages are i18n keys; the form translates them.
export const newRequestSchema = z.object({
  productId: z.string().min(1, 'kanban.validation.productRequired'),
  quantity: z
    .number({ error: 'kanban.validation.quantityPositive' })
    .positive('kanban.validation.quantityPositive'),
  priority: z.enum(PRIORITIES),
  neededBy: z
    .string()
    .refine(
      (v) => !v || new Date(fromFactoryLocal(v)).getTime() > Date.now() - 60_000,
      'kanban.validation.neededByPast',
    ),
  reason: z.string().trim().max(500, 'validation.tooLong'),
});
export type NewRequestValues = z.infer<typeof newRequestSchema>;

const FIELDS = ['productId', 'quantity', 'priority', 'neededBy', 'reason'] as const;
const EMPTY: NewRequestValues = {
  productId: '',
  quantity: Number.NaN,
  priority: 'NORMAL',
  neededBy: '',
  reason: '',
};

export function NewRequestModal({
  opened,
  department,
  onClose,
}: {
  opened: boolean;
  department: Department;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useCreateCard();
  // One key per request the user means to send: kept while they resend the same values after a failure.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const [product, setProduct] = useState<RequestableProduct | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm<NewRequestValues>({ resolver: zodResolver(newRequestSchema), defaultValues: EMPTY });

  const close = () => {
    reset(EMPTY);
    setProduct(null);
    create.reset();
    attempt.current = null;
    onClose();
  };

  const send = (values: NewRequestValues) => {
    const body: CreateCardBody = {
      productId: values.productId,
      quantity: values.quantity,
      priority: values.priority,
      ...(values.neededBy ? { neededBy: fromFactoryLocal(values.neededBy) } : {}),
      ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
    };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
    create.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (card) => {
          notifications.show({ color: 'green', message: t('kanban.created', { number: card.number }) });
          close();
        },
        onError: (error) => {
          for (const [field, message] of Object.entries(fieldErrors(error)))
            if ((FIELDS as readonly string[]).includes(field))
              setError(field as Path<NewRequestValues>, { type: 'server', message });
        },
      },
    );
  };

  const placed = Object.keys(fieldErrors(create.error)).some((f) =>
    (FIELDS as readonly string[]).includes(f),
  );
  const message = (key?: string) => (key ? t(key) : undefined);

  return (
    <Modal opened={opened} onClose={close} title={t('kanban.new.title')} size="lg">
      <form onSubmit={(event) => void handleSubmit(send)(event)} noValidate>
        <UnsavedChangesGuard dirty={opened && isDirty} />
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('kanban.new.for', { department: t(`departments.${department}`) })}
          </Text>
          {create.error && !placed && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
              {describeKanbanError(create.error, t, i18n.language).message}
            </Alert>
          )}
          <Controller
            control={control}
            name="productId"
            render={({ field }) => (
              <ProductSelect
                value={product}
                onChange={(p) => {
                  setProduct(p);
                  field.onChange(p?.id ?? '');
                }}
                onBlur={field.onBlur}
                error={message(errors.productId?.message)}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="quantity"
              render={({ field }) => (
                <NumberField
                  label={t('kanban.new.quantity')}
                  description={
                    product
                      ? t('kanban.new.quantityHint', { uom: product.uom })
                      : t('kanban.new.quantityNoProduct')
                  }
                  withAsterisk
                  unit={product?.uom}
                  min={0}
                  minExclusive
                  rightSection={
                    <Text size="xs" fw={700} c="dimmed" data-testid="quantity-unit">
                      {product?.uom ?? ''}
                    </Text>
                  }
                  rightSectionWidth={64}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={message(errors.quantity?.message)}
                />
              )}
            />
            <Controller
              control={control}
              name="neededBy"
              render={({ field }) => (
                <DateField
                  withTime
                  clearable
                  label={t('kanban.new.neededBy', { zone: FACTORY_TIME_LABEL })}
                  description={t('kanban.new.neededByHint')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={message(errors.neededBy?.message)}
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={control}
            name="priority"
            render={({ field }) => (
              <Stack gap={4}>
                <Text size="sm" fw={500} id="kanban-new-priority">
                  {t('kanban.new.priority')}
                </Text>
                <SegmentedControl
                  aria-labelledby="kanban-new-priority"
                  fullWidth
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`kanban.priority.${p}`) }))}
                />
              </Stack>
            )}
          />
          <Textarea
            label={t('kanban.new.reason')}
            placeholder={t('kanban.new.reasonPlaceholder')}
            rows={3}
            error={message(errors.reason?.message)}
            {...register('reason')}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('kanban.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const useRequestableProducts = (search: string) => useQuery(productQueries.search(search));

/** Searches the warehouse's accessories and raw materials by code or name, on the server. */
function ProductSelect(props: {
  value: RequestableProduct | null;
  onChange: (product: RequestableProduct | null) => void;
  onBlur: () => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <ProductSearchSelect
      {...props}
      label={t('kanban.new.product')}
      placeholder={t('kanban.new.productPlaceholder')}
      nothingFound={t('kanban.new.noProducts')}
      useResults={useRequestableProducts}
      maxDropdownHeight={280}
      detail={(p) => (
        <Text size="xs" fw={600} c="dimmed">
          {p.uom}
        </Text>
      )}
    />
  );
}
