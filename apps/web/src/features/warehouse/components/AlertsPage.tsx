import {
  Alert,
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
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
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
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
  const total = alerts.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader title={t('warehouse.alerts.title')} description={t('warehouse.alerts.description')} />
      <Paper p="md" radius="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
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
          </Group>

          {alerts.isPending ? (
            <TableSkeleton rows={5} />
          ) : alerts.isError ? (
            <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
          ) : alerts.data.items.length === 0 ? (
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
          ) : (
            <Table.ScrollContainer minWidth={880}>
              <Table
                aria-label={t(`warehouse.alerts.tableLabel.${status}`)}
                style={{ opacity: alerts.isPlaceholderData ? 0.6 : 1 }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.alerts.level')}</Table.Th>
                    <Table.Th>{t('warehouse.product.product')}</Table.Th>
                    <Table.Th>{t('warehouse.alerts.where')}</Table.Th>
                    <Table.Th ta="right">{t('warehouse.alerts.availableNow')}</Table.Th>
                    <Table.Th>{t('warehouse.alerts.opened')}</Table.Th>
                    {status !== 'OPEN' && (
                      <Table.Th>
                        {status === 'ACKNOWLEDGED'
                          ? t('warehouse.alerts.acknowledged')
                          : t('warehouse.alerts.resolved')}
                      </Table.Th>
                    )}
                    {status === 'OPEN' && canAcknowledge && <Table.Th w={150} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {alerts.data.items.map((alert) => (
                    <AlertRow
                      key={alert.id}
                      alert={alert}
                      onAcknowledge={
                        status === 'OPEN' && canAcknowledge ? () => setAcknowledging(alert) : undefined
                      }
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          {total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('common.showing', {
                  from: (page - 1) * PAGE_SIZE + 1,
                  to: Math.min(total, page * PAGE_SIZE),
                  total,
                })}{' '}
                · {t('common.timeZoneNote')}
              </Text>
              {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
            </Group>
          )}
        </Stack>
      </Paper>
      <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />
    </>
  );
}

function AlertRow({ alert, onAcknowledge }: { alert: StockAlert; onAcknowledge?: () => void }) {
  const { t, i18n } = useTranslation();
  const q = (value: number) => formatQuantity(value, alert.uom, i18n.language);
  return (
    <Table.Tr>
      <Table.Td>
        <AlertLevelBadge level={alert.level} />
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={productPath(alert.productId)} fw={600} size="sm" ff="monospace">
          {alert.productCode}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {alert.productName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff={alert.locationCode ? 'monospace' : undefined}>
          {alert.locationCode ?? t('warehouse.thresholds.allRacks')}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" ff="monospace" fw={600} c={alert.availableNow <= 0 ? 'red.8' : undefined}>
          {q(alert.availableNow)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('warehouse.alerts.atOpen', { quantity: q(alert.availableAtOpen) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(alert.openedAt, i18n.language)}
        </Text>
      </Table.Td>
      {alert.status === 'ACKNOWLEDGED' && (
        <Table.Td>
          <Text size="sm">
            {alert.acknowledgedBy?.username ?? t('warehouse.ledger.system')}
            {alert.acknowledgedAt && (
              <Text span size="xs" c="dimmed">
                {' · '}
                {formatDateTime(alert.acknowledgedAt, i18n.language)}
              </Text>
            )}
          </Text>
          {alert.acknowledgeNote && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              “{alert.acknowledgeNote}”
            </Text>
          )}
        </Table.Td>
      )}
      {alert.status === 'RESOLVED' && (
        <Table.Td>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {alert.resolvedAt ? formatDateTime(alert.resolvedAt, i18n.language) : t('common.none')}
          </Text>
        </Table.Td>
      )}
      {onAcknowledge && (
        <Table.Td>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconChecks size={14} />}
            onClick={onAcknowledge}
            aria-label={t('warehouse.alerts.acknowledgeOf', { product: alert.productCode })}
          >
            {t('warehouse.alerts.acknowledge')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
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
