import { ActionIcon, Button, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { VARIANT_TYPES, type Unit } from '@kapok/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../components/NumberField';
import { ProductPicker } from '../shared/ProductPicker';
import { fieldNumber, formNumber, newVariant, type BomFormValues } from './bom-form';
import { formMessage } from './messages';

/**
 * The materials a line may use instead of (ALTERNATIVE, by preference order) or besides (OPTIONAL) its
 * component. A quantity is needed only when it differs from the line's, in the line's unit.
 */
export function VariantsEditor({
  lineIndex,
  lineLabel,
  uom,
  excludeIds,
}: {
  lineIndex: number;
  lineLabel: string;
  uom: Unit | null;
  excludeIds: readonly string[];
}) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<BomFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `lines.${lineIndex}.variants` });
  const name = (j: number) => `lines.${lineIndex}.variants.${j}` as const;

  const add = () => {
    const taken = getValues(`lines.${lineIndex}.variants`).map((v) => Number(v.sequence) || 0);
    append(newVariant(Math.min(99, Math.max(0, ...taken) + 1)), {
      focusName: `${name(fields.length)}.material`,
    });
  };

  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('bom.variants.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('bom.variants.hint')}
        </Text>
      </Group>
      {fields.length > 0 && (
        <Table
          fz="sm"
          verticalSpacing={4}
          highlightOnHover={false}
          aria-label={t('bom.variants.tableLabel', { line: lineLabel })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bom.variants.material')}</Table.Th>
              <Table.Th w={150}>{t('bom.variants.type')}</Table.Th>
              <Table.Th w={90}>{t('bom.variants.sequence')}</Table.Th>
              <Table.Th w={200}>{t('bom.variants.quantity')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field, j) => {
              const label = t('bom.variants.rowLabel', { n: j + 1, line: lineLabel });
              return (
                <Table.Tr key={field.id}>
                  <Table.Td>
                    <Controller
                      control={control}
                      name={`${name(j)}.material`}
                      render={({ field: f, fieldState }) => (
                        <ProductPicker
                          ref={f.ref}
                          size="xs"
                          aria-label={`${t('bom.variants.material')} · ${label}`}
                          placeholder={t('bom.picker.searchMaterial')}
                          value={f.value}
                          excludeIds={excludeIds}
                          onChange={(p) => f.onChange(p ? { id: p.id, code: p.code, name: p.name } : null)}
                          onBlur={f.onBlur}
                          error={formMessage(t, fieldState.error?.message)}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={control}
                      name={`${name(j)}.variantType`}
                      render={({ field: f, fieldState }) => (
                        <Select
                          ref={f.ref}
                          size="xs"
                          aria-label={`${t('bom.variants.type')} · ${label}`}
                          data={VARIANT_TYPES.map((v) => ({ value: v, label: t(`bom.variantTypes.${v}`) }))}
                          value={f.value}
                          onChange={(v) => v && f.onChange(v)}
                          onBlur={f.onBlur}
                          allowDeselect={false}
                          error={formMessage(t, fieldState.error?.message)}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={control}
                      name={`${name(j)}.sequence`}
                      render={({ field: f, fieldState }) => (
                        <NumberField
                          ref={f.ref}
                          size="xs"
                          aria-label={`${t('bom.variants.sequence')} · ${label}`}
                          min={1}
                          max={99}
                          whole
                          value={fieldNumber(f.value)}
                          onChange={(v) => f.onChange(formNumber(v))}
                          onBlur={f.onBlur}
                          error={formMessage(t, fieldState.error?.message)}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={control}
                      name={`${name(j)}.neededQuantity`}
                      render={({ field: f, fieldState }) => (
                        <NumberField
                          ref={f.ref}
                          size="xs"
                          aria-label={`${t('bom.variants.quantity')} · ${label}`}
                          placeholder={t('bom.variants.sameAsLine')}
                          unit={uom}
                          min={0}
                          minExclusive
                          max={1_000_000}
                          decimals={6}
                          whole={false}
                          value={fieldNumber(f.value)}
                          onChange={(v) => f.onChange(formNumber(v))}
                          onBlur={f.onBlur}
                          error={formMessage(t, fieldState.error?.message)}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('bom.variants.remove')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => remove(j)}
                        aria-label={`${t('bom.variants.remove')} · ${label}`}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={add}
        mt={4}
        disabled={fields.length >= 10}
        aria-label={`${t('bom.variants.add')} · ${lineLabel}`}
      >
        {t('bom.variants.add')}
      </Button>
    </div>
  );
}
