import { DESTINATIONS, type Destination, type ShipmentAction, type ShipmentState } from '@kapok/contracts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useRoutes } from 'react-router';
import { NotFoundPage } from '../../components/AccessPages';
import { DocumentActions, type DocumentAction } from '../../components/DocumentActions';
import { QueryPage } from '../../components/QueryPage';
import { useActionKey } from '../../lib/action-key';
import { usePermission } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { formatQuantity } from '../../lib/quantity';
import { formatDateTime } from '../../lib/time';
import { salesQueries } from '../sales/api';
import {
  openDocument,
  shippingQueries,
  useCreateShipment,
  useShipmentTransition,
  type Shipment,
  type ShipmentDocument,
} from './api';

/** The shipping module: shipments (list, new from open order lines, one page per shipment). */
export function ShippingPage() {
  return useRoutes([
    { index: true, element: <ShipmentListPage /> },
    { path: 'shipments/new', element: <NewShipmentPage /> },
    { path: 'shipments/:id', element: <ShipmentDetailPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}

const STATE_COLOR: Record<ShipmentState, string> = {
  DRAFT: 'gray',
  PICKED: 'blue',
  SHIPPED: 'green',
  CANCELLED: 'red',
};

export function ShipmentStateBadge({ state }: { state: ShipmentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" miw="max-content" data-testid="shipment-state">
      {t(`shipping.state.${state}`)}
    </Badge>
  );
}

function ShipmentListPage() {
  const { t, i18n } = useTranslation();
  const canCreate = usePermission('shipping.create');
  const [state, setState] = useState<ShipmentState | undefined>();
  const list = useQuery(shippingQueries.list({ state, skip: 0, limit: 100 }));
  return (
    <>
      <title>{`${t('shipping.title')} · Kapok`}</title>
      <Group justify="space-between" mb="md">
        <Title order={2}>{t('shipping.title')}</Title>
        {canCreate && (
          <Button component={Link} to="/shipping/shipments/new" leftSection={<IconPlus size={16} />}>
            {t('shipping.new')}
          </Button>
        )}
      </Group>
      <Select
        mb="md"
        w={220}
        clearable
        label={t('shipping.fields.state')}
        data={(['DRAFT', 'PICKED', 'SHIPPED', 'CANCELLED'] as const).map((s) => ({
          value: s,
          label: t(`shipping.state.${s}`),
        }))}
        value={state ?? null}
        onChange={(v) => setState((v as ShipmentState | null) ?? undefined)}
      />
      <QueryPage query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('shipping.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label={t('shipping.title')} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('shipping.fields.number')}</Table.Th>
                    <Table.Th>{t('shipping.fields.customer')}</Table.Th>
                    <Table.Th>{t('shipping.fields.state')}</Table.Th>
                    <Table.Th ta="right">{t('shipping.fields.quantity')}</Table.Th>
                    <Table.Th ta="right">{t('shipping.fields.cartons')}</Table.Th>
                    <Table.Th ta="right">{t('shipping.fields.pallets')}</Table.Th>
                    <Table.Th>{t('shipping.fields.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/shipping/shipments/${s.id}`} ff="monospace">
                          {s.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{s.customer.name}</Table.Td>
                      <Table.Td>
                        <ShipmentStateBadge state={s.state} />
                      </Table.Td>
                      <Table.Td ta="right">{formatQuantity(s.totalQuantity, 'PCS', i18n.language)}</Table.Td>
                      <Table.Td ta="right">{s.cartonCount}</Table.Td>
                      <Table.Td ta="right">{s.palletCount}</Table.Td>
                      <Table.Td>{formatDateTime(s.createdAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryPage>
    </>
  );
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
                <Table.ScrollContainer minWidth={860}>
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
                            <Text size="sm" ff="monospace">
                              {l.soNumber} / {l.lineNo}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('shipping.fields.customerPo')} {l.customerPo}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={600} ff="monospace">
                              {l.productCode}
                            </Text>
                            <Text size="xs" c="dimmed" lineClamp={1}>
                              {l.productName}
                            </Text>
                          </Table.Td>
                          <Table.Td>{l.deliveryWeek}</Table.Td>
                          <Table.Td>
                            <Badge variant="outline" miw="max-content">
                              {l.destination}
                            </Badge>
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
    <>
      <title>{`${s.number} · Kapok`}</title>
      <Anchor component={Link} to="/shipping" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {t('shipping.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {s.number}
            </Title>
            <ShipmentStateBadge state={s.state} />
          </Group>
          <Text c="dimmed">
            {s.customer.code} · {s.customer.name} · {formatQuantity(s.totalQuantity, 'PCS', lang)}
          </Text>
        </Stack>
        <DocumentActions
          actions={actions}
          pending={transition.isPending ? (transition.variables?.action ?? null) : null}
          onRun={run}
        />
      </Group>
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
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('shipping.fields.lines')}
          </Title>
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label={t('shipping.fields.lines')} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  <Table.Th>{t('shipping.fields.order')}</Table.Th>
                  <Table.Th>{t('shipping.fields.article')}</Table.Th>
                  <Table.Th>{t('shipping.fields.destination')}</Table.Th>
                  <Table.Th ta="right">{t('shipping.fields.quantity')}</Table.Th>
                  <Table.Th>{t('shipping.fields.lots')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.lineNo}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/sales/orders/${l.salesOrderId}`}
                        size="sm"
                        ff="monospace"
                      >
                        {l.soNumber} / {l.salesOrderLineNo}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('shipping.fields.customerPo')} {l.customerPo}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} ff="monospace">
                        {l.productCode}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {l.productName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" miw="max-content">
                        {l.destination}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatQuantity(l.quantity, 'PCS', lang)}</Table.Td>
                    <Table.Td>
                      {l.picks.length === 0
                        ? '—'
                        : l.picks.map((p) => (
                            <Text key={`${p.lotId}-${p.productionWeek}`} size="xs" ff="monospace">
                              {p.lotNumber ?? '—'} · {p.productionWeek} ·{' '}
                              {formatQuantity(p.quantity, 'PCS', lang)}
                            </Text>
                          ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('shipping.plan.title')}
          </Title>
          {!packed ? (
            <Text c="dimmed">{t('shipping.plan.notYet')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
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
                              <Text size="sm" fw={600}>
                                {p.no} · {p.cartons} {t('shipping.fields.cartons').toLowerCase()} ·{' '}
                                {formatQuantity(p.quantity, 'PCS', lang)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {c.no}{' '}
                            {c.partial && (
                              <Badge size="xs" color="orange" variant="light">
                                {t('shipping.fields.partial')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td ff="monospace">{c.productCode}</Table.Td>
                          <Table.Td>{c.destination}</Table.Td>
                          <Table.Td>{c.week}</Table.Td>
                          <Table.Td ta="right">{formatQuantity(c.quantity, 'PCS', lang)}</Table.Td>
                          <Table.Td ff="monospace">{c.barcode}</Table.Td>
                        </Table.Tr>
                      )),
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </Stack>
    </>
  );
}

/** The shipments of one sales order, for its page. */
export function SalesOrderShipments({ salesOrderId }: { salesOrderId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuery(shippingQueries.list({ salesOrderId, skip: 0, limit: 50 }));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('shipping.salesOrder.title')}
      </Title>
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('shipping.salesOrder.none')}</Text>}
      <Stack gap={4}>
        {list.data?.items.map((s) => (
          <Group key={s.id} gap="sm">
            <Anchor component={Link} to={`/shipping/shipments/${s.id}`} ff="monospace" size="sm">
              {s.number}
            </Anchor>
            <ShipmentStateBadge state={s.state} />
            <Text size="sm" c="dimmed">
              {formatQuantity(s.totalQuantity, 'PCS', i18n.language)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
