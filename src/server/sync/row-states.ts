import { deletedColumn, parseStoredValue, type StoredValue } from '../../shared/sync/stored-values';
import type { CurrentRow } from '../../shared/sync/change-guards';
import type { TableDeclaration } from '../../shared/tables/define-table';
import type { ServerDb } from '../db/server-db';
import { decodeCellValue } from './cell-values';

export interface CellState {
  value: StoredValue;
  hlc: string;
  /** The device whose change wrote the current value. */
  deviceId: string;
}

const keyOf = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

/**
 * The server's cells of the rows one push touches, read once under the log's lock and then kept
 * up to date change by change, so each change is judged against the ones before it in the batch.
 */
export class RowStates {
  private readonly rows = new Map<string, Map<string, CellState>>();

  constructor(private readonly tx: ServerDb) {}

  async load(rows: readonly { tbl: string; rowId: string }[]): Promise<void> {
    const missing = rows.filter((row) => !this.rows.has(keyOf(row.tbl, row.rowId)));
    if (missing.length === 0) return;
    for (const row of missing) this.rows.set(keyOf(row.tbl, row.rowId), new Map());
    const found = await this.tx.query<{
      tbl: string;
      row_id: string;
      col: string;
      value: string;
      hlc: string;
      device_id: string;
    }>(
      `SELECT c.tbl, c.row_id, c.col, c.value, c.hlc, l.device_id
       FROM cells c
       JOIN unnest($1::text[], $2::text[]) AS k(tbl, row_id)
         ON c.tbl = k.tbl AND c.row_id = k.row_id
       JOIN change_log l ON l.seq = c.seq`,
      [missing.map((row) => row.tbl), missing.map((row) => row.rowId)],
    );
    for (const cell of found) {
      this.rows.get(keyOf(cell.tbl, cell.row_id))?.set(cell.col, {
        value: decodeCellValue(cell.value),
        hlc: cell.hlc,
        deviceId: cell.device_id,
      });
    }
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
