import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackage, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/LoadingState';
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

  const list = items.data ?? [];
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
      {items.isPending ? (
        <TableSkeleton rows={3} />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : list.length === 0 ? (
        <Stack align="center" gap={4} py="lg">
          <IconPackage size={32} stroke={1.4} />
          <Text c="dimmed" size="sm" ta="center" maw={480}>
            {t('partners.items.empty')}
          </Text>
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label={t('partners.items.title')} verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partners.items.product')}</Table.Th>
                <Table.Th>{t('partners.items.uom')}</Table.Th>
                <Table.Th ta="right">{t('partners.items.packSize')}</Table.Th>
                <Table.Th ta="right">{t('partners.items.minimum')}</Table.Th>
                <Table.Th ta="right">{t('partners.items.leadTime')}</Table.Th>
                <Table.Th>{t('partners.items.preferred')}</Table.Th>
                <Table.Th w={80} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} ff="monospace">
                      {item.product.code}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {item.product.name}
                      {item.supplierCode ? ` · ${item.supplierCode}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.uom}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {item.packSize === null ? '—' : formatQuantity(item.packSize, item.uom, lang)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {item.minimumQuantity === null
                      ? '—'
                      : formatQuantity(item.minimumQuantity, item.uom, lang)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {/* Dimmed: the supplier's own lead time, not one of this item. */}
                    <Text
                      span
                      size="sm"
                      c={item.leadTimeDays === null ? 'dimmed' : undefined}
                      title={item.leadTimeDays === null ? t('partners.items.supplierDefault') : undefined}
                    >
                      {t('partners.days', { count: item.effectiveLeadTimeDays })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.preferred && (
                      <Badge miw="max-content" color="teal" variant="light">
                        {t('partners.items.preferred')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
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
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
