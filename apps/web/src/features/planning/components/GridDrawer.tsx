import { Badge, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
import { formatNumber, formatQuantity } from '../../../lib/quantity';
import { formatFactoryDay } from '../../../lib/time';
import { planningQueries, type MrpGrid, type MrpRun } from '../api';

const ROWS = ['grossDemand', 'scheduledReceipts', 'plannedReceipts', 'projectedOnHand'] as const;

/** The time-phased grid of one product, with what each week's demand serves and which supply is due. */
export function GridDrawer({
  run,
  productId,
  onClose,
}: {
  run: MrpRun;
  productId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const grid = useQuery({ ...planningQueries.grid(run.id, productId ?? ''), enabled: productId !== null });
  return (
    <Drawer
      opened={productId !== null}
      onClose={onClose}
      position="right"
      size="80rem"
      title={grid.data ? `${grid.data.productCode} · ${grid.data.productName}` : t('planning.grid.title')}
    >
      {grid.isPending ? (
        <TableSkeleton rows={4} />
      ) : grid.isError ? (
        <ErrorState error={grid.error} />
      ) : (
        <GridView grid={grid.data} />
      )}
    </Drawer>
  );
}

function GridView({ grid }: { grid: MrpGrid }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const active = grid.buckets.filter((b) => b.demand.length > 0 || b.supply.length > 0);
  return (
    <Stack gap="md">
      <Group gap="lg">
        <Text size="sm">
          {t('planning.grid.onHand')}: <b>{formatQuantity(grid.onHand, grid.uom, lang)}</b>
        </Text>
        <Text size="sm">
          {t('planning.grid.safetyStock')}: <b>{formatQuantity(grid.safetyStock, grid.uom, lang)}</b>
        </Text>
        <Text size="sm">
          {t('planning.grid.level')}: <b>{grid.lowLevelCode}</b>
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('planning.grid.title')} withColumnBorders withTableBorder verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{grid.uom}</Table.Th>
              {grid.buckets.map((b) => (
                <Table.Th key={b.week} ta="right">
                  {b.week.slice(5)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ROWS.map((row) => (
              <Table.Tr key={row}>
                <Table.Th>{t(`planning.grid.${row}`)}</Table.Th>
                {grid.buckets.map((b) => (
                  <Table.Td
                    key={b.week}
                    ta="right"
                    c={row === 'projectedOnHand' && b[row] < grid.safetyStock ? 'red.7' : undefined}
                    fw={row === 'projectedOnHand' ? 700 : undefined}
                  >
                    {b[row] === 0 && row !== 'projectedOnHand' ? '·' : formatNumber(b[row], lang, 2)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Title order={5}>{t('planning.grid.pegging')}</Title>
      {active.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.grid.noPegs')}
        </Text>
      ) : (
        <Table aria-label={t('planning.grid.pegging')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('planning.fields.week')}</Table.Th>
              <Table.Th>{t('planning.grid.demandServes')}</Table.Th>
              <Table.Th>{t('planning.grid.openSupply')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((b) => (
              <Table.Tr key={b.week}>
                <Table.Td>{b.week}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {b.demand.map((d, i) => (
                      <Text size="sm" key={i}>
                        <Badge size="xs" variant="light" mr={6}>
                          {t(`planning.pegKind.${d.kind}`)}
                        </Badge>
                        {d.label} · {formatQuantity(d.quantity, grid.uom, lang)} · {d.date}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {b.supply.map((s, i) => (
                      <Text size="sm" key={i}>
                        <Badge size="xs" variant="light" color="teal" mr={6}>
                          {t(`planning.supplyKind.${s.kind}`)}
                        </Badge>
                        {s.label} · {formatQuantity(s.quantity, grid.uom, lang)}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={5}>{t('planning.grid.plannedOrders')}</Title>
      {grid.plannedOrders.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.orders.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {grid.plannedOrders.map((o) => (
            <Text size="sm" key={o.id}>
              <b>{o.key}</b> {t(`planning.type.${o.type}`)} {formatQuantity(o.quantity, o.uom, lang)} ·{' '}
              {t('planning.fields.start')} {formatFactoryDay(o.startDate, lang)} · {t('planning.fields.due')}{' '}
              {formatFactoryDay(o.dueDate, lang)}
              {o.releasedDocumentNumber ? ` · ${o.releasedDocumentNumber}` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
