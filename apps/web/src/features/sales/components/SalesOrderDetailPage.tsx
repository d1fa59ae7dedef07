import type { SalesOrderAction } from '@kapok/contracts';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentActions, type DocumentAction } from '../../../components/DocumentActions';
import { ArticleCell, DocumentView } from '../../../components/DocumentView';
import { FactList } from '../../../components/FactList';
import { QueryPage } from '../../../components/QueryPage';
import { useActionKey } from '../../../lib/action-key';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatQuantity } from '../../../lib/quantity';
import { formatDateTime, formatFactoryDay } from '../../../lib/time';
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

  const mos = (l: SalesOrder['lines'][number]) =>
    l.manufacturingOrders.length === 0 ? (
      <Text size="sm" c="dimmed">
        {so.state === 'CONFIRMED' ? t('sales.lines.notPlanned') : '—'}
      </Text>
    ) : (
      <Stack gap={2}>
        {l.manufacturingOrders.map((mo) => (
          <Group key={mo.id} gap={6} wrap="nowrap">
            {canSeeMos ? (
              <Anchor component={Link} to={`/ppic/orders/${mo.id}`} size="sm" ff="monospace">
                {mo.batchNumber}
              </Anchor>
            ) : (
              <Text size="sm" ff="monospace">
                {mo.batchNumber}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatQuantity(mo.plannedQuantity, 'PCS', lang)} · {t(`ppic.state.${mo.state}`)}
            </Text>
          </Group>
        ))}
      </Stack>
    );

  return (
    <DocumentView
      number={so.number}
      back={{ to: '/sales', label: t('sales.back') }}
      badge={<SalesOrderStateBadge state={so.state} size="lg" data-testid="so-state" />}
      subtitle={`${so.customer.name} · ${t('sales.fields.customerPo')} ${so.customerPo}`}
      actions={
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
      }
      facts={<Header so={so} lang={lang} />}
      lines={{
        title: t('sales.lines.title'),
        minWidth: 880,
        rows: so.lines,
        columns: [
          {
            header: t('sales.fields.article'),
            cell: (l) => <ArticleCell code={l.productCode} name={l.productName} />,
          },
          { header: t('sales.fields.deliveryWeek'), cell: (l) => l.deliveryWeek },
          {
            header: t('sales.fields.destination'),
            cell: (l) => (
              <Badge miw="max-content" variant="outline">
                {l.destination}
              </Badge>
            ),
          },
          {
            header: t('sales.fields.quantity'),
            align: 'right',
            nowrap: true,
            cell: (l) => formatQuantity(l.quantity, 'PCS', lang),
          },
          {
            header: t('sales.fields.shipped'),
            align: 'right',
            nowrap: true,
            cell: (l) => formatQuantity(l.shippedQuantity, 'PCS', lang),
          },
          {
            header: t('sales.fields.exFactory'),
            cell: (l) => formatFactoryDay(l.exFactoryDate, lang),
            nowrap: true,
          },
          { header: t('sales.fields.peggedMos'), cell: mos },
        ],
      }}
    >
      {canSeeShipments && so.state !== 'DRAFT' && <SalesOrderShipments salesOrderId={so.id} />}
    </DocumentView>
  );
}

function Header({ so, lang }: { so: SalesOrder; lang: string }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('sales.fields.customer'), `${so.customer.code} · ${so.customer.name}`],
    [t('sales.fields.orderDate'), formatFactoryDay(so.orderDate, lang)],
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
