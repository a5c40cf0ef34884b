import { HLC_DEFAULT_MAX_DRIFT_MS, formatStamp } from '../../shared/sync/hlc';
import type { HybridLogicalClock } from '../../shared/sync/hlc';
import type { SyncChange } from '../../shared/sync/protocol';
import { snapshotPageChanges, type SnapshotPage } from '../../shared/sync/snapshot-page';
import { statement, type Db } from '../db/connection';
import type { Statement } from 'better-sqlite3';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { isSqliteError } from '../db/startup';
import { cellClock, keepRowClocks } from './cell-clocks';
import { recordConflict } from './conflicts.repo';
import { insertSnapshotRows, insertWholeRows, isWholeRow } from './apply-snapshot';
import { isSignificantColumn } from './significant-columns';
import { fitsStorage, tableShape, type TableShape } from './table-shapes';

/** The open database with this PC's clock and identity: what sync works on. */
export interface SyncDatabase {
  db: Db;
  clock: HybridLogicalClock;
  deviceId: string;
}

/** Why a pulled cell waits in sync_inbox instead of being applied. */
export type InboxReason =
  'incomplete' | 'parent' | 'constraint' | 'newer-schema' | 'unknown' | 'clock-ahead';

export interface ApplyOptions {
  /**
   * The batch most likely brings rows not here yet (a first pull's snapshot): they are inserted
   * in bulk without a lookup each (apply-snapshot.ts), and those found here after all take the
   * ordinary path. Only a matter of speed: the outcome is the same either way.
   */
  wholeRows?: boolean;
}

/** Reasons worth another try at every batch: what they wait for may arrive with any batch. */
const retriedEachBatch: readonly InboxReason[] = ['parent', 'constraint', 'clock-ahead'];
const maxRetriedPerBatch = 2000;

export interface ApplyOutcome {
  /** Tables whose rows changed, for data:changed. */
  tables: Set<string>;
  /** Changes now in the local change log as accepted. */
  recorded: number;
  /** Cells left (or put back) in sync_inbox. */
  parked: number;
  conflicts: number;
}

interface InboxRow {
  change_id: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
  user_id: string | null;
  device_id: string;
  schema_version: number;
  reason: InboxReason;
}

interface AbsentRow {
  table: string;
  rowId: string;
  cells: SyncChange[];
}

interface LocalChange {
  id: string;
  value: string | null;
  hlc: string;
  user_id: string | null;
}

/**
 * Applies one batch of pulled changes, in the caller's transaction (the one that also stores the
 * new cursor): per-cell last-writer-wins against the local cell's clock, rows not here yet held
 * in sync_inbox until they are complete, every applied change appended to the local change log as
 * accepted (so applying the same batch twice changes nothing), and conflicts on legally
 * significant columns recorded. Rows are written with plain SQL: sync applying accepted changes
 * is the one writer besides the mutation path (DESIGN.md, Local data).
 */
export function applyPulledChanges(
  target: SyncDatabase,
  changes: readonly SyncChange[],
  now: Date,
  options: ApplyOptions = {},
): ApplyOutcome {
  const applier = new PullApplier(target, now);
  applier.lookUp(changes, options.wholeRows ?? false);
  for (const change of changes) applier.take(change);
  applier.retryWaiting(retriedEachBatch);
  return applier.finish();
}

/**
 * The same for a snapshot page that came in rows (shared/sync/snapshot-page.ts): in a first pull
 * (`wholeRows`, nothing waiting in the inbox) its rows go in whole straight from the page, and only
 * what the fast path cannot take becomes changes for the ordinary path. Same outcome either way.
 */
export function applyPulledRows(
  target: SyncDatabase,
  page: SnapshotPage,
  now: Date,
  options: ApplyOptions = {},
): ApplyOutcome {
  const applier = new PullApplier(target, now);
  const changes = applier.insertRowsWhole(page, options.wholeRows ?? false);
  applier.lookUp(changes);
  for (const change of changes) applier.take(change);
  applier.retryWaiting(retriedEachBatch);
  return applier.finish();
}

/**
 * After an update of the app, changes parked for a newer schema (or for a table this app did not
 * know) get another try; called once the database is open.
 */
export function retryParkedForSchema(target: SyncDatabase, now: Date): ApplyOutcome {
  const applier = new PullApplier(target, now);
  applier.retryWaiting(['newer-schema', 'unknown']);
  return applier.finish();
}

class PullApplier {
  private readonly db: Db;
  private readonly outcome: ApplyOutcome = {
    tables: new Set(),
    recorded: 0,
    parked: 0,
    conflicts: 0,
  };
  /** Rows absent here, with the cells this batch brought for them, in the order they came. */
  private readonly absentRows = new RowMap<AbsentRow>();
  private readonly absentInOrder: AbsentRow[] = [];
  private readonly rowKnown = new RowMap<boolean>();
  private readonly inserts = new Map<string, { columns: string[]; statement: Statement }[]>();
  private readonly takenIds = new Set<string>();
  /** Of this batch's ids, those already in the change log, with the device that wrote them. */
  private logged = new Map<string, string>();
  private inboxEmpty = false;
  /** Rows not known here are taken as absent without a lookup (ApplyOptions.wholeRows). */
  private assumeAbsent = false;
  private readonly aheadLimit: string;
  private maxHlc: string | null = null;

  constructor(
    private readonly target: SyncDatabase,
    private readonly now: Date,
  ) {
    this.db = target.db;
    // A stamp further ahead than the clock accepts waits: receive() would refuse it.
    this.aheadLimit = formatStamp({
      millis: target.clock.physicalNow() + HLC_DEFAULT_MAX_DRIFT_MS,
      counter: 0xffff,
      node: 'ffffffffffffffff',
    });
  }

  take(change: SyncChange): void {
    if (this.takenIds.has(change.id) || this.alreadyHere(change)) return;
    this.takenIds.add(change.id);
    if (change.hlc > this.aheadLimit) return this.park(change, 'clock-ahead');
    if (this.maxHlc === null || change.hlc > this.maxHlc) this.maxHlc = change.hlc;
    if (change.schemaVersion > appSchemaVersion) return this.park(change, 'newer-schema');
    const shape = tableShape(this.db, change.table);
    if (!shape || !fitsStorage(shape, change.column, change.value))
      return this.park(change, 'unknown');
    // A snapshot's page comes row after row: most cells belong to the row before them.
    const last = this.absentInOrder.at(-1);
    const absent =
      last?.rowId === change.rowId && last.table === change.table
        ? last
        : this.absentRows.get(change.table, change.rowId);
    if (absent) {
      absent.cells.push(change);
    } else if (!this.assumeAbsent && this.rowExists(change.table, change.rowId)) {
      this.applyToRow(shape, change);
    } else {
      const row = { table: change.table, rowId: change.rowId, cells: [change] };
      this.absentRows.set(change.table, change.rowId, row);
      this.absentInOrder.push(row);
    }
  }

  /** The rows of a first pull's page inserted whole; the page's other cells, as changes. */
  insertRowsWhole(page: SnapshotPage, wholeRows: boolean): SyncChange[] {
    if (!wholeRows) return snapshotPageChanges(page);
    this.inboxEmpty = statement(this.db, 'SELECT 1 FROM sync_inbox LIMIT 1').get() === undefined;
    // Cells waiting in the inbox may belong to this page's rows: those rows need the usual path.
    if (!this.inboxEmpty) return snapshotPageChanges(page);
    return insertSnapshotRows(this.db, page, this.aheadLimit, ({ table, rowId, cells, latest }) => {
      this.rowKnown.set(table, rowId, true);
      this.outcome.tables.add(table);
      this.outcome.recorded += cells;
      if (this.maxHlc === null || latest > this.maxHlc) this.maxHlc = latest;
    });
  }

  /** Takes waiting cells out of the inbox and applies them again (they may park again). */
  retryWaiting(reasons: readonly InboxReason[]): void {
    if (this.inboxEmpty) return;
    const waiting = statement(
      this.db,
      `SELECT * FROM sync_inbox WHERE reason IN (SELECT value FROM json_each(?))
       ORDER BY hlc LIMIT ${maxRetriedPerBatch}`,
    ).all(JSON.stringify(reasons)) as InboxRow[];
    for (const row of waiting) {
      // Parked by this very batch: nothing it waits for has changed since.
      if (this.takenIds.has(row.change_id)) continue;
      statement(this.db, 'DELETE FROM sync_inbox WHERE change_id = ?').run(row.change_id);
      this.take(changeFromInbox(row));
    }
  }

  finish(): ApplyOutcome {
    if (this.assumeAbsent) this.insertInBulk();
    for (const absent of this.absentInOrder) this.insertWhenComplete(absent);
    this.absentInOrder.length = 0;
    this.absentRows.clear();
    if (this.maxHlc !== null) {
      // Kept for the next start: rows pulled whole leave no trace in the change log's stamps.
      statement(
        this.db,
        'UPDATE sync_state SET seen_hlc = ? WHERE id = 1 AND (seen_hlc IS NULL OR seen_hlc < ?)',
      ).run(this.maxHlc, this.maxHlc);
      try {
        this.target.clock.receive(this.maxHlc);
      } catch (error) {
        console.error('[sync] pulled stamp not merged into the clock', error);
      }
    }
    return this.outcome;
  }

  /** Our own change coming back, or a change already applied or parked by an earlier batch. */
  private alreadyHere(change: SyncChange): boolean {
    const device = this.logged.get(change.id);
    if (device !== undefined) {
      if (device === this.target.deviceId)
        statement(this.db, 'DELETE FROM sync_unechoed WHERE change_id = ?').run(change.id);
      return true;
    }
    return (
      !this.inboxEmpty &&
      statement(this.db, 'SELECT 1 FROM sync_inbox WHERE change_id = ?').get(change.id) !==
        undefined
    );
  }

  /**
   * One query for the whole batch instead of one per change: a first pull is millions of them.
   * Only changes of rows already here are looked up: a change is logged here only together with
   * its row (the mutation path, or sync writing the row), and rows are never deleted.
   */
  lookUp(changes: readonly SyncChange[], wholeRows = false): void {
    this.inboxEmpty = statement(this.db, 'SELECT 1 FROM sync_inbox LIMIT 1').get() === undefined;
    // Cells waiting in the inbox may belong to this batch's rows: those rows need the usual path.
    if (wholeRows && this.inboxEmpty) {
      this.assumeAbsent = true;
      return;
    }
    const ids: string[] = [];
    let previous: SyncChange | null = null;
    let previousHere = false;
    for (const change of changes) {
      const sameRow = previous?.rowId === change.rowId && previous.table === change.table;
      if (!sameRow) {
        previousHere =
          tableShape(this.db, change.table) === null || this.rowExists(change.table, change.rowId);
      }
      previous = change;
      if (previousHere) ids.push(change.id);
    }
    const rows =
      ids.length === 0
        ? []
        : (statement(
            this.db,
            'SELECT id, device_id FROM changes WHERE id IN (SELECT value FROM json_each(?))',
          ).all(JSON.stringify(ids)) as { id: string; device_id: string }[]);
    for (const row of rows) this.logged.set(row.id, row.device_id);
  }

  /**
   * The rows taken as absent, inserted whole in bulk; the rest (a row not whole in this batch, or
   * in a chunk that met a row already here or a missing parent) taken again the ordinary way.
   */
  private insertInBulk(): void {
    this.assumeAbsent = false;
    const rows = [...this.absentInOrder];
    const whole = rows.filter((row) => {
      const shape = tableShape(this.db, row.table);
      return shape !== null && isWholeRow(shape, row);
    });
    const refused = new Set(insertWholeRows(this.db, whole));
    const inserted = new Set<AbsentRow>();
    for (const row of whole) {
      if (refused.has(row)) continue;
      inserted.add(row);
      this.rowKnown.set(row.table, row.rowId, true);
      this.outcome.tables.add(row.table);
      this.outcome.recorded += row.cells.length;
    }
    // In the order they came: a parent row before its children.
    const again = rows.filter((row) => !inserted.has(row));
    this.absentInOrder.length = 0;
    this.absentRows.clear();
    if (again.length === 0) return;
    const cells = again.flatMap((row) => row.cells);
    for (const cell of cells) this.takenIds.delete(cell.id);
    this.lookUp(cells);
    for (const cell of cells) this.take(cell);
  }

  private rowExists(table: string, rowId: string): boolean {
    let known = this.rowKnown.get(table, rowId);
    if (known === undefined) {
      known = statement(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) !== undefined;
      this.rowKnown.set(table, rowId, known);
    }
    return known;
  }

  private applyToRow(shape: TableShape, change: SyncChange): void {
    const local = cellClock(this.db, change.table, change.rowId, change.column);
    // The very stamp this cell holds: that change is here already (a row pulled whole).
    if (local === change.hlc) return;
    const incomingWins = local === null || change.hlc > local;
    // Rows of an append-only table never change once written: the first values stay.
    if (incomingWins && !shape.declaration.appendOnly) {
      try {
        statement(this.db, `UPDATE ${change.table} SET ${change.column} = ? WHERE id = ?`).run(
          change.value,
          change.rowId,
        );
      } catch (error) {
        return this.park(change, constraintReason(error));
      }
      this.outcome.tables.add(change.table);
    }
    if (
      change.deviceId !== this.target.deviceId &&
      isSignificantColumn(change.table, change.column)
    )
      this.noteConflict(change);
    this.record(change);
  }

  /**
   * A change from another PC meets one of ours the server had not handed back yet (pending, or
   * accepted but not seen in the pull): neither author knew of the other's value.
   */
  private noteConflict(incoming: SyncChange): void {
    const ours = statement(
      this.db,
      `SELECT id, value, hlc, user_id FROM changes
       WHERE tbl = ? AND row_id = ? AND col = ? AND device_id = ?
         AND (state = 'pending' OR (state = 'accepted'
           AND id IN (SELECT change_id FROM sync_unechoed)))
       ORDER BY hlc DESC LIMIT 1`,
    ).get(incoming.table, incoming.rowId, incoming.column, this.target.deviceId) as
      LocalChange | undefined;
    const incomingValue = JSON.stringify(incoming.value);
    if (!ours || ours.value === incomingValue) return;
    const theirs: LocalChange = {
      id: incoming.id,
      value: incomingValue,
      hlc: incoming.hlc,
      user_id: incoming.userId,
    };
    const [kept, lost] = incoming.hlc > ours.hlc ? [theirs, ours] : [ours, theirs];
    if (
      recordConflict(this.db, {
        at: this.now,
        table: incoming.table,
        rowId: incoming.rowId,
        column: incoming.column,
        kept,
        lost,
      })
    )
      this.outcome.conflicts += 1;
  }

  /** A row seen here for the first time: inserted once every column it needs has arrived. */
  private insertWhenComplete(absent: AbsentRow): void {
    const shape = tableShape(this.db, absent.table);
    if (!shape) return;
    // An inbox empty when the batch began, and parked into by nothing since, holds nothing of it.
    const earlier = this.inboxEmpty
      ? []
      : (statement(
          this.db,
          `SELECT * FROM sync_inbox WHERE tbl = ? AND row_id = ?
         AND reason IN ('incomplete', 'parent', 'constraint')`,
        ).all(absent.table, absent.rowId) as InboxRow[]);
    const cells =
      earlier.length === 0 ? absent.cells : [...earlier.map(changeFromInbox), ...absent.cells];
    const latest = new Map<string, SyncChange>();
    for (const cell of cells) {
      const seen = latest.get(cell.column);
      if (!seen || cell.hlc > seen.hlc) latest.set(cell.column, cell);
    }
    if (!shape.required.every((column) => latest.has(column))) {
      for (const cell of absent.cells) this.park(cell, 'incomplete');
      return;
    }
    const columns = [...latest.keys()];
    const values: (string | number | null)[] = [absent.rowId];
    const clocks = new Map<string, string>();
    for (const [column, cell] of latest) {
      values.push(cell.value);
      clocks.set(column, cell.hlc);
    }
    try {
      this.insertInto(absent.table, columns).run(values);
    } catch (error) {
      const reason = constraintReason(error);
      for (const cell of absent.cells) this.park(cell, reason);
      statement(
        this.db,
        `UPDATE sync_inbox SET reason = ? WHERE tbl = ? AND row_id = ?
           AND reason IN ('incomplete', 'parent', 'constraint')`,
      ).run(reason, absent.table, absent.rowId);
      return;
    }
    this.rowKnown.set(absent.table, absent.rowId, true);
    this.outcome.tables.add(absent.table);
    for (const row of earlier)
      statement(this.db, 'DELETE FROM sync_inbox WHERE change_id = ?').run(row.change_id);
    keepRowClocks(this.db, absent.table, absent.rowId, clocks);
    // Cells already overtaken within the row go to the log, so that they too are known by id.
    for (const cell of cells) {
      if (latest.get(cell.column) === cell) this.outcome.recorded += 1;
      else this.record(cell);
    }
  }

  /**
   * The insert of a row with these columns, found without building its SQL again: a snapshot's rows
   * of one table nearly always bring the same columns, in the same order.
   */
  private insertInto(table: string, columns: readonly string[]): Statement {
    let prepared = this.inserts.get(table);
    if (!prepared) {
      prepared = [];
      this.inserts.set(table, prepared);
    }
    const same = (known: readonly string[]) =>
      known.length === columns.length && known.every((column, index) => column === columns[index]);
    const found = prepared.find((insert) => same(insert.columns));
    if (found) return found.statement;
    const insert = {
      columns: [...columns],
      statement: statement(
        this.db,
        `INSERT INTO ${table} (id, ${columns.join(', ')})
         VALUES (?, ${columns.map(() => '?').join(', ')})`,
      ),
    };
    prepared.push(insert);
    return insert.statement;
  }

  private record(change: SyncChange): void {
    // Already logged is already here (lookUp skips rows absent here): a second record is a no-op.
    statement(
      this.db,
      `INSERT OR IGNORE INTO changes (id, tbl, row_id, col, value, hlc, user_id, device_id, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'accepted')`,
    ).run(
      change.id,
      change.table,
      change.rowId,
      change.column,
      JSON.stringify(change.value),
      change.hlc,
      change.userId,
      change.deviceId,
    );
    this.outcome.recorded += 1;
  }

  private park(change: SyncChange, reason: InboxReason): void {
    this.inboxEmpty = false;
    statement(
      this.db,
      `INSERT OR IGNORE INTO sync_inbox (change_id, tbl, row_id, col, value, hlc, user_id,
         device_id, schema_version, reason, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      change.id,
      change.table,
      change.rowId,
      change.column,
      JSON.stringify(change.value),
      change.hlc,
      change.userId,
      change.deviceId,
      change.schemaVersion,
      reason,
      this.now.toISOString(),
    );
    this.outcome.parked += 1;
  }
}

/** Values by table then row id: no key string built for each of a page's cells. */
class RowMap<V> {
  private readonly tables = new Map<string, Map<string, V>>();

  get(table: string, rowId: string): V | undefined {
    return this.tables.get(table)?.get(rowId);
  }

  set(table: string, rowId: string, value: V): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    rows.set(rowId, value);
  }

  clear(): void {
    this.tables.clear();
  }
}

function changeFromInbox(row: InboxRow): SyncChange {
  return {
    id: row.change_id,
    table: row.tbl,
    rowId: row.row_id,
    column: row.col,
    value: row.value === null ? null : (JSON.parse(row.value) as string | number | null),
    hlc: row.hlc,
    userId: row.user_id,
    deviceId: row.device_id,
    schemaVersion: row.schema_version,
  };
}

/** A missing parent row may still arrive; any other refusal by a constraint waits too. */
function constraintReason(error: unknown): InboxReason {
  if (isSqliteError(error) && error.code.startsWith('SQLITE_CONSTRAINT'))
    return error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ? 'parent' : 'constraint';
  throw error;
}
