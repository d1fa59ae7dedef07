import { ApiError } from '@kapok/api-client';
import { SingleBar } from 'cli-progress';
import { type CsvError, parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

export interface Row {
  /** The line of the file the row starts on, for error messages. */
  line: number;
  values: Record<string, string>;
}

export interface LineError {
  line: number;
  message: string;
}

/** An error that knows which line of the file it belongs to (e.g. the 3rd line of a BOM). */
export class RowError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Csv {
  rows: Row[];
  /** Rows that could not be read (a stray quote, a wrong number of fields): reported, the rest goes on. */
  errors: LineError[];
}

/** Reads a CSV with a header row; column names are lower-cased and trimmed. A malformed row is reported
 * with its line and skipped instead of aborting the file. */
export function readCsv(path: string, required: string[]): Csv {
  const errors: LineError[] = [];
  const records = parse(readFileSync(path), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err) errors.push({ line: Number(err.lines), message: `unreadable row: ${err.message}` });
      return undefined;
    },
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const header = records.length ? Object.keys(records[0].record) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (records.length && missing.length) throw new Error(`${path}: missing column(s) ${missing.join(', ')}`);
  return { rows: records.map((r) => ({ line: r.info.lines, values: r.record })), errors };
}

/**
 * Rows whose key appears on more than one line: every such row is refused (naming all its lines), because
 * nobody can tell which of them the file meant.
 */
export function refuseDuplicates(rows: Row[], key: (r: Row) => string, what: string): LineError[] {
  const lines = new Map<string, number[]>();
  for (const r of rows) lines.set(key(r), [...(lines.get(key(r)) ?? []), r.line]);
  return rows
    .filter((r) => (lines.get(key(r)) ?? []).length > 1)
    .map((r) => ({
      line: r.line,
      message: `${what} ${key(r)} appears on lines ${(lines.get(key(r)) ?? []).join(' and ')}; keep one`,
    }));
}

/** A plain decimal number as typed ("12", "0.5"); anything else is refused, never guessed. */
export function decimal(value: string | undefined, name: string, { positive = false } = {}): number {
  const text = (value ?? '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(text))
    throw new Error(`${name} must be a number like 12 or 0.5, not "${text}"`);
  const n = Number(text);
  if (positive && !(n > 0)) throw new Error(`${name} must be above zero, not ${text}`);
  return n;
}

/** An ISO date or date-time that is not in the future (a receipt cannot have happened yet). */
export function pastDate(value: string, name: string, now = new Date()): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time))
    throw new Error(`${name} must be a date like 2026-10-01 or 2026-10-01T08:00:00Z, not "${value}"`);
  if (time > now.getTime()) throw new Error(`${name} ${value} is in the future`);
  return value;
}

export interface Outcome {
  ok: number;
  skipped: number;
  errors: LineError[];
}

/** Runs `work` per item with a progress bar on a terminal; collects per-line errors instead of stopping. */
export async function eachWithProgress<T extends { line: number }>(
  label: string,
  items: T[],
  work: (item: T) => Promise<'done' | 'skipped'>,
): Promise<Outcome> {
  const outcome: Outcome = { ok: 0, skipped: 0, errors: [] };
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: `${label} [{bar}] {value}/{total} rows`, stream: process.stderr })
    : undefined;
  bar?.start(items.length, 0);
  for (const item of items) {
    try {
      const result = await work(item);
      if (result === 'skipped') outcome.skipped++;
      else outcome.ok++;
    } catch (e) {
      if (unreachable(e)) throw e;
      outcome.errors.push({ line: e instanceof RowError ? e.line : item.line, message: describe(e) });
    }
    bar?.increment();
  }
  bar?.stop();
  return outcome;
}

/** The server cannot be reached at all (refused, unknown host, reset): no point trying the next row. */
export function unreachable(e: unknown): boolean {
  const cause = (e as { cause?: { code?: string } } | undefined)?.cause;
  return e instanceof TypeError && /fetch failed/.test(e.message) && !!cause?.code;
}

export function describe(e: unknown, baseUrl?: string): string {
  if (e instanceof ApiError) {
    const details = e.body.details as
      | { shortages?: unknown; [k: string]: unknown }
      | Array<{ field: string; messages: string[] }>
      | undefined;
    const fields = Array.isArray(details)
      ? `: ${details.map((d) => `${d.field} ${d.messages.join(', ')}`).join('; ')}`
      : '';
    return `${e.code} — ${e.message}${fields}`;
  }
  if (unreachable(e)) {
    const code = (e as { cause: { code: string } }).cause.code;
    return `cannot reach Kapok at ${baseUrl ?? 'the server'} (${code}): is it running? Point to it with --url or KAPOK_URL.`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Prints the summary and the errors (in line order); returns the exit code. */
export function report(what: string, outcome: Outcome, dryRun: boolean): number {
  const verb = dryRun ? 'would be written' : 'written';
  process.stdout.write(
    `${what}: ${outcome.ok} ${verb}, ${outcome.skipped} unchanged, ${outcome.errors.length} failed\n`,
  );
  const errors = [...outcome.errors].sort((a, b) => a.line - b.line);
  for (const e of errors) process.stderr.write(`  line ${e.line}: ${e.message}\n`);
  return outcome.errors.length ? 1 : 0;
}
