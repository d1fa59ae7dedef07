import { Group, Select, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SearchableProduct {
  id: string;
  code: string;
  name: string;
}

const productLabel = (p: SearchableProduct) => `${p.code} · ${p.name}`;

/**
 * A product picker that searches on the server by code or name (debounced) and shows what the
 * server answered; each feature passes its own query (which product types) and a trailing detail.
 */
export function ProductSearchSelect<P extends SearchableProduct>({
  value,
  onChange,
  onBlur,
  error,
  label,
  placeholder,
  nothingFound,
  useResults,
  detail,
  maxDropdownHeight = 300,
}: {
  value: P | null;
  onChange: (product: P | null) => void;
  onBlur: () => void;
  error?: string;
  label: string;
  placeholder: string;
  nothingFound: string;
  /** A hook running the feature's search query, e.g. `(s) => useQuery(productQueries.search(s))`. */
  useResults: (search: string) => { data?: P[]; isFetching: boolean };
  detail?: (product: P) => ReactNode;
  maxDropdownHeight?: number;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Once a product is chosen the input shows its label; that is not a new search.
  const term = value && search === productLabel(value) ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const products = useResults(debounced);
  const byId = useMemo(() => {
    const map = new Map<string, P>();
    for (const p of products.data ?? []) map.set(p.id, p);
    if (value) map.set(value.id, value);
    return map;
  }, [products.data, value]);
  const data: ComboboxItem[] = [...byId.values()].map((p) => ({ value: p.id, label: productLabel(p) }));

  return (
    <Select
      label={label}
      placeholder={placeholder}
      withAsterisk
      searchable
      clearable
      data-autofocus
      leftSection={<IconSearch size={16} />}
      data={data}
      // The server already filtered by the search; show what it answered.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      onBlur={onBlur}
      nothingFoundMessage={products.isFetching ? t('common.loading') : nothingFound}
      renderOption={({ option }) => {
        const p = byId.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={700}>
                {p?.code}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {p?.name}
              </Text>
            </div>
            {p && detail?.(p)}
          </Group>
        );
      }}
      error={error}
      maxDropdownHeight={maxDropdownHeight}
    />
  );
}
