import { ApiExtension } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';

/** A column of an export: its header and how to read it from an item. */
export interface CsvColumn<Item> {
  header: string;
  value: (item: Item) => string | number | boolean | null | undefined;
}

export interface CsvExport<Row, Item> {
  /** The list's query with its filters and order, without limit/offset. */
  sql: string;
  params: unknown[];
  /** Rows to items, a batch at a time (batches let a list look up names once per batch). */
  map: (rows: Row[]) => Item[] | Promise<Item[]>;
  columns: ReadonlyArray<CsvColumn<Item>>;
  filename: string;
}

const BATCH = 500;

/** The list also answers `Accept: text/csv` (the document gets a `text/csv` 200 from this mark). */
export const CsvExportable = () => ApiExtension('x-csv-export', true);

/** True when the client asks for CSV (`Accept: text/csv`). */
export const wantsCsv = (request: FastifyRequest): boolean =>
  /\btext\/csv\b/i.test(request.headers.accept ?? '');

/**
 * Streams a list as CSV: rows come from a PostgreSQL cursor (pg-query-stream) `BATCH` at a time, are
 * mapped and written by csv-stringify as the client reads; nothing holds the whole table. The
 * connection goes back to the pool when the stream ends, fails or the client hangs up.
 */
export async function sendCsv<Row, Item>(
  reply: FastifyReply,
  dataSource: DataSource,
  exp: CsvExport<Row, Item>,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as pg.PoolClient;
  const rows = client.query(new QueryStream(exp.sql, exp.params, { batchSize: BATCH }));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    rows.destroy();
    void runner.release();
  };
  async function* records(): AsyncGenerator<Array<string | number | boolean | null | undefined>> {
    let batch: Row[] = [];
    const flush = async () => (await exp.map(batch)).map((item) => exp.columns.map((c) => c.value(item)));
    for await (const row of rows as AsyncIterable<Row>) {
      batch.push(row);
      if (batch.length < BATCH) continue;
      yield* await flush();
      batch = [];
    }
    if (batch.length) yield* await flush();
  }
  const source = Readable.from(records());
  const csv = source.pipe(
    stringify({
      header: true,
      columns: exp.columns.map((c) => c.header),
      // Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection).
      cast: { boolean: (b) => String(b), string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
    }),
  );
  // A failing query ends the download early (the client sees a cut stream, not a half-valid file).
  source.on('error', (e) => csv.destroy(e));
  csv.on('close', release).on('error', release).on('end', release);
  reply.raw.on('close', release);
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${exp.filename}"`)
    .send(csv);
}

/** A scalar of an item as a CSV cell: instants in ISO 8601, everything else as it is. */
const cell = (v: unknown): string | number | boolean | null | undefined =>
  v instanceof Date ? v.toISOString() : (v as string | number | boolean | null | undefined);

/** Columns named as the item's fields (the JSON list's names), read as they are. */
export const fieldColumns = <Item>(...fields: Array<keyof Item & string>): Array<CsvColumn<Item>> =>
  fields.map((f) => ({ header: f, value: (item) => cell(item[f]) }));

/**
 * One list route, two answers: CSV of every row of the filter, streamed, when the client sends
 * `Accept: text/csv`; otherwise the JSON page.
 */
export async function answerList<Row, Item>(
  request: FastifyRequest,
  reply: FastifyReply,
  dataSource: DataSource,
  answer: { json: () => Promise<unknown>; csv: () => CsvExport<Row, Item> },
): Promise<void> {
  if (wantsCsv(request)) return sendCsv(reply, dataSource, answer.csv());
  await reply.send(await answer.json());
}
