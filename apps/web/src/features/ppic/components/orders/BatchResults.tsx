import { Alert, Badge, Group, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BatchAction, BatchResult } from '../../api';
import { MoStateBadge } from '../shared/appearance';

/** How a batch ended: a result per order, or (atomic) the order that stopped it, with nothing changed. */
export type BatchOutcome =
  | { kind: 'results'; results: readonly BatchResult[] }
  | { kind: 'failed'; failedId: string | null; message: string };

/** One row per order sent: done (and its new state), refused (and why), or left unchanged by an atomic failure. */
export function BatchResults({
  action,
  orders,
  outcome,
}: {
  action: BatchAction;
  orders: readonly { id: string; batchNumber: string }[];
  outcome: BatchOutcome;
}) {
  const { t } = useTranslation();
  const byId = new Map(outcome.kind === 'results' ? outcome.results.map((r) => [r.id, r]) : []);
  const done = outcome.kind === 'results' ? outcome.results.filter((r) => r.ok).length : 0;
  const failedNumber =
    outcome.kind === 'failed' ? orders.find((o) => o.id === outcome.failedId)?.batchNumber : undefined;

  return (
    <Stack gap="sm">
      {outcome.kind === 'failed' ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('ppic.batch.nothingChanged')}
        >
          {failedNumber
            ? t('ppic.batch.atomicFailed', { number: failedNumber, reason: outcome.message })
            : outcome.message}
        </Alert>
      ) : (
        <Alert
          color={done === orders.length ? 'green' : done === 0 ? 'red' : 'yellow'}
          variant="light"
          icon={done === orders.length ? <IconCheck /> : <IconAlertTriangle />}
        >
          {t(`ppic.batch.summary.${action}`, { done, total: orders.length })}
        </Alert>
      )}
      <Table aria-label={t('ppic.batch.results')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ppic.fields.batchNumber')}</Table.Th>
            <Table.Th>{t('ppic.batch.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => {
            const result = byId.get(order.id);
            const stopped = outcome.kind === 'failed' && outcome.failedId === order.id;
            return (
              <Table.Tr key={order.id} data-ok={result?.ok ?? false}>
                <Table.Td>
                  <Text size="sm" fw={700} ff="monospace">
                    {order.batchNumber}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {result?.ok ? (
                    <Group gap="xs">
                      <ThemeIcon color="green" variant="light" size="sm" radius="xl">
                        <IconCheck size={14} />
                      </ThemeIcon>
                      <Text size="sm">{t('ppic.batch.done')}</Text>
                      {result.state && <MoStateBadge state={result.state} size="sm" />}
                    </Group>
                  ) : result ? (
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <ThemeIcon color="red" variant="light" size="sm" radius="xl">
                        <IconX size={14} />
                      </ThemeIcon>
                      <div>
                        <Text size="sm">{result.error?.message ?? t('errors.unknown')}</Text>
                        {result.error?.code && (
                          <Badge size="xs" variant="outline" color="red" tt="none">
                            {result.error.code}
                          </Badge>
                        )}
                      </div>
                    </Group>
                  ) : stopped ? (
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <ThemeIcon color="red" variant="light" size="sm" radius="xl">
                        <IconX size={14} />
                      </ThemeIcon>
                      <Text size="sm">{outcome.kind === 'failed' ? outcome.message : ''}</Text>
                    </Group>
                  ) : (
                    <Group gap="xs">
                      <ThemeIcon color="gray" variant="light" size="sm" radius="xl">
                        <IconMinus size={14} />
                      </ThemeIcon>
                      <Text size="sm" c="dimmed">
                        {t('ppic.batch.unchanged')}
                      </Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
