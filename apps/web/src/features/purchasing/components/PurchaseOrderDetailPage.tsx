import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DocumentActions, type DocumentAction } from '../../../components/DocumentActions';
import { ArticleCell, DocumentView } from '../../../components/DocumentView';
import { FactList } from '../../../components/FactList';
import { QueryPage } from '../../../components/QueryPage';
import { useActionKey } from '../../../lib/action-key';
import { useCurrentUser, usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatNumber, formatQuantity } from '../../../lib/quantity';
import { formatDateTime, formatFactoryDay } from '../../../lib/time';
import { purchasingQueries, usePurchaseOrderTransition, type PurchaseOrder } from '../api';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge';

type PersonAction = 'approve' | 'cancel' | 'close';
const ORDER: PersonAction[] = ['approve', 'close', 'cancel'];

/** One purchase order: lines with what is received, the state actions (approval never by its creator), its receipts. */
export function PurchaseOrderDetailPage() {
  const { id = '' } = useParams();
  const order = useQuery(purchasingQueries.detail(id));
  return <QueryPage query={order}>{(po) => <PurchaseOrderView po={po} />}</QueryPage>;
}

function PurchaseOrderView({ po }: { po: PurchaseOrder }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const transition = usePurchaseOrderTransition();
  const { keyFor, forget } = useActionKey();
  const me = useCurrentUser();
  const canApprove = usePermission('purchasing.approve');
  const canReceive = usePermission('warehouse.create');

  const actions: DocumentAction<PersonAction>[] = ORDER.filter((a) => po.actions.includes(a)).map((a) => ({
    action: a,
    label: t(`purchasing.actions.${a}`),
    confirm:
      a === 'approve'
        ? undefined
        : { title: t(`purchasing.confirmAction.${a}Title`), body: t(`purchasing.confirmAction.${a}Body`) },
  }));
  // The server never offers approval to the creator; say why instead of hiding it silently.
  const selfApproval =
    canApprove && po.state === 'DRAFT' && po.createdBy?.id === me.id && !po.actions.includes('approve');
  const run = (action: PersonAction) => {
    transition.mutate(
      { id: po.id, action, idempotencyKey: keyFor({ id: po.id, action, version: po.version }) },
      {
        onSuccess: (next) => {
          forget();
          notifications.show({
            color: 'green',
            message: t(`purchasing.done.${action}`, { number: next.number }),
          });
        },
        onError: (error) =>
          notifications.show({ color: 'red', message: describeError(error, t, 'purchasing').message }),
      },
    );
  };
  const receivable = ['APPROVED', 'PARTIALLY_RECEIVED'].includes(po.state);

  return (
    <DocumentView
      number={po.number}
      back={{ to: '/purchasing', label: t('purchasing.back') }}
      badge={<PurchaseOrderStateBadge state={po.state} size="lg" data-testid="po-state" />}
      subtitle={po.supplier.name}
      actions={
        <DocumentActions
          actions={actions}
          blocked={
            selfApproval
              ? { label: t('purchasing.actions.approve'), reason: t('purchasing.selfApproval') }
              : null
          }
          pending={transition.isPending ? (transition.variables?.action ?? null) : null}
          onRun={run}
        >
          {po.editable && (
            <Button
              component={Link}
              to={`/purchasing/orders/${po.id}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              {t('common.edit')}
            </Button>
          )}
          {receivable && canReceive && (
            <Button
              component={Link}
              to={`/warehouse/receive?search=${encodeURIComponent(po.number)}`}
              variant="light"
              leftSection={<IconTruckDelivery size={16} />}
            >
              {t('purchasing.receive')}
            </Button>
          )}
        </DocumentActions>
      }
      notice={
        selfApproval && (
          <Text size="sm" c="dimmed" mb="md" data-testid="self-approval">
            {t('purchasing.selfApproval')}
          </Text>
        )
      }
      facts={<Header po={po} lang={lang} />}
      lines={{
        title: t('purchasing.lines.title'),
        minWidth: 860,
        rows: po.lines,
        columns: [
          {
            header: t('purchasing.fields.item'),
            cell: (l) => <ArticleCell code={l.productCode} name={l.productName} />,
          },
          {
            header: t('purchasing.fields.quantity'),
            align: 'right',
            cell: (l) => formatQuantity(l.quantity, l.uom, lang),
          },
          {
            header: t('purchasing.fields.received'),
            align: 'right',
            cell: (l) => formatQuantity(l.receivedQuantity, l.uom, lang),
          },
          {
            header: t('purchasing.fields.open'),
            align: 'right',
            cell: (l) => formatQuantity(l.openQuantity, l.uom, lang),
          },
          {
            header: t('purchasing.fields.expectedDate'),
            cell: (l) => (l.expectedDate ? formatFactoryDay(l.expectedDate, lang) : '—'),
          },
          {
            header: t('purchasing.fields.unitPrice'),
            align: 'right',
            cell: (l) => (l.unitPrice === null ? '—' : `IDR ${formatNumber(l.unitPrice, lang, 2)}`),
          },
        ],
      }}
    >
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          {t('purchasing.receipts.title')}
        </Title>
        {po.receipts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {receivable ? t('purchasing.receipts.noneYet') : t('purchasing.receipts.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table aria-label={t('purchasing.receipts.title')} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('purchasing.receipts.number')}</Table.Th>
                  <Table.Th>{t('purchasing.receipts.when')}</Table.Th>
                  <Table.Th>{t('purchasing.fields.item')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.fields.quantity')}</Table.Th>
                  <Table.Th>{t('purchasing.receipts.lot')}</Table.Th>
                  <Table.Th>{t('purchasing.receipts.rack')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {po.receipts.flatMap((r) =>
                  r.lines.map((l, i) => (
                    <Table.Tr key={l.id}>
                      <Table.Td ff="monospace">{i === 0 ? r.number : ''}</Table.Td>
                      <Table.Td>
                        {i === 0
                          ? `${formatDateTime(r.receivedAt, lang)} · ${r.receivedBy?.fullName ?? '—'}`
                          : ''}
                      </Table.Td>
                      <Table.Td ff="monospace">{l.productCode}</Table.Td>
                      <Table.Td ta="right">
                        {formatQuantity(l.quantity, l.uom, lang)}
                        {l.uom !== l.stockUom && (
                          <Text size="xs" c="dimmed">
                            = {formatQuantity(l.stockQuantity, l.stockUom, lang)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ff="monospace">{l.lotNumber}</Table.Td>
                      <Table.Td ff="monospace">{l.locationCode}</Table.Td>
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

function Header({ po, lang }: { po: PurchaseOrder; lang: string }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('purchasing.fields.supplier'), `${po.supplier.code} · ${po.supplier.name}`],
    [t('purchasing.fields.orderDate'), formatFactoryDay(po.orderDate, lang)],
    [t('purchasing.fields.createdBy'), po.createdBy?.fullName ?? '—'],
  ];
  if (po.approvedAt)
    rows.push([
      t('purchasing.fields.approved'),
      `${po.approvedBy?.fullName ?? '—'} · ${formatDateTime(po.approvedAt, lang)}`,
    ]);
  if (po.totalValue !== null)
    rows.push([t('purchasing.fields.value'), `IDR ${formatNumber(po.totalValue, lang, 0)}`]);
  if (po.notes) rows.push([t('purchasing.fields.notes'), po.notes]);
  return <FactList rows={rows} />;
}
