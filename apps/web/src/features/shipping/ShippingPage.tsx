import { DESTINATIONS, type Destination, type ShipmentAction } from '@kapok/contracts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useRoutes } from 'react-router';
import { NotFoundPage } from '../../components/AccessPages';
import { DocumentActions, type DocumentAction } from '../../components/DocumentActions';
import { ArticleCell, DocumentView } from '../../components/DocumentView';
import { QueryPage } from '../../components/QueryPage';
import { useActionKey } from '../../lib/action-key';
import { describeError } from '../../lib/errors';
import { formatQuantity } from '../../lib/quantity';
import { salesQueries } from '../sales/api';
import {
  openDocument,
  shippingQueries,
  useCreateShipment,
  useShipmentTransition,
  type Shipment,
  type ShipmentDocument,
  type ShipmentSummary,
} from './api';
import { DataTable } from '../../components/data-table';
import { DestinationBadge, OrderLineCell } from './components/LineCells';
import { ShipmentListPage } from './components/ShipmentListPage';
import { ShipmentStateBadge } from './components/ShipmentStateBadge';
import { useShipmentColumns } from './components/shipment-columns';

/** The shipping module: shipments (list, new from open order lines, one page per shipment). */
export function ShippingPage() {
  return useRoutes([
    { index: true, element: <ShipmentListPage /> },
    { path: 'shipments/new', element: <NewShipmentPage /> },
    { path: 'shipments/:id', element: <ShipmentDetailPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}

function NewShipmentPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const customers = useQuery(salesQueries.customers());
  const [customerId, setCustomerId] = useState('');
  const [week, setWeek] = useState('');
  const [destination, setDestination] = useState<Destination | undefined>();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const validWeek = /^\d{4}-W\d{2}$/.test(week) ? week : undefined;
  const lines = useQuery(shippingQueries.openLines(customerId, validWeek, destination));
  const create = useCreateShipment();
  const { keyFor, forget } = useActionKey();
  const chosen = Object.entries(quantities).filter(([, q]) => q > 0);

  const submit = () => {
    if (chosen.length === 0) {
      notifications.show({ color: 'red', message: t('shipping.form.nothing') });
      return;
    }
    const body = {
      customerId,
      lines: chosen.map(([salesOrderLineId, quantity]) => ({ salesOrderLineId, quantity })),
    };
    create.mutate(
      { body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (s) => {
          forget();
          notifications.show({ color: 'green', message: t('shipping.done.created', { number: s.number }) });
          void navigate(`/shipping/shipments/${s.id}`);
        },
        onError: (error) =>
          notifications.show({ color: 'red', message: describeError(error, t, 'shipping').message }),
      },
    );
  };

  return (
    <>
      <title>{`${t('shipping.new')} · Kapok`}</title>
      <Anchor component={Link} to="/shipping" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {t('shipping.back')}
      </Anchor>
      <Title order={2} mb="md">
        {t('shipping.new')}
      </Title>
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select
          w={280}
          searchable
          label={t('shipping.form.customer')}
          data={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
          value={customerId || null}
          onChange={(v) => {
            setCustomerId(v ?? '');
            setQuantities({});
          }}
          data-testid="shipment-customer"
        />
        <TextInput
          w={160}
          label={t('shipping.form.week')}
          placeholder="2027-W10"
          value={week}
          onChange={(e) => setWeek(e.currentTarget.value.trim())}
        />
        <Select
          w={160}
          clearable
          label={t('shipping.form.destination')}
          placeholder={t('shipping.form.any')}
          data={[...DESTINATIONS]}
          value={destination ?? null}
          onChange={(v) => setDestination((v as Destination | null) ?? undefined)}
        />
      </Group>
      {customerId !== '' && (
        <QueryPage query={lines}>
          {(open) =>
            open.length === 0 ? (
              <Text c="dimmed">{t('shipping.form.noLines')}</Text>
            ) : (
              <Paper withBorder p="md" radius="md">
                <Table.ScrollContainer minWidth={680}>
                  <Table aria-label={t('shipping.fields.lines')} verticalSpacing={6}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('shipping.fields.order')}</Table.Th>
                        <Table.Th>{t('shipping.fields.article')}</Table.Th>
                        <Table.Th>{t('shipping.fields.deliveryWeek')}</Table.Th>
                        <Table.Th>{t('shipping.fields.destination')}</Table.Th>
                        <Table.Th ta="right">{t('shipping.fields.open')}</Table.Th>
                        <Table.Th w={140}>{t('shipping.fields.toShip')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {open.map((l) => (
                        <Table.Tr key={l.id}>
                          <Table.Td>
                            <OrderLineCell
                              soNumber={l.soNumber}
                              lineNo={l.lineNo}
                              customerPo={l.customerPo}
                            />
                          </Table.Td>
                          <Table.Td>
                            <ArticleCell code={l.productCode} name={l.productName} />
                          </Table.Td>
                          <Table.Td>{l.deliveryWeek}</Table.Td>
                          <Table.Td>
                            <DestinationBadge destination={l.destination} />
                          </Table.Td>
                          <Table.Td ta="right">
                            {formatQuantity(l.availableQuantity, 'PCS', i18n.language)}
                          </Table.Td>
                          <Table.Td>
                            <NumberInput
                              aria-label={`${t('shipping.fields.toShip')} ${l.soNumber} / ${l.lineNo}`}
                              min={0}
                              max={l.availableQuantity}
                              allowDecimal={false}
                              allowNegative={false}
                              clampBehavior="none"
                              value={quantities[l.id] ?? ''}
                              onChange={(v) =>
                                setQuantities((q) => ({ ...q, [l.id]: typeof v === 'number' ? v : 0 }))
                              }
                            />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Group justify="flex-end" mt="md">
                  <Button onClick={submit} loading={create.isPending} disabled={chosen.length === 0}>
                    {t('shipping.form.create')}
                  </Button>
                </Group>
              </Paper>
            )
          }
        </QueryPage>
      )}
    </>
  );
}

function ShipmentDetailPage() {
  const { id = '' } = useParams();
  const shipment = useQuery(shippingQueries.detail(id));
  return <QueryPage query={shipment}>{(s) => <ShipmentView s={s} />}</QueryPage>;
}

const ORDER: ShipmentAction[] = ['pick', 'ship', 'cancel'];

function ShipmentView({ s }: { s: Shipment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const transition = useShipmentTransition();
  const { keyFor, forget } = useActionKey();
  const actions: DocumentAction<ShipmentAction>[] = ORDER.filter((a) => s.actions.includes(a)).map((a) => ({
    action: a,
    label: t(`shipping.actions.${a}`),
    confirm:
      a === 'pick'
        ? undefined
        : { title: t(`shipping.confirmAction.${a}Title`), body: t(`shipping.confirmAction.${a}Body`) },
  }));
  const run = (action: ShipmentAction) => {
    const request = { id: s.id, action, version: s.version };
    transition.mutate(
      { id: s.id, action, idempotencyKey: keyFor(request) },
      {
        onSuccess: (next) => {
          forget();
          notifications.show({
            color: 'green',
            message: t(`shipping.done.${action}`, { number: next.number }),
          });
        },
        onError: (error) =>
          notifications.show({ color: 'red', message: describeError(error, t, 'shipping').message }),
      },
    );
  };
  const open = (document: ShipmentDocument) =>
    openDocument(s.id, document).catch((error: unknown) =>
      notifications.show({ color: 'red', message: describeError(error, t, 'shipping').message }),
    );
  const packed = s.cartons.length > 0;

  return (
    <DocumentView
      number={s.number}
      back={{ to: '/shipping', label: t('shipping.back') }}
      badge={<ShipmentStateBadge state={s.state} />}
      subtitle={`${s.customer.code} · ${s.customer.name} · ${formatQuantity(s.totalQuantity, 'PCS', lang)}`}
      actions={
        <DocumentActions
          actions={actions}
          pending={transition.isPending ? (transition.variables?.action ?? null) : null}
          onRun={run}
        />
      }
      notice={
        <Group mb="lg" gap="sm">
          {(['deliveryNote', 'cartonLabels', 'palletLabels'] as const).map((d) => (
            <Button
              key={d}
              variant="default"
              leftSection={<IconFileTypePdf size={16} />}
              disabled={d !== 'deliveryNote' && !packed}
              onClick={() => void open(d)}
            >
              {t(`shipping.documents.${d}`)}
            </Button>
          ))}
        </Group>
      }
      lines={{
        title: t('shipping.fields.lines'),
        minWidth: 680,
        rows: s.lines,
        columns: [
          {
            header: t('shipping.fields.order'),
            cell: (l) => (
              <OrderLineCell
                soNumber={l.soNumber}
                lineNo={l.salesOrderLineNo}
                customerPo={l.customerPo}
                salesOrderId={l.salesOrderId}
              />
            ),
          },
          {
            header: t('shipping.fields.article'),
            cell: (l) => <ArticleCell code={l.productCode} name={l.productName} />,
          },
          {
            header: t('shipping.fields.destination'),
            cell: (l) => <DestinationBadge destination={l.destination} />,
          },
          {
            header: t('shipping.fields.quantity'),
            align: 'right',
            cell: (l) => formatQuantity(l.quantity, 'PCS', lang),
          },
          {
            header: t('shipping.fields.lots'),
            cell: (l) =>
              l.picks.length === 0
                ? '—'
                : l.picks.map((p) => (
                    <div key={`${p.lotId}-${p.productionWeek}`}>
                      <Text size="xs" ff="monospace">
                        {p.lotNumber ?? '—'}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.productionWeek} · {formatQuantity(p.quantity, 'PCS', lang)}
                      </Text>
                    </div>
                  )),
          },
        ],
      }}
    >
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          {t('shipping.plan.title')}
        </Title>
        {!packed ? (
          <Text c="dimmed">{t('shipping.plan.notYet')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table aria-label={t('shipping.plan.title')} verticalSpacing={4} data-testid="packing-plan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('shipping.fields.pallet')}</Table.Th>
                  <Table.Th>{t('shipping.fields.carton')}</Table.Th>
                  <Table.Th>{t('shipping.fields.article')}</Table.Th>
                  <Table.Th>{t('shipping.fields.destination')}</Table.Th>
                  <Table.Th>{t('shipping.fields.productionWeek')}</Table.Th>
                  <Table.Th ta="right">{t('shipping.fields.quantity')}</Table.Th>
                  <Table.Th>{t('shipping.fields.barcode')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.pallets.map((p) =>
                  s.cartons
                    .filter((c) => c.palletNo === p.no)
                    .map((c, i) => (
                      <Table.Tr key={c.no}>
                        <Table.Td>
                          {i === 0 && (
                            <>
                              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                                {t('shipping.plan.pallet', { no: p.no })}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {t('shipping.plan.cartons', { count: p.cartons })} ·{' '}
                                {formatQuantity(p.quantity, 'PCS', lang)}
                              </Text>
                            </>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {c.no}{' '}
                          {c.partial && (
                            <Badge size="xs" color="orange" variant="light" miw="max-content">
                              {t('shipping.fields.partial')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td ff="monospace">{c.productCode}</Table.Td>
                        <Table.Td>{c.destination}</Table.Td>
                        <Table.Td>{c.week}</Table.Td>
                        <Table.Td ta="right">{formatQuantity(c.quantity, 'PCS', lang)}</Table.Td>
                        <Table.Td ff="monospace" fz="xs">
                          {c.barcode}
                        </Table.Td>
                      </Table.Tr>
                    )),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </DocumentView>
  );
}

const ON_SALES_ORDER = ['number', 'quantity', 'cartons', 'shipped', 'state'];

/** The shipments of one sales order, for its page. */
export function SalesOrderShipments({ salesOrderId }: { salesOrderId: string }) {
  const { t } = useTranslation();
  const list = useQuery(shippingQueries.list({ salesOrderId, skip: 0, limit: 50 }));
  const columns = useShipmentColumns().filter((c) => ON_SALES_ORDER.includes(c.id));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('shipping.salesOrder.title')}
      </Title>
      <DataTable<ShipmentSummary>
        tableId="sales.order.shipments"
        label={t('shipping.salesOrder.title')}
        columns={columns}
        rows={list.data?.items}
        rowId={(s) => s.id}
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        minWidth={560}
        whiteSpace="nowrap"
        skeletonRows={2}
        empty={
          <Text c="dimmed" size="sm">
            {t('shipping.salesOrder.none')}
          </Text>
        }
      />
    </Paper>
  );
}
