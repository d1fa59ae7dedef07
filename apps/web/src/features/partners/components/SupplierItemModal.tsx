import { zodResolver } from '@hookform/resolvers/zod';
import { convertibleUnits, UNITS, type Unit } from '@kapok/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NumberField } from '../../../components/NumberField';
import { ProductSearchSelect } from '../../../components/ProductSearchSelect';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { describeError, fieldErrors } from '../../../lib/errors';
import {
  usePurchasedProducts,
  useSaveSupplierItem,
  type Partner,
  type PurchasedProduct,
  type SupplierItem,
} from '../api';

const positiveOrEmpty = z
  .number({ error: 'partners.validation.positive' })
  .positive('partners.validation.positive')
  .nullable();
const schema = z.object({
  productId: z.string().min(1, 'partners.validation.product'),
  uom: z.enum(UNITS, { error: 'validation.required' }),
  packSize: positiveOrEmpty,
  minimumQuantity: positiveOrEmpty,
  leadTimeDays: z
    .number({ error: 'partners.validation.days' })
    .int('partners.validation.days')
    .min(0, 'partners.validation.days')
    .max(365, 'partners.validation.days')
    .nullable(),
  preferred: z.boolean(),
  supplierCode: z.string().trim().max(60, 'validation.tooLong'),
  unitPrice: z.number({ error: 'partners.validation.price' }).min(0, 'partners.validation.price').nullable(),
});
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

const valuesOf = (item: SupplierItem | null): Values => ({
  productId: item?.product.id ?? '',
  uom: item?.uom ?? ('' as Unit),
  packSize: item?.packSize ?? null,
  minimumQuantity: item?.minimumQuantity ?? null,
  leadTimeDays: item?.leadTimeDays ?? null,
  preferred: item?.preferred ?? false,
  supplierCode: item?.supplierCode ?? '',
  unitPrice: item?.unitPrice ?? null,
});

interface Props {
  supplier: Partner;
  item: SupplierItem | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds what a supplier sells, or edits it; the product is fixed once the item exists. */
export function SupplierItemModal(props: Props) {
  const { t } = useTranslation();
  const { item, opened, onClose } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={item ? t('partners.items.editTitle', { code: item.product.code }) : t('partners.items.add')}
      size="lg"
    >
      {/* Mounted per opening, so every opening starts from the item as it is now. */}
      {opened && <SupplierItemForm key={item?.id ?? 'new'} {...props} />}
    </Modal>
  );
}

function SupplierItemForm({ supplier, item, opened, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveSupplierItem();
  const [product, setProduct] = useState<PurchasedProduct | null>(null);
  const {
    control,
    register,
    handleSubmit,
    reset,
    setValue,
    setError,
    formState: { errors, isDirty },
  } = useForm<Values, unknown, Output>({ resolver: zodResolver(schema), defaultValues: valuesOf(item) });
  const guard = useUnsavedChangesGuard(opened && isDirty);

  const stockUnit = product?.uom ?? item?.product.uom;
  const units = stockUnit
    ? convertibleUnits(stockUnit, product?.unitConversions ?? []).concat(
        item && !convertibleUnits(stockUnit).includes(item.uom) ? [item.uom] : [],
      )
    : [];
  const uom = useWatch({ control, name: 'uom' });
  const message = (key?: string) => (key ? t(key) : undefined);
  const close = () => {
    save.reset();
    onClose();
  };

  const send = (v: Output) =>
    save.mutate(
      {
        id: item?.id,
        body: {
          supplierId: supplier.id,
          productId: v.productId,
          uom: v.uom,
          packSize: v.packSize ?? undefined,
          minimumQuantity: v.minimumQuantity ?? undefined,
          leadTimeDays: v.leadTimeDays ?? undefined,
          preferred: v.preferred,
          supplierCode: v.supplierCode || undefined,
          unitPrice: v.unitPrice ?? undefined,
          version: item?.version,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('partners.items.saved', { code: saved.product.code }),
          });
          reset(valuesOf(saved));
          guard.release();
          close();
        },
        onError: (error) => {
          for (const [field, text] of Object.entries(fieldErrors(error)))
            if (field in schema.shape) setError(field as Path<Values>, { type: 'server', message: text });
        },
      },
    );

  return (
    <form onSubmit={(e) => void handleSubmit(send)(e)} noValidate>
      {guard.dialog}
      <Stack gap="sm">
        {save.error && Object.keys(fieldErrors(save.error)).length === 0 && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describeError(save.error, t, 'partners').message}
          </Alert>
        )}
        {item ? (
          <Text size="sm">
            <Text span fw={700} ff="monospace">
              {item.product.code}
            </Text>{' '}
            · {item.product.name} ({item.product.uom})
          </Text>
        ) : (
          <Controller
            control={control}
            name="productId"
            render={({ field }) => (
              <ProductSearchSelect<PurchasedProduct>
                label={t('partners.items.product')}
                placeholder={t('partners.items.productPlaceholder')}
                nothingFound={t('partners.items.noProducts')}
                value={product}
                onChange={(p) => {
                  setProduct(p);
                  field.onChange(p?.id ?? '');
                  if (p) setValue('uom', p.uom, { shouldDirty: true });
                }}
                onBlur={field.onBlur}
                useResults={usePurchasedProducts}
                detail={(p) => (
                  <Text size="xs" c="dimmed">
                    {p.uom}
                  </Text>
                )}
                error={message(errors.productId?.message)}
              />
            )}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller
            control={control}
            name="uom"
            render={({ field }) => (
              <Select
                label={t('partners.items.uom')}
                description={t('partners.items.uomHint')}
                withAsterisk
                allowDeselect={false}
                data={units}
                value={field.value || null}
                onChange={(v) => v && field.onChange(v)}
                error={message(errors.uom?.message)}
              />
            )}
          />
          <Controller
            control={control}
            name="packSize"
            render={({ field }) => (
              <NumberField
                label={t('partners.items.packSize')}
                description={t('partners.items.packSizeHint')}
                unit={uom || undefined}
                min={0}
                minExclusive
                decimals={4}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={message(errors.packSize?.message)}
              />
            )}
          />
          <Controller
            control={control}
            name="minimumQuantity"
            render={({ field }) => (
              <NumberField
                label={t('partners.items.minimum')}
                description={t('partners.items.minimumHint')}
                unit={uom || undefined}
                min={0}
                minExclusive
                decimals={4}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={message(errors.minimumQuantity?.message)}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller
            control={control}
            name="leadTimeDays"
            render={({ field }) => (
              <NumberField
                label={t('partners.items.leadTime')}
                description={t('partners.items.leadTimeHint', { count: supplier.leadTimeDays })}
                whole
                min={0}
                max={365}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={message(errors.leadTimeDays?.message)}
              />
            )}
          />
          <TextInput
            label={t('partners.items.supplierCode')}
            error={message(errors.supplierCode?.message)}
            {...register('supplierCode')}
          />
          <Controller
            control={control}
            name="unitPrice"
            render={({ field }) => (
              <NumberField
                label={t('partners.items.unitPrice')}
                unit="IDR"
                whole={false}
                min={0}
                decimals={2}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={message(errors.unitPrice?.message)}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="preferred"
          render={({ field }) => (
            <Switch
              label={t('partners.items.preferred')}
              description={t('partners.items.preferredHint')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}
