import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageQuery } from './paging.js';

/** Each whitelisted field ascending (`code`) and descending (`-code`). */
export const sortValues = (fields: readonly string[]): string[] => fields.flatMap((f) => [f, `-${f}`]);

/**
 * The query of a list other programs sync from: `skip`/`limit`, `updatedSince` (rows changed strictly
 * after an instant) and `sort` (one whitelisted field, `-field` descending). Anything else is a 422.
 */
export function SyncPageQuery(fields: readonly string[], defaultOrder: string) {
  return SyncQuery(fields, defaultOrder, PageQuery);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

/** `updatedSince` and `sort` on a list's own query class (`PageQuery`, or none for an unpaged list). */
export function SyncQuery<Base extends Constructor>(
  fields: readonly string[],
  defaultOrder: string,
  Base: Base = class {} as Base,
) {
  class WithSync extends Base {
    @ApiPropertyOptional({
      format: 'date-time',
      example: '2026-03-02T08:00:00.000Z',
      description:
        'Only rows changed strictly after this instant (ISO 8601 with time and zone, milliseconds kept): ' +
        "send the largest updatedAt of the last sync's rows",
    })
    @IsOptional()
    @IsISO8601({ strict: true, strictSeparator: true })
    @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: 'updatedSince must be a date and time with a zone, like 2026-03-02T08:00:00.000Z',
    })
    updatedSince?: string;

    @ApiPropertyOptional({
      enum: sortValues(fields),
      description: `One field, ascending, or -field descending (ties by id); default ${defaultOrder}`,
    })
    @IsOptional()
    @IsIn(sortValues(fields))
    sort?: string;
  }
  return WithSync;
}

/**
 * `order by` of a list: the whitelisted column of `sort`, ties broken by `tiebreak` in the same
 * direction; the list's own order without `sort`. Columns come from the caller's map, never the client.
 */
export function orderBy(
  sort: string | undefined,
  columns: Readonly<Record<string, string>>,
  defaultOrder: string,
  tiebreak: string,
): string {
  if (!sort) return `order by ${defaultOrder}`;
  const desc = sort.startsWith('-');
  const column = columns[desc ? sort.slice(1) : sort];
  if (!column) throw new Error(`sort ${sort} is not whitelisted`);
  const dir = desc ? 'desc' : 'asc';
  return `order by ${column} ${dir} nulls last, ${tiebreak} ${dir}`;
}

/**
 * The `updatedSince` condition on a timestamp column: compared at the milliseconds clients see, so a
 * row whose updatedAt was sent is not "newer" than itself.
 */
export const changedSince = (column: string, param: number): string =>
  `date_trunc('milliseconds', ${column}) > $${param}::timestamptz`;

/** How a list syncs: the column of `updatedSince`, its sortable fields and its order without `sort`. */
export interface ListSync {
  updatedAt: string;
  sort: Readonly<Record<string, string>>;
  defaultOrder: string;
  /** Breaks ties of a `sort` (the primary key). */
  tiebreak: string;
}

/**
 * The shared part of every list other programs sync from: adds the `updatedSince` condition to the
 * list's own conditions and answers its `order by`.
 */
export function syncClauses(
  q: { updatedSince?: string; sort?: string },
  spec: ListSync,
  where: string[],
  params: unknown[],
): string {
  if (q.updatedSince) where.push(changedSince(spec.updatedAt, params.push(q.updatedSince)));
  return orderBy(q.sort, spec.sort, spec.defaultOrder, spec.tiebreak);
}
