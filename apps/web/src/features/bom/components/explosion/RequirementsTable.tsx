import { Badge, Group, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconReplace } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../api';
import { groupByDepartment } from '../shared/departments';
import { wholeUnitsToUse } from '@kapok/contracts';
import { formatNumber } from '../../../../lib/quantity';
import classes from './Explosion.module.css';

/**
 * The purchased materials an order needs, per consuming department; short ones are marked red. Whole
 * units (cartons, pallets) show what will be used: the order's requirement rounded up once.
 */
export function RequirementsTable({ requirements }: { requirements: readonly Requirement[] }) {
  const { t, i18n } = useTranslation();
  const q = (n: number) => formatNumber(n, i18n.language);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        aria-label={t('bom.explosion.requirements')}
        verticalSpacing={6}
        className={classes.requirements}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bom.explosion.material')}</Table.Th>
            <Table.Th ta="right" w={150}>
              {t('bom.explosion.needed')}
            </Table.Th>
            <Table.Th w={80}>{t('bom.fields.unit')}</Table.Th>
            <Table.Th ta="right" w={150}>
              {t('bom.explosion.available')}
            </Table.Th>
            <Table.Th ta="right" w={150}>
              {t('bom.explosion.shortage')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groupByDepartment(requirements, (r) => r.department).map(({ department, items }) => (
            <Fragment key={department}>
              <Table.Tr className={classes.group}>
                <Table.Th colSpan={5} scope="colgroup">
                  {t(`departments.${department}`)}
                </Table.Th>
              </Table.Tr>
              {items.map((r) => {
                const needed = wholeUnitsToUse(r.quantity, r.uom);
                // An optional material is never short; a whole unit is short of what will be opened.
                const shortage = r.optional
                  ? r.shortage
                  : Math.max(r.shortage, Math.round((needed - r.available) * 10_000) / 10_000);
                const short = shortage > 0;
                return (
                  <Table.Tr
                    key={`${department}-${r.productId}-${r.substitutesFor ?? ''}`}
                    data-shortage={short || undefined}
                    className={short ? classes.short : undefined}
                  >
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={700}>
                          {r.code}
                        </Text>
                        {r.optional && (
                          <Badge size="xs" variant="outline" color="gray" tt="none">
                            {t('bom.variantTypes.OPTIONAL')}
                          </Badge>
                        )}
                        {r.substitutesFor && (
                          <Badge
                            size="xs"
                            variant="light"
                            color="violet"
                            tt="none"
                            leftSection={<IconReplace size={11} />}
                          >
                            {t('bom.explosion.insteadOf', { code: r.substitutesFor })}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {r.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className={classes.number}>
                      {q(needed)}
                    </Table.Td>
                    <Table.Td>{r.uom}</Table.Td>
                    <Table.Td ta="right" className={classes.number}>
                      {q(r.available)}
                    </Table.Td>
                    <Table.Td ta="right" className={classes.number}>
                      {short ? (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <IconAlertTriangle size={14} aria-hidden />
                          <Text span size="sm" fw={700} c="red.8">
                            {q(shortage)}
                          </Text>
                          <span className={classes.srOnly}>{t('bom.explosion.short')}</span>
                        </Group>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          —
                        </Text>
                      )}
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
