import { Select, Text, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ProductType } from '@kapok/contracts';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { bomKeys, productQueries, type Product } from '../../api';

/** What the picker shows of the chosen product; a saved BOM line knows no more than this. */
export interface PickedProduct {
  id: string;
  code: string;
  name: string;
}

const labelOf = (p: PickedProduct) => `${p.code} — ${p.name}`;
const isProduct = (p: Product | PickedProduct | undefined): p is Product => !!p && 'unitConversions' in p;

/**
 * A searchable product select: the server searches code and name as the user types, so it works
 * with thousands of materials. The chosen product is also stored as the product's detail (its units).
 */
export function ProductPicker({
  value,
  onChange,
  types,
  excludeIds = [],
  ref,
  ...props
}: {
  value: PickedProduct | null;
  onChange: (product: Product | null) => void;
  types?: readonly ProductType[];
  excludeIds?: readonly string[];
  ref?: Ref<HTMLInputElement>;
} & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  // A value set from outside (a reset, a reloaded BOM) shows its label, as a chosen one does.
  const [shownId, setShownId] = useState(value?.id ?? null);
  if ((value?.id ?? null) !== shownId) {
    setShownId(value?.id ?? null);
    setSearch(value ? labelOf(value) : '');
  }
  // Once a product is chosen the input shows its label; that is not a new search.
  const term = value && search === labelOf(value) ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const [opened, setOpened] = useState(false);
  const products = useQuery({ ...productQueries.search(debounced, types ?? []), enabled: opened });

  const byId = useMemo(() => {
    const map = new Map<string, Product | PickedProduct>();
    for (const p of products.data ?? []) if (!excludeIds.includes(p.id)) map.set(p.id, p);
    if (value) map.set(value.id, value);
    return map;
  }, [products.data, value, excludeIds]);
  const data: ComboboxItem[] = [...byId.values()].map((p) => ({ value: p.id, label: labelOf(p) }));

  return (
    <Select
      ref={ref}
      searchable
      leftSection={<IconSearch size={14} />}
      data={data}
      // The server already filtered by the search; show what it answered.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      value={value?.id ?? null}
      onChange={(id) => {
        const product = id ? byId.get(id) : undefined;
        if (isProduct(product)) {
          queryClient.setQueryData(bomKeys.product(product.id), product);
          onChange(product);
        } else if (!id) onChange(null);
      }}
      nothingFoundMessage={products.isFetching ? t('common.loading') : t('bom.picker.nothingFound')}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        // The dropdown grows to its widest option, so the short facts go first and the name last.
        return (
          <div>
            <Text size="sm" fw={700}>
              {p?.code}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {isProduct(p) ? `${p.uom} · ${t(`bom.productTypes.${p.type}`)} · ${p.name}` : p?.name}
            </Text>
          </div>
        );
      }}
      maxDropdownHeight={300}
      comboboxProps={{ width: 'target', position: 'bottom-start', withinPortal: true }}
      {...props}
    />
  );
}
