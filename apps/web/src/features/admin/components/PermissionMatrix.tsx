import { Checkbox, Group, Table, Text } from '@mantine/core';
import {
  PERMISSION_ACTIONS,
  PERMISSION_MODULES,
  type Permission,
  type PermissionModule,
} from '@kapok/contracts';
import { useTranslation } from 'react-i18next';

const permissionsOf = (module: PermissionModule): Permission[] =>
  PERMISSION_ACTIONS.map((a) => `${module}.${a}` as const);

/** Modules down, actions across: one checkbox per permission, plus a whole-module toggle per row. */
export function PermissionMatrix({
  value,
  onChange,
  readOnly = false,
}: {
  value: readonly Permission[];
  onChange: (next: Permission[]) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const held = new Set(value);
  const set = (changes: readonly Permission[], on: boolean) => {
    const next = new Set(held);
    for (const p of changes) {
      if (on) next.add(p);
      else next.delete(p);
    }
    // Keep the catalogue's order so the request and the audit diff read predictably.
    onChange(PERMISSION_MODULES.flatMap(permissionsOf).filter((p) => next.has(p)));
  };

  return (
    <Table.ScrollContainer minWidth={440}>
      <Table withColumnBorders={false} highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.roles.module')}</Table.Th>
            {PERMISSION_ACTIONS.map((action) => (
              <Table.Th key={action} ta="center">
                {t(`admin.roles.actions.${action}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PERMISSION_MODULES.map((module) => {
            const row = permissionsOf(module);
            const count = row.filter((p) => held.has(p)).length;
            const moduleLabel = t(`admin.roles.modules.${module}`);
            return (
              <Table.Tr key={module}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Checkbox
                      aria-label={`${moduleLabel}: ${t('admin.roles.selectAll')}`}
                      checked={count === row.length}
                      indeterminate={count > 0 && count < row.length}
                      disabled={readOnly}
                      onChange={() => set(row, count < row.length)}
                    />
                    <Text size="sm" fw={600}>
                      {moduleLabel}
                    </Text>
                  </Group>
                </Table.Td>
                {row.map((permission, i) => (
                  <Table.Td key={permission}>
                    <Checkbox
                      mx="auto"
                      w="fit-content"
                      aria-label={`${moduleLabel}: ${t(`admin.roles.actions.${PERMISSION_ACTIONS[i]!}`)}`}
                      title={t(`admin.roles.grants.${module}.${PERMISSION_ACTIONS[i]!}`)}
                      checked={held.has(permission)}
                      disabled={readOnly}
                      onChange={(e) => set([permission], e.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
