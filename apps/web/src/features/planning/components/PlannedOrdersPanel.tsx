import { Anchor, Badge, Button, Checkbox, Paper, SegmentedControl, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PlannedOrderType } from '@kapok/contracts';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatQuantity } from '../../../lib/quantity';
import { formatFactoryDay } from '../../../lib/time';
import { planningQueries, useReleasePlannedOrders, type MrpRun, type PlannedOrder } from '../api';

const PAGE = 50;

/** What the plan serves: the sales-order line (with its destination) or the parent orders. */
export function pegText(order: PlannedOrder): string {
  if (order.type === 'MAKE' && order.destination) return `${order.pegs[0]?.label ?? ''}`;
  return order.pegs.map((p) => p.label).join(', ');
}

/** Planned MAKE and BUY orders: filter, select, release into DRAFT MOs and purchase orders. */
export function PlannedOrdersPanel({
  run,
  onProduct,
}: {
  run: MrpRun;
  onProduct: (productId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canRelease = usePermission('planning.approve') && run.latest;
  const [type, setType] = useState<'ALL' | PlannedOrderType>('ALL');
  const [openOnly, setOpenOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const filters = {
    type: type === 'ALL' ? undefined : type,
    released: openOnly ? false : undefined,
    skip: (page - 1) * PAGE,
    limit: PAGE,
  };
  const orders = useQuery(planningQueries.plannedOrders(run.id, filters));
  const release = useReleasePlannedOrders();

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const items = orders.data?.items ?? [];
  const selectable = items.filter((o) => !o.released);
  const allSelected = selectable.length > 0 && selectable.every((o) => selected.has(o.id));

  const submit = () =>
    release.mutate(
      { runId: run.id, plannedOrderIds: [...selected] },
      {
        onSuccess: (result) => {
          setSelected(new Set());
          notifications.show({
            color: 'teal',
            title: t('planning.release.doneTitle'),
            message: t('planning.release.doneBody', {
              mos: result.manufacturingOrders.map((m) => m.batchNumber).join(', ') || '—',
              pos: result.purchaseOrders.map((p) => p.number).join(', ') || '—',
            }),
          });
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('planning.release.failed'),
            message: describeError(error, t).message,
          }),
      },
    );

  const columns: DataColumn<PlannedOrder>[] = [
    ...(canRelease
      ? [
          {
            id: 'select',
            header: t('planning.orders.selectPage'),
            alwaysVisible: true,
            width: 36,
            headerCell: (
              <Checkbox
                aria-label={t('planning.orders.selectPage')}
                checked={allSelected}
                indeterminate={!allSelected && selectable.some((o) => selected.has(o.id))}
                onChange={() =>
                  setSelected((current) => {
                    const next = new Set(current);
                    for (const o of selectable) {
                      if (allSelected) next.delete(o.id);
                      else next.add(o.id);
                    }
                    return next;
                  })
                }
              />
            ),
            cell: (o: PlannedOrder) => (
              <Checkbox
                aria-label={t('planning.orders.select', { key: o.key, product: o.productCode })}
                checked={selected.has(o.id)}
                disabled={o.released}
                onChange={() => toggle(o.id)}
              />
            ),
          },
        ]
      : []),
    {
      id: 'key',
      header: t('planning.fields.key'),
      hiddenByDefault: true,
      sortValue: (o) => o.key,
      cell: (o) => (
        <Text size="sm" ff="monospace">
          {o.key}
        </Text>
      ),
    },
    {
      id: 'type',
      header: t('planning.fields.type'),
      sortValue: (o) => t(`planning.type.${o.type}`),
      cell: (o) => (
        <Badge miw="max-content" color={o.type === 'MAKE' ? 'blue' : 'teal'} variant="light">
          {t(`planning.type.${o.type}`)}
        </Badge>
      ),
    },
    {
      id: 'product',
      header: t('planning.fields.product'),
      alwaysVisible: true,
      sortValue: (o) => o.productCode,
      csv: (o) => `${o.productCode} ${o.productName}`,
      cell: (o) => (
        <>
          <Anchor component="button" size="sm" fw={600} ff="monospace" onClick={() => onProduct(o.productId)}>
            {o.productCode}
          </Anchor>
          <Text size="xs" c="dimmed" truncate maw={200}>
            {o.productName}
          </Text>
        </>
      ),
    },
    {
      id: 'quantity',
      header: t('planning.fields.quantity'),
      align: 'right',
      sortValue: (o) => o.purchaseQuantity ?? o.quantity,
      csv: (o) =>
        o.purchaseQuantity !== null && o.purchaseUom
          ? `${o.purchaseQuantity} ${o.purchaseUom}`
          : `${o.quantity} ${o.uom}`,
      cell: (o) => (
        <>
          <Text size="sm" fw={600}>
            {o.purchaseQuantity !== null && o.purchaseUom
              ? formatQuantity(o.purchaseQuantity, o.purchaseUom, lang)
              : formatQuantity(o.quantity, o.uom, lang)}
          </Text>
          {o.purchaseUom && o.purchaseUom !== o.uom && (
            <Text size="xs" c="dimmed">
              = {formatQuantity(o.quantity, o.uom, lang)}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'supplier',
      header: t('planning.fields.supplier'),
      sortValue: (o) => o.supplierName,
      cell: (o) =>
        o.type === 'BUY'
          ? (o.supplierName ?? (
              <Badge miw="max-content" color="yellow">
                {t('planning.orders.noSupplier')}
              </Badge>
            ))
          : '—',
    },
    {
      id: 'start',
      header: t('planning.fields.start'),
      sortValue: (o) => o.startDate,
      cell: (o) => (
        <>
          <Text size="sm">{o.startDate}</Text>
          {o.late && (
            <Badge miw="max-content" color="orange" size="xs">
              {t('planning.exceptionType.LATE')}
            </Badge>
          )}
        </>
      ),
    },
    {
      id: 'due',
      header: t('planning.fields.due'),
      sortValue: (o) => o.dueDate,
      cell: (o) => (
        <>
          <Text size="sm">{formatFactoryDay(o.dueDate, lang)}</Text>
          <Text size="xs" c="dimmed">
            {o.week}
          </Text>
        </>
      ),
    },
    {
      id: 'serves',
      header: t('planning.fields.serves'),
      sortValue: (o) => `${o.destination ?? ''} ${pegText(o)}`.trim(),
      cell: (o) => (
        <Text size="sm" lineClamp={2} maw={280} style={{ whiteSpace: 'normal' }}>
          {o.destination ? (
            <Badge miw="max-content" variant="outline" mr={4}>
              {o.destination}
            </Badge>
          ) : null}
          {pegText(o)}
        </Text>
      ),
    },
    {
      id: 'status',
      header: t('planning.fields.status'),
      sortValue: (o) => o.releasedDocumentNumber ?? '',
      csv: (o) => o.releasedDocumentNumber ?? t('planning.orders.planned'),
      cell: (o) =>
        o.released ? (
          <Badge miw="max-content" color="gray" variant="light" tt="none">
            {o.releasedDocumentNumber}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('planning.orders.planned')}
          </Text>
        ),
    },
  ];

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="sm">
        {t('planning.orders.title')}
      </Title>
      <DataTable<PlannedOrder>
        tableId="planning.plannedOrders"
        label={t('planning.orders.title')}
        columns={columns}
        rows={orders.data?.items}
        rowId={(o) => o.id}
        loading={orders.isPending}
        error={orders.error}
        onRetry={() => void orders.refetch()}
        stale={orders.isPlaceholderData}
        minWidth={1100}
        whiteSpace="nowrap"
        csvFileName="planned-orders"
        paging={{ page, pageSize: PAGE, total: orders.data?.total ?? 0, onPageChange: setPage }}
        rowProps={(o) => ({ bg: selected.has(o.id) ? 'var(--mantine-primary-color-light)' : undefined })}
        toolbar={
          <>
            <SegmentedControl
              aria-label={t('planning.orders.typeFilter')}
              value={type}
              onChange={(v) => {
                setType(v as typeof type);
                setPage(1);
              }}
              data={[
                { value: 'ALL', label: t('planning.orders.all') },
                { value: 'MAKE', label: t('planning.type.MAKE') },
                { value: 'BUY', label: t('planning.type.BUY') },
              ]}
            />
            <Switch
              label={t('planning.orders.openOnly')}
              checked={openOnly}
              onChange={(e) => {
                setOpenOnly(e.currentTarget.checked);
                setPage(1);
              }}
            />
            {canRelease && (
              <Button
                leftSection={<IconSend size={16} />}
                disabled={selected.size === 0}
                loading={release.isPending}
                onClick={submit}
              >
                {t('planning.release.button', { count: selected.size })}
              </Button>
            )}
          </>
        }
        empty={
          <Text size="sm" c="dimmed">
            {t('planning.orders.none')}
          </Text>
        }
      />
    </Paper>
  );
}
