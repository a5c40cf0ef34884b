import { transitionContext } from '../../shared/sync/change-guards';
import type { PushResult, SyncChange } from '../../shared/sync/protocol';
import { isSyncedTableName, syncedTables } from '../../shared/tables/registry';
import type { ServerDb } from '../db/server-db';
import { appendToLogWithCells, type LogEntry } from './change-log';
import { judgeChange, type Pusher, type Verdict } from './judge-change';
import {
  nextOfficialNumber,
  numberedTableOf,
  officialNumberChange,
  yearToNumber,
} from './official-numbers';
import { lockRows, RowStates, type KnownChange } from './row-states';

const rowKey = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

/** PostgreSQL text cannot hold U+0000: such a row id (or reference) is refused, not looked up. */
const storable = (change: SyncChange) =>
  !change.rowId.includes('\0') &&
  !(typeof change.value === 'string' && change.value.includes('\0'));

/**
 * Locks and reads the rows a batch touches, then the rows their transitions look at (a reply's
 * case: its status and department decide who approves), whether the reference is on the server or
 * in this batch. The first rows are locked before anything is read, so a retried batch waits for
 * its first try and then finds it logged: returns which of the batch's `ids` the server knows.
 */
async function lockAndLoadRows(
  tx: ServerDb,
  states: RowStates,
  touched: ReadonlyMap<string, { tbl: string; rowId: string }>,
  changes: readonly SyncChange[],
  ids: readonly string[],
): Promise<KnownChange[]> {
  const key = (row: { tbl: string; rowId: string }) => rowKey(row.tbl, row.rowId);
  await lockRows(tx, [...touched.values()]);
  const known = await states.loadAndFindKnown([...touched.values()], ids);
  const related = new Map<string, { tbl: string; rowId: string }>();
  for (const change of changes.filter(storable)) {
    if (!isSyncedTableName(change.table)) continue;
    const current = states.currentRow(syncedTables[change.table], change.rowId) ?? {};
    for (const row of [current, { ...current, [change.column]: change.value }]) {
      const context = transitionContext(change.table, row);
      if (context)
        related.set(key({ tbl: context.table, rowId: context.rowId }), {
          tbl: context.table,
          rowId: context.rowId,
        });
    }
  }
  for (const row of touched.keys()) related.delete(row);
  await lockRows(tx, [...related.values()]);
  await states.load([...related.values()]);
  return known;
}

/** PostgreSQL broke a deadlock by failing this transaction: the batch is simply judged again. */
const deadlockDetected = '40P01';
const triesOnDeadlock = 3;

function isDeadlock(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === deadlockDetected
  );
}

/**
 * One push batch in one transaction (DESIGN.md, Sync): each change idempotent by id, validated
 * against the table declarations, authorized for the user's role (column and transition), then
 * applied to its cell by last-writer-wins and ALWAYS appended to the log when accepted, so every
 * client converges whatever the order changes arrive in. New register records get their official
 * number in the same transaction.
 *
 * Pushes run side by side until they append: each locks the rows it touches and judges against
 * them, takes the register counters it numbers with in one order (toNumber), and only the append
 * itself waits for the log's lock (change-log.ts), so the log stays in commit order while the
 * lock is held for two statements and a commit.
 */
export async function pushChanges(
  db: ServerDb,
  pusher: Pusher,
  changes: readonly SyncChange[],
  nowMs: number,
): Promise<PushResult[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => pushInTransaction(tx, pusher, changes, nowMs));
    } catch (error) {
      if (!isDeadlock(error) || attempt >= triesOnDeadlock) throw error;
    }
  }
}

async function pushInTransaction(
  tx: ServerDb,
  pusher: Pusher,
  changes: readonly SyncChange[],
  nowMs: number,
): Promise<PushResult[]> {
  const touched = new Map<string, { tbl: string; rowId: string }>();
  for (const change of changes.filter(storable))
    touched.set(rowKey(change.table, change.rowId), { tbl: change.table, rowId: change.rowId });
  const ids = changes.map((change) => change.id.toLowerCase());
  const states = new RowStates(tx);
  // Logged already, or kept aside for a newer schema; once this server knows it ('judge'), a
  // re-push is judged as usual.
  const known = await lockAndLoadRows(tx, states, touched, changes, ids);
  const seen = new Map<string, 'accepted' | 'deferred'>();
  for (const row of known) if (row.status === 'accepted') seen.set(row.id, row.status);
  for (const row of known) if (row.status === 'deferred') seen.set(row.id, row.status);
  const keptAside = known.some((row) => row.status !== 'accepted');

  const entries: LogEntry[] = [];
  /** Per cell, the index in `entries` of the change that now holds it. */
  const winners = new Map<string, number>();
  const toDefer: SyncChange[] = [];
  /** Register records touched by accepted changes: each may now need its official number. */
  const numberCandidates = new Map<string, { tbl: string; rowId: string }>();
  const results: PushResult[] = [];

  for (const [index, change] of changes.entries()) {
    const id = ids[index] ?? change.id;
    const status = seen.get(id);
    if (status !== undefined) {
      results.push({ id: change.id, status });
      continue;
    }
    const verdict: Verdict = storable(change)
      ? judgeChange(change, pusher, states, nowMs)
      : { kind: 'reject', reason: 'INVALID_VALUE' };
    if (verdict.kind === 'defer') {
      toDefer.push(change);
      seen.set(id, 'deferred');
      results.push({ id: change.id, status: 'deferred' });
      continue;
    }
    if (verdict.kind === 'reject') {
      const cell = states.isLoaded(change.table, change.rowId)
        ? states.cell(change.table, change.rowId, change.column)
        : undefined;
      results.push({
        id: change.id,
        status: 'rejected',
        reason: verdict.reason,
        serverValue: cell?.value ?? null,
        serverHlc: cell?.hlc ?? null,
      });
      continue;
    }
    seen.set(id, 'accepted');
    entries.push({
      id,
      tbl: change.table,
      rowId: change.rowId,
      col: change.column,
      value: change.value,
      hlc: change.hlc,
      userId: change.userId,
      deviceId: change.deviceId,
      schemaVersion: change.schemaVersion,
    });
    if (verdict.wins) {
      states.set(change.table, change.rowId, change.column, {
        value: change.value,
        hlc: change.hlc,
        deviceId: change.deviceId,
      });
      winners.set(
        rowKey(change.table, change.rowId) + `\u0000${change.column}`,
        entries.length - 1,
      );
    }
    if (numberedTableOf(change.table))
      numberCandidates.set(rowKey(change.table, change.rowId), {
        tbl: change.table,
        rowId: change.rowId,
      });
    results.push({ id: change.id, status: 'accepted' });
  }

  const receivedAt = new Date(nowMs);
  await deferChanges(tx, toDefer, receivedAt);
  if (keptAside) {
    const judged = results.filter((result) => result.status !== 'deferred');
    await tx.query('DELETE FROM deferred_changes WHERE id = ANY($1::uuid[])', [
      judged.map((result) => result.id.toLowerCase()),
    ]);
  }

  for (const { numbered, year, rowId } of toNumber(numberCandidates.values(), states)) {
    const number = await nextOfficialNumber(tx, numbered.register, year);
    const entry = officialNumberChange(numbered, states, rowId, number, nowMs);
    entries.push(entry);
    states.set(entry.tbl, rowId, entry.col, {
      value: entry.value,
      hlc: entry.hlc,
      deviceId: entry.deviceId,
    });
    winners.set(rowKey(entry.tbl, rowId) + `\u0000${entry.col}`, entries.length - 1);
  }

  await appendToLogWithCells(tx, entries, new Set(winners.values()), receivedAt);
  return results;
}

/** A numbered register (official-numbers.ts). */
type NumberedTable = NonNullable<ReturnType<typeof numberedTableOf>>;

/**
 * The rows to number, in the order their counters are taken: by register, then year (rows of one
 * counter in batch order). Every writer takes register counters in this one order, so two pushes
 * numbering the same counters never wait on each other in a circle (PostgreSQL would fail one).
 */
function toNumber(
  candidates: Iterable<{ tbl: string; rowId: string }>,
  states: RowStates,
): { numbered: NumberedTable; year: number; rowId: string }[] {
  const rows: { numbered: NumberedTable; year: number; rowId: string }[] = [];
  for (const { tbl, rowId } of candidates) {
    const numbered = numberedTableOf(tbl);
    const year = numbered ? yearToNumber(numbered, states, rowId) : null;
    if (numbered && year !== null) rows.push({ numbered, year, rowId });
  }
  const byRegister = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Array.prototype.sort is stable: rows of one counter keep their batch order.
  return rows.sort(
    (a, b) => byRegister(a.numbered.register, b.numbered.register) || a.year - b.year,
  );
}

async function deferChanges(
  tx: ServerDb,
  changes: readonly SyncChange[],
  receivedAt: Date,
): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO deferred_changes (id, change, user_id, device_id, schema_version, received_at)
     SELECT id, change, user_id, device_id, schema_version, $6
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::int[])
       AS d(id, change, user_id, device_id, schema_version)
     ON CONFLICT (id) DO NOTHING`,
    [
      changes.map((c) => c.id.toLowerCase()),
      changes.map((c) => JSON.stringify(c)),
      changes.map((c) => c.userId),
      changes.map((c) => c.deviceId),
      changes.map((c) => c.schemaVersion),
      receivedAt,
    ],
  );
}
