import { Anchor, EmptyState, SegmentedControl, Text } from '@mantine/core';
import { PARTNER_TYPES, type PartnerType } from '@kapok/contracts';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListFrame } from '../../../components/ListFrame';
import { DataTable, SearchFilter, useListPage, type DataColumn } from '../../../components/data-table';
import { partnerQueries, type Partner } from '../api';
import { PartnerFormModal } from './PartnerFormModal';
import { PartnerTypeBadge } from './PartnerTypeBadge';

const PAGE = 50;

/** Every partner, filtered by kind or searched by code and name. */
export function PartnerListPage() {
  const { t } = useTranslation();
  const list = useListPage({ filters: { type: PARTNER_TYPES }, pageSize: PAGE, query: partnerQueries.list });
  const [creating, setCreating] = useState(false);

  const columns: DataColumn<Partner>[] = [
    {
      id: 'code',
      header: t('partners.fields.code'),
      alwaysVisible: true,
      sortValue: (p) => p.code,
      cell: (p) => (
        <Anchor
          component={Link}
          to={`/partners/${p.id}`}
          fw={600}
          ff="monospace"
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          {p.code}
        </Anchor>
      ),
    },
    { id: 'name', header: t('partners.fields.name'), sortValue: (p) => p.name, cell: (p) => p.name },
    {
      id: 'type',
      header: t('partners.fields.type'),
      sortValue: (p) => t(`partners.type.${p.type}`),
      cell: (p) => <PartnerTypeBadge type={p.type} />,
    },
    {
      id: 'contact',
      header: t('partners.fields.contact'),
      sortValue: (p) => p.contact,
      csv: (p) => [p.contact, p.email].filter(Boolean).join(' '),
      cell: (p) => (
        <>
          <Text size="sm">{p.contact ?? '—'}</Text>
          {p.email && (
            <Text size="xs" c="dimmed">
              {p.email}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'days',
      header: t('partners.fields.days'),
      align: 'right',
      sortValue: (p) => (p.type === 'CUSTOMER' ? p.transitDays : p.leadTimeDays),
      cell: (p) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {p.type === 'CUSTOMER'
            ? t('partners.transitDaysShort', { count: p.transitDays })
            : t('partners.leadDaysShort', { count: p.leadTimeDays })}
        </Text>
      ),
    },
    {
      id: 'active',
      header: t('partners.fields.active'),
      sortValue: (p) => (p.active ? t('partners.activeYes') : t('partners.activeNo')),
      cell: (p) => (p.active ? t('partners.activeYes') : t('partners.activeNo')),
    },
  ];

  return (
    <>
      <ListFrame
        title={t('partners.title')}
        description={t('partners.description')}
        create={{ permission: 'partners.create', label: t('partners.new'), onClick: () => setCreating(true) }}
      >
        <DataTable<Partner>
          tableId="partners.list"
          label={t('partners.title')}
          columns={columns}
          rowId={(p) => p.id}
          {...list.table}
          minWidth={680}
          whiteSpace="nowrap"
          csvFileName="partners"
          toolbar={
            <>
              <SegmentedControl
                aria-label={t('partners.fields.type')}
                value={list.filters.type ?? 'ALL'}
                onChange={(v) => list.setFilter('type', v === 'ALL' ? null : (v as PartnerType))}
                data={[
                  { value: 'ALL', label: t('common.all') },
                  ...PARTNER_TYPES.map((p) => ({ value: p, label: t(`partners.typePlural.${p}`) })),
                ]}
              />
              <SearchFilter list={list} placeholder={t('partners.search')} w={260} />
            </>
          }
          empty={
            <EmptyState
              py="xl"
              withIndicatorBackground
              icon={<IconUsersGroup />}
              title={list.filtered ? t('partners.empty.filteredTitle') : t('partners.empty.title')}
              description={list.filtered ? t('partners.empty.filteredBody') : t('partners.empty.body')}
            />
          }
        />
      </ListFrame>
      <PartnerFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
