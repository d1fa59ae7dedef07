import { Anchor, Button, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PARTNER_TYPES, type PartnerType } from '@kapok/contracts';
import { IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Can } from '../../../components/Can';
import { PageHeader } from '../../../components/PageHeader';
import { PagedList } from '../../../components/PagedList';
import { partnerQueries } from '../api';
import { PartnerFormModal } from './PartnerFormModal';
import { PartnerTypeBadge } from './PartnerTypeBadge';

const PAGE = 50;

/** Every partner, filtered by kind or searched by code and name. */
export function PartnerListPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<'ALL' | PartnerType>('ALL');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const partners = useQuery(
    partnerQueries.list({
      type: type === 'ALL' ? undefined : type,
      search: debounced || undefined,
      skip: (page - 1) * PAGE,
      limit: PAGE,
    }),
  );
  const filtered = type !== 'ALL' || debounced !== '';

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        actions={
          <Can permission="partners.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('partners.new')}
            </Button>
          </Can>
        }
      />
      <Paper withBorder p="md" radius="md">
        <Group mb="sm" wrap="wrap">
          <SegmentedControl
            aria-label={t('partners.fields.type')}
            value={type}
            onChange={(v) => {
              setType(v as typeof type);
              setPage(1);
            }}
            data={[
              { value: 'ALL', label: t('common.all') },
              ...PARTNER_TYPES.map((p) => ({ value: p, label: t(`partners.typePlural.${p}`) })),
            ]}
          />
          <TextInput
            aria-label={t('partners.search')}
            placeholder={t('partners.search')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            w={260}
          />
        </Group>
        <PagedList
          query={partners}
          page={page}
          pageSize={PAGE}
          onPage={setPage}
          icon={IconUsersGroup}
          emptyTitle={filtered ? t('partners.empty.filteredTitle') : t('partners.empty.title')}
          emptyBody={filtered ? t('partners.empty.filteredBody') : t('partners.empty.body')}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={680}>
              <Table aria-label={t('partners.title')} highlightOnHover verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('partners.fields.code')}</Table.Th>
                    <Table.Th>{t('partners.fields.name')}</Table.Th>
                    <Table.Th>{t('partners.fields.type')}</Table.Th>
                    <Table.Th>{t('partners.fields.contact')}</Table.Th>
                    <Table.Th ta="right">{t('partners.fields.days')}</Table.Th>
                    <Table.Th>{t('partners.fields.active')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
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
                      </Table.Td>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>
                        <PartnerTypeBadge type={p.type} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{p.contact ?? '—'}</Text>
                        {p.email && (
                          <Text size="xs" c="dimmed">
                            {p.email}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {p.type === 'CUSTOMER'
                          ? t('partners.transitDaysShort', { count: p.transitDays })
                          : t('partners.leadDaysShort', { count: p.leadTimeDays })}
                      </Table.Td>
                      <Table.Td>{p.active ? t('partners.activeYes') : t('partners.activeNo')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </PagedList>
      </Paper>
      <PartnerFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
