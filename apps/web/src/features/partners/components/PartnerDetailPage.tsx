import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Can } from '../../../components/Can';
import { FactList } from '../../../components/FactList';
import { QueryPage } from '../../../components/QueryPage';
import { usePermission } from '../../../lib/auth';
import { partnerQueries, type Partner } from '../api';
import { PartnerFormModal } from './PartnerFormModal';
import { PartnerTypeBadge } from './PartnerTypeBadge';
import { SupplierItemsPanel } from './SupplierItemsPanel';

/** One partner: its details and, for a supplier, what it sells (supplier items). */
export function PartnerDetailPage() {
  const { id = '' } = useParams();
  const partner = useQuery(partnerQueries.detail(id));
  return <QueryPage query={partner}>{(p) => <PartnerView p={p} />}</QueryPage>;
}

function PartnerView({ p }: { p: Partner }) {
  const { t } = useTranslation();
  const canSeeItems = usePermission('purchasing.view');
  const [editing, setEditing] = useState(false);

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
          <FactList
            rows={[
              [t('partners.fields.contact'), p.contact],
              [t('partners.fields.email'), p.email],
              [t('partners.fields.phone'), p.phone],
              [t('partners.fields.address'), p.address],
              p.type === 'CUSTOMER'
                ? [t('partners.fields.transitDays'), t('partners.days', { count: p.transitDays })]
                : p.type === 'SUBCONTRACTOR'
                  ? [
                      t('partners.fields.subcontractAgreedDays'),
                      t('partners.days', { count: p.subcontractAgreedDays }),
                    ]
                  : [t('partners.fields.leadTimeDays'), t('partners.days', { count: p.leadTimeDays })],
            ]}
          />
        </Paper>
        {p.type !== 'CUSTOMER' && canSeeItems && <SupplierItemsPanel supplier={p} />}
      </Stack>
      <PartnerFormModal opened={editing} onClose={() => setEditing(false)} partner={p} />
    </>
  );
}
