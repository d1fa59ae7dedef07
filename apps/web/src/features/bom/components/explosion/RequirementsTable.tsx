import { Badge, Group, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconReplace } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../api';
import { groupByDepartment } from '../shared/departments';
import { formatQuantity } from '../shared/format';
import classes from './Explosion.module.css';

/** The purchased materials an order needs, per consuming department; short ones are marked red. */
export function RequirementsTable({ requirements }: { requirements: readonly Requirement[] }) {
  const { t, i18n } = useTranslation();
  const q = (n: number) => formatQuantity(n, i18n.language);
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
                const short = r.shortage > 0;
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
                      {q(r.quantity)}
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
                            {q(r.shortage)}
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
