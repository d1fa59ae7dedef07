import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  isEmptyDiff,
  type BomDiff,
  type ComparableLine,
  type ComparableVariant,
  type LineChange,
} from './bom-diff';
import { formatNumber, formatQuantity } from '../../../../lib/quantity';

const KIND_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** Added, removed and changed lines (and header fields) between two states of a BOM. */
export function BomDiffView({ diff, label }: { diff: BomDiff; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  const variantsText = (variants: readonly ComparableVariant[], uom?: string) =>
    variants.length === 0
      ? t('bom.diff.noVariants')
      : variants
          .map(
            (v) =>
              `${v.materialCode} (${t(`bom.variantTypes.${v.variantType}`)} #${v.sequence}${
                v.neededQuantity === null
                  ? ''
                  : `, ${formatNumber(v.neededQuantity, lang)}${uom ? ` ${uom}` : ''}`
              })`,
          )
          .join(', ');

  const valueText = (field: string, value: unknown, line?: ComparableLine) => {
    if (field === 'department') return t(`departments.${String(value)}`);
    if (field === 'bomType') return t(`bom.types.${String(value)}`);
    if (field === 'variants') return variantsText(value as ComparableVariant[], line?.uom);
    if (field === 'wastagePercent') return `${formatNumber(value as number, lang, 2)} %`;
    if (typeof value === 'number') return formatNumber(value, lang);
    return String(value);
  };

  const lineSummary = (line: ComparableLine) =>
    [
      formatQuantity(line.neededQuantity, line.uom, lang),
      line.wastagePercent
        ? t('bom.diff.wastage', { value: formatNumber(line.wastagePercent, lang, 2) })
        : null,
      line.variants.length ? variantsText(line.variants, line.uom) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const details = (change: LineChange) => {
    if (change.kind !== 'changed') return <Text size="sm">{lineSummary(change.line)}</Text>;
    return (
      <Stack gap={2}>
        {change.changes.map((c) => (
          <Text size="sm" key={c.field}>
            <Text span fw={600}>
              {t(`bom.diff.fields.${c.field}`)}:
            </Text>{' '}
            <Text span td="line-through" c="red.8">
              {valueText(c.field, c.before, change.before)}
            </Text>{' '}
            →{' '}
            <Text span c="green.9" fw={600}>
              {valueText(c.field, c.after, change.after)}
            </Text>
          </Text>
        ))}
      </Stack>
    );
  };

  if (isEmptyDiff(diff))
    return (
      <Text size="sm" c="dimmed">
        {t('bom.diff.none')}
      </Text>
    );

  return (
    <Stack gap="sm">
      {diff.header.length > 0 && (
        <Group gap="lg">
          {diff.header.map((c) => (
            <Text size="sm" key={c.field}>
              <Text span fw={600}>
                {t(`bom.diff.fields.${c.field}`)}:
              </Text>{' '}
              <Text span td="line-through" c="red.8">
                {valueText(c.field, c.before)}
              </Text>{' '}
              →{' '}
              <Text span c="green.9" fw={600}>
                {valueText(c.field, c.after)}
              </Text>
            </Text>
          ))}
        </Group>
      )}
      {diff.lines.length > 0 && (
        <Table aria-label={label} withTableBorder fz="sm" verticalSpacing={6} highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('bom.diff.change')}</Table.Th>
              <Table.Th w={130}>{t('bom.fields.department')}</Table.Th>
              <Table.Th>{t('bom.fields.component')}</Table.Th>
              <Table.Th>{t('bom.diff.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {diff.lines.map((change, i) => {
              const line = change.kind === 'changed' ? change.after : change.line;
              return (
                <Table.Tr key={`${line.componentId}-${i}`} data-change={change.kind}>
                  <Table.Td>
                    <Badge color={KIND_COLOR[change.kind]} variant="light" tt="none">
                      {t(`bom.diff.kinds.${change.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`departments.${line.department}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={700}>
                      {line.componentCode}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {line.componentName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{details(change)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
