import { ActionIcon, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../../components/ErrorState';
import { bomQueries, type Bom, type BomLine } from '../../api';
import { groupByDepartment } from './departments';
import { formatNumber, formatQuantity } from '../../../../lib/quantity';
import classes from './BomStructure.module.css';

/** A made-in-house component's own BOM, loaded when its line is expanded. */
export function SubBomLines({ bomId, depth }: { bomId: string; depth: number }) {
  const { t } = useTranslation();
  const bom = useQuery(bomQueries.detail(bomId));
  if (bom.isPending)
    return (
      <Group gap="xs" p="xs" role="status">
        <Loader size="xs" />
        <Text size="xs" c="dimmed">
          {t('common.loading')}
        </Text>
      </Group>
    );
  if (bom.isError) return <ErrorState error={bom.error} onRetry={() => void bom.refetch()} />;
  return (
    <div className={classes.nested}>
      <Group gap="xs" mb={4}>
        <Text size="xs" c="dimmed">
          {t('bom.structure.subBom', { code: bom.data.productCode, revision: bom.data.revision })}
        </Text>
        <Anchor component={Link} to={`/bom/${bom.data.id}`} size="xs">
          {t('bom.structure.openBom')}
        </Anchor>
      </Group>
      <LinesTable
        lines={bom.data.lines}
        depth={depth}
        showDepartment
        outputQuantity={bom.data.outputQuantity}
      />
    </div>
  );
}

/** Lines, read only; a WIP line with its own BOM opens to show that BOM's lines, level by level. */
export function LinesTable({
  lines,
  depth = 0,
  showDepartment = false,
  outputQuantity,
}: {
  lines: readonly BomLine[];
  depth?: number;
  showDepartment?: boolean;
  outputQuantity?: number;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = showDepartment ? 6 : 5;
  return (
    <Table fz="sm" verticalSpacing={6} className={classes.lines} data-depth={depth}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={36} />
          {showDepartment && <Table.Th w={120}>{t('bom.fields.department')}</Table.Th>}
          <Table.Th>{t('bom.fields.component')}</Table.Th>
          <Table.Th ta="right" w={150}>
            {outputQuantity && outputQuantity !== 1
              ? t('bom.fields.quantityPer', { qty: formatNumber(outputQuantity, i18n.language) })
              : t('bom.fields.quantity')}
          </Table.Th>
          <Table.Th ta="right" w={110} style={{ whiteSpace: 'nowrap' }}>
            {t('bom.fields.wastage')}
          </Table.Th>
          <Table.Th>{t('bom.fields.variants')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...lines]
          .sort((a, b) => a.position - b.position)
          .map((line) => {
            const expanded = open.has(line.id);
            return (
              <Fragment key={line.id}>
                <Table.Tr>
                  <Table.Td>
                    {line.componentBomId && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        onClick={() => toggle(line.id)}
                        aria-expanded={expanded}
                        aria-label={t(expanded ? 'bom.structure.collapse' : 'bom.structure.expand', {
                          code: line.componentCode,
                        })}
                      >
                        {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    )}
                  </Table.Td>
                  {showDepartment && <Table.Td>{t(`departments.${line.department}`)}</Table.Td>}
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={700}>
                        {line.componentCode}
                      </Text>
                      {line.componentType === 'WIP' && (
                        <Badge size="xs" variant="light" color="grape" tt="none">
                          WIP
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {line.componentName}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatQuantity(line.neededQuantity, line.uom, i18n.language)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {line.wastagePercent ? `${formatNumber(line.wastagePercent, i18n.language, 2)} %` : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {line.variants.map((v) => (
                        <Badge key={v.id} size="sm" variant="outline" color="gray" tt="none">
                          {v.materialCode} · {t(`bom.variantTypes.${v.variantType}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {expanded && line.componentBomId && (
                  <Table.Tr className={classes.nestedRow}>
                    <Table.Td colSpan={columns}>
                      <SubBomLines bomId={line.componentBomId} depth={depth + 1} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
      </Table.Tbody>
    </Table>
  );
}

/** The whole BOM, read only, in department sections: for users who may view but not change it. */
export function BomStructure({ bom }: { bom: Bom }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {groupByDepartment(bom.lines, (l) => l.department).map(({ department, items }) => (
        <Paper key={department} p="md" radius="md">
          <Title order={4} mb="xs">
            {t(`departments.${department}`)}{' '}
            <Text span c="dimmed" size="sm" fw={400}>
              {t('bom.editor.lineCount', { count: items.length })}
            </Text>
          </Title>
          <LinesTable lines={items} outputQuantity={bom.outputQuantity} />
        </Paper>
      ))}
    </Stack>
  );
}
