import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { convertibleUnits, DEPARTMENTS, type Department, type Unit } from '@kapok/contracts';
import { IconChevronDown, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../components/NumberField';
import { productQueries } from '../../api';
import { SubBomLines } from '../shared/BomStructure';
import { ProductPicker } from '../shared/ProductPicker';
import { fieldNumber, formNumber, type BomFormValues } from './bom-form';
import classes from './BomEditor.module.css';
import { formMessage } from './messages';
import { VariantsEditor } from './VariantsEditor';

export const LINE_COLUMNS = 7;

/** Units the line may be written in: the component's stock unit and every unit convertible to it. */
function useLineUnits(component: BomFormValues['lines'][number]['component'], current: Unit | null): Unit[] {
  const product = useQuery({ ...productQueries.detail(component?.id ?? ''), enabled: !!component });
  if (!component) return current ? [current] : [];
  const units = convertibleUnits(component.uom, product.data?.unitConversions ?? []);
  return current && !units.includes(current) ? [...units, current] : units;
}

/**
 * One BOM line: component, quantity, unit, wastage, and below it (when opened) its department and
 * variants, and the component's own BOM when it is made in-house. Enter in a number adds a line.
 */
export function LineRow({
  index,
  number,
  productId,
  onAddAfter,
  onRemove,
  onMove,
}: {
  index: number;
  /** The line's number within its department, for labels. */
  number: number;
  productId: string | null;
  onAddAfter: (index: number) => void;
  onRemove: (index: number) => void;
  onMove: (index: number, department: Department) => void;
}) {
  const { t } = useTranslation();
  const { control, setValue, getFieldState, formState } = useFormContext<BomFormValues>();
  const name = `lines.${index}` as const;
  const component = useWatch({ control, name: `${name}.component` });
  const uom = useWatch({ control, name: `${name}.uom` });
  const department = useWatch({ control, name: `${name}.department` });
  const variantCount = useWatch({ control, name: `${name}.variants` })?.length ?? 0;
  const units = useLineUnits(component, uom);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [subOpen, setSubOpen] = useState(false);
  // A variant error opens the details, so the message is seen.
  const variantsInvalid = !!getFieldState(`${name}.variants`, formState).error;
  const showDetails = detailsOpen || variantsInvalid;

  const lineLabel = component
    ? t('bom.editor.lineLabelWith', {
        department: t(`departments.${department}`),
        n: number,
        code: component.code,
      })
    : t('bom.editor.lineLabel', { department: t(`departments.${department}`), n: number });
  const addOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    onAddAfter(index);
  };

  return (
    <>
      <Table.Tr className={classes.line}>
        <Table.Td className={classes.toggleCell}>
          {component?.bomId && (
            <Tooltip
              label={t(subOpen ? 'bom.structure.collapse' : 'bom.structure.expand', { code: component.code })}
              withArrow
            >
              <ActionIcon
                variant="subtle"
                size="sm"
                onClick={() => setSubOpen((o) => !o)}
                aria-expanded={subOpen}
                aria-label={t(subOpen ? 'bom.structure.collapse' : 'bom.structure.expand', {
                  code: component.code,
                })}
              >
                {subOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`${name}.component`}
            render={({ field, fieldState }) => (
              <ProductPicker
                ref={field.ref}
                size="sm"
                aria-label={`${t('bom.fields.component')} · ${lineLabel}`}
                placeholder={t('bom.picker.searchComponent')}
                value={field.value}
                excludeIds={productId ? [productId] : []}
                onChange={(p) => {
                  field.onChange(
                    p
                      ? { id: p.id, code: p.code, name: p.name, type: p.type, uom: p.uom, bomId: null }
                      : null,
                  );
                  if (p) setValue(`${name}.uom`, p.uom, { shouldDirty: true });
                }}
                onBlur={field.onBlur}
                error={formMessage(t, fieldState.error?.message)}
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`${name}.neededQuantity`}
            render={({ field, fieldState }) => (
              <NumberField
                ref={field.ref}
                aria-label={`${t('bom.fields.quantity')} · ${lineLabel}`}
                min={0}
                minExclusive
                max={1_000_000}
                decimals={6}
                // A line is per unit of output: a 60-piece carton is 0.0167 CARTON per toy.
                whole={false}
                value={fieldNumber(field.value)}
                onChange={(v) => field.onChange(formNumber(v))}
                onBlur={field.onBlur}
                onKeyDown={addOnEnter}
                error={formMessage(t, fieldState.error?.message)}
                classNames={{ input: classes.numeric }}
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`${name}.uom`}
            render={({ field, fieldState }) => (
              <Select
                ref={field.ref}
                aria-label={`${t('bom.fields.unit')} · ${lineLabel}`}
                data={units}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                onBlur={field.onBlur}
                allowDeselect={false}
                disabled={!component}
                placeholder={component?.uom}
                error={formMessage(t, fieldState.error?.message)}
                comboboxProps={{ width: 130 }}
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`${name}.wastagePercent`}
            render={({ field, fieldState }) => (
              <NumberField
                ref={field.ref}
                aria-label={`${t('bom.fields.wastage')} · ${lineLabel}`}
                unit="%"
                min={0}
                max={99.99}
                decimals={2}
                value={fieldNumber(field.value)}
                onChange={(v) => field.onChange(formNumber(v))}
                onBlur={field.onBlur}
                onKeyDown={addOnEnter}
                error={formMessage(t, fieldState.error?.message)}
                classNames={{ input: classes.numeric }}
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <Button
            variant={showDetails ? 'light' : 'subtle'}
            color={variantsInvalid ? 'red' : undefined}
            size="compact-sm"
            onClick={() => setDetailsOpen((o) => !o)}
            aria-expanded={showDetails}
            aria-label={`${t('bom.editor.details')} · ${lineLabel}`}
            rightSection={
              variantCount > 0 ? (
                <Badge size="xs" circle variant="filled">
                  {variantCount}
                </Badge>
              ) : undefined
            }
          >
            {t('bom.fields.variants')}
          </Button>
        </Table.Td>
        <Table.Td>
          <Tooltip label={t('bom.editor.removeLine')} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => onRemove(index)}
              aria-label={`${t('bom.editor.removeLine')} · ${lineLabel}`}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      </Table.Tr>
      {showDetails && (
        <Table.Tr className={classes.detailsRow}>
          <Table.Td />
          <Table.Td colSpan={LINE_COLUMNS - 1}>
            <Stack gap="sm" py={4}>
              <Group gap="sm" align="flex-end">
                <Select
                  size="xs"
                  w={220}
                  label={t('bom.editor.consumedBy')}
                  data={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
                  value={department}
                  onChange={(d) => d && d !== department && onMove(index, d as Department)}
                  allowDeselect={false}
                />
                <Text size="xs" c="dimmed" pb={6}>
                  {t('bom.editor.consumedByHint')}
                </Text>
              </Group>
              <VariantsEditor
                lineIndex={index}
                lineLabel={lineLabel}
                uom={uom ?? component?.uom ?? null}
                excludeIds={[component?.id, productId].filter((id): id is string => !!id)}
              />
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
      {subOpen && component?.bomId && (
        <Table.Tr className={classes.detailsRow}>
          <Table.Td />
          <Table.Td colSpan={LINE_COLUMNS - 1}>
            <SubBomLines bomId={component.bomId} depth={1} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
