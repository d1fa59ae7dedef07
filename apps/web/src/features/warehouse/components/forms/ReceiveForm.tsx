import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Unit } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { Controller, useController, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { factoryDayStart } from '../../../../lib/time';
import { locationQueries, productQueries } from '../../api';
import { factoryToday, formatQuantity } from '../format';
import { LocationField, ProductField, QuantityField, useFieldMessage } from './fields';
import { placeFieldErrors } from './posting-errors';
import { PostingError } from './PostingError';
import { optional, receiveSchema, type ReceiveValues } from './schemas';
import { usePostingSubmit } from './use-posting-submit';
import { UnsavedChangesGuard } from '../../../../components/UnsavedChangesGuard';
import { DateField } from '../../../../components/DateField';

const FIELDS = [
  'productId',
  'locationId',
  'quantity',
  'uom',
  'lotNumber',
  'receivedAt',
  'supplierReference',
  'reference',
] as const;

/** Goods in from a supplier: into a rack (or straight to a line), as a new or an existing lot. */
export function ReceiveForm({ productId, onDone }: { productId?: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const message = useFieldMessage();
  const { submit, pending, banner } = usePostingSubmit();
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isDirty },
  } = useForm<ReceiveValues>({
    resolver: zodResolver(receiveSchema),
    defaultValues: {
      productId: productId ?? '',
      locationId: '',
      quantity: '',
      uom: '',
      lotNumber: '',
      receivedAt: factoryToday(),
      supplierReference: '',
      reference: '',
    },
  });
  const product = useController({ control, name: 'productId' });
  const location = useController({ control, name: 'locationId' });
  const quantity = useController({ control, name: 'quantity' });
  const uom = useController({ control, name: 'uom' });
  const chosenProduct = useWatch({ control, name: 'productId' });
  const productQuery = useQuery({ ...productQueries.detail(chosenProduct), enabled: !!chosenProduct });
  const locations = useQuery(locationQueries.all());
  const targets = (locations.data ?? []).filter(
    (l) => l.active && (l.type === 'WAREHOUSE' || l.type === 'LINE'),
  );

  const onSubmit = handleSubmit((values) => {
    const stockItem = productQuery.data;
    const unit = (values.uom || stockItem?.uom) as Unit | undefined;
    const day = values.receivedAt;
    submit(
      {
        kind: 'receive',
        body: {
          productId: values.productId,
          locationId: values.locationId,
          quantity: Number(values.quantity),
          uom: unit,
          lotNumber: optional(values.lotNumber),
          // Today means now; an earlier day is the start of that factory day, for FIFO order.
          receivedAt: values.lotNumber && day && day !== factoryToday() ? factoryDayStart(day) : undefined,
          supplierReference: optional(values.supplierReference),
          reference: optional(values.reference),
        },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('warehouse.forms.receive.done', {
              quantity: formatQuantity(values.quantity, unit ?? '', i18n.language),
              product: stockItem?.code ?? '',
              location: targets.find((l) => l.id === values.locationId)?.code ?? '',
            }),
          });
          onDone();
        },
        placeErrors: (e) => placeFieldErrors(e, setError, FIELDS, t),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <UnsavedChangesGuard dirty={isDirty} />
      <Stack>
        <ProductField bound={product} autoFocus={!productId} onProduct={() => setValue('uom', '')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LocationField bound={location} label={t('warehouse.forms.receive.location')} locations={targets} />
          <QuantityField
            label={t('warehouse.forms.quantity')}
            quantity={quantity}
            uom={uom}
            product={productQuery.data}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('warehouse.forms.receive.lotNumber')}
            description={t('warehouse.forms.receive.lotNumberHint')}
            placeholder="R-IKHR504-2611-04"
            autoComplete="off"
            spellCheck={false}
            error={message(errors.lotNumber?.message)}
            {...register('lotNumber')}
          />
          <Controller
            control={control}
            name="receivedAt"
            render={({ field }) => (
              <DateField
                label={t('warehouse.forms.receive.receivedAt')}
                description={t('warehouse.forms.receive.receivedAtHint')}
                clearable
                max={factoryToday()}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={message(errors.receivedAt?.message)}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('warehouse.forms.receive.supplierReference')}
            placeholder={t('warehouse.forms.receive.supplierReferencePlaceholder')}
            autoComplete="off"
            error={message(errors.supplierReference?.message)}
            {...register('supplierReference')}
          />
          <TextInput
            label={t('warehouse.forms.reference')}
            placeholder={t('warehouse.forms.receive.referencePlaceholder')}
            autoComplete="off"
            error={message(errors.reference?.message)}
            {...register('reference')}
          />
        </SimpleGrid>
        <PostingError error={banner} />
        <FormButtons pending={pending} submitLabel={t('warehouse.forms.receive.submit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function FormButtons({
  pending,
  submitLabel,
  onCancel,
}: {
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
