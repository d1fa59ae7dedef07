import { Select, TextInput, type ComboboxData } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FilterValue, ListFilter, ListFilterControls } from './useListPage';

/** The list's search box (sent once typing pauses). Without a label, the placeholder names it. */
export function SearchFilter({
  list,
  label,
  placeholder,
  w,
}: {
  list: Pick<ListFilterControls<Record<string, ListFilter>>, 'search' | 'setSearch'>;
  label?: string;
  placeholder: string;
  w: number;
}) {
  return (
    <TextInput
      label={label}
      aria-label={label ? undefined : placeholder}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={list.search}
      onChange={(e) => list.setSearch(e.currentTarget.value)}
      w={w}
    />
  );
}

/** One filter of the list as a choice, "all" when cleared. */
export function SelectFilter<S extends Record<string, ListFilter>, K extends keyof S & string>({
  list,
  name,
  label,
  data,
  searchable,
  w,
}: {
  list: ListFilterControls<S>;
  name: K;
  label: string;
  data: ComboboxData;
  searchable?: boolean;
  w: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={t('common.all')}
      clearable
      searchable={searchable}
      data={data}
      value={list.filters[name] as string | null}
      onChange={(v) => list.setFilter(name, v as FilterValue<S[K]>)}
      w={w}
    />
  );
}
