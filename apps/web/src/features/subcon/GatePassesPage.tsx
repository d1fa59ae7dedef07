import {
  GATE_PASS_CUSTOMS,
  type GatePassDirection,
  type GatePassState,
  GATE_PASS_STATES,
} from '@kapok/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertOctagon,
  IconArrowLeft,
  IconFileTypePdf,
  IconLogin2,
  IconLogout2,
  IconTruck,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useRoutes, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../components/AccessPages';
import { DataTable, type DataColumn } from '../../components/data-table';
import { NumberField } from '../../components/NumberField';
import { PageHeader } from '../../components/PageHeader';
import { QueryPage } from '../../components/QueryPage';
import { stateBadge } from '../../components/StateBadge';
import { useActionKey } from '../../lib/action-key';
import { usePermission } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { formatQuantity } from '../../lib/quantity';
import { formatDateTime } from '../../lib/time';
import { partnerQueries } from '../partners/api';
import {
  openGatePassPdf,
  subconQueries,
  useCancelGatePass,
  useCountGatePass,
  useCreateGatePass,
  useGatePassToLine,
  type GatePass,
  type SubconWorkOrder,
} from './api';

const PAGE_SIZE = 25;
const STATE_COLORS: Record<GatePassState, string> = {
  DRAFT: 'gray',
  HOLD: 'red',
  RELEASED: 'green',
  CANCELLED: 'dark',
};
export const GatePassStateBadge = stateBadge<GatePassState>('subcon.states', STATE_COLORS);

function DirectionBadge({ direction }: { direction: GatePassDirection }) {
  const { t } = useTranslation();
  return (
    <Badge
      miw="max-content"
      variant="outline"
      color={direction === 'OUT' ? 'grape' : 'teal'}
      leftSection={direction === 'OUT' ? <IconLogout2 size={12} /> : <IconLogin2 size={12} />}
    >
      {t(`subcon.directions.${direction}`)}
    </Badge>
  );
}

/** Gate passes of the subcontract route, for the warehouse and security at the gate (tablet first). */
export function GatePassesPage() {
  return useRoutes([
    { index: true, element: <GatePassListPage /> },
    { path: 'new', element: <NewGatePassPage /> },
    { path: ':id', element: <GatePassDetailPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}

const isState = (v: string | null): v is GatePassState => GATE_PASS_STATES.includes(v as GatePassState);

function GatePassListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canCreate = usePermission('warehouse.create');
  const [params, setParams] = useSearchParams();
  const directionParam = params.get('direction');
  const direction = directionParam === 'OUT' || directionParam === 'IN' ? directionParam : undefined;
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const [page, setPage] = useState(1);
  const passes = useQuery(
    subconQueries.list({ direction, state, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
  );
  const workOrders = useQuery(subconQueries.workOrders());
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };

  const columns: DataColumn<GatePass>[] = [
    {
      id: 'number',
      header: t('subcon.fields.number'),
      alwaysVisible: true,
      sortValue: (p) => p.number,
      cell: (p) => (
        <Anchor
          component={Link}
          to={`/warehouse/gate-passes/${p.id}`}
          fw={600}
          ff="monospace"
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          {p.number}
        </Anchor>
      ),
    },
    {
      id: 'direction',
      header: t('subcon.fields.direction'),
      sortValue: (p) => p.direction,
      csv: (p) => t(`subcon.directions.${p.direction}`),
      cell: (p) => <DirectionBadge direction={p.direction} />,
    },
    {
      id: 'state',
      header: t('subcon.fields.state'),
      alwaysVisible: true,
      sortValue: (p) => GATE_PASS_STATES.indexOf(p.state),
      csv: (p) => t(`subcon.states.${p.state}`),
      cell: (p) => <GatePassStateBadge state={p.state} />,
    },
    {
      id: 'partner',
      header: t('subcon.fields.partner'),
      sortValue: (p) => p.partner.name,
      cell: (p) => (
        <Text size="sm" lineClamp={2} maw={200}>
          {p.partner.name}
        </Text>
      ),
    },
    {
      id: 'batch',
      header: t('subcon.fields.batch'),
      sortValue: (p) => p.batchNumber,
      cell: (p) => (
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
          {p.batchNumber}
        </Text>
      ),
    },
    {
      id: 'vehicle',
      header: t('subcon.fields.vehicle'),
      hiddenByDefault: true,
      sortValue: (p) => p.vehicleNumber,
      cell: (p) => p.vehicleNumber,
    },
    {
      id: 'quantity',
      header: t('subcon.fields.lines'),
      hiddenByDefault: true,
      align: 'right',
      sortValue: (p) => p.lines.length,
      cell: (p) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('subcon.lineCount', { count: p.lines.length })}
        </Text>
      ),
    },
    {
      id: 'createdAt',
      header: t('subcon.fields.createdAt'),
      hiddenByDefault: true,
      sortValue: (p) => p.createdAt,
      cell: (p) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(p.createdAt, lang)}
        </Text>
      ),
    },
  ];

  const outColumns: DataColumn<SubconWorkOrder>[] = [
    {
      id: 'batch',
      header: t('subcon.fields.batch'),
      alwaysVisible: true,
      sortValue: (w) => w.batchNumber,
      cell: (w) => (
        <Text size="sm" ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {w.batchNumber}
        </Text>
      ),
    },
    {
      id: 'panels',
      header: t('subcon.fields.panels'),
      sortValue: (w) => w.input?.code ?? '',
      cell: (w) => (
        <Text size="sm" lineClamp={1}>
          {w.input ? `${w.input.code} · ${w.input.name}` : t('common.none')}
        </Text>
      ),
    },
    {
      id: 'sent',
      header: t('subcon.fields.sent'),
      align: 'right',
      sortValue: (w) => w.sentQuantity,
      cell: (w) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatQuantity(w.sentQuantity, w.input?.uom, lang)}
        </Text>
      ),
    },
    {
      id: 'returned',
      header: t('subcon.fields.returned'),
      align: 'right',
      sortValue: (w) => w.returnedQuantity,
      cell: (w) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatQuantity(w.returnedQuantity, w.output?.uom, lang)}
        </Text>
      ),
    },
    {
      id: 'atSubcontractor',
      header: t('subcon.fields.atSubcontractor'),
      align: 'right',
      alwaysVisible: true,
      sortValue: (w) => w.sentQuantity - w.returnedQuantity,
      cell: (w) => (
        <Text size="sm" fw={700} c={w.sentQuantity > w.returnedQuantity ? 'grape.8' : undefined}>
          {formatQuantity(w.sentQuantity - w.returnedQuantity, w.input?.uom, lang)}
        </Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('subcon.title')}
        description={t('subcon.description')}
        actions={
          canCreate ? (
            <Group gap="sm">
              <Button
                component={Link}
                to="/warehouse/gate-passes/new?direction=OUT"
                color="grape"
                leftSection={<IconLogout2 size={16} />}
              >
                {t('subcon.newOut')}
              </Button>
              <Button
                component={Link}
                to="/warehouse/gate-passes/new?direction=IN"
                color="teal"
                leftSection={<IconLogin2 size={16} />}
              >
                {t('subcon.newIn')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <Paper p="md" radius="md">
          <DataTable<GatePass>
            toolbar={
              <>
                <SegmentedControl
                  aria-label={t('subcon.fields.direction')}
                  value={direction ?? 'ALL'}
                  onChange={(v) => set('direction', v === 'ALL' ? undefined : v)}
                  data={[
                    { value: 'ALL', label: t('subcon.all') },
                    { value: 'OUT', label: t('subcon.directions.OUT') },
                    { value: 'IN', label: t('subcon.directions.IN') },
                  ]}
                />
                <Select
                  w={180}
                  aria-label={t('subcon.fields.state')}
                  placeholder={t('subcon.allStates')}
                  data={GATE_PASS_STATES.map((s) => ({ value: s, label: t(`subcon.states.${s}`) }))}
                  value={state ?? null}
                  onChange={(v) => set('state', v ?? undefined)}
                  clearable
                />
              </>
            }
            tableId="subcon.gate-passes"
            label={t('subcon.title')}
            columns={columns}
            rows={passes.data?.items}
            rowId={(p) => p.id}
            rowProps={(p) =>
              p.state === 'HOLD' ? { style: { backgroundColor: 'var(--mantine-color-red-light)' } } : {}
            }
            loading={passes.isPending}
            error={passes.error}
            onRetry={() => void passes.refetch()}
            stale={passes.isPlaceholderData}
            minWidth={660}
            csvFileName="gate-passes"
            paging={{ page, pageSize: PAGE_SIZE, total: passes.data?.total ?? 0, onPageChange: setPage }}
            footnote={t('common.timeZoneNote')}
            empty={
              <EmptyState
                py="xl"
                variant="light"
                color="gray"
                icon={<IconTruck />}
                title={t('subcon.empty')}
                description={t('subcon.emptyBody')}
              />
            }
          />
        </Paper>
        <Paper p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('subcon.consignment')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('subcon.consignmentHint')}
            </Text>
            <DataTable<SubconWorkOrder>
              tableId="subcon.consignment"
              label={t('subcon.consignment')}
              columns={outColumns}
              rows={workOrders.data}
              rowId={(w) => w.id}
              loading={workOrders.isPending}
              error={workOrders.error}
              onRetry={() => void workOrders.refetch()}
              minWidth={640}
              empty={
                <EmptyState
                  py="lg"
                  variant="light"
                  color="gray"
                  icon={<IconTruck />}
                  title={t('subcon.noWorkOrders')}
                  description={t('subcon.noWorkOrdersBody')}
                />
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

interface DraftLine {
  productId: string;
  kind: 'WIP' | 'MATERIAL';
  label: string;
  uom: string;
  quantity: number | null;
}

/** The lines a new pass may carry: panels and supporting material out, the sewn goods back in. */
function linesFor(direction: GatePassDirection, wo: SubconWorkOrder | undefined): DraftLine[] {
  if (!wo) return [];
  if (direction === 'IN')
    return wo.output
      ? [
          {
            productId: wo.output.id,
            kind: 'WIP' as const,
            label: `${wo.output.code} · ${wo.output.name}`,
            uom: wo.output.uom,
            quantity: Math.max(0, wo.sentQuantity - wo.returnedQuantity) || null,
          },
        ]
      : [];
  return [
    ...(wo.input
      ? [
          {
            productId: wo.input.id,
            kind: 'WIP' as const,
            label: `${wo.input.code} · ${wo.input.name}`,
            uom: wo.input.uom,
            quantity: Math.max(0, wo.inputQuantity - wo.sentQuantity) || null,
          },
        ]
      : []),
    ...wo.materials.map((m) => ({
      productId: m.id,
      kind: 'MATERIAL' as const,
      label: `${m.code} · ${m.name}`,
      uom: m.uom,
      quantity: null,
    })),
  ];
}

function NewGatePassPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const direction: GatePassDirection = params.get('direction') === 'IN' ? 'IN' : 'OUT';
  const workOrders = useQuery(subconQueries.workOrders());
  const canSeePartners = usePermission('partners.view');
  const partners = useQuery({ ...partnerQueries.options('SUBCONTRACTOR'), enabled: canSeePartners });
  const known = useQuery(subconQueries.list({ skip: 0, limit: 100 }));
  const create = useCreateGatePass();
  const { keyFor } = useActionKey();
  const [workOrderId, setWorkOrderId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [vehicle, setVehicle] = useState('');
  const [driver, setDriver] = useState('');
  const [customs, setCustoms] = useState('');
  const [deliveryNote, setDeliveryNote] = useState('');
  const [quantities, setQuantities] = useState<Record<string, number | null>>({});
  const wo = workOrders.data?.find((w) => w.id === workOrderId);
  const lines = linesFor(direction, wo).map((l) => ({
    ...l,
    quantity: l.productId in quantities ? quantities[l.productId]! : l.quantity,
  }));
  // Subcontractors: from the partner list, or (without partners.view) those the passes already name.
  const partnerOptions = canSeePartners
    ? (partners.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))
    : [...new Map((known.data?.items ?? []).map((p) => [p.partner.id, p.partner])).values()].map((p) => ({
        value: p.id,
        label: `${p.code} · ${p.name}`,
      }));
  const chosen = lines.filter((l) => l.quantity !== null && l.quantity !== 0);
  const invalid =
    !wo ||
    !partnerId ||
    vehicle.trim() === '' ||
    driver.trim() === '' ||
    (direction === 'IN' && deliveryNote.trim() === '') ||
    chosen.length === 0 ||
    chosen.some((l) => !Number.isFinite(l.quantity) || l.quantity! < 0);

  const submit = () => {
    if (invalid || !wo || !partnerId) return;
    const body = {
      direction,
      workOrderId: wo.id,
      partnerId,
      vehicleNumber: vehicle.trim(),
      driverName: driver.trim(),
      customsReference: customs.trim() || undefined,
      deliveryNote: direction === 'IN' ? deliveryNote.trim() : undefined,
      lines: chosen.map((l) => ({ productId: l.productId, quantity: l.quantity! })),
    };
    create.mutate(
      { body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (pass) => {
          notifications.show({ color: 'green', message: t('subcon.created', { number: pass.number }) });
          void navigate(`/warehouse/gate-passes/${pass.id}`);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t(direction === 'OUT' ? 'subcon.newOut' : 'subcon.newIn')}
        description={t(direction === 'OUT' ? 'subcon.newOutHint' : 'subcon.newInHint', {
          customs: GATE_PASS_CUSTOMS[direction],
        })}
        actions={
          <Button
            component={Link}
            to="/warehouse/gate-passes"
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
          >
            {t('subcon.back')}
          </Button>
        }
      />
      <Paper p="md" radius="md" maw={900}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              size="md"
              label={t('subcon.fields.workOrder')}
              placeholder={t('subcon.pickWorkOrder')}
              data={(workOrders.data ?? []).map((w) => ({
                value: w.id,
                label: `${w.batchNumber} · ${w.input?.code ?? ''}`,
              }))}
              value={workOrderId}
              onChange={(v) => {
                setWorkOrderId(v);
                setQuantities({});
              }}
              nothingFoundMessage={t('subcon.noWorkOrders')}
              searchable
            />
            <Select
              size="md"
              label={t('subcon.fields.partner')}
              placeholder={t('subcon.pickPartner')}
              data={partnerOptions}
              value={partnerId}
              onChange={setPartnerId}
              searchable
            />
            <TextInput
              size="md"
              label={t('subcon.fields.vehicle')}
              value={vehicle}
              onChange={(e) => setVehicle(e.currentTarget.value)}
              maxLength={30}
            />
            <TextInput
              size="md"
              label={t('subcon.fields.driver')}
              value={driver}
              onChange={(e) => setDriver(e.currentTarget.value)}
              maxLength={120}
            />
            <TextInput
              size="md"
              label={t('subcon.fields.customs', { document: GATE_PASS_CUSTOMS[direction] })}
              value={customs}
              onChange={(e) => setCustoms(e.currentTarget.value)}
              maxLength={60}
            />
            {direction === 'IN' && (
              <TextInput
                size="md"
                label={t('subcon.fields.deliveryNote')}
                description={t('subcon.deliveryNoteHint')}
                value={deliveryNote}
                onChange={(e) => setDeliveryNote(e.currentTarget.value)}
                maxLength={60}
              />
            )}
          </SimpleGrid>
          {wo && (
            <Stack gap="xs">
              <Title order={3} fz="md">
                {t('subcon.fields.lines')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('subcon.woFacts', {
                  received: formatQuantity(wo.inputQuantity, wo.input?.uom, lang),
                  sent: formatQuantity(wo.sentQuantity, wo.input?.uom, lang),
                  returned: formatQuantity(wo.returnedQuantity, wo.output?.uom, lang),
                })}
              </Text>
              {lines.map((l) => (
                <div key={l.productId} data-kind={l.kind}>
                  <NumberField
                    size="md"
                    label={l.label}
                    description={t(`subcon.kinds.${l.kind}`)}
                    unit={l.uom}
                    value={l.quantity}
                    onChange={(v) => setQuantities((q) => ({ ...q, [l.productId]: v }))}
                    min={0}
                  />
                </div>
              ))}
            </Stack>
          )}
          {create.error ? (
            <Alert color="red" variant="light" role="alert">
              {describeError(create.error, t).message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button
              size="md"
              color={direction === 'OUT' ? 'grape' : 'teal'}
              disabled={invalid}
              loading={create.isPending}
              onClick={submit}
            >
              {t('subcon.create')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}

function GatePassDetailPage() {
  const { id = '' } = useParams();
  const pass = useQuery(subconQueries.detail(id));
  return <QueryPage query={pass}>{(p) => <GatePassView pass={p} />}</QueryPage>;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

function GatePassView({ pass }: { pass: GatePass }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canCount = usePermission('warehouse.approve');
  const canCreate = usePermission('warehouse.create');
  const [cancelling, setCancelling] = useState(false);
  const toLine = useGatePassToLine();
  const { keyFor } = useActionKey();
  const open = pass.state === 'DRAFT' || pass.state === 'HOLD';
  const pdf = () =>
    openGatePassPdf(pass.id).catch(() =>
      notifications.show({ color: 'red', message: t('subcon.pdfFailed') }),
    );

  return (
    <>
      <PageHeader
        title={t('subcon.passTitle', { number: pass.number })}
        description={t(`subcon.directionHint.${pass.direction}`, { customs: pass.customsDocument })}
        actions={
          <Group gap="sm">
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => void pdf()}>
              {t('subcon.pdf')}
            </Button>
            <Button
              component={Link}
              to="/warehouse/gate-passes"
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
            >
              {t('subcon.back')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <Group gap="sm">
          <DirectionBadge direction={pass.direction} />
          <GatePassStateBadge state={pass.state} size="lg" data-testid="gate-pass-state" />
        </Group>
        {pass.state === 'HOLD' && (
          <Alert
            color="red"
            variant="filled"
            icon={<IconAlertOctagon />}
            title={t('subcon.holdTitle')}
            role="alert"
          >
            {t('subcon.holdBody', { count: pass.mismatches })}
          </Alert>
        )}
        {pass.state === 'CANCELLED' && pass.cancelReason && (
          <Alert color="gray" variant="light">
            {t('subcon.cancelledBecause', { reason: pass.cancelReason })}
          </Alert>
        )}
        <Paper p="md" radius="md">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }}>
            <Fact label={t('subcon.fields.partner')} value={`${pass.partner.code} · ${pass.partner.name}`} />
            <Fact label={t('subcon.fields.batch')} value={pass.batchNumber} />
            <Fact label={t('subcon.fields.vehicle')} value={pass.vehicleNumber} />
            <Fact label={t('subcon.fields.driver')} value={pass.driverName} />
            <Fact
              label={t('subcon.fields.customs', { document: pass.customsDocument })}
              value={pass.customsReference ?? t('common.none')}
            />
            {pass.direction === 'IN' && (
              <Fact label={t('subcon.fields.deliveryNote')} value={pass.deliveryNote ?? t('common.none')} />
            )}
            <Fact
              label={t('subcon.fields.countedBy')}
              value={
                pass.countedBy
                  ? `${pass.countedBy.fullName} · ${formatDateTime(pass.countedAt!, lang)}`
                  : t('subcon.notCounted')
              }
            />
            {pass.dueAt && <Fact label={t('subcon.fields.dueAt')} value={formatDateTime(pass.dueAt, lang)} />}
          </SimpleGrid>
        </Paper>
        <Paper p="md" radius="md">
          <Title order={2} fz="lg" mb="sm">
            {t('subcon.fields.lines')}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={t('subcon.fields.lines')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  <Table.Th>{t('subcon.fields.product')}</Table.Th>
                  <Table.Th ta="right">{t('subcon.fields.onPass')}</Table.Th>
                  <Table.Th ta="right">{t('subcon.fields.counted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pass.lines.map((l) => {
                  const differs = l.countedQuantity !== null && l.countedQuantity !== l.quantity;
                  return (
                    <Table.Tr key={l.id}>
                      <Table.Td>{l.lineNo}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600} ff="monospace">
                          {l.productCode}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {l.productName} · {t(`subcon.kinds.${l.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatQuantity(l.quantity, l.uom, lang)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" fw={differs ? 700 : undefined} c={differs ? 'red.8' : undefined}>
                          {l.countedQuantity === null
                            ? t('common.none')
                            : formatQuantity(l.countedQuantity, l.uom, lang)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {open && canCount && <CountForm pass={pass} />}
        <Group gap="sm">
          {open && canCreate && (
            <Button color="red" variant="light" onClick={() => setCancelling(true)}>
              {t('subcon.cancel')}
            </Button>
          )}
          {pass.direction === 'IN' && pass.state === 'RELEASED' && !pass.onLineAt && canCreate && (
            <Button
              variant="light"
              loading={toLine.isPending}
              onClick={() =>
                toLine.mutate(
                  { id: pass.id, idempotencyKey: keyFor({ toLine: pass.id }) },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        message: t('subcon.onLine', { number: pass.number }),
                      }),
                    onError: (error) =>
                      notifications.show({ color: 'red', message: describeError(error, t).message }),
                  },
                )
              }
            >
              {t('subcon.toLine')}
            </Button>
          )}
        </Group>
      </Stack>
      {cancelling && <CancelDialog pass={pass} onClose={() => setCancelling(false)} />}
    </>
  );
}

/** Security counts every line at the gate: all as on the pass → RELEASED, any difference → HOLD. */
function CountForm({ pass }: { pass: GatePass }) {
  const { t } = useTranslation();
  const count = useCountGatePass();
  const { keyFor } = useActionKey();
  const [counted, setCounted] = useState<Record<string, number | null>>({});
  const valid = pass.lines.every((l) => {
    const v = counted[l.id];
    return v !== null && v !== undefined && Number.isFinite(v) && v >= 0;
  });
  const submit = () => {
    if (!valid) return;
    const body = { lines: pass.lines.map((l) => ({ lineId: l.id, countedQuantity: counted[l.id]! })) };
    count.mutate(
      { id: pass.id, body, idempotencyKey: keyFor({ id: pass.id, version: pass.version, body }) },
      {
        onSuccess: (after) => {
          setCounted({});
          notifications.show({
            color: after.state === 'RELEASED' ? 'green' : 'red',
            message: t(after.state === 'RELEASED' ? 'subcon.released' : 'subcon.held', {
              number: after.number,
            }),
          });
        },
      },
    );
  };
  return (
    <Paper p="md" radius="md" withBorder>
      <Stack>
        <div>
          <Title order={2} fz="lg">
            {t(pass.state === 'HOLD' ? 'subcon.recount' : 'subcon.count')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('subcon.countHint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {pass.lines.map((l) => (
            <NumberField
              key={l.id}
              size="lg"
              label={t('subcon.countedOf', { product: l.productCode })}
              description={l.productName}
              unit={l.uom}
              value={counted[l.id] ?? null}
              onChange={(v) => setCounted((c) => ({ ...c, [l.id]: v }))}
              min={0}
            />
          ))}
        </SimpleGrid>
        {count.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(count.error, t).message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button size="lg" disabled={!valid} loading={count.isPending} onClick={submit}>
            {t('subcon.submitCount')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CancelDialog({ pass, onClose }: { pass: GatePass; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelGatePass();
  const { keyFor } = useActionKey();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('subcon.cancelTitle', { number: pass.number })}>
      <Stack>
        <Textarea
          label={t('subcon.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={300}
          data-autofocus
        />
        {cancel.error ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(cancel.error, t).message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={reason.trim().length < 3}
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { id: pass.id, reason: reason.trim(), idempotencyKey: keyFor({ cancel: pass.id, reason }) },
                { onSuccess: onClose },
              )
            }
          >
            {t('subcon.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
