import { deletedColumn, parseStoredValue, type StoredValue } from '../../shared/sync/stored-values';
import type { CurrentRow } from '../../shared/sync/change-guards';
import type { TableDeclaration } from '../../shared/tables/define-table';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { ServerDb } from '../db/server-db';
import { decodeCellValue } from './cell-values';

export interface CellState {
  value: StoredValue;
  hlc: string;
  /** The device whose change wrote the current value. */
  deviceId: string;
}

/** A change of a pushed batch the server has seen before, and what became of it. */
export interface KnownChange {
  id: string;
  status: 'accepted' | 'deferred' | 'judge';
}

const keyOf = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

/** The class of row locks: two-int advisory keys, a space apart from the log's one-bigint key. */
const rowLockClass = 7_262_503;

/** FNV-1a, 32 bits, as a signed int4: the same key for a row on every server instance. */
function rowLockKey(tbl: string, rowId: string): number {
  const text = `${tbl}\u0000${rowId}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Locks rows until commit, so that pushes touching the same rows are judged one after the other
 * while others run alongside. One key per row (a hash: a collision only makes two pushes wait for
 * each other), taken in key order so two pushes never each hold what the other waits for. The
 * keys are numbers of our own making, written into the statement: without parameters it travels
 * with the transaction's BEGIN (pg-server-db.ts).
 */
export async function lockRows(
  tx: ServerDb,
  rows: readonly { tbl: string; rowId: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const keys = [...new Set(rows.map((row) => rowLockKey(row.tbl, row.rowId)))].sort(
    (a, b) => a - b,
  );
  await tx.query(
    `SELECT pg_advisory_xact_lock(${rowLockClass}, k)
     FROM unnest(ARRAY[${keys.join(',')}]::int[]) AS k`,
  );
}

/**
 * The server's cells of the rows one push touches, read once under their row locks and then kept
 * up to date change by change, so each change is judged against the ones before it in the batch.
 */
export class RowStates {
  private readonly rows = new Map<string, Map<string, CellState>>();

  constructor(private readonly tx: ServerDb) {}

  async load(rows: readonly { tbl: string; rowId: string }[]): Promise<void> {
    await this.loadAndFindKnown(rows, []);
  }

  /**
   * Loads rows as `load`, and in the same statement (one round trip less for every push) tells
   * which of `ids` the log holds ('accepted') or keeps aside for a newer schema ('deferred'), or
   * kept aside for a schema this server now knows ('judge').
   */
  async loadAndFindKnown(
    rows: readonly { tbl: string; rowId: string }[],
    ids: readonly string[],
  ): Promise<KnownChange[]> {
    const missing = rows.filter((row) => !this.rows.has(keyOf(row.tbl, row.rowId)));
    if (missing.length === 0 && ids.length === 0) return [];
    for (const row of missing) this.rows.set(keyOf(row.tbl, row.rowId), new Map());
    const found = await this.tx.query<{
      tbl: string | null;
      row_id: string | null;
      col: string | null;
      value: string | null;
      hlc: string | null;
      device_id: string | null;
      known_id: string | null;
      status: KnownChange['status'] | null;
    }>(
      `SELECT c.tbl, c.row_id, c.col, c.value, c.hlc, l.device_id,
              NULL::text AS known_id, NULL::text AS status
       FROM cells c
       JOIN unnest($1::text[], $2::text[]) AS k(tbl, row_id)
         ON c.tbl = k.tbl AND c.row_id = k.row_id
       JOIN change_log l ON l.seq = c.seq
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, NULL, id::text, 'accepted'
       FROM change_log WHERE id = ANY($3::uuid[])
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, NULL, id::text,
              CASE WHEN schema_version > $4 THEN 'deferred' ELSE 'judge' END
       FROM deferred_changes WHERE id = ANY($3::uuid[])`,
      [missing.map((row) => row.tbl), missing.map((row) => row.rowId), ids, appSchemaVersion],
    );
    const known: KnownChange[] = [];
    for (const cell of found) {
      if (cell.known_id !== null && cell.status !== null) {
        known.push({ id: cell.known_id, status: cell.status });
      } else if (cell.tbl !== null && cell.row_id !== null && cell.col !== null) {
        this.rows.get(keyOf(cell.tbl, cell.row_id))?.set(cell.col, {
          value: decodeCellValue(cell.value ?? 'null'),
          hlc: cell.hlc ?? '',
          deviceId: cell.device_id ?? '',
        });
      }
    }
    return known;
  }

  isLoaded(tbl: string, rowId: string): boolean {
    return this.rows.has(keyOf(tbl, rowId));
  }

  cell(tbl: string, rowId: string, col: string): CellState | undefined {
    return this.cells(tbl, rowId).get(col);
  }

  cells(tbl: string, rowId: string): ReadonlyMap<string, CellState> {
    const row = this.rows.get(keyOf(tbl, rowId));
    if (!row) throw new Error(`row ${tbl} ${rowId} was not loaded`);
    return row;
  }

  set(tbl: string, rowId: string, col: string, cell: CellState): void {
    const row = this.rows.get(keyOf(tbl, rowId)) ?? new Map<string, CellState>();
    row.set(col, cell);
    this.rows.set(keyOf(tbl, rowId), row);
  }

  /** The row's values parsed by the declaration (a cell the app could not read is left out). */
  currentRow(table: TableDeclaration, rowId: string): CurrentRow {
    const cells = this.cells(table.name, rowId);
    if (cells.size === 0) return null;
    const row: Record<string, unknown> = {};
    for (const [col, cell] of cells) {
      const column = table.columns[col];
      if (column) {
        const parsed = parseStoredValue(column, cell.value);
        if (parsed.ok) row[col] = parsed.value;
      } else if (col === deletedColumn) {
        row[col] = cell.value === 1;
      }
    }
    return row;
  }
}
