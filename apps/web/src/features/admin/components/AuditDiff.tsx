import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api';
import { diffSnapshots, showValue } from './audit-diff';
import { fieldWord } from './audit-words';
import classes from './AuditDiff.module.css';

/** Before and after, side by side, one row per field; changed fields are highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  // What changed comes first; the unchanged fields follow for context.
  const all = diffSnapshots(entry.before, entry.after);
  const rows = [...all.filter((r) => r.changed), ...all.filter((r) => !r.changed)];
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.audit.noFieldChanges')}
      </Text>
    );
  return (
    <Table className={classes.diff} withTableBorder withColumnBorders fz="xs" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">{t('admin.audit.field')}</Table.Th>
          <Table.Th w="39%">{t('admin.audit.before')}</Table.Th>
          <Table.Th w="39%">{t('admin.audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field} data-changed={row.changed || undefined}>
            <Table.Td>
              <Text size="xs" fw={row.changed ? 700 : 500} title={row.field}>
                {fieldWord(t, row.field)}
              </Text>
            </Table.Td>
            <Table.Td className={row.changed && entry.before ? classes.removed : undefined}>
              <Code className={classes.value}>{showValue(row.before)}</Code>
            </Table.Td>
            <Table.Td className={row.changed && entry.after ? classes.added : undefined}>
              <Code className={classes.value}>{showValue(row.after)}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
