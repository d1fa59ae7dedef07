import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  EmptyState,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ALERT_LEVELS, ALERT_STATUSES, type AlertLevel, type AlertStatus } from '@kapok/contracts';
import { IconAlertTriangle, IconBellCheck, IconCircleCheck, IconChecks } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SubconOverdueAlerts } from '../../subcon/SubconOverdueAlerts';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../lib/auth';
import { isApiError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { alertQueries, useAcknowledgeAlert, type StockAlert } from '../api';
import { AlertLevelBadge } from './AlertLevelBadge';
import { formatQuantity, productPath } from './format';
import { postingErrorMessage } from './forms/posting-errors';

const PAGE_SIZE = 25;
const isStatus = (v: string | null): v is AlertStatus => ALERT_STATUSES.includes(v as AlertStatus);

/** Stock alerts by status; the open ones wait for warehouse staff to acknowledge them. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: AlertStatus = isStatus(statusParam) ? statusParam : 'OPEN';
  const [level, setLevel] = useState<AlertLevel | null>(null);
  const [page, setPage] = useState(1);
  const [acknowledging, setAcknowledging] = useState<StockAlert | null>(null);
  const canAcknowledge = usePermission('warehouse.update');

  const alerts = useQuery(
    alertQueries.list({ status, level: level ?? undefined, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
  );
  const openCount = useQuery(alertQueries.openCount());
  const columns = useAlertColumns(status, status === 'OPEN' && canAcknowledge ? setAcknowledging : undefined);

  return (
    <>
      <PageHeader title={t('warehouse.alerts.title')} description={t('warehouse.alerts.description')} />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <DataTable<StockAlert>
            toolbar={
              <>
                <Tabs
                  value={status}
                  onChange={(v) => {
                    if (!isStatus(v)) return;
                    setParams(v === 'OPEN' ? {} : { status: v }, { replace: true });
                    setPage(1);
                  }}
                >
                  <Tabs.List>
                    {ALERT_STATUSES.map((s) => (
                      <Tabs.Tab
                        key={s}
                        value={s}
                        rightSection={
                          s === 'OPEN' && openCount.data ? (
                            <Badge size="sm" color="red" variant="filled" circle={openCount.data < 10}>
                              {openCount.data}
                            </Badge>
                          ) : undefined
                        }
                      >
                        {t(`warehouse.alerts.statuses.${s}`)}
                      </Tabs.Tab>
                    ))}
                  </Tabs.List>
                </Tabs>
                <Select
                  w={200}
                  aria-label={t('warehouse.alerts.level')}
                  placeholder={t('warehouse.alerts.allLevels')}
                  data={ALERT_LEVELS.filter((l) => l !== 'OK').map((value) => ({
                    value,
                    label: t(`warehouse.levels.${value}`),
                  }))}
                  value={level}
                  onChange={(v) => {
                    setLevel(v as AlertLevel | null);
                    setPage(1);
                  }}
                  clearable
                />
              </>
            }
            tableId="warehouse.alerts"
            label={t(`warehouse.alerts.tableLabel.${status}`)}
            columns={columns}
            rows={alerts.data?.items}
            rowId={(alert) => alert.id}
            loading={alerts.isPending}
            error={alerts.error}
            onRetry={() => void alerts.refetch()}
            stale={alerts.isPlaceholderData}
            skeletonRows={5}
            minWidth={880}
            csvFileName={`stock-alerts-${status.toLowerCase()}`}
            paging={{ page, pageSize: PAGE_SIZE, total: alerts.data?.total ?? 0, onPageChange: setPage }}
            footnote={t('common.timeZoneNote')}
            empty={
              <EmptyState
                py="xl"
                variant="light"
                color={status === 'OPEN' && !level ? 'green' : 'gray'}
                icon={status === 'OPEN' ? <IconCircleCheck /> : <IconBellCheck />}
                title={t(`warehouse.alerts.empty.${status}`)}
                description={
                  level ? t('warehouse.alerts.emptyFiltered') : t(`warehouse.alerts.emptyBody.${status}`)
                }
              />
            }
          />
        </Stack>
      </Paper>
      <Box mt="md">
        <SubconOverdueAlerts />
      </Box>
      <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />
    </>
  );
}

/** The alert list's columns; the third depends on the status tab, the last is the action. */
function useAlertColumns(
  status: AlertStatus,
  onAcknowledge: ((alert: StockAlert) => void) | undefined,
): DataColumn<StockAlert>[] {
  const { t, i18n } = useTranslation();
  const q = (value: number, alert: StockAlert) => formatQuantity(value, alert.uom, i18n.language);
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : t('common.none'));
  const columns: DataColumn<StockAlert>[] = [
    {
      id: 'level',
      header: t('warehouse.alerts.level'),
      sortValue: (alert) => ALERT_LEVELS.indexOf(alert.level),
      csv: (alert) => t(`warehouse.levels.${alert.level}`),
      cell: (alert) => <AlertLevelBadge level={alert.level} />,
    },
    {
      id: 'product',
      header: t('warehouse.product.product'),
      alwaysVisible: true,
      sortValue: (alert) => alert.productCode,
      csv: (alert) => `${alert.productCode} ${alert.productName}`,
      cell: (alert) => (
        <>
          <Anchor component={Link} to={productPath(alert.productId)} fw={600} size="sm" ff="monospace">
            {alert.productCode}
          </Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {alert.productName}
          </Text>
        </>
      ),
    },
    {
      id: 'where',
      header: t('warehouse.alerts.where'),
      sortValue: (alert) => alert.locationCode ?? t('warehouse.thresholds.allRacks'),
      cell: (alert) => (
        <Text size="sm" ff={alert.locationCode ? 'monospace' : undefined}>
          {alert.locationCode ?? t('warehouse.thresholds.allRacks')}
        </Text>
      ),
    },
    {
      id: 'availableNow',
      header: t('warehouse.alerts.availableNow'),
      align: 'right',
      sortValue: (alert) => alert.availableNow,
      cell: (alert) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm" ff="monospace" fw={600} c={alert.availableNow <= 0 ? 'red.8' : undefined}>
            {q(alert.availableNow, alert)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('warehouse.alerts.atOpen', { quantity: q(alert.availableAtOpen, alert) })}
          </Text>
        </div>
      ),
    },
    {
      id: 'uom',
      header: t('warehouse.stock.unit'),
      hiddenByDefault: true,
      sortValue: (alert) => alert.uom,
      cell: (alert) => alert.uom,
    },
    {
      id: 'openedAt',
      header: t('warehouse.alerts.opened'),
      sortValue: (alert) => alert.openedAt,
      cell: (alert) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {when(alert.openedAt)}
        </Text>
      ),
    },
  ];
  if (status === 'ACKNOWLEDGED')
    columns.push({
      id: 'acknowledged',
      header: t('warehouse.alerts.acknowledged'),
      sortValue: (alert) => alert.acknowledgedAt,
      csv: (alert) =>
        [
          alert.acknowledgedBy?.username ?? t('warehouse.ledger.system'),
          alert.acknowledgedAt,
          alert.acknowledgeNote,
        ]
          .filter(Boolean)
          .join(' · '),
      cell: (alert) => (
        <>
          <Text size="sm">
            {alert.acknowledgedBy?.username ?? t('warehouse.ledger.system')}
            {alert.acknowledgedAt && (
              <Text span size="xs" c="dimmed">
                {' · '}
                {when(alert.acknowledgedAt)}
              </Text>
            )}
          </Text>
          {alert.acknowledgeNote && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              “{alert.acknowledgeNote}”
            </Text>
          )}
        </>
      ),
    });
  if (status === 'RESOLVED')
    columns.push({
      id: 'resolved',
      header: t('warehouse.alerts.resolved'),
      sortValue: (alert) => alert.resolvedAt,
      cell: (alert) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {when(alert.resolvedAt)}
        </Text>
      ),
    });
  if (onAcknowledge)
    columns.push({
      id: 'actions',
      header: t('warehouse.alerts.acknowledge'),
      hideHeader: true,
      alwaysVisible: true,
      sticky: true,
      width: 150,
      cell: (alert) => (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconChecks size={14} />}
          onClick={() => onAcknowledge(alert)}
          aria-label={t('warehouse.alerts.acknowledgeOf', { product: alert.productCode })}
        >
          {t('warehouse.alerts.acknowledge')}
        </Button>
      ),
    });
  return columns;
}

function AcknowledgeModal({ alert, onClose }: { alert: StockAlert | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledgeAlert();
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    acknowledge.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!alert) return;
    acknowledge.mutate(
      { id: alert.id, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('warehouse.alerts.acknowledgedDone', { product: alert.productCode }),
          });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={alert !== null} onClose={close} title={t('warehouse.alerts.acknowledgeTitle')}>
      {alert && (
        <form onSubmit={submit}>
          <Stack>
            <Group gap="sm" wrap="nowrap">
              <AlertLevelBadge level={alert.level} style={{ flexShrink: 0 }} />
              <Text size="sm">
                <Text span fw={600} ff="monospace">
                  {alert.productCode}
                </Text>{' '}
                {alert.productName} · {formatQuantity(alert.availableNow, alert.uom, i18n.language)}{' '}
                {t('warehouse.alerts.availableShort')}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t('warehouse.alerts.acknowledgeHint')}
            </Text>
            <Textarea
              label={t('warehouse.alerts.note')}
              placeholder={t('warehouse.alerts.notePlaceholder')}
              rows={3}
              resize="vertical"
              maxLength={300}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              data-autofocus
            />
            {acknowledge.error ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
                {isApiError(acknowledge.error, 'INVALID_STATE')
                  ? t('warehouse.alerts.notOpenAnymore')
                  : postingErrorMessage(acknowledge.error, t)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={acknowledge.isPending} leftSection={<IconChecks size={16} />}>
                {t('warehouse.alerts.acknowledge')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
