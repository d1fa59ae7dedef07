import { Alert, Badge, Group, Paper, ScrollArea, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { routeDepartments, type Department, type Route } from '@kapok/contracts';
import { IconAlertTriangle, IconCircleCheck, IconPackages, IconRoute } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../../lib/errors';
import type { ActiveBom, Explosion, Requirement } from '../../api';
import { formatNumber } from '../shared/format';

/** Departments the exploded BOM needs that `route` does not pass through: approval would refuse them. */
export function departmentsOffRoute(explosion: Explosion, route: Route): Department[] {
  const onRoute = routeDepartments(route) as readonly Department[];
  return [...new Set(explosion.requirements.map((r) => r.department))].filter((d) => !onRoute.includes(d));
}

export type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'no-bom'; productCode: string }
  | { kind: 'ready'; bom: ActiveBom; explosion: Explosion; stale: boolean };

/**
 * What the order will need from the warehouse, per department, against free stock now: shortages show
 * before the order is created (it can still be created; starting it needs the first department's stock).
 */
export function ExplosionPreview({
  state,
  route,
  framed = true,
}: {
  state: PreviewState;
  route: Route | null;
  /** Inside its own panel with a title (the create form), or bare inside another section. */
  framed?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  let body;
  if (state.kind === 'idle') {
    body = (
      <Text size="sm" c="dimmed">
        {t('ppic.preview.idle')}
      </Text>
    );
  } else if (state.kind === 'loading') {
    body = (
      <Stack gap={6} aria-busy="true" aria-label={t('common.loading')}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={22} />
        ))}
      </Stack>
    );
  } else if (state.kind === 'error') {
    body = (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
        {describeError(state.error, t).message}
      </Alert>
    );
  } else if (state.kind === 'no-bom') {
    body = (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('ppic.preview.noBomTitle')}>
        {t('ppic.preview.noBomBody', { code: state.productCode })}
      </Alert>
    );
  } else {
    const { explosion, bom } = state;
    const short = explosion.requirements.filter((r) => r.shortage > 0 && !r.optional);
    const offRoute = route ? departmentsOffRoute(explosion, route) : [];
    const byDepartment = new Map<Department, Requirement[]>();
    for (const r of explosion.requirements) {
      const list = byDepartment.get(r.department) ?? [];
      list.push(r);
      byDepartment.set(r.department, list);
    }
    body = (
      <Stack gap="sm" style={{ opacity: state.stale ? 0.6 : 1 }}>
        <Group gap="xs">
          <Badge variant="light" color="gray" tt="none">
            {t('ppic.preview.bomRevision', { revision: bom.revision })}
          </Badge>
          {short.length === 0 ? (
            <Badge color="green" variant="light" tt="none" leftSection={<IconCircleCheck size={12} />}>
              {t('ppic.preview.allAvailable')}
            </Badge>
          ) : (
            <Badge color="red" variant="filled" tt="none" leftSection={<IconAlertTriangle size={12} />}>
              {t('ppic.preview.shortCount', { count: short.length })}
            </Badge>
          )}
        </Group>
        {offRoute.length > 0 && route && (
          <Alert color="orange" variant="light" icon={<IconRoute />} role="alert">
            {t('ppic.preview.offRoute', {
              route: t(`ppic.route.${route}`),
              departments: offRoute.map((d) => t(`departments.${d}`)).join(', '),
            })}
          </Alert>
        )}
        {short.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('ppic.preview.shortHint')}
          </Text>
        )}
        <ScrollArea.Autosize mah={framed ? 520 : 420} type="auto">
          <Table
            aria-label={t('ppic.preview.title')}
            verticalSpacing={4}
            fz="xs"
            stickyHeader
            highlightOnHover={false}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ppic.preview.material')}</Table.Th>
                <Table.Th ta="right">{t('ppic.preview.needed')}</Table.Th>
                <Table.Th ta="right">{t('ppic.preview.available')}</Table.Th>
                <Table.Th ta="right">{t('ppic.preview.shortage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...byDepartment].map(([department, rows]) => (
                <Fragment key={department}>
                  <Table.Tr bg="var(--mantine-color-gray-0)">
                    <Table.Td colSpan={4}>
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                        {t(`departments.${department}`)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {rows.map((r) => (
                    <Table.Tr
                      key={`${r.productId}-${r.department}`}
                      bg={r.shortage > 0 && !r.optional ? 'var(--mantine-color-red-0)' : undefined}
                    >
                      <Table.Td>
                        <Text size="xs" fw={600}>
                          {r.code}
                          {r.optional && (
                            <Text span size="xs" c="dimmed" fw={400}>
                              {' '}
                              · {t('ppic.preview.optional')}
                            </Text>
                          )}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {r.name}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatNumber(r.quantity, lang)} {r.uom}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatNumber(r.available, lang)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {r.shortage > 0 ? (
                          <Text span size="xs" c="red.8" fw={700}>
                            {formatNumber(r.shortage, lang)}
                          </Text>
                        ) : (
                          <Text span size="xs" c="dimmed">
                            {t('common.none')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    );
  }

  if (!framed) return body;
  return (
    <Paper p="sm" radius="md" bg="var(--mantine-color-gray-0)" h="100%">
      <Group gap="xs" mb="sm">
        <IconPackages size={18} />
        <Title order={4} fz="sm">
          {t('ppic.preview.title')}
        </Title>
      </Group>
      {body}
    </Paper>
  );
}
