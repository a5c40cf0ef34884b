import Database from 'better-sqlite3';
import { uuidv7 } from '../../src/shared/ids/uuidv7';
import { formatStamp } from '../../src/shared/sync/hlc';
import { syncedTables } from '../../src/shared/tables/registry';
import { appSchemaVersion } from '../../src/shared/tables/schema-version';
import type { ServerDb } from '../../src/server/db/server-db';

/** The device the generated register's changes claim to come from. */
export const generatorDeviceId = 'bench-generator';
const generatorNode = 'be0c4000000000ff';

export interface LoadedServer {
  cells: number;
  rows: Record<string, number>;
  ms: number;
}

/** Rows of every synced table in a generated app database, table by table. */
export function syncedRowsIn(file: string): { table: string; columns: string[]; count: number }[] {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.values(syncedTables).map((table) => {
      const { n } = source.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as {
        n: number;
      };
      return { table: table.name, columns: Object.keys(table.columns), count: n };
    });
  } finally {
    source.close();
  }
}

/**
 * Fills an empty, migrated server database with the cells of a generated app database, as if every
 * row had been pushed once: one change_log entry and one cell per declared column (no tombstone
 * cells: nothing is deleted), stamped in the past by one device, in seq order. Bulk SQL straight
 * into the tables (the benchmark measures pulling, not pushing): `unnest` of 20,000 cells a
 * statement. Values are the stored form the app's SQLite already holds, as JSON text.
 */
export async function loadServerFromGenerated(
  db: ServerDb,
  file: string,
  onProgress: (done: number) => void = () => undefined,
): Promise<LoadedServer> {
  const started = performance.now();
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const baseMillis = Date.now() - 3 * 86_400_000;
  const receivedAt = new Date(baseMillis);
  let seq = 0;
  const rows: Record<string, number> = {};
  const chunk = 20_000;
  let batch: { tbl: string; rowId: string; col: string; value: string; hlc: string }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const first = seq + 1;
    const seqs = batch.map((_, index) => first + index);
    seq += batch.length;
    await db.query(
      `WITH e AS (
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::uuid[])
           AS e(seq, tbl, row_id, col, value, hlc, id)
       ), logged AS (
         INSERT INTO change_log
           (seq, id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version, received_at)
         SELECT seq, id, tbl, row_id, col, value, hlc, NULL, $8, $9, $10 FROM e
       )
       INSERT INTO cells (tbl, row_id, col, value, hlc, seq)
       SELECT tbl, row_id, col, value, hlc, seq FROM e`,
      [
        seqs,
        batch.map((c) => c.tbl),
        batch.map((c) => c.rowId),
        batch.map((c) => c.col),
        batch.map((c) => c.value),
        batch.map((c) => c.hlc),
        batch.map(() => uuidv7(baseMillis)),
        generatorDeviceId,
        appSchemaVersion,
        receivedAt,
      ],
    );
    batch = [];
    onProgress(seq);
  };
  try {
    for (const table of Object.values(syncedTables)) {
      const columns = Object.keys(table.columns);
      const select = source.prepare(`SELECT id, ${columns.join(', ')} FROM ${table.name}`).raw();
      let count = 0;
      for (const row of select.iterate() as Iterable<unknown[]>) {
        count += 1;
        const rowId = String(row[0]);
        for (const [index, col] of columns.entries()) {
          const at = seq + batch.length;
          batch.push({
            tbl: table.name,
            rowId,
            col,
            value: JSON.stringify(row[index + 1] ?? null),
            hlc: formatStamp({
              millis: baseMillis + Math.floor(at / 50_000),
              counter: at % 50_000,
              node: generatorNode,
            }),
          });
        }
        if (batch.length >= chunk) await flush();
      }
      rows[table.name] = count;
    }
    await flush();
  } finally {
    source.close();
  }
  await db.query('ANALYZE cells');
  await db.query('ANALYZE change_log');
  return { cells: seq, rows, ms: performance.now() - started };
}
