import { zodResolver } from '@hookform/resolvers/zod';
import { ApiError } from '@kapok/api-client';
import { DESTINATIONS, exFactoryDate, factoryToday, isIsoWeek } from '@kapok/contracts';
import { Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatFactoryDay } from '../../../lib/time';
import { useNavigate, useParams } from 'react-router';
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
import { salesQueries, useSaveSalesOrder, type SalesOrder } from '../api';
import { salesOrderSchema, type SalesOrderOutput, type SalesOrderValues } from './sales-order-schema';
import { weekOptions } from './weeks';

const emptyLine = (week: string): SalesOrderValues['lines'][number] => ({
  productId: '',
  deliveryWeek: week,
  destination: '' as never,
  quantity: Number.NaN,
});

const valuesOf = (order: SalesOrder | undefined, firstWeek: string): SalesOrderValues =>
  order
    ? {
        customerId: order.customer.id,
        customerPo: order.customerPo,
        orderDate: order.orderDate,
        notes: order.notes ?? '',
        lines: order.lines.map((l) => ({
          productId: l.productId,
          deliveryWeek: l.deliveryWeek,
          destination: l.destination,
          quantity: l.quantity,
        })),
      }
    : { customerId: '', customerPo: '', orderDate: factoryToday(), notes: '', lines: [emptyLine(firstWeek)] };

/** New sales order, or the edit of a draft: header and a grid of article × week × destination lines. */
export function SalesOrderFormPage() {
  const { id } = useParams();
  const order = useQuery({ ...salesQueries.detail(id ?? ''), enabled: !!id });
  if (!id) return <SalesOrderForm />;
  return (
    <QueryPage query={order}>
      {(so) => (so.editable ? <SalesOrderForm order={so} /> : <NotFoundPage />)}
    </QueryPage>
  );
}

function SalesOrderForm({ order }: { order?: SalesOrder }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const customers = useQuery(salesQueries.customers());
  const articles = useQuery(salesQueries.articles());
  const save = useSaveSalesOrder();
  const { keyFor } = useActionKey();
  const weeks = useMemo(() => weekOptions(26, order?.lines.map((l) => l.deliveryWeek) ?? []), [order]);
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm<SalesOrderValues, unknown, SalesOrderOutput>({
    resolver: zodResolver(salesOrderSchema),
    defaultValues: valuesOf(order, weeks[1] ?? weeks[0]!),
  });
  const lines = useFieldArray({ control, name: 'lines' });
  const guard = useUnsavedChangesGuard(isDirty);
  const customerId = useWatch({ control, name: 'customerId' });
  const watchedLines = useWatch({ control, name: 'lines' });
  const customer = customers.data?.find((c) => c.id === customerId);
  const message = (key?: string) => (key ? t(key) : undefined);

  const articleOptions = (articles.data ?? []).map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }));
  const send = (v: SalesOrderOutput) => {
    const body = {
      customerId: v.customerId,
      customerPo: v.customerPo,
      orderDate: v.orderDate,
      ...(v.notes ? { notes: v.notes } : {}),
      lines: v.lines,
    };
    save.mutate(
      { id: order?.id, version: order?.version, body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('sales.saved', { number: saved.number }) });
          guard.release();
          void navigate(`/sales/orders/${saved.id}`);
        },
        onError: (error) => {
          for (const [field, text] of Object.entries(fieldErrors(error)))
            setError(field as Path<SalesOrderValues>, { type: 'server', message: text });
          if (error instanceof ApiError && error.code === 'DUPLICATE_CUSTOMER_PO')
            setError('customerPo', { type: 'server', message: describeError(error, t, 'sales').message });
        },
      },
    );
  };
  const placed =
    Object.keys(fieldErrors(save.error)).length > 0 ||
    (save.error instanceof ApiError && save.error.code === 'DUPLICATE_CUSTOMER_PO');

  return (
    <form onSubmit={(e) => void handleSubmit(send)(e)} noValidate>
      {guard.dialog}
      <DocumentFormHeader
        backTo={order ? `/sales/orders/${order.id}` : '/sales'}
        backLabel={order ? order.number : t('sales.back')}
        title={order ? t('sales.editTitle', { number: order.number }) : t('sales.new')}
        description={t('sales.formHint')}
        error={save.error && !placed ? describeError(save.error, t, 'sales').message : null}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Controller
              control={control}
              name="customerId"
              render={({ field }) => (
                <Select
                  label={t('sales.fields.customer')}
                  withAsterisk
                  searchable
                  data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  onBlur={field.onBlur}
                  nothingFoundMessage={t('sales.noCustomers')}
                  description={customer ? t('sales.transitHint', { count: customer.transitDays }) : undefined}
                  error={message(errors.customerId?.message)}
                />
              )}
            />
            <TextInput
              label={t('sales.fields.customerPo')}
              withAsterisk
              error={message(errors.customerPo?.message)}
              {...register('customerPo')}
            />
            <Controller
              control={control}
              name="orderDate"
              render={({ field }) => (
                <DateField
                  label={t('sales.fields.orderDate')}
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
          <Textarea mt="sm" label={t('sales.fields.notes')} rows={2} {...register('notes')} />
        </Paper>
        <DocumentLines
          title={t('sales.lines.title')}
          addLabel={t('sales.lines.add')}
          onAdd={() => {
            const last = watchedLines.at(-1);
            lines.append({ ...emptyLine(last?.deliveryWeek ?? weeks[0]!), productId: last?.productId ?? '' });
          }}
          error={message(errors.lines?.root?.message ?? errors.lines?.message)}
        >
          <Table.ScrollContainer minWidth={720}>
            <Table className="kapok-sticky-last" aria-label={t('sales.lines.title')} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  <Table.Th>{t('sales.fields.article')}</Table.Th>
                  <Table.Th w={140}>{t('sales.fields.deliveryWeek')}</Table.Th>
                  <Table.Th w={100}>{t('sales.fields.destination')}</Table.Th>
                  <Table.Th w={150}>{t('sales.fields.quantity')}</Table.Th>
                  <Table.Th w={110}>{t('sales.fields.exFactory')}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.fields.map((line, index) => {
                  const week = watchedLines[index]?.deliveryWeek ?? '';
                  const lineErrors = errors.lines?.[index];
                  const n = index + 1;
                  return (
                    <Table.Tr key={line.id} style={{ verticalAlign: 'top' }}>
                      <Table.Td pt={14}>{n}</Table.Td>
                      <Table.Td>
                        <Controller
                          control={control}
                          name={`lines.${index}.productId`}
                          render={({ field }) => (
                            <Select
                              aria-label={t('sales.lines.articleOf', { n })}
                              placeholder={t('sales.lines.articlePlaceholder')}
                              searchable
                              data={articleOptions}
                              value={field.value || null}
                              onChange={(v) => field.onChange(v ?? '')}
                              onBlur={field.onBlur}
                              error={message(lineErrors?.productId?.message)}
                            />
                          )}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Controller
                          control={control}
                          name={`lines.${index}.deliveryWeek`}
                          render={({ field }) => (
                            <Select
                              aria-label={t('sales.lines.weekOf', { n })}
                              searchable
                              data={weeks}
                              value={field.value || null}
                              onChange={(v) => field.onChange(v ?? '')}
                              onBlur={field.onBlur}
                              error={message(lineErrors?.deliveryWeek?.message)}
                            />
                          )}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Controller
                          control={control}
                          name={`lines.${index}.destination`}
                          render={({ field }) => (
                            <Select
                              aria-label={t('sales.lines.destinationOf', { n })}
                              data={DESTINATIONS.map((d) => ({ value: d, label: d }))}
                              value={field.value || null}
                              onChange={(v) => field.onChange(v ?? '')}
                              onBlur={field.onBlur}
                              error={message(lineErrors?.destination?.message)}
                            />
                          )}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Controller
                          control={control}
                          name={`lines.${index}.quantity`}
                          render={({ field }) => (
                            <NumberField
                              aria-label={t('sales.lines.quantityOf', { n })}
                              unit="PCS"
                              min={1}
                              value={field.value}
                              onChange={field.onChange}
                              onBlur={field.onBlur}
                              ref={field.ref}
                              error={message(lineErrors?.quantity?.message)}
                            />
                          )}
                        />
                      </Table.Td>
                      <Table.Td pt={14}>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`ex-factory-${n}`}>
                          {customer && isIsoWeek(week)
                            ? formatFactoryDay(exFactoryDate(week, customer.transitDays), i18n.language)
                            : '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RemoveLineButton
                          label={t('sales.lines.removeOf', { n })}
                          tooltip={t('sales.lines.remove')}
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
          <Text size="xs" c="dimmed" mt="xs">
            {t('sales.lines.exFactoryHint')}
          </Text>
        </DocumentLines>
        <DocumentFormFooter
          onCancel={() => void navigate(order ? `/sales/orders/${order.id}` : '/sales')}
          submitLabel={order ? t('common.saveChanges') : t('sales.create')}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
