import { Progress, Table, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoMaterial } from '../../api';
import { formatNumber } from '../shared/format';

/** The frozen materials of the order per department: planned, held for it now, and already used. */
export function MaterialsTable({ materials }: { materials: readonly MoMaterial[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (materials.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ppic.detail.noMaterials')}
      </Text>
    );
  const departments = [...new Set(materials.map((m) => m.department))];
  // While approved the server checks the frozen needs against free rack stock: shown until the start.
  const checked = materials.some((m) => m.shortage !== null);
  const columns = checked ? 7 : 5;
  return (
    <Table.ScrollContainer minWidth={checked ? 760 : 620}>
      <Table aria-label={t('ppic.detail.materials')} verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ppic.preview.material')}</Table.Th>
            <Table.Th ta="right">{t('ppic.detail.planned')}</Table.Th>
            {checked && <Table.Th ta="right">{t('ppic.detail.free')}</Table.Th>}
            {checked && <Table.Th ta="right">{t('ppic.detail.short')}</Table.Th>}
            <Table.Th ta="right">{t('ppic.detail.reserved')}</Table.Th>
            <Table.Th ta="right">{t('ppic.detail.consumed')}</Table.Th>
            <Table.Th w={110}>{t('ppic.detail.used')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {departments.map((department) => (
            <Fragment key={department}>
              <Table.Tr bg="var(--mantine-color-gray-0)">
                <Table.Td colSpan={columns}>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                    {t(`departments.${department}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {materials
                .filter((m) => m.department === department)
                .map((m) => {
                  const used = m.quantity > 0 ? Math.min(100, (m.consumedQuantity / m.quantity) * 100) : 0;
                  return (
                    <Table.Tr key={`${m.code}-${department}`}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {m.code}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {m.name}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatNumber(m.quantity, lang)} {m.uom}
                      </Table.Td>
                      {checked && <Table.Td ta="right">{formatNumber(m.available ?? 0, lang)}</Table.Td>}
                      {checked && (
                        <Table.Td
                          ta="right"
                          fw={m.shortage ? 700 : undefined}
                          c={m.shortage ? 'red.8' : 'dimmed'}
                          data-testid={m.shortage ? 'material-short' : undefined}
                        >
                          {formatNumber(m.shortage ?? 0, lang)}
                        </Table.Td>
                      )}
                      <Table.Td ta="right" c={m.reservedQuantity > 0 ? 'blue.8' : 'dimmed'}>
                        {formatNumber(m.reservedQuantity, lang)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(m.consumedQuantity, lang)}</Table.Td>
                      <Table.Td>
                        <Tooltip label={`${Math.round(used)}%`} withArrow>
                          <Progress value={used} color={used >= 100 ? 'teal' : 'blue'} size="sm" />
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
