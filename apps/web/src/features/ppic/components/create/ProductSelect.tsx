import { Badge, Group, Select, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planningQueries, type PlannableProduct } from '../../api';

const productLabel = (p: PlannableProduct) => `${p.code} · ${p.name}`;

/** Searches finished goods and WIP by code or name, on the server. */
export function ProductSelect({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: PlannableProduct | null;
  onChange: (product: PlannableProduct | null) => void;
  onBlur: () => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // Once a product is chosen the input shows its label; that is not a new search.
  const term = value && search === productLabel(value) ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const products = useQuery(planningQueries.products(debounced));
  const byId = useMemo(() => {
    const map = new Map<string, PlannableProduct>();
    for (const p of products.data ?? []) map.set(p.id, p);
    if (value) map.set(value.id, value);
    return map;
  }, [products.data, value]);
  const data: ComboboxItem[] = [...byId.values()].map((p) => ({ value: p.id, label: productLabel(p) }));

  return (
    <Select
      label={t('ppic.create.product')}
      placeholder={t('ppic.create.productPlaceholder')}
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
      nothingFoundMessage={products.isFetching ? t('common.loading') : t('ppic.create.noProducts')}
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
            {p && (
              <Badge size="xs" variant="light" color={p.type === 'WIP' ? 'grape' : 'teal'} tt="none">
                {t(`ppic.productType.${p.type}`)}
              </Badge>
            )}
          </Group>
        );
      }}
      error={error}
      maxDropdownHeight={300}
    />
  );
}
