import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Popover,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorState } from '../../../components/ErrorState';
import { NumberField, numberFromText, numberToText } from '../../../components/NumberField';
import { TableSkeleton } from '../../../components/LoadingState';
import { usePermission } from '../../../lib/auth';
import { describeError, fieldErrors } from '../../../lib/errors';
import {
  locationQueries,
  thresholdQueries,
  useDeleteThreshold,
  useSetThreshold,
  type Threshold,
} from '../api';
import { formatNumber } from './format';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';

/** The product-wide threshold has no location; the Select needs a value for it. */
const ALL_RACKS = 'ALL';

const schema = z
  .object({
    locationId: z.string(),
    minimumQuantity: z
      .string()
      .refine((v) => v.trim() !== '', 'validation.required')
      .refine((v) => v.trim() === '' || Number(v) > 0, 'warehouse.validation.positive'),
    criticalQuantity: z.string(),
  })
  .refine(
    (v) => v.criticalQuantity.trim() === '' || Number(v.criticalQuantity) <= Number(v.minimumQuantity),
    {
      message: 'warehouse.validation.criticalAboveMin',
      path: ['criticalQuantity'],
    },
  );
type Values = z.infer<typeof schema>;
const EMPTY: Values = { locationId: ALL_RACKS, minimumQuantity: '', criticalQuantity: '' };

/**
 * The alert thresholds of one product: one over all warehouse racks and any per location. Saving a
 * threshold for a scope that has one replaces it; the server re-evaluates the alert at once.
 */
export function ThresholdEditor({ productId, uom }: { productId: string; uom: string }) {
  const { t, i18n } = useTranslation();
  const canEdit = usePermission('warehouse.update');
  const thresholds = useQuery(thresholdQueries.forProduct(productId));
  const locations = useQuery(locationQueries.all());
  const save = useSetThreshold();
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const n = (value: number) => formatNumber(value, i18n.language);
  const message = (key?: string) => (key ? t(key) : undefined);
  const minimumQuantity = useWatch({ control, name: 'minimumQuantity' });
  const defaultCritical =
    Number(minimumQuantity) > 0 ? n(Math.round(Number(minimumQuantity) * 0.15 * 1e4) / 1e4) : null;

  const scopeOptions = [
    { value: ALL_RACKS, label: t('warehouse.thresholds.allRacks') },
    ...(locations.data ?? [])
      .filter((l) => l.internal && l.active)
      .map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })),
  ];

  const onSubmit = handleSubmit((values) =>
    save.mutate(
      {
        productId,
        locationId: values.locationId === ALL_RACKS ? undefined : values.locationId,
        minimumQuantity: Number(values.minimumQuantity),
        criticalQuantity: values.criticalQuantity.trim() === '' ? undefined : Number(values.criticalQuantity),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('warehouse.thresholds.saved', {
              scope: saved.locationCode ?? t('warehouse.thresholds.allRacks'),
            }),
          });
          reset(EMPTY);
        },
        onError: (error) => {
          for (const [field, text] of Object.entries(fieldErrors(error)))
            if (field === 'minimumQuantity' || field === 'criticalQuantity' || field === 'locationId')
              setError(field, { type: 'server', message: text });
        },
      },
    ),
  );
  const edit = (threshold: Threshold) =>
    reset({
      locationId: threshold.locationId ?? ALL_RACKS,
      minimumQuantity: String(threshold.minimumQuantity),
      criticalQuantity: String(threshold.criticalQuantity),
    });
  const serverError = save.error && Object.keys(fieldErrors(save.error)).length === 0 ? save.error : null;

  return (
    <SimpleGrid cols={{ base: 1, md: canEdit ? 2 : 1 }} spacing="xl">
      <Stack gap="xs">
        {thresholds.isPending ? (
          <TableSkeleton rows={2} />
        ) : thresholds.isError ? (
          <ErrorState error={thresholds.error} onRetry={() => void thresholds.refetch()} />
        ) : thresholds.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('warehouse.thresholds.none')}
          </Text>
        ) : (
          <Table aria-label={t('warehouse.thresholds.title')} highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.thresholds.scope')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.thresholds.min')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.thresholds.critical')}</Table.Th>
                {canEdit && <Table.Th w={76} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {thresholds.data.map((threshold) => (
                <Table.Tr key={threshold.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} ff={threshold.locationCode ? 'monospace' : undefined}>
                      {threshold.locationCode ?? t('warehouse.thresholds.allRacks')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {n(threshold.minimumQuantity)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {n(threshold.criticalQuantity)}
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('common.edit')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('warehouse.thresholds.editOf', {
                              scope: threshold.locationCode ?? t('warehouse.thresholds.allRacks'),
                            })}
                            onClick={() => edit(threshold)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <DeleteThreshold threshold={threshold} />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {thresholds.data && thresholds.data.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('warehouse.thresholds.unitNote', { unit: uom })}
          </Text>
        )}
      </Stack>
      {canEdit && (
        <form onSubmit={onSubmit} noValidate aria-label={t('warehouse.thresholds.formLabel')}>
          <UnsavedChangesGuard dirty={isDirty} />
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t('warehouse.thresholds.setTitle')}
            </Text>
            <Controller
              control={control}
              name="locationId"
              render={({ field }) => (
                <Select
                  label={t('warehouse.thresholds.scope')}
                  data={scopeOptions}
                  searchable
                  allowDeselect={false}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? ALL_RACKS)}
                  error={message(errors.locationId?.message)}
                />
              )}
            />
            <Group grow align="flex-start">
              <Controller
                control={control}
                name="minimumQuantity"
                render={({ field }) => (
                  <NumberField
                    label={t('warehouse.thresholds.minLabel', { unit: uom })}
                    withAsterisk
                    unit={uom}
                    min={0}
                    minExclusive
                    value={numberFromText(field.value)}
                    onChange={(v) => field.onChange(numberToText(v))}
                    onBlur={field.onBlur}
                    error={message(errors.minimumQuantity?.message)}
                  />
                )}
              />
              <Controller
                control={control}
                name="criticalQuantity"
                render={({ field }) => (
                  <NumberField
                    label={t('warehouse.thresholds.criticalLabel', { unit: uom })}
                    placeholder={
                      defaultCritical
                        ? t('warehouse.thresholds.criticalDefault', { quantity: defaultCritical })
                        : t('warehouse.thresholds.criticalDefaultShort')
                    }
                    unit={uom}
                    min={0}
                    value={numberFromText(field.value)}
                    onChange={(v) => field.onChange(numberToText(v))}
                    onBlur={field.onBlur}
                    error={message(errors.criticalQuantity?.message)}
                  />
                )}
              />
            </Group>
            {serverError ? (
              <Alert color="red" variant="light" role="alert">
                {describeError(serverError, t).message}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => reset(EMPTY)}>
                {t('common.reset')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('warehouse.thresholds.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SimpleGrid>
  );
}

function DeleteThreshold({ threshold }: { threshold: Threshold }) {
  const { t } = useTranslation();
  const remove = useDeleteThreshold();
  const [opened, setOpened] = useState(false);
  const scope = threshold.locationCode ?? t('warehouse.thresholds.allRacks');
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="bottom-end" width={260}>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('warehouse.thresholds.deleteOf', { scope })}
          onClick={() => setOpened((o) => !o)}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">{t('warehouse.thresholds.deleteConfirm', { scope })}</Text>
          {remove.error ? (
            <Text size="xs" c="red">
              {describeError(remove.error, t).message}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(threshold.id, {
                  onSuccess: () => {
                    setOpened(false);
                    notifications.show({ message: t('warehouse.thresholds.deleted', { scope }) });
                  },
                })
              }
            >
              {t('warehouse.thresholds.delete')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
