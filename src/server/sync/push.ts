import { transitionContext } from '../../shared/sync/change-guards';
import type { PushResult, SyncChange } from '../../shared/sync/protocol';
import { isSyncedTableName, syncedTables } from '../../shared/tables/registry';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { ServerDb } from '../db/server-db';
import {
  appendToLog,
  lockChangeLog,
  writeCells,
  type CellWrite,
  type LogEntry,
} from './change-log';
import { judgeChange, type Pusher, type Verdict } from './judge-change';
import {
  nextOfficialNumber,
  numberedTableOf,
  officialNumberChange,
  yearToNumber,
} from './official-numbers';
import { RowStates } from './row-states';

const rowKey = (tbl: string, rowId: string) => `${tbl}\u0000${rowId}`;

/** PostgreSQL text cannot hold U+0000: such a row id (or reference) is refused, not looked up. */
const storable = (change: SyncChange) =>
  !change.rowId.includes('\0') &&
  !(typeof change.value === 'string' && change.value.includes('\0'));

/**
 * The rows a batch touches, and the rows their transitions look at (a reply's case: its status and
 * department decide who approves), whether the reference is on the server or in this batch.
 */
async function loadRows(states: RowStates, changes: readonly SyncChange[]): Promise<void> {
  const key = (row: { tbl: string; rowId: string }) => rowKey(row.tbl, row.rowId);
  const rows = new Map<string, { tbl: string; rowId: string }>();
  for (const change of changes.filter(storable)) {
    const row = { tbl: change.table, rowId: change.rowId };
    rows.set(key(row), row);
  }
  await states.load([...rows.values()]);
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
  await states.load([...related.values()]);
}

/**
 * One push batch in one transaction (DESIGN.md, Sync): each change idempotent by id, validated
 * against the table declarations, authorized for the user's role (column and transition), then
 * applied to its cell by last-writer-wins and ALWAYS appended to the log when accepted, so every
 * client converges whatever the order changes arrive in. New register records get their official
 * number in the same transaction.
 */
export async function pushChanges(
  db: ServerDb,
  pusher: Pusher,
  changes: readonly SyncChange[],
  nowMs: number,
): Promise<PushResult[]> {
  return db.transaction(async (tx) => {
    await lockChangeLog(tx);
    const ids = changes.map((change) => change.id.toLowerCase());
    const logged = await tx.query<{ id: string }>(
      'SELECT id FROM change_log WHERE id = ANY($1::uuid[])',
      [ids],
    );
    // Kept aside for a newer schema; once this server knows it, a re-push is judged as usual.
    const deferred = await tx.query<{ id: string }>(
      'SELECT id FROM deferred_changes WHERE id = ANY($1::uuid[]) AND schema_version > $2',
      [ids, appSchemaVersion],
    );
    const seen = new Map<string, 'accepted' | 'deferred'>();
    for (const row of logged) seen.set(row.id, 'accepted');
    for (const row of deferred) seen.set(row.id, 'deferred');

    const states = new RowStates(tx);
    await loadRows(states, changes);

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

    for (const { tbl, rowId } of numberCandidates.values()) {
      const numbered = numberedTableOf(tbl);
      if (!numbered) continue;
      const year = yearToNumber(numbered, states, rowId);
      if (year === null) continue;
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

    const receivedAt = new Date(nowMs);
    const seqs = await appendToLog(tx, entries, receivedAt);
    const cells: CellWrite[] = [];
    for (const index of winners.values()) {
      const entry = entries[index];
      const seq = seqs[index];
      if (entry && seq !== undefined)
        cells.push({
          tbl: entry.tbl,
          rowId: entry.rowId,
          col: entry.col,
          value: entry.value,
          hlc: entry.hlc,
          seq,
        });
    }
    await writeCells(tx, cells);
    await deferChanges(tx, toDefer, receivedAt);
    const judged = results.filter((result) => result.status !== 'deferred');
    await tx.query('DELETE FROM deferred_changes WHERE id = ANY($1::uuid[])', [
      judged.map((result) => result.id.toLowerCase()),
    ]);
    return results;
  });
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
