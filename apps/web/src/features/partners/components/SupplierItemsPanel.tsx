import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { usePermission } from '../../../lib/auth';
import { describeError } from '../../../lib/errors';
import { formatQuantity } from '../../../lib/quantity';
import { partnerQueries, useDeleteSupplierItem, type Partner, type SupplierItem } from '../api';
import { SupplierItemModal } from './SupplierItemModal';

/** What a supplier sells: purchase unit, pack size, minimum, lead time, and which item MRP prefers. */
export function SupplierItemsPanel({ supplier }: { supplier: Partner }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items = useQuery(partnerQueries.supplierItems(supplier.id));
  const canCreate = usePermission('purchasing.create');
  const canUpdate = usePermission('purchasing.update');
  const canDelete = usePermission('purchasing.delete');
  const remove = useDeleteSupplierItem();
  const [editing, setEditing] = useState<SupplierItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SupplierItem | null>(null);

  const confirmDelete = (item: SupplierItem) =>
    remove.mutate(item.id, {
      onSuccess: () => setDeleting(null),
      onError: (error) =>
        notifications.show({ color: 'red', message: describeError(error, t, 'partners').message }),
    });

  const columns: DataColumn<SupplierItem>[] = [
    {
      id: 'product',
      header: t('partners.items.product'),
      alwaysVisible: true,
      sortValue: (item) => item.product.code,
      csv: (item) => `${item.product.code} ${item.product.name}`,
      cell: (item) => (
        <>
          <Text size="sm" fw={600} ff="monospace">
            {item.product.code}
          </Text>
          <Text size="xs" c="dimmed" truncate maw={220}>
            {item.product.name}
            {item.supplierCode ? ` · ${item.supplierCode}` : ''}
          </Text>
        </>
      ),
    },
    {
      id: 'supplierCode',
      header: t('partners.items.supplierCode'),
      hiddenByDefault: true,
      sortValue: (item) => item.supplierCode,
      cell: (item) => item.supplierCode ?? '—',
    },
    { id: 'uom', header: t('partners.items.uom'), sortValue: (item) => item.uom, cell: (item) => item.uom },
    {
      id: 'packSize',
      header: t('partners.items.packSize'),
      align: 'right',
      sortValue: (item) => item.packSize,
      cell: (item) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {item.packSize === null ? '—' : formatQuantity(item.packSize, item.uom, lang)}
        </Text>
      ),
    },
    {
      id: 'minimum',
      header: t('partners.items.minimum'),
      align: 'right',
      sortValue: (item) => item.minimumQuantity,
      cell: (item) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {item.minimumQuantity === null ? '—' : formatQuantity(item.minimumQuantity, item.uom, lang)}
        </Text>
      ),
    },
    {
      id: 'leadTime',
      header: t('partners.items.leadTime'),
      align: 'right',
      sortValue: (item) => item.effectiveLeadTimeDays,
      cell: (item) => (
        // Dimmed: the supplier's own lead time, not one of this item.
        <Text
          span
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
          c={item.leadTimeDays === null ? 'dimmed' : undefined}
          title={item.leadTimeDays === null ? t('partners.items.supplierDefault') : undefined}
        >
          {t('partners.days', { count: item.effectiveLeadTimeDays })}
        </Text>
      ),
    },
    {
      id: 'preferred',
      header: t('partners.items.preferred'),
      sortValue: (item) => (item.preferred ? t('partners.items.preferred') : ''),
      cell: (item) =>
        item.preferred && (
          <Badge miw="max-content" color="teal" variant="light">
            {t('partners.items.preferred')}
          </Badge>
        ),
    },
    ...(canUpdate || canDelete
      ? [
          {
            id: 'actions',
            header: t('table.actions'),
            alwaysVisible: true,
            hideHeader: true,
            sticky: true,
            width: 80,
            cell: (item: SupplierItem) => (
              <Group gap={4} wrap="nowrap">
                {canUpdate && (
                  <Tooltip label={t('common.edit')}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('partners.items.editLabel', { code: item.product.code })}
                      onClick={() => setEditing(item)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
                {canDelete && (
                  <Tooltip label={t('partners.items.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('partners.items.deleteLabel', { code: item.product.code })}
                      onClick={() => setDeleting(item)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('partners.items.title')}</Title>
        {canCreate && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('partners.items.add')}
          </Button>
        )}
      </Group>
      <DataTable<SupplierItem>
        tableId="partners.supplierItems"
        label={t('partners.items.title')}
        columns={columns}
        rows={items.data}
        rowId={(item) => item.id}
        loading={items.isPending}
        error={items.error}
        onRetry={() => void items.refetch()}
        skeletonRows={3}
        minWidth={600}
        whiteSpace="nowrap"
        csvFileName={`supplier-items-${supplier.code}`}
        empty={
          <Stack align="center" gap={4} py="lg">
            <IconPackage size={32} stroke={1.4} />
            <Text c="dimmed" size="sm" ta="center" maw={480}>
              {t('partners.items.empty')}
            </Text>
          </Stack>
        }
      />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('partners.items.deleteTitle', { code: deleting?.product.code ?? '' })}
      >
        <Text size="sm">{t('partners.items.deleteBody')}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => deleting && confirmDelete(deleting)}>
            {t('partners.items.delete')}
          </Button>
        </Group>
      </Modal>
      <SupplierItemModal
        supplier={supplier}
        item={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Paper>
  );
}
