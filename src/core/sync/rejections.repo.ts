import type { SyncRejection } from '../../shared/api/procedures/sync.procedures';
import { uuidv7 } from '../../shared/ids/uuidv7';
import type { RejectionReason } from '../../shared/sync/protocol';
import { statement, type Db } from '../db/connection';

export interface RejectionRecord {
  changeId: string;
  at: Date;
  table: string;
  rowId: string;
  column: string;
  reason: RejectionReason;
  userId: string | null;
  /** Plain text, and null for a sensitive column whatever it held. */
  localValue: string | null;
  serverValue: string | null;
}

export function recordRejection(db: Db, rejection: RejectionRecord): void {
  statement(
    db,
    `INSERT OR IGNORE INTO sync_rejections (id, change_id, at, tbl, row_id, col, reason, user_id,
       local_value, server_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    uuidv7(rejection.at.getTime()),
    rejection.changeId,
    rejection.at.toISOString(),
    rejection.table,
    rejection.rowId,
    rejection.column,
    rejection.reason,
    rejection.userId,
    rejection.localValue,
    rejection.serverValue,
  );
}

/** `of`: only this user's refused changes (null: everyone's). Newest first. */
export function listRejections(db: Db, of: string | null, limit = 500): SyncRejection[] {
  const rows = statement(
    db,
    `SELECT id, at, tbl, row_id, col, reason, local_value, server_value FROM sync_rejections
     WHERE dismissed_at IS NULL AND (? IS NULL OR user_id = ?)
     ORDER BY at DESC, id DESC LIMIT ?`,
  ).all(of, of, limit) as {
    id: string;
    at: string;
    tbl: string;
    row_id: string;
    col: string;
    reason: RejectionReason;
    local_value: string | null;
    server_value: string | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    table: row.tbl,
    rowId: row.row_id,
    column: row.col,
    reason: row.reason,
    localValue: row.local_value,
    serverValue: row.server_value,
  }));
}

/** True if there was such a rejection, visible to `of`, still shown. */
export function dismissRejection(db: Db, id: string, of: string | null, at: Date): boolean {
  return (
    statement(
      db,
      `UPDATE sync_rejections SET dismissed_at = ?
       WHERE id = ? AND dismissed_at IS NULL AND (? IS NULL OR user_id = ?)`,
    ).run(at.toISOString(), id, of, of).changes > 0
  );
}
