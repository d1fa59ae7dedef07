import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { convertibleUnits, LOCATION_TYPES, toStockUnits, type Unit } from '@kapok/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RefCallBack } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField, numberFromText, numberToText } from '../../../../components/NumberField';
import { productQueries, type Balance, type Location, type Product } from '../../api';
import { LotStatusBadge } from '../../../../components/LotStatusBadge';
import { formatDay, formatQuantity, productLabel } from '../format';

/** A form field bound through react-hook-form's useController. */
export interface BoundField {
  field: {
    value: string;
    onChange: (value: string) => void;
    onBlur: () => void;
    name: string;
    ref: RefCallBack;
  };
  fieldState: { error?: { message?: string } };
}

/** Zod messages are i18n keys; the server's are sentences. Both pass through t(). */
export function useFieldMessage() {
  const { t } = useTranslation();
  return (message?: string) => (message ? t(message) : undefined);
}

/** A searchable product picker; the server searches code and name. */
export function ProductField({
  bound,
  onProduct,
  autoFocus,
}: {
  bound: BoundField;
  onProduct: (product: Product | null) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { value, onChange, onBlur, name, ref } = bound.field;
  const error = message(bound.fieldState.error?.message);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useQuery({ ...productQueries.detail(value), enabled: !!value });
  // Choosing an option writes its label into the search box; that is no new search.
  const term = selected.data && debounced === productLabel(selected.data) ? '' : debounced;
  const results = useQuery(productQueries.search(term));

  const byId = new Map<string, Product>();
  if (selected.data) byId.set(selected.data.id, selected.data);
  for (const product of results.data ?? []) byId.set(product.id, product);

  return (
    <Select
      label={t('warehouse.product.product')}
      placeholder={t('warehouse.forms.productPlaceholder')}
      withAsterisk
      searchable
      data={[...byId.values()].map((p) => ({ value: p.id, label: productLabel(p) }))}
      filter={({ options }) => options}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        onChange(id ?? '');
        onProduct(id ? (byId.get(id) ?? null) : null);
      }}
      onBlur={onBlur}
      name={name}
      ref={ref}
      error={error}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('warehouse.forms.noProducts')}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
      data-autofocus={autoFocus || undefined}
      maxDropdownHeight={320}
    />
  );
}

/** A location picker grouped by location type, with an optional note per location (stock there). */
export function LocationField({
  bound,
  label,
  locations,
  note,
  placeholder,
  description,
  required = true,
  nothingFound,
  onLocation,
}: {
  bound: BoundField;
  label: string;
  locations: readonly Location[];
  note?: (location: Location) => string | undefined;
  placeholder?: string;
  description?: string;
  required?: boolean;
  nothingFound?: string;
  onLocation?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const { value, onChange, onBlur, name, ref } = bound.field;
  const error = message(bound.fieldState.error?.message);
  const notes = new Map(locations.map((l) => [l.id, note?.(l)]));
  const data = LOCATION_TYPES.map((type) => ({
    group: t(`warehouse.locationTypes.${type}`),
    items: locations
      .filter((l) => l.type === type)
      .map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` })),
  })).filter((g) => g.items.length > 0);

  return (
    <Select
      label={label}
      placeholder={placeholder ?? t('warehouse.forms.locationPlaceholder')}
      description={description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      withAsterisk={required}
      clearable={!required}
      searchable
      data={data}
      value={value || null}
      onChange={(id) => {
        onChange(id ?? '');
        onLocation?.(id);
      }}
      onBlur={onBlur}
      name={name}
      ref={ref}
      error={error}
      nothingFoundMessage={nothingFound ?? t('warehouse.forms.noLocations')}
      renderOption={({ option }) => (
        <Group justify="space-between" wrap="nowrap" w="100%" gap="md">
          <Text size="sm">{option.label}</Text>
          {notes.get(option.value) && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {notes.get(option.value)}
            </Text>
          )}
        </Group>
      )}
      maxDropdownHeight={320}
    />
  );
}

/** Sentinel of the lot pickers: no lot named (FIFO for issues, the whole location for counts). */
export const ANY_LOT = 'ANY';

/** Lots of a product at one location, oldest received first (the FIFO order). */
export function lotsAt(balances: readonly Balance[], locationId: string): Balance[] {
  return balances
    .filter((b) => b.locationId === locationId && b.lotId && b.onHand > 0)
    .sort((a, b) => (a.lotReceivedAt ?? '').localeCompare(b.lotReceivedAt ?? ''));
}

export function LotField({
  bound,
  lots,
  anyLabel,
  disabled,
}: {
  bound: BoundField;
  lots: readonly Balance[];
  anyLabel: string;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const message = useFieldMessage();
  const { value, onChange, onBlur, name, ref } = bound.field;
  const error = message(bound.fieldState.error?.message);
  // Released is the rule: only a lot QC holds back is marked.
  const statusOf = new Map(lots.map((b) => [b.lotId!, b.qualityStatus] as const));
  const data = [
    { value: ANY_LOT, label: anyLabel },
    ...lots.map((b) => ({
      value: b.lotId!,
      // Fully reserved lots are listed (the stock is there) but cannot be taken.
      disabled: b.available <= 0,
      label: t('warehouse.forms.lotOption', {
        lot: b.lotNumber,
        date: b.lotReceivedAt ? formatDay(b.lotReceivedAt, i18n.language) : t('common.none'),
        quantity: formatQuantity(b.available, b.uom, i18n.language),
      }),
    })),
  ];
  return (
    <Select
      label={t('warehouse.balances.lot')}
      data={data}
      value={value || ANY_LOT}
      onChange={(v) => onChange(v ?? ANY_LOT)}
      onBlur={onBlur}
      name={name}
      ref={ref}
      allowDeselect={false}
      disabled={disabled}
      error={error}
      maxDropdownHeight={280}
      renderOption={({ option }) => {
        const status = statusOf.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <span>{option.label}</span>
            {status && status !== 'RELEASED' && <LotStatusBadge state={status} size="sm" />}
          </Group>
        );
      }}
    />
  );
}

/** The quantity in `unit` converted to the product's stock unit, or null when there is nothing to show. */
export function convertedQuantity(quantity: string, unit: Unit, product: Product): string | null {
  const value = quantity.trim();
  if (unit === product.uom || value === '' || !Number.isFinite(Number(value))) return null;
  return toStockUnits(value, unit, product.uom, product.unitConversions);
}

/**
 * A quantity with its unit: any unit convertible for the product, and underneath, as the user types,
 * what it comes to in the stock unit ("= 91.44 METER").
 */
export function QuantityField({
  label,
  quantity,
  uom,
  product,
  allowZero = false,
}: {
  label: string;
  quantity: BoundField;
  uom: BoundField;
  product: Product | undefined;
  allowZero?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const message = useFieldMessage();
  const units = product ? convertibleUnits(product.uom, product.unitConversions) : [];
  const { ref: quantityRef, ...q } = quantity.field;
  const { ref: uomRef, ...u } = uom.field;
  const quantityError = message(quantity.fieldState.error?.message);
  const uomError = message(uom.fieldState.error?.message);
  const unit = (u.value || product?.uom || null) as Unit | null;
  const converted = product && unit ? convertedQuantity(q.value, unit, product) : null;
  const hintId = `${q.name}-converted`;
  const hint = !product
    ? t('warehouse.forms.chooseProductFirst')
    : converted
      ? `= ${formatQuantity(converted, product.uom, i18n.language)}`
      : unit !== product.uom
        ? t('warehouse.forms.convertsTo', { unit: product.uom })
        : t('warehouse.forms.stockUnit', { unit: product.uom });

  return (
    <Stack gap={4}>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <NumberField
          style={{ flex: 1 }}
          label={label}
          withAsterisk
          unit={unit}
          min={0}
          minExclusive={!allowZero}
          value={numberFromText(q.value)}
          onChange={(v) => q.onChange(numberToText(v))}
          onBlur={q.onBlur}
          name={q.name}
          ref={quantityRef}
          placeholder={allowZero ? '0' : undefined}
          error={quantityError}
          aria-describedby={hintId}
        />
        <Select
          w={120}
          label={t('warehouse.forms.unit')}
          data={units}
          value={unit}
          onChange={(v) => u.onChange(v ?? '')}
          onBlur={u.onBlur}
          name={u.name}
          ref={uomRef}
          allowDeselect={false}
          disabled={!product || units.length < 2}
          error={uomError}
        />
      </Group>
      <Text
        id={hintId}
        size="sm"
        c={converted ? 'kapok.8' : 'dimmed'}
        fw={converted ? 600 : undefined}
        aria-live="polite"
      >
        {hint}
      </Text>
    </Stack>
  );
}
