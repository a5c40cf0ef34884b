import type { ServerDb } from '../db/server-db';
import { decodeCellValue } from './cell-values';

/** A row's cells as the server holds them, by column, values decoded. */
export type RowCells = Map<string, unknown>;

/** These columns of one row (absent ones are simply not in the map). */
export async function readRowCells(
  db: ServerDb,
  table: string,
  rowId: string,
  columns: readonly string[],
): Promise<RowCells> {
  const rows = await db.query<{ col: string; value: string }>(
    'SELECT col, value FROM cells WHERE tbl = $1 AND row_id = $2 AND col = ANY($3::text[])',
    [table, rowId, columns],
  );
  return new Map(rows.map((row) => [row.col, decodeCellValue(row.value)]));
}

/** Cells read across rows, gathered by row. */
export function cellsByRow(
  cells: readonly { row_id: string; col: string; value: string }[],
): Map<string, RowCells> {
  const rows = new Map<string, RowCells>();
  for (const cell of cells) {
    const row = rows.get(cell.row_id) ?? new Map<string, unknown>();
    row.set(cell.col, decodeCellValue(cell.value));
    rows.set(cell.row_id, row);
  }
  return rows;
}

/** A text cell, or null when absent or not text. */
export function textCell(cells: RowCells, col: string): string | null {
  const value = cells.get(col);
  return typeof value === 'string' ? value : null;
}
