import { HLC_DEFAULT_MAX_DRIFT_MS, formatStamp } from '../../shared/sync/hlc';
import type { HybridLogicalClock } from '../../shared/sync/hlc';
import type { SyncChange } from '../../shared/sync/protocol';
import { statement, type Db } from '../db/connection';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { isSqliteError } from '../db/startup';
import { cellClock, keepRowClocks } from './cell-clocks';
import { recordConflict } from './conflicts.repo';
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
): ApplyOutcome {
  const applier = new PullApplier(target, now);
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
  /** Rows absent here, with the cells this batch brought for them. */
  private readonly absentRows = new Map<
    string,
    { table: string; rowId: string; cells: SyncChange[] }
  >();
  private readonly rowKnown = new Map<string, boolean>();
  private readonly takenIds = new Set<string>();
  /** Of this batch's ids, those already in the change log, with the device that wrote them. */
  private logged = new Map<string, string>();
  private inboxEmpty = false;
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
    const key = `${change.table}\u0000${change.rowId}`;
    const absent = this.absentRows.get(key);
    if (absent) {
      absent.cells.push(change);
    } else if (this.rowExists(change.table, change.rowId, key)) {
      this.applyToRow(shape, change);
    } else {
      this.absentRows.set(key, { table: change.table, rowId: change.rowId, cells: [change] });
    }
  }

  /** Takes waiting cells out of the inbox and applies them again (they may park again). */
  retryWaiting(reasons: readonly InboxReason[]): void {
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
    for (const absent of this.absentRows.values()) this.insertWhenComplete(absent);
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

  /** One query for the whole batch instead of one per change: a first pull is millions of them. */
  lookUp(changes: readonly SyncChange[]): void {
    const rows = statement(
      this.db,
      'SELECT id, device_id FROM changes WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(changes.map((change) => change.id))) as {
      id: string;
      device_id: string;
    }[];
    this.logged = new Map(rows.map((row) => [row.id, row.device_id]));
    this.inboxEmpty = statement(this.db, 'SELECT 1 FROM sync_inbox LIMIT 1').get() === undefined;
  }

  private rowExists(table: string, rowId: string, key: string): boolean {
    let known = this.rowKnown.get(key);
    if (known === undefined) {
      known = statement(this.db, `SELECT 1 FROM ${table} WHERE id = ?`).get(rowId) !== undefined;
      this.rowKnown.set(key, known);
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
  private insertWhenComplete(absent: { table: string; rowId: string; cells: SyncChange[] }): void {
    const shape = tableShape(this.db, absent.table);
    if (!shape) return;
    const earlier = statement(
      this.db,
      `SELECT * FROM sync_inbox WHERE tbl = ? AND row_id = ?
         AND reason IN ('incomplete', 'parent', 'constraint')`,
    ).all(absent.table, absent.rowId) as InboxRow[];
    const cells = [...earlier.map(changeFromInbox), ...absent.cells];
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
    try {
      statement(
        this.db,
        `INSERT INTO ${absent.table} (id, ${columns.join(', ')})
         VALUES (?, ${columns.map(() => '?').join(', ')})`,
      ).run(absent.rowId, ...columns.map((column) => latest.get(column)!.value));
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
    this.rowKnown.set(`${absent.table}\u0000${absent.rowId}`, true);
    this.outcome.tables.add(absent.table);
    for (const row of earlier)
      statement(this.db, 'DELETE FROM sync_inbox WHERE change_id = ?').run(row.change_id);
    keepRowClocks(
      this.db,
      absent.table,
      absent.rowId,
      new Map([...latest].map(([column, cell]) => [column, cell.hlc])),
    );
    // Cells already overtaken within the row go to the log, so that they too are known by id.
    for (const cell of cells) {
      if (latest.get(cell.column) === cell) this.outcome.recorded += 1;
      else this.record(cell);
    }
  }

  private record(change: SyncChange): void {
    statement(
      this.db,
      `INSERT INTO changes (id, tbl, row_id, col, value, hlc, user_id, device_id, state)
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
