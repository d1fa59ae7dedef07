import { Anchor, Button, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '@kapok/api-client';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/AccessPages';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoader } from '../../../components/LoadingState';
import { usePermission } from '../../../lib/auth';
import { partnerQueries } from '../api';
import { PartnerFormModal } from './PartnerFormModal';
import { PartnerTypeBadge } from './PartnerTypeBadge';
import { SupplierItemsPanel } from './SupplierItemsPanel';

/** One partner: its details and, for a supplier, what it sells (supplier items). */
export function PartnerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const partner = useQuery(partnerQueries.detail(id));
  const canSeeItems = usePermission('purchasing.view');
  const [editing, setEditing] = useState(false);

  if (partner.isPending) return <PageLoader />;
  if (partner.isError) {
    if (partner.error instanceof ApiError && [400, 404].includes(partner.error.status))
      return <NotFoundPage />;
    return <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />;
  }
  const p = partner.data;
  const row = (label: string, value: string | null) => (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value || '—'}</DataList.ItemValue>
    </DataList.Item>
  );

  return (
    <>
      <title>{`${p.code} · Kapok`}</title>
      <Anchor component={Link} to="/partners" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
        <IconArrowLeft size={16} /> {t('partners.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {p.code}
            </Title>
            <PartnerTypeBadge type={p.type} />
            {!p.active && <Text c="dimmed">{t('partners.activeNo')}</Text>}
          </Group>
          <Text c="dimmed">{p.name}</Text>
        </Stack>
        <Can permission="partners.update">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        </Can>
      </Group>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <DataList size="sm" labelWidth={160} withDivider>
            {row(t('partners.fields.contact'), p.contact)}
            {row(t('partners.fields.email'), p.email)}
            {row(t('partners.fields.phone'), p.phone)}
            {row(t('partners.fields.address'), p.address)}
            {p.type === 'CUSTOMER'
              ? row(t('partners.fields.transitDays'), t('partners.days', { count: p.transitDays }))
              : row(t('partners.fields.leadTimeDays'), t('partners.days', { count: p.leadTimeDays }))}
          </DataList>
        </Paper>
        {p.type !== 'CUSTOMER' && canSeeItems && <SupplierItemsPanel supplier={p} />}
      </Stack>
      <PartnerFormModal opened={editing} onClose={() => setEditing(false)} partner={p} />
    </>
  );
}
