import {
  mayDeleteRow,
  mayWriteColumn,
  transitionRefusal,
  transitionContext,
  type ChangeAuthor,
} from '../../shared/sync/change-guards';
import { HLC_DEFAULT_MAX_DRIFT_MS, parseStamp } from '../../shared/sync/hlc';
import type { RejectionReason, SyncChange } from '../../shared/sync/protocol';
import { deletedColumn, parseStoredValue } from '../../shared/sync/stored-values';
import type { TableDeclaration } from '../../shared/tables/define-table';
import { auditLogTable } from '../../shared/tables/platform.tables';
import { isSyncedTableName, syncedTables } from '../../shared/tables/registry';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { RowStates } from './row-states';

export interface Pusher {
  /** The signed-in user, as the server knows them now (roles from the users table). */
  user: NonNullable<ChangeAuthor>;
  /** The device the token was given to. */
  deviceId: string;
}

export type Verdict =
  | { kind: 'accept'; table: TableDeclaration; wins: boolean }
  | { kind: 'reject'; reason: RejectionReason }
  | { kind: 'defer' };

const auditActorColumn: keyof typeof auditLogTable.columns = 'user_id';

/** Parse then authorize one change against the server's current state of its row. */
export function judgeChange(
  change: SyncChange,
  pusher: Pusher,
  states: RowStates,
  nowMs: number,
): Verdict {
  // A token speaks for one user on one device: nobody pushes someone else's work.
  if (change.deviceId !== pusher.deviceId) return reject('NOT_YOUR_CHANGE');
  if (change.userId !== null && change.userId.toLowerCase() !== pusher.user.id.toLowerCase())
    return reject('NOT_YOUR_CHANGE');
  // An audit row names whoever wrote it (core writes its actor there): never someone else, whose
  // views it would otherwise hide (one personal-data view per user and record is kept per window).
  if (change.table === auditLogTable.name && change.column === auditActorColumn) {
    const actor = typeof change.value === 'string' ? change.value.toLowerCase() : change.value;
    if (actor !== (change.userId?.toLowerCase() ?? null)) return reject('NOT_YOUR_CHANGE');
  }
  // Written by a newer app: this server cannot judge it yet (DESIGN.md, Sync).
  if (change.schemaVersion > appSchemaVersion) return { kind: 'defer' };
  if (!isSyncedTableName(change.table)) return reject('UNKNOWN_TABLE');
  const table: TableDeclaration = syncedTables[change.table];
  const column = table.columns[change.column];
  const isTombstone = change.column === deletedColumn;
  if (!column && !isTombstone) return reject('UNKNOWN_COLUMN');

  const stamp = parseStamp(change.hlc);
  if (stamp === null) return reject('INVALID_VALUE');
  if (stamp.millis - nowMs > HLC_DEFAULT_MAX_DRIFT_MS) return reject('CLOCK_TOO_FAR_AHEAD');

  // Written before anyone signed in on the device (core's anonymous actor): `any` columns only.
  const author: ChangeAuthor = change.userId === null ? null : pusher.user;
  const current = states.cell(change.table, change.rowId, change.column);
  const wins = current === undefined || change.hlc > current.hlc;

  if (isTombstone) {
    if (table.appendOnly) return reject('APPEND_ONLY');
    // A tombstone is never lifted: a late edit must not bring a deleted row back unseen.
    if (change.value !== 1) return reject('INVALID_VALUE');
    if (!mayDeleteRow(author, table)) return reject('FORBIDDEN_COLUMN');
    return { kind: 'accept', table, wins };
  }
  if (!column) return reject('UNKNOWN_COLUMN');

  const parsed = parseStoredValue(column, change.value);
  if (!parsed.ok) return reject('INVALID_VALUE');

  if (table.appendOnly) {
    // Each cell of an append-only row is written once, by the device that created the row.
    if (current !== undefined) return reject('APPEND_ONLY');
    const cells = states.cells(change.table, change.rowId);
    for (const cell of cells.values()) {
      if (cell.deviceId !== change.deviceId) return reject('APPEND_ONLY');
    }
  }

  if (!mayWriteColumn(author, column, change.rowId)) {
    // Core's insert writes null into columns the user may not fill (a new complaint's official
    // number): harmless in a row the user is creating while the server's cell is empty, refused
    // once it holds a value, and never a way to start a row of a table the user may not write.
    const rowStarted = states.cells(change.table, change.rowId).size > 0;
    const emptyAtInsert =
      change.value === null && rowStarted && (current === undefined || current.value === null);
    if (!emptyAtInsert) return reject('FORBIDDEN_COLUMN');
  }

  // A change that loses last-writer-wins changes nothing anywhere; it is judged against the state
  // it was written in, which the server no longer has, so only winners face the transition rules.
  if (wins) {
    const row = states.currentRow(table, change.rowId);
    const related = transitionContext(change.table, row);
    const refusal = transitionRefusal(author, {
      table: change.table,
      column: change.column,
      value: parsed.value,
      row,
      replyCase:
        related !== null &&
        isSyncedTableName(related.table) &&
        states.isLoaded(related.table, related.rowId)
          ? states.currentRow(syncedTables[related.table], related.rowId)
          : null,
    });
    if (refusal !== null) return reject('FORBIDDEN_TRANSITION');
  }
  return { kind: 'accept', table, wins };
}

function reject(reason: RejectionReason): Verdict {
  return { kind: 'reject', reason };
}
