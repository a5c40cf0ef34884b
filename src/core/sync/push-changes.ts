import {
  changeSchema,
  type PushResult,
  type RejectionReason,
  type SyncChange,
} from '../../shared/sync/protocol';
import { statement, type Db } from '../db/connection';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { isSqliteError } from '../db/startup';
import { rowClock } from './cell-clocks';
import { recordRejection } from './rejections.repo';
import { isSignificantColumn } from './significant-columns';
import { storedValueOf } from './stored-values';
import { fitsStorage, tableShape } from './table-shapes';

/** A change parked as 'deferred' is offered again after this long, or at once after an update. */
export const deferredRetryMs = 60 * 60_000;

export interface PendingChange {
  seq: number;
  change: SyncChange;
}

interface ChangeRow {
  seq: number;
  id: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
  user_id: string | null;
  device_id: string;
}

/**
 * Changes not yet accepted, oldest first, after `afterSeq`, leaving out those parked as deferred;
 * with `authors`, only theirs and those written before anyone signed in (no author).
 */
export function pendingBatch(
  db: Db,
  afterSeq: number,
  limit: number,
  now: Date,
  authors: readonly string[] | null = null,
): PendingChange[] {
  const rows = statement(
    db,
    `SELECT seq, id, tbl, row_id, col, value, hlc, user_id, device_id FROM changes
     WHERE state = 'pending' AND seq > ?
       AND (? IS NULL OR user_id IS NULL OR user_id IN (SELECT value FROM json_each(?)))
       AND NOT EXISTS (SELECT 1 FROM sync_deferred d WHERE d.change_id = changes.id
         AND d.schema_version = ? AND d.parked_at > ?)
     ORDER BY seq LIMIT ?`,
  ).all(
    afterSeq,
    authors === null ? null : 1,
    JSON.stringify(authors ?? []),
    appSchemaVersion,
    new Date(now.getTime() - deferredRetryMs).toISOString(),
    limit,
  ) as ChangeRow[];
  return rows.map((row) => ({
    seq: row.seq,
    change: {
      id: row.id,
      table: row.tbl,
      rowId: row.row_id,
      column: row.col,
      value: storedValueOf(row.value),
      hlc: row.hlc,
      userId: row.user_id,
      deviceId: row.device_id,
      // The change log does not keep the version that wrote a change: this app's is the one that
      // can still read it.
      schemaVersion: appSchemaVersion,
    },
  }));
}

export function pendingCount(db: Db): number {
  return (
    statement(db, "SELECT count(*) AS n FROM changes WHERE state = 'pending'").get() as {
      n: number;
    }
  ).n;
}

/** Whether the wire format can carry a change (the server refuses the whole request otherwise). */
export function fitsProtocol(change: SyncChange): boolean {
  return changeSchema.safeParse(change).success;
}

export interface PushOutcome {
  accepted: number;
  rejected: number;
  deferred: number;
  /**
   * Refused as stamped too far in the server's future: left pending, to be stamped again with
   * the clock corrected (restampFutureChanges) rather than lost to a PC clock set wrong.
   */
  clockAhead: number;
  /** Tables whose rows were put back to the server's value. */
  tables: Set<string>;
}

/**
 * Settles one answered push batch, in one transaction: accepted changes leave the pending list
 * (and wait to come back through the pull, see sync_unechoed); a rejected change is marked, shown
 * to the user and its cell put back to the server's value without a new change; a deferred one
 * stays pending but parked. Results for unknown ids, or changes settled already, change nothing:
 * answering the same batch twice (a retry after a crash) is harmless.
 */
export function settlePushResults(
  db: Db,
  sent: readonly PendingChange[],
  results: readonly PushResult[],
  pullEpoch: number,
  now: Date,
): PushOutcome {
  const byId = new Map(sent.map((pending) => [pending.change.id, pending.change]));
  const outcome: PushOutcome = {
    accepted: 0,
    rejected: 0,
    deferred: 0,
    clockAhead: 0,
    tables: new Set(),
  };
  for (const result of results) {
    const change = byId.get(result.id);
    if (!change) continue;
    switch (result.status) {
      case 'accepted':
        if (markChange(db, change.id, 'accepted')) {
          // Only conflicts look for changes not yet handed back, and only on these columns.
          if (isSignificantColumn(change.table, change.column))
            statement(
              db,
              'INSERT OR IGNORE INTO sync_unechoed (change_id, pull_epoch) VALUES (?, ?)',
            ).run(change.id, pullEpoch);
          outcome.accepted += 1;
        }
        statement(db, 'DELETE FROM sync_deferred WHERE change_id = ?').run(change.id);
        break;
      case 'rejected':
        if (result.reason === 'CLOCK_TOO_FAR_AHEAD') {
          outcome.clockAhead += 1;
          break;
        }
        if (!markChange(db, change.id, 'rejected')) break;
        statement(db, 'DELETE FROM sync_deferred WHERE change_id = ?').run(change.id);
        noteRejection(db, change, result.reason, result.serverValue, now);
        if (putBackServerValue(db, change, result.serverValue, result.serverHlc))
          outcome.tables.add(change.table);
        outcome.rejected += 1;
        break;
      case 'deferred':
        statement(
          db,
          `INSERT INTO sync_deferred (change_id, schema_version, parked_at) VALUES (?, ?, ?)
           ON CONFLICT (change_id) DO UPDATE SET schema_version = excluded.schema_version,
             parked_at = excluded.parked_at`,
        ).run(change.id, appSchemaVersion, now.toISOString());
        outcome.deferred += 1;
        break;
    }
  }
  return outcome;
}

/**
 * A change the wire cannot carry (a value longer than the protocol allows) or that the server
 * refused on its own in a request of one: refused here, shown like the server's refusals. The row
 * keeps its value; there is no server value to return to.
 */
export function rejectLocally(db: Db, change: SyncChange, now: Date): void {
  if (!markChange(db, change.id, 'rejected')) return;
  noteRejection(db, change, 'INVALID_VALUE', null, now);
}

function markChange(db: Db, id: string, state: 'accepted' | 'rejected'): boolean {
  return (
    statement(db, `UPDATE changes SET state = ? WHERE id = ? AND state = 'pending'`).run(state, id)
      .changes > 0
  );
}

function noteRejection(
  db: Db,
  change: SyncChange,
  reason: RejectionReason,
  serverValue: string | number | null,
  now: Date,
): void {
  // A sensitive column's values (a CIN number) are never kept in the clear outside their row.
  const sensitive = tableShape(db, change.table)?.declaration.columns[change.column]?.sensitive;
  const asText = (value: string | number | null): string | null =>
    sensitive || value === null ? null : typeof value === 'string' ? value : String(value);
  recordRejection(db, {
    changeId: change.id,
    at: now,
    table: change.table,
    rowId: change.rowId,
    column: change.column,
    reason,
    userId: change.userId,
    localValue: asText(change.value),
    serverValue: asText(serverValue),
  });
}

/**
 * The refused value leaves the row: the cell takes the latest of what is left, the server's value
 * or an older local change not refused. A later local edit of the cell stands (it is judged on its
 * own). When the server has no value for a required column, it does not have the row at all: the
 * row is hidden here (tombstoned without a change, the way the server sees it).
 */
function putBackServerValue(
  db: Db,
  change: SyncChange,
  serverValue: string | number | null,
  serverHlc: string | null,
): boolean {
  const shape = tableShape(db, change.table);
  if (!shape || shape.declaration.appendOnly) return false;
  const latest = statement(
    db,
    `SELECT value, hlc FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND state <> 'rejected'
     ORDER BY hlc DESC LIMIT 1`,
  ).get(change.table, change.rowId, change.column) as
    { value: string | null; hlc: string } | undefined;
  if (latest && latest.hlc > change.hlc) return false;
  let value: string | number | null =
    latest && (serverHlc === null || latest.hlc > serverHlc)
      ? storedValueOf(latest.value)
      : serverValue;
  if (change.column === 'deleted') value ??= 0;
  try {
    if (value === null && !shape.nullable.has(change.column)) {
      statement(db, `UPDATE ${change.table} SET deleted = 1 WHERE id = ?`).run(change.rowId);
    } else if (fitsStorage(shape, change.column, value)) {
      statement(db, `UPDATE ${change.table} SET ${change.column} = ? WHERE id = ?`).run(
        value,
        change.rowId,
      );
    } else {
      return false;
    }
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    console.error('[sync] could not put back the server value', change.table, change.column);
    return false;
  }
  return true;
}

/**
 * This PC's clock ran ahead (set wrong, then corrected by the server's offset): its pending
 * changes stamped beyond `limit` are stamped again, in their order, with `stamp` (the clock once
 * rewound), and each cell they touch shows the value that now wins. Nobody else has seen these
 * stamps: the server refused them.
 */
export function restampFutureChanges(db: Db, limit: string, stamp: () => string): Set<string> {
  const ahead = statement(
    db,
    `SELECT id, tbl, row_id, col FROM changes WHERE state = 'pending' AND hlc > ? ORDER BY seq`,
  ).all(limit) as { id: string; tbl: string; row_id: string; col: string }[];
  const cells = new Map<string, { tbl: string; row_id: string; col: string }>();
  for (const change of ahead) {
    statement(db, 'UPDATE changes SET hlc = ? WHERE id = ?').run(stamp(), change.id);
    cells.set(`${change.tbl}\u0000${change.row_id}\u0000${change.col}`, change);
  }
  const tables = new Set<string>();
  for (const { tbl, row_id, col } of cells.values()) {
    const shape = tableShape(db, tbl);
    if (!shape || shape.declaration.appendOnly) continue;
    const winner = statement(
      db,
      `SELECT value, hlc FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND state <> 'rejected'
       ORDER BY hlc DESC LIMIT 1`,
    ).get(tbl, row_id, col) as { value: string | null; hlc: string } | undefined;
    const value = winner ? storedValueOf(winner.value) : null;
    if (!winner || !fitsStorage(shape, col, value)) continue;
    // A value pulled with its row may still be the later one.
    const pulled = rowClock(db, tbl, row_id, col);
    if (pulled !== null && pulled > winner.hlc) continue;
    if (
      statement(db, `UPDATE ${tbl} SET ${col} = ? WHERE id = ? AND ${col} IS NOT ?`).run(
        value,
        row_id,
        value,
      ).changes > 0
    )
      tables.add(tbl);
  }
  return tables;
}
