import { zodResolver } from '@hookform/resolvers/zod';
import { factoryToday, UNITS } from '@kapok/contracts';
import { Paper, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { NotFoundPage } from '../../../components/AccessPages';
import {
  DocumentFormFooter,
  DocumentFormHeader,
  DocumentLines,
  RemoveLineButton,
} from '../../../components/DocumentForm';
import { QueryPage } from '../../../components/QueryPage';
import { NumberField } from '../../../components/NumberField';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { DateField } from '../../../components/DateField';
import { useActionKey } from '../../../lib/action-key';
import { describeError, fieldErrors } from '../../../lib/errors';
import { purchasingQueries, useSavePurchaseOrder, type PurchaseOrder, type SupplierItem } from '../api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Messages are i18n keys; the form translates them.
const schema = z.object({
  supplierId: z.string().min(1, 'purchasing.validation.supplier'),
  orderDate: z.string().regex(DATE, 'purchasing.validation.date'),
  notes: z.string().trim().max(1000, 'validation.tooLong'),
  lines: z
    .array(
      z.object({
        productId: z.string().min(1, 'purchasing.validation.item'),
        uom: z.enum(UNITS, { error: 'purchasing.validation.item' }),
        quantity: z
          .number({ error: 'purchasing.validation.quantity' })
          .positive('purchasing.validation.quantity'),
        unitPrice: z
          .number({ error: 'purchasing.validation.price' })
          .min(0, 'purchasing.validation.price')
          .nullable(),
        expectedDate: z.string().regex(DATE, 'purchasing.validation.date'),
      }),
    )
    .min(1, 'purchasing.validation.lines'),
});
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;
type Line = Values['lines'][number];

const addDays = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);

const emptyLine = (): Line => ({
  productId: '',
  uom: '' as never,
  quantity: Number.NaN,
  unitPrice: null,
  expectedDate: '',
});

const valuesOf = (order?: PurchaseOrder): Values =>
  order
    ? {
        supplierId: order.supplier.id,
        orderDate: order.orderDate,
        notes: order.notes ?? '',
        lines: order.lines.map((l) => ({
          productId: l.productId,
          uom: l.uom,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          expectedDate: l.expectedDate,
        })),
      }
    : { supplierId: '', orderDate: factoryToday(), notes: '', lines: [emptyLine()] };

/** New purchase order, or the edit of a draft: the supplier, then lines from what it sells. */
export function PurchaseOrderFormPage() {
  const { id } = useParams();
  const order = useQuery({ ...purchasingQueries.detail(id ?? ''), enabled: !!id });
  if (!id) return <PurchaseOrderForm />;
  return (
    <QueryPage query={order}>
      {(po) => (po.editable ? <PurchaseOrderForm order={po} /> : <NotFoundPage />)}
    </QueryPage>
  );
}

function PurchaseOrderForm({ order }: { order?: PurchaseOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const suppliers = useQuery(purchasingQueries.suppliers());
  const save = useSavePurchaseOrder();
  const { keyFor } = useActionKey();
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isDirty },
  } = useForm<Values, unknown, Output>({ resolver: zodResolver(schema), defaultValues: valuesOf(order) });
  const lines = useFieldArray({ control, name: 'lines' });
  const guard = useUnsavedChangesGuard(isDirty);
  const supplierId = useWatch({ control, name: 'supplierId' });
  const watchedLines = useWatch({ control, name: 'lines' });
  const items = useQuery({ ...purchasingQueries.supplierItems(supplierId), enabled: !!supplierId });
  const byProduct = new Map((items.data ?? []).map((i) => [i.product.id, i]));
  const message = (key?: string) => (key ? t(key) : undefined);

  const pick = (index: number, item: SupplierItem | undefined) => {
    const dirty = { shouldDirty: true, shouldValidate: false };
    setValue(`lines.${index}.productId`, item?.product.id ?? '', dirty);
    setValue(`lines.${index}.uom`, item?.uom ?? ('' as never), dirty);
    if (item) {
      setValue(`lines.${index}.unitPrice`, item.unitPrice, dirty);
      if (!watchedLines[index]?.expectedDate)
        setValue(`lines.${index}.expectedDate`, addDays(factoryToday(), item.effectiveLeadTimeDays), dirty);
    }
  };

  const send = (v: Output) => {
    const body = {
      supplierId: v.supplierId,
      orderDate: v.orderDate,
      ...(v.notes ? { notes: v.notes } : {}),
      lines: v.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        uom: l.uom,
        expectedDate: l.expectedDate,
        ...(l.unitPrice !== null ? { unitPrice: l.unitPrice } : {}),
      })),
    };
    save.mutate(
      { id: order?.id, version: order?.version, body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('purchasing.saved', { number: saved.number }) });
          guard.release();
          void navigate(`/purchasing/orders/${saved.id}`);
        },
        onError: (error) => {
          for (const [field, text] of Object.entries(fieldErrors(error)))
            setError(field as Path<Values>, { type: 'server', message: text });
        },
      },
    );
  };
  const placed = Object.keys(fieldErrors(save.error)).length > 0;

  return (
    <form onSubmit={(e) => void handleSubmit(send)(e)} noValidate>
      {guard.dialog}
      <DocumentFormHeader
        backTo={order ? `/purchasing/orders/${order.id}` : '/purchasing'}
        backLabel={order ? order.number : t('purchasing.back')}
        title={order ? t('purchasing.editTitle', { number: order.number }) : t('purchasing.new')}
        description={t('purchasing.formHint')}
        error={save.error && !placed ? describeError(save.error, t, 'purchasing').message : null}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="supplierId"
              render={({ field }) => (
                <Select
                  label={t('purchasing.fields.supplier')}
                  withAsterisk
                  searchable
                  data={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
                  value={field.value || null}
                  onChange={(v) => {
                    field.onChange(v ?? '');
                    if (v !== field.value) lines.replace([emptyLine()]);
                  }}
                  onBlur={field.onBlur}
                  error={message(errors.supplierId?.message)}
                />
              )}
            />
            <Controller
              control={control}
              name="orderDate"
              render={({ field }) => (
                <DateField
                  label={t('purchasing.fields.orderDate')}
                  withAsterisk
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={message(errors.orderDate?.message)}
                />
              )}
            />
          </SimpleGrid>
          <Textarea mt="sm" label={t('purchasing.fields.notes')} rows={2} {...register('notes')} />
        </Paper>
        <DocumentLines
          title={t('purchasing.lines.title')}
          addLabel={t('purchasing.lines.add')}
          addDisabled={!supplierId}
          onAdd={() => lines.append(emptyLine())}
          error={message(errors.lines?.root?.message ?? errors.lines?.message)}
        >
          {!supplierId ? (
            <Text c="dimmed" size="sm">
              {t('purchasing.lines.pickSupplier')}
            </Text>
          ) : items.data && items.data.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('purchasing.lines.noItems')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table
                className="kapok-sticky-last"
                aria-label={t('purchasing.lines.title')}
                verticalSpacing={6}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={36}>#</Table.Th>
                    <Table.Th>{t('purchasing.fields.item')}</Table.Th>
                    <Table.Th w={160}>{t('purchasing.fields.quantity')}</Table.Th>
                    <Table.Th w={150}>{t('purchasing.fields.expectedDate')}</Table.Th>
                    <Table.Th w={140}>{t('purchasing.fields.unitPrice')}</Table.Th>
                    <Table.Th w={40} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.fields.map((line, index) => {
                    const n = index + 1;
                    const value = watchedLines[index];
                    const item = value ? byProduct.get(value.productId) : undefined;
                    const lineErrors = errors.lines?.[index];
                    return (
                      <Table.Tr key={line.id} style={{ verticalAlign: 'top' }}>
                        <Table.Td pt={14}>{n}</Table.Td>
                        <Table.Td>
                          <Select
                            aria-label={t('purchasing.lines.itemOf', { n })}
                            placeholder={t('purchasing.lines.itemPlaceholder')}
                            searchable
                            data={(items.data ?? []).map((i) => ({
                              value: i.product.id,
                              label: `${i.product.code} · ${i.product.name} (${i.uom})`,
                            }))}
                            value={value?.productId || null}
                            onChange={(v) => pick(index, v ? byProduct.get(v) : undefined)}
                            error={message(lineErrors?.productId?.message ?? lineErrors?.uom?.message)}
                          />
                          {item && (item.packSize || item.minimumQuantity) && (
                            <Text size="xs" c="dimmed" mt={2}>
                              {t('purchasing.lines.packHint', {
                                pack: item.packSize ?? '—',
                                minimum: item.minimumQuantity ?? '—',
                                uom: item.uom,
                              })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Controller
                            control={control}
                            name={`lines.${index}.quantity`}
                            render={({ field }) => (
                              <NumberField
                                aria-label={t('purchasing.lines.quantityOf', { n })}
                                unit={value?.uom || undefined}
                                min={0}
                                minExclusive
                                decimals={4}
                                value={field.value}
                                onChange={field.onChange}
                                onBlur={field.onBlur}
                                ref={field.ref}
                                error={message(lineErrors?.quantity?.message)}
                              />
                            )}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Controller
                            control={control}
                            name={`lines.${index}.expectedDate`}
                            render={({ field }) => (
                              <DateField
                                aria-label={t('purchasing.lines.expectedOf', { n })}
                                clearable
                                value={field.value}
                                onChange={field.onChange}
                                onBlur={field.onBlur}
                                ref={field.ref}
                                error={message(lineErrors?.expectedDate?.message)}
                              />
                            )}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Controller
                            control={control}
                            name={`lines.${index}.unitPrice`}
                            render={({ field }) => (
                              <NumberField
                                aria-label={t('purchasing.lines.priceOf', { n })}
                                unit="IDR"
                                whole={false}
                                min={0}
                                decimals={2}
                                value={field.value}
                                onChange={field.onChange}
                                onBlur={field.onBlur}
                                error={message(lineErrors?.unitPrice?.message)}
                              />
                            )}
                          />
                        </Table.Td>
                        <Table.Td>
                          <RemoveLineButton
                            label={t('purchasing.lines.removeOf', { n })}
                            tooltip={t('purchasing.lines.remove')}
                            disabled={lines.fields.length === 1}
                            onClick={() => lines.remove(index)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </DocumentLines>
        <DocumentFormFooter
          onCancel={() => void navigate(order ? `/purchasing/orders/${order.id}` : '/purchasing')}
          submitLabel={order ? t('common.saveChanges') : t('purchasing.create')}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
