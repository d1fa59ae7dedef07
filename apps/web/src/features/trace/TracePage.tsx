import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Can } from '../../components/Can';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/LoadingState';
import { LotStatusBadge } from '../../components/LotStatusBadge';
import { PageHeader } from '../../components/PageHeader';
import { formatQuantity } from '../../lib/quantity';
import { formatDateTime } from '../../lib/time';
import { type TraceDirection, type TraceNode, traceQueries, useIssuePassport } from './api';
import { PassportQr } from './PassportQr';

/** `/trace?lot=…&direction=…`: a lot typed or scanned, its trace tree backward or forward, its passport. */
export function TracePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const lotId = params.get('lot');
  const direction: TraceDirection = params.get('direction') === 'forward' ? 'forward' : 'backward';
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const lots = useQuery(traceQueries.lots(search));
  const open = (id: string, dir: TraceDirection = direction) => setParams({ lot: id, direction: dir });

  return (
    <>
      <PageHeader title={t('trace.title')} description={t('trace.description')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(text.trim());
        }}
      >
        <Group align="flex-end" mb="md">
          <TextInput
            label={t('trace.lotNumber')}
            placeholder={t('trace.lotPlaceholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            leftSection={<IconSearch size={16} />}
            w={320}
            autoFocus
          />
          <Button type="submit">{t('trace.find')}</Button>
        </Group>
      </form>
      {search && lots.data && (
        <Stack gap={4} mb="md" data-testid="trace-lots">
          {lots.data.length === 0 && <Text c="dimmed">{t('trace.noLots', { search })}</Text>}
          {lots.data.map((l) => (
            <UnstyledButton
              key={l.id}
              onClick={() => {
                setSearch('');
                open(l.id);
              }}
            >
              <Paper withBorder p="xs" bg={l.id === lotId ? 'var(--mantine-color-blue-light)' : undefined}>
                <Group gap="sm">
                  <Text fw={600}>{l.lotNumber}</Text>
                  <LotStatusBadge state={l.qualityStatus} size="sm" />
                  <Text size="sm" c="dimmed">
                    {t('trace.received')} {formatDateTime(l.receivedAt, i18n.language)}
                    {l.supplierReference && ` · ${l.supplierReference}`}
                  </Text>
                </Group>
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      {lotId && (
        <>
          <SegmentedControl
            mb="md"
            value={direction}
            onChange={(v) => open(lotId, v as TraceDirection)}
            data={[
              { value: 'backward', label: t('trace.backward') },
              { value: 'forward', label: t('trace.forward') },
            ]}
          />
          <TraceTree lotId={lotId} direction={direction} />
        </>
      )}
    </>
  );
}

function TraceTree({ lotId, direction }: { lotId: string; direction: TraceDirection }) {
  const { t } = useTranslation();
  const query = useQuery(traceQueries.trace(lotId, direction));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { root, lots, batches } = query.data;
  return (
    <SimpleGrid cols={{ base: 1, lg: root.lot?.product.type === 'FINISHED_GOOD' ? 3 : 1 }} spacing="md">
      <Stack
        gap="xs"
        style={{ gridColumn: root.lot?.product.type === 'FINISHED_GOOD' ? 'span 2' : undefined }}
      >
        <Text size="sm" c="dimmed">
          {t('trace.summary', { lots, batches })}
        </Text>
        <Node node={root} direction={direction} />
      </Stack>
      {root.lot?.product.type === 'FINISHED_GOOD' && <PassportPanel lotId={root.lot.id} />}
    </SimpleGrid>
  );
}

function Node({ node, direction }: { node: TraceNode; direction: TraceDirection }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(node.depth < 4);
  const lang = i18n.language;
  const hasChildren = node.children.length > 0;
  const uom = node.lot?.product.uom;
  return (
    <div style={{ marginLeft: node.depth ? 20 : 0 }}>
      <Paper withBorder p="xs" radius="sm" data-testid={`trace-node-${node.kind}`}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            disabled={!hasChildren}
            aria-label={open ? t('trace.collapse') : t('trace.expand')}
          >
            {open && hasChildren ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
          {node.lot ? (
            <Stack gap={2} style={{ flex: 1 }}>
              <Group gap="xs">
                <Badge variant="light" color="teal">
                  {t('trace.lot')}
                </Badge>
                <Text fw={600}>{node.lot.lotNumber}</Text>
                <Text size="sm">
                  {node.lot.product.code} · {node.lot.product.name}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {node.quantity !== null &&
                  `${direction === 'backward' && node.depth > 0 ? t('trace.consumed') : t('trace.produced')} ${formatQuantity(node.quantity, uom, lang)} · `}
                {t('trace.onHand')} {formatQuantity(node.lot.onHand, uom, lang)} · {t('trace.received')}{' '}
                {formatDateTime(node.lot.receivedAt, lang)}
              </Text>
              {node.lot.receipts.map((r) => (
                <Text size="xs" key={`${r.reference}-${r.at}`}>
                  {t('trace.receipt')} {r.reference ?? '—'} · {formatQuantity(r.quantity, uom, lang)}
                  {r.poNumber && ` · ${t('trace.po')} ${r.poNumber}`}
                  {r.supplier && (
                    <>
                      {' · '}
                      {t('trace.supplier')} <b>{r.supplier.name}</b>
                    </>
                  )}
                </Text>
              ))}
              {node.lot.dispatches.map((d) => (
                <Text size="xs" key={`${d.reference}-${d.at}`}>
                  {t('trace.dispatch')} {d.reference ?? '—'} → {d.locationCode} ·{' '}
                  {formatQuantity(d.quantity, uom, lang)} · {formatDateTime(d.at, lang)}
                </Text>
              ))}
            </Stack>
          ) : (
            <Stack gap={2} style={{ flex: 1 }}>
              <Group gap="xs">
                <Badge variant="light" color="blue">
                  {t('trace.batch')}
                </Badge>
                {node.order ? (
                  <Anchor component={Link} to={`/ppic/orders/${node.order.id}`} fw={600}>
                    {node.batchNumber}
                  </Anchor>
                ) : (
                  <Text fw={600}>{node.batchNumber}</Text>
                )}
                {node.order?.product && (
                  <Text size="sm">
                    {node.order.product.code} · {node.order.product.name}
                  </Text>
                )}
              </Group>
              {node.order && (
                <Text size="xs" c="dimmed">
                  {node.order.state}
                  {node.order.producedQuantity !== null &&
                    ` · ${t('trace.made')} ${formatQuantity(node.order.producedQuantity, null, lang)}`}
                  {node.order.week && ` · ${t('trace.week')} ${node.order.week}`}
                  {node.order.completedAt && ` · ${formatDateTime(node.order.completedAt, lang)}`}
                  {node.order.customer && ` · ${t('trace.customer')} ${node.order.customer.name}`}
                  {node.order.soNumber && ` (${node.order.soNumber})`}
                </Text>
              )}
              {node.workOrders.length > 0 && (
                <Text size="xs">
                  {t('trace.workOrders')} {node.workOrders.map((w) => w.department).join(', ')}
                </Text>
              )}
            </Stack>
          )}
        </Group>
      </Paper>
      {open && hasChildren && (
        <Stack gap={6} mt={6}>
          {node.children.map((c) => (
            <Node key={`${c.kind}-${c.lot?.id ?? c.batchNumber}`} node={c} direction={direction} />
          ))}
        </Stack>
      )}
    </div>
  );
}

function PassportPanel({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const passport = useQuery(traceQueries.passport(lotId));
  const issue = useIssuePassport(lotId);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="sm">
        {t('trace.passport')}
      </Title>
      {passport.isPending ? (
        <PageLoader />
      ) : passport.isError ? (
        <ErrorState error={passport.error} />
      ) : passport.data ? (
        <PassportQr path={passport.data.path} />
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('trace.noPassport')}
          </Text>
          <Can permission="quality.create">
            <Button onClick={() => issue.mutate()} loading={issue.isPending}>
              {t('trace.issuePassport')}
            </Button>
          </Can>
          {issue.isError && (
            <Alert color="red">
              <ErrorState error={issue.error} />
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
