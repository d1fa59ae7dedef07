import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PlannedOrderType } from '@kapok/contracts';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../components/LoadingState';
import { ErrorState } from '../../../components/ErrorState';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatQuantity } from '../../../lib/quantity';
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

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={4}>{t('planning.orders.title')}</Title>
        <Group gap="md" wrap="wrap">
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
        </Group>
      </Group>
      {orders.isPending ? (
        <TableSkeleton />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.orders.none')}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('planning.orders.title')} verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {canRelease && (
                    <Table.Th w={36}>
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
                    </Table.Th>
                  )}
                  <Table.Th>{t('planning.fields.type')}</Table.Th>
                  <Table.Th>{t('planning.fields.product')}</Table.Th>
                  <Table.Th ta="right">{t('planning.fields.quantity')}</Table.Th>
                  <Table.Th>{t('planning.fields.supplier')}</Table.Th>
                  <Table.Th>{t('planning.fields.start')}</Table.Th>
                  <Table.Th>{t('planning.fields.due')}</Table.Th>
                  <Table.Th>{t('planning.fields.serves')}</Table.Th>
                  <Table.Th>{t('planning.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    {canRelease && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('planning.orders.select', { key: o.key, product: o.productCode })}
                          checked={selected.has(o.id)}
                          disabled={o.released}
                          onChange={() => toggle(o.id)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Badge miw="max-content" color={o.type === 'MAKE' ? 'blue' : 'teal'} variant="light">
                        {t(`planning.type.${o.type}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        size="sm"
                        fw={600}
                        ff="monospace"
                        onClick={() => onProduct(o.productId)}
                      >
                        {o.productCode}
                      </Anchor>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {o.productName}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
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
                    </Table.Td>
                    <Table.Td>
                      {o.type === 'BUY'
                        ? (o.supplierName ?? (
                            <Badge miw="max-content" color="yellow">
                              {t('planning.orders.noSupplier')}
                            </Badge>
                          ))
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.startDate}</Text>
                      {o.late && (
                        <Badge miw="max-content" color="orange" size="xs">
                          {t('planning.exceptionType.LATE')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.dueDate}</Text>
                      <Text size="xs" c="dimmed">
                        {o.week}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {o.destination ? (
                          <Badge miw="max-content" variant="outline" mr={4}>
                            {o.destination}
                          </Badge>
                        ) : null}
                        {pegText(o)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {o.released ? (
                        <Badge miw="max-content" color="gray" variant="light" tt="none">
                          {o.releasedDocumentNumber}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('planning.orders.planned')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {(orders.data?.total ?? 0) > PAGE && (
            <Group justify="flex-end" mt="sm">
              <Pagination
                value={page}
                onChange={setPage}
                total={Math.ceil((orders.data?.total ?? 0) / PAGE)}
              />
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}
