import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { alertSeverity } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoader } from '../../../components/LoadingState';
import { PageHeader } from '../../../components/PageHeader';
import { alertQueries, productQueries, stockQueries } from '../api';
import { AlertLevelBadge } from './AlertLevelBadge';
import { BalancesTable } from './BalancesTable';
import { formatNumber } from './format';
import { LedgerTable } from './LedgerTable';
import { PassportFieldsModal } from './PassportFieldsModal';
import { Can } from '../../../components/Can';
import { StockActions } from './StockActions';
import { ThresholdEditor } from './ThresholdEditor';

/** One product: its totals, where it lies (location × lot), its ledger and its alert thresholds. */
export function ProductStockPage() {
  const { productId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const stock = useQuery(stockQueries.product(productId));
  const product = useQuery(productQueries.detail(productId));
  const alerts = useQuery(alertQueries.list({ productId, skip: 0, limit: 20 }));
  const [editPassport, setEditPassport] = useState(false);

  if (stock.isPending) return <PageLoader />;
  if (stock.isError) return <ErrorState error={stock.error} onRetry={() => void stock.refetch()} />;

  const { code, name, uom, onHand, reserved, available, balances } = stock.data;
  const unresolved = (alerts.data?.items ?? []).filter((a) => a.status !== 'RESOLVED');
  const worst = unresolved.reduce<(typeof unresolved)[number] | null>(
    (w, a) => (!w || alertSeverity(a.level) > alertSeverity(w.level) ? a : w),
    null,
  );
  const locationCount = new Set(balances.map((b) => b.locationId)).size;
  const lotCount = new Set(balances.filter((b) => b.lotId).map((b) => b.lotId)).size;
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/warehouse">
          {t('warehouse.stock.title')}
        </Anchor>
        <Text size="sm" c="dimmed" ff="monospace">
          {code}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={code}
        description={name}
        actions={
          <>
            {product.data && (
              <Can permission="warehouse.update">
                <Button variant="default" onClick={() => setEditPassport(true)}>
                  {t('productPassport.edit')}
                </Button>
              </Can>
            )}
            <StockActions productId={productId} />
          </>
        }
      />
      {editPassport && product.data && (
        <PassportFieldsModal product={product.data} onClose={() => setEditPassport(false)} />
      )}
      <Group gap="xs" mt={-12} mb="lg">
        {product.data && (
          <Badge variant="default" radius="sm" tt="none" fw={500}>
            {t(`warehouse.productTypes.${product.data.type}`)}
          </Badge>
        )}
        <Badge variant="default" radius="sm" tt="none" fw={500}>
          {t('warehouse.product.stockUnit', { unit: uom })}
        </Badge>
        {product.data?.unitConversions.map((c) => (
          <Badge key={c.uom} variant="default" radius="sm" tt="none" fw={400} c="dimmed">
            1 {c.uom} = {n(c.factor)} {uom}
          </Badge>
        ))}
        {worst && (
          <Anchor component={Link} to={`/warehouse/alerts?status=${worst.status}`} underline="never">
            <AlertLevelBadge level={worst.level} size="md" />
          </Anchor>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Stat label={t('warehouse.stock.onHand')} value={n(onHand)} unit={uom} />
        <Stat label={t('warehouse.stock.reserved')} value={n(reserved)} unit={uom} />
        <Stat
          label={t('warehouse.stock.available')}
          value={n(available)}
          unit={uom}
          emphasis
          note={t('warehouse.product.spread', { locations: locationCount, lots: lotCount })}
        />
      </SimpleGrid>

      <Stack gap="lg" mb="lg">
        <Section title={t('warehouse.balances.title')}>
          <BalancesTable balances={balances} />
        </Section>
        <Section title={t('warehouse.thresholds.title')} description={t('warehouse.thresholds.description')}>
          <ThresholdEditor productId={productId} uom={uom} />
        </Section>
      </Stack>

      <Section title={t('warehouse.ledger.title')} description={t('warehouse.ledger.description')}>
        <LedgerTable productId={productId} />
      </Section>
    </>
  );
}

function Stat({
  label,
  value,
  unit,
  note,
  emphasis,
}: {
  label: string;
  value: string;
  unit: string;
  note?: string;
  emphasis?: boolean;
}) {
  return (
    <Paper p="md" radius="md">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Group gap={6} align="baseline" mt={4}>
        <Text fz={28} fw={700} ff="monospace" c={emphasis ? 'kapok.8' : undefined} lh={1.2}>
          {value}
        </Text>
        <Text size="sm" c="dimmed">
          {unit}
        </Text>
      </Group>
      {note && (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper p="md" radius="md" h="100%">
      <Stack gap={2} mb="md">
        <Title order={3} fz="lg">
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Paper>
  );
}
