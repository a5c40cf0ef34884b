import type { SyncConflict } from '../../shared/api/procedures/sync.procedures';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { statement, type Db } from '../db/connection';
import { storedValueAsText } from './stored-values';

/** One side of a conflict: a change as the local log holds it (value: JSON of the stored value). */
export interface ConflictSide {
  id: string;
  value: string | null;
  hlc: string;
  user_id: string | null;
}

/** Records a conflict once per pair of changes; true if it is new. */
export function recordConflict(
  db: Db,
  conflict: {
    at: Date;
    table: string;
    rowId: string;
    column: string;
    kept: ConflictSide;
    lost: ConflictSide;
  },
): boolean {
  const { kept, lost } = conflict;
  return (
    statement(
      db,
      `INSERT OR IGNORE INTO sync_conflicts (id, at, tbl, row_id, col, kept_change_id, kept_value,
         kept_hlc, kept_by, lost_change_id, lost_value, lost_hlc, lost_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      uuidv7(conflict.at.getTime()),
      conflict.at.toISOString(),
      conflict.table,
      conflict.rowId,
      conflict.column,
      kept.id,
      kept.value,
      kept.hlc,
      kept.user_id,
      lost.id,
      lost.value,
      lost.hlc,
      lost.user_id,
    ).changes > 0
  );
}

export interface ConflictRecord {
  id: string;
  table: string;
  rowId: string;
  column: string;
  keptValue: string | null;
  lostValue: string | null;
  resolvedAt: string | null;
}

export function findConflict(db: Db, id: string): ConflictRecord | null {
  const row = statement(
    db,
    `SELECT id, tbl, row_id, col, kept_value, lost_value, resolved_at FROM sync_conflicts
     WHERE id = ?`,
  ).get(id) as
    | {
        id: string;
        tbl: string;
        row_id: string;
        col: string;
        kept_value: string | null;
        lost_value: string | null;
        resolved_at: string | null;
      }
    | undefined;
  return row
    ? {
        id: row.id,
        table: row.tbl,
        rowId: row.row_id,
        column: row.col,
        keptValue: row.kept_value,
        lostValue: row.lost_value,
        resolvedAt: row.resolved_at,
      }
    : null;
}

export function markConflictResolved(
  db: Db,
  id: string,
  resolution: 'kept' | 'lost',
  by: string,
  at: Date,
): void {
  statement(
    db,
    'UPDATE sync_conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?',
  ).run(at.toISOString(), by, resolution, id);
}

/** The filter on `table.column` of conflictCellsOf (null: every cell), as SQL and its parameters. */
export function conflictCellsClause(cells: readonly string[] | null): [string, string | null] {
  return [
    `(? IS NULL OR (c.tbl || '.' || c.col) IN (SELECT value FROM json_each(?)))`,
    cells === null ? null : JSON.stringify(cells),
  ];
}

/**
 * Newest first, on the cells `cells` names (conflictCellsOf; null: all); at most `limit`, enough
 * for a screen that is worked through.
 */
export function listConflicts(
  db: Db,
  includeResolved: boolean,
  cells: readonly string[] | null,
  limit = 500,
): SyncConflict[] {
  const [onCells, cellsParam] = conflictCellsClause(cells);
  const rows = statement(
    db,
    `SELECT c.id, c.at, c.tbl, c.row_id, c.col, c.kept_value, c.lost_value, c.resolved_at,
       coalesce(kept_user.display_name, c.kept_by) AS kept_by,
       coalesce(lost_user.display_name, c.lost_by) AS lost_by
     FROM sync_conflicts c
     LEFT JOIN users kept_user ON kept_user.id = c.kept_by
     LEFT JOIN users lost_user ON lost_user.id = c.lost_by
     WHERE (? OR c.resolved_at IS NULL) AND ${onCells}
     ORDER BY c.at DESC, c.id DESC LIMIT ?`,
  ).all(includeResolved ? 1 : 0, cellsParam, cellsParam, limit) as {
    id: string;
    at: string;
    tbl: string;
    row_id: string;
    col: string;
    kept_value: string | null;
    lost_value: string | null;
    resolved_at: string | null;
    kept_by: string | null;
    lost_by: string | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    table: row.tbl,
    rowId: row.row_id,
    column: row.col,
    keptValue: storedValueAsText(row.kept_value),
    keptBy: row.kept_by,
    lostValue: storedValueAsText(row.lost_value),
    lostBy: row.lost_by,
    resolved: row.resolved_at !== null,
  }));
}
