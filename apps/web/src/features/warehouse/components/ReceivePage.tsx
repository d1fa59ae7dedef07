import { ApiError } from '@kapok/api-client';
import { convertibleUnits, type Unit } from '@kapok/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconBarcode, IconPackageImport, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
import { NumberField } from '../../../components/NumberField';
import { PageHeader } from '../../../components/PageHeader';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { useActionKey } from '../../../lib/action-key';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatQuantity } from '../../../lib/quantity';
import { formatFactoryDay } from '../../../lib/time';
import { locationQueries, receivingQueries, useReceivePurchaseOrder, type ReceivableLine } from '../api';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

interface OverReceipt {
  lineNo: number;
  openQuantity: string | number;
  maxReceivable: string | number;
  attempted: string | number;
  uom: string;
}

/**
 * The receive screen: scan or type a PO reference (`PO-…-1` on the delivery note), pick the line,
 * enter quantity, unit, lot and rack, post the goods receipt. The lot number defaults to `<PO>-<line>`.
 */
export function ReceivePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const lines = useQuery(receivingQueries.lines(debounced));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = lines.data?.items ?? [];
  // A scanned reference naming exactly one line selects it.
  const scanned = items.length === 1 || items.filter((l) => l.reference === debounced).length === 1;
  const selected =
    items.find((l) => l.id === selectedId) ??
    (scanned
      ? (items.find((l) => l.reference === debounced) ?? (items.length === 1 ? items[0] : undefined))
      : undefined);

  return (
    <>
      <PageHeader title={t('receive.title')} description={t('receive.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }} order={{ base: 2, lg: 1 }}>
          <Paper withBorder p="md" radius="md">
            <TextInput
              label={t('receive.scan')}
              description={t('receive.scanHint')}
              leftSection={<IconBarcode size={16} />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setSelectedId(null);
                setParams(e.currentTarget.value ? { search: e.currentTarget.value } : {}, { replace: true });
              }}
              mb="sm"
              data-autofocus
            />
            {lines.isPending ? (
              <TableSkeleton rows={4} />
            ) : lines.isError ? (
              <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />
            ) : items.length === 0 ? (
              <Stack align="center" gap={4} py="lg">
                <IconTruckDelivery size={32} stroke={1.4} />
                <Text c="dimmed" size="sm" ta="center" maw={460}>
                  {debounced ? t('receive.noMatch', { search: debounced }) : t('receive.empty')}
                </Text>
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={620}>
                <Table
                  className="kapok-sticky-last"
                  aria-label={t('receive.linesTitle')}
                  verticalSpacing={6}
                  highlightOnHover
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('receive.reference')}</Table.Th>
                      <Table.Th>{t('receive.product')}</Table.Th>
                      <Table.Th ta="right">{t('receive.open')}</Table.Th>
                      <Table.Th>{t('receive.expected')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((l) => (
                      <Table.Tr
                        key={l.id}
                        bg={selected?.id === l.id ? 'var(--mantine-color-blue-light)' : undefined}
                      >
                        <Table.Td>
                          <Text size="sm" ff="monospace" fw={600}>
                            {l.reference}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {l.supplier.name}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {l.productCode}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {l.productName}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={NOWRAP}>
                          {formatQuantity(l.openQuantity, l.uom, lang)}
                        </Table.Td>
                        <Table.Td style={NOWRAP}>
                          {l.expectedDate ? formatFactoryDay(l.expectedDate, lang) : '—'}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant={selected?.id === l.id ? 'filled' : 'light'}
                            onClick={() => setSelectedId(l.id)}
                            aria-label={t('receive.pickLabel', { reference: l.reference })}
                          >
                            {t('receive.pick')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </Grid.Col>
        {/* On a tablet the form sits above the list, where the picked line opens it. */}
        <Grid.Col span={{ base: 12, lg: 5 }} order={{ base: 1, lg: 2 }}>
          {selected ? (
            <ReceiveForm key={selected.id} line={selected} onDone={() => setSelectedId(null)} />
          ) : (
            <Paper withBorder p="xl" radius="md" visibleFrom="lg">
              <Stack align="center" gap={4}>
                <IconPackageImport size={32} stroke={1.4} />
                <Text c="dimmed" size="sm" ta="center">
                  {t('receive.pickFirst')}
                </Text>
              </Stack>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

function ReceiveForm({ line, onDone }: { line: ReceivableLine; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canPost = usePermission('warehouse.create');
  const locations = useQuery(locationQueries.all());
  const receive = useReceivePurchaseOrder();
  const { keyFor, forget } = useActionKey();
  const [quantity, setQuantity] = useState<number | null>(null);
  const [uom, setUom] = useState<Unit>(line.uom);
  const [lotNumber, setLotNumber] = useState('');
  const [locationId, setLocationId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const racks = (locations.data ?? []).filter((l) => l.type === 'WAREHOUSE' && l.active);
  const units = [...new Set<Unit>([line.uom, ...convertibleUnits(line.stockUom)])];
  const defaultLot = line.reference;
  const dirty = quantity !== null || lotNumber !== '' || locationId !== null;
  const quantityError =
    tried && (quantity === null || Number.isNaN(quantity)) ? t('receive.quantityRequired') : undefined;
  const rackError = tried && !locationId ? t('receive.rackRequired') : undefined;

  const post = () => {
    setTried(true);
    if (quantity === null || Number.isNaN(quantity) || quantity <= 0 || !locationId) return;
    const body = {
      lines: [
        {
          lineId: line.id,
          quantity,
          uom,
          locationId,
          ...(lotNumber.trim() ? { lotNumber: lotNumber.trim() } : {}),
        },
      ],
    };
    receive.mutate(
      { purchaseOrderId: line.purchaseOrderId, body, idempotencyKey: keyFor(body) },
      {
        onSuccess: (grn) => {
          forget();
          const received = grn.lines[0];
          notifications.show({
            color: 'green',
            title: t('receive.doneTitle', { number: grn.number }),
            message: t('receive.doneBody', {
              quantity: received ? formatQuantity(received.quantity, received.uom, lang) : '',
              lot: received?.lotNumber ?? '',
              rack: received?.locationCode ?? '',
            }),
          });
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status < 500) forget();
        },
      },
    );
  };

  const over =
    receive.error instanceof ApiError && receive.error.code === 'OVER_RECEIPT'
      ? (receive.error.body.details as OverReceipt)
      : null;

  return (
    <Paper withBorder p="md" radius="md">
      <UnsavedChangesGuard dirty={dirty && !receive.isSuccess} />
      <Group justify="space-between" mb="xs">
        <Title order={4} ff="monospace">
          {line.reference}
        </Title>
        <Badge miw="max-content" variant="light">
          {t(`purchasing.state.${line.purchaseOrderState}`)}
        </Badge>
      </Group>
      <Text size="sm">
        <Text span fw={700} ff="monospace" data-testid="receive-product">
          {line.productCode}
        </Text>{' '}
        · {line.productName}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('receive.lineSummary', {
          ordered: formatQuantity(line.quantity, line.uom, lang),
          received: formatQuantity(line.receivedQuantity, line.uom, lang),
          open: formatQuantity(line.openQuantity, line.uom, lang),
          supplier: line.supplier.name,
        })}{' '}
        <Anchor component={Link} to={`/purchasing/orders/${line.purchaseOrderId}`} size="sm">
          {line.purchaseOrderNumber}
        </Anchor>
      </Text>
      <Stack gap="sm">
        {receive.error && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {over
              ? t('receive.overReceipt', {
                  line: over.lineNo,
                  open: formatQuantity(over.openQuantity, over.uom, lang),
                  max: formatQuantity(over.maxReceivable, over.uom, lang),
                  attempted: formatQuantity(over.attempted, over.uom, lang),
                })
              : describeError(receive.error, t, 'receive').message}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NumberField
            label={t('receive.quantity')}
            withAsterisk
            unit={uom}
            min={0}
            minExclusive
            decimals={4}
            value={quantity}
            onChange={setQuantity}
            error={quantityError}
          />
          <Select
            label={t('receive.unit')}
            data={units}
            allowDeselect={false}
            value={uom}
            onChange={(v) => v && setUom(v as Unit)}
            maw={140}
          />
        </Group>
        <TextInput
          label={t('receive.lot')}
          description={t('receive.lotHint', { lot: defaultLot })}
          placeholder={defaultLot}
          value={lotNumber}
          onChange={(e) => setLotNumber(e.currentTarget.value)}
          maxLength={60}
        />
        <Select
          label={t('receive.rack')}
          withAsterisk
          searchable
          data={racks.map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` }))}
          value={locationId}
          onChange={setLocationId}
          error={rackError}
          nothingFoundMessage={t('receive.noRacks')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={<IconPackageImport size={16} />}
            loading={receive.isPending}
            disabled={!canPost}
            title={canPost ? undefined : t('receive.noPermission')}
            onClick={post}
          >
            {t('receive.post')}
          </Button>
        </Group>
        {!canPost && (
          <Text size="xs" c="dimmed">
            {t('receive.noPermission')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
