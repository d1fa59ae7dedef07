import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { DataTablePaging, DataTableSort } from './columns';

/** A list filter kept in the address: free text (an id, a week), an on/off switch, or one of a few values. */
export type ListFilter = 'text' | 'flag' | readonly string[];

export type FilterValue<F> = F extends 'flag'
  ? boolean
  : F extends readonly (infer V)[]
    ? V | null
    : string | null;
type ParamValue<F> = F extends 'flag' ? true : NonNullable<FilterValue<F>>;

export type ListFilterValues<S extends Record<string, ListFilter>> = { [K in keyof S]: FilterValue<S[K]> };

/** What the list endpoint is asked: the filters that are set, the search, and the page. */
export type ListParams<S extends Record<string, ListFilter>> = { [K in keyof S]?: ParamValue<S[K]> } & {
  search?: string;
  skip: number;
  limit: number;
};

/** What a filter bar needs of a list page: its filters and search, and how to change them. */
export interface ListFilterControls<S extends Record<string, ListFilter>> {
  filters: ListFilterValues<S>;
  setFilter: <K extends keyof S & string>(key: K, value: FilterValue<S[K]>) => void;
  search: string;
  setSearch: (text: string) => void;
}

interface ListAnswer {
  items: readonly unknown[];
  total: number;
}

/** The address's names for the search, the page and the sort; the filters keep their own names. */
const SEARCH = 'q';
const PAGE = 'page';
const SORT = 'sort';

function readFilter(kind: ListFilter, raw: string | null): unknown {
  if (kind === 'flag') return raw === '1';
  if (kind === 'text') return raw || null;
  return raw !== null && kind.includes(raw) ? raw : null;
}

/**
 * A server-paged list page's wiring: its filters, search, page and sort in the address (so the back
 * button and a shared link keep them; a changed filter starts again from page 1), the search sent
 * once typing pauses, the list query, and the props that hand all of it to `DataTable`.
 */
export function useListPage<S extends Record<string, ListFilter>, A extends ListAnswer, K extends QueryKey>({
  filters: kinds,
  pageSize,
  query,
}: {
  filters: S;
  pageSize: number;
  /** The list's query options for one set of params (its query key holds the params). */
  query: (params: ListParams<S>) => UseQueryOptions<A, Error, A, K>;
}) {
  const [address, setAddress] = useSearchParams();
  const search = address.get(SEARCH) ?? '';
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const page = Math.max(1, Math.floor(Number(address.get(PAGE))) || 1);
  const sortParam = address.get(SORT);
  const sort: DataTableSort | null = sortParam
    ? { id: sortParam.replace(/^-/, ''), desc: sortParam.startsWith('-') }
    : null;

  const filters = {} as ListFilterValues<S>;
  const params = { skip: (page - 1) * pageSize, limit: pageSize } as ListParams<S>;
  let filtered = debounced !== '';
  for (const key of Object.keys(kinds) as (keyof S & string)[]) {
    const value = readFilter(kinds[key], address.get(key));
    filters[key] = value as FilterValue<S[typeof key]>;
    if (value) {
      (params as Record<string, unknown>)[key] = value;
      filtered = true;
    }
  }
  if (debounced) params.search = debounced;

  const list = useQuery(query(params));

  /** Sets (or with null, '' or false clears) one name of the address; a filter's change goes back to page 1. */
  const update = (key: string, value: string | boolean | null) =>
    setAddress(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === false || value === '') next.delete(key);
        else next.set(key, value === true ? '1' : value);
        if (key !== PAGE && key !== SORT) next.delete(PAGE);
        return next;
      },
      { replace: true },
    );

  const paging: DataTablePaging = {
    page,
    pageSize,
    total: list.data?.total ?? 0,
    onPageChange: (p) => update(PAGE, p > 1 ? String(p) : null),
  };

  return {
    filters,
    setFilter: <K extends keyof S & string>(key: K, value: FilterValue<S[K]>) => update(key, value),
    /** The search as typed (the query gets it once typing pauses). */
    search,
    setSearch: (text: string) => update(SEARCH, text),
    /** The query's params: for the list, and for the server's CSV of the whole filter. */
    params,
    /** Whether any filter or search narrows the list (the empty state says so). */
    filtered,
    list,
    /** Spread onto `DataTable`: rows, loading, failure with retry, an older page on show, paging, sort. */
    table: {
      rows: list.data?.items as A['items'] | undefined,
      loading: list.isPending,
      error: list.error,
      onRetry: () => void list.refetch(),
      stale: list.isPlaceholderData,
      paging,
      sort,
      onSortChange: (s: DataTableSort | null) => update(SORT, s ? `${s.desc ? '-' : ''}${s.id}` : null),
    },
  };
}
