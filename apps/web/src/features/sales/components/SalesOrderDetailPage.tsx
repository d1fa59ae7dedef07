import type { SalesOrderAction } from '@kapok/contracts';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentActions, type DocumentAction } from '../../../components/DocumentActions';
import { FactList } from '../../../components/FactList';
import { QueryPage } from '../../../components/QueryPage';
import { useActionKey } from '../../../lib/action-key';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatQuantity } from '../../../lib/quantity';
import { formatDateTime } from '../../../lib/time';
import { SalesOrderShipments } from '../../shipping/ShippingPage';
import { salesQueries, useSalesOrderTransition, type SalesOrder } from '../api';
import { SalesOrderStateBadge } from './SalesOrderStateBadge';

const ORDER: SalesOrderAction[] = ['confirm', 'close', 'cancel'];

/** One sales order: header, state actions, and its lines with the MOs pegged to each. */
export function SalesOrderDetailPage() {
  const { id = '' } = useParams();
  const order = useQuery(salesQueries.detail(id));
  return <QueryPage query={order}>{(so) => <SalesOrderView so={so} />}</QueryPage>;
}

function SalesOrderView({ so }: { so: SalesOrder }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const transition = useSalesOrderTransition();
  const { keyFor, forget } = useActionKey();
  const canSeeMos = usePermission('ppic.view');
  const canSeeShipments = usePermission('shipping.view');
  const actions: DocumentAction<SalesOrderAction>[] = ORDER.filter((a) => so.actions.includes(a)).map(
    (a) => ({
      action: a,
      label: t(`sales.actions.${a}`),
      confirm:
        a === 'confirm'
          ? undefined
          : { title: t(`sales.confirmAction.${a}Title`), body: t(`sales.confirmAction.${a}Body`) },
    }),
  );
  const run = (action: SalesOrderAction) => {
    const request = { id: so.id, action, version: so.version };
    transition.mutate(
      { id: so.id, action, idempotencyKey: keyFor(request) },
      {
        onSuccess: (next) => {
          forget();
          notifications.show({
            color: 'green',
            message: t(`sales.done.${action}`, { number: next.number }),
          });
        },
        onError: (error) =>
          notifications.show({ color: 'red', message: describeError(error, t, 'sales').message }),
      },
    );
  };

  return (
    <>
      <title>{`${so.number} · Kapok`}</title>
      <Anchor component={Link} to="/sales" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {t('sales.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {so.number}
            </Title>
            <SalesOrderStateBadge state={so.state} size="lg" data-testid="so-state" />
          </Group>
          <Text c="dimmed">
            {so.customer.name} · {t('sales.fields.customerPo')} {so.customerPo}
          </Text>
        </Stack>
        <DocumentActions
          actions={actions}
          pending={transition.isPending ? (transition.variables?.action ?? null) : null}
          onRun={run}
        >
          {so.editable && (
            <Button
              component={Link}
              to={`/sales/orders/${so.id}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              {t('common.edit')}
            </Button>
          )}
        </DocumentActions>
      </Group>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Header so={so} lang={lang} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('sales.lines.title')}
          </Title>
          <Table.ScrollContainer minWidth={880}>
            <Table aria-label={t('sales.lines.title')} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36}>#</Table.Th>
                  <Table.Th>{t('sales.fields.article')}</Table.Th>
                  <Table.Th>{t('sales.fields.deliveryWeek')}</Table.Th>
                  <Table.Th>{t('sales.fields.destination')}</Table.Th>
                  <Table.Th ta="right">{t('sales.fields.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('sales.fields.shipped')}</Table.Th>
                  <Table.Th>{t('sales.fields.exFactory')}</Table.Th>
                  <Table.Th>{t('sales.fields.peggedMos')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {so.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>{l.lineNo}</Table.Td>
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
                      <Badge miw="max-content" variant="outline">
                        {l.destination}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatQuantity(l.quantity, 'PCS', lang)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatQuantity(l.shippedQuantity, 'PCS', lang)}
                    </Table.Td>
                    <Table.Td>{l.exFactoryDate}</Table.Td>
                    <Table.Td>
                      {l.manufacturingOrders.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {so.state === 'CONFIRMED' ? t('sales.lines.notPlanned') : '—'}
                        </Text>
                      ) : (
                        <Stack gap={2}>
                          {l.manufacturingOrders.map((mo) => (
                            <Group key={mo.id} gap={6} wrap="nowrap">
                              {canSeeMos ? (
                                <Anchor
                                  component={Link}
                                  to={`/ppic/orders/${mo.id}`}
                                  size="sm"
                                  ff="monospace"
                                >
                                  {mo.batchNumber}
                                </Anchor>
                              ) : (
                                <Text size="sm" ff="monospace">
                                  {mo.batchNumber}
                                </Text>
                              )}
                              <Text size="xs" c="dimmed">
                                {formatQuantity(mo.plannedQuantity, 'PCS', lang)} ·{' '}
                                {t(`ppic.state.${mo.state}`)}
                              </Text>
                            </Group>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {canSeeShipments && so.state !== 'DRAFT' && <SalesOrderShipments salesOrderId={so.id} />}
      </Stack>
    </>
  );
}

function Header({ so, lang }: { so: SalesOrder; lang: string }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('sales.fields.customer'), `${so.customer.code} · ${so.customer.name}`],
    [t('sales.fields.orderDate'), so.orderDate],
    [t('sales.fields.quantity'), formatQuantity(so.totalQuantity, 'PCS', lang)],
    [t('sales.fields.createdBy'), so.createdBy?.fullName ?? '—'],
  ];
  if (so.confirmedAt)
    rows.push([
      t('sales.fields.confirmed'),
      `${so.confirmedBy?.fullName ?? '—'} · ${formatDateTime(so.confirmedAt, lang)}`,
    ]);
  if (so.cancelledAt)
    rows.push([
      t('sales.fields.cancelled'),
      `${so.cancelledBy?.fullName ?? '—'} · ${formatDateTime(so.cancelledAt, lang)}`,
    ]);
  if (so.notes) rows.push([t('sales.fields.notes'), so.notes]);
  return <FactList rows={rows} />;
}
