import { ApiError } from '@kapok/api-client';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

export interface Row {
  /** The line of the file the row starts on, for error messages. */
  line: number;
  values: Record<string, string>;
}

/** Reads a CSV with a header row; column names are lower-cased and trimmed. */
export function readCsv(path: string, required: string[]): Row[] {
  const records = parse(readFileSync(path), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const header = records.length ? Object.keys(records[0].record) : [];
  const missing = required.filter((c) => !header.includes(c));
  if (records.length && missing.length) throw new Error(`${path}: missing column(s) ${missing.join(', ')}`);
  return records.map((r) => ({ line: r.info.lines, values: r.record }));
}

export interface Outcome {
  ok: number;
  skipped: number;
  errors: Array<{ line: number; message: string }>;
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
      outcome.errors.push({ line: item.line, message: describe(e) });
    }
    bar?.increment();
  }
  bar?.stop();
  return outcome;
}

export function describe(e: unknown): string {
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
  return e instanceof Error ? e.message : String(e);
}

/** Prints the summary and the errors; returns the exit code. */
export function report(what: string, outcome: Outcome, dryRun: boolean): number {
  const verb = dryRun ? 'would be written' : 'written';
  process.stdout.write(
    `${what}: ${outcome.ok} ${verb}, ${outcome.skipped} unchanged, ${outcome.errors.length} failed\n`,
  );
  for (const e of outcome.errors) process.stderr.write(`  line ${e.line}: ${e.message}\n`);
  return outcome.errors.length ? 1 : 0;
}
