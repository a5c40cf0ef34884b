import type { SyncState } from '../../shared/api/procedures/sync.procedures';
import { statement, type Db } from '../db/connection';
import { conflictCellsClause } from './conflicts.repo';

/** The states kept across restarts; 'syncing' only exists while a run is going. */
export type StoredSyncState = Exclude<SyncState, 'syncing'>;

export interface SyncStateRow {
  serverUrl: string | null;
  serverUserId: string | null;
  cursor: string | null;
  lastSyncAt: string | null;
  offsetMs: number;
  pullEpoch: number;
  /** Which cells the data pulled here covers (pull-scope.ts), as JSON; null until recorded. */
  pulledCells: string | null;
  /** The cells still owed by a backfill (pull-scope.ts), as JSON; null when none. */
  backfillCells: string | null;
  /** Where the backfill's own snapshot stands; null: from its start. */
  backfillCursor: string | null;
  state: StoredSyncState;
}

interface RawSyncState {
  server_url: string | null;
  server_user_id: string | null;
  cursor: string | null;
  last_sync_at: string | null;
  offset_ms: number;
  pull_epoch: number;
  pulled_cells: string | null;
  backfill_cells: string | null;
  backfill_cursor: string | null;
  state: StoredSyncState;
}

export function readSyncState(db: Db): SyncStateRow {
  const raw = statement(
    db,
    `SELECT server_url, server_user_id, cursor, last_sync_at, offset_ms, pull_epoch,
       pulled_cells, backfill_cells, backfill_cursor, state FROM sync_state WHERE id = 1`,
  ).get() as RawSyncState;
  return {
    serverUrl: raw.server_url,
    serverUserId: raw.server_user_id,
    cursor: raw.cursor,
    lastSyncAt: raw.last_sync_at,
    offsetMs: raw.offset_ms,
    pullEpoch: raw.pull_epoch,
    pulledCells: raw.pulled_cells,
    backfillCells: raw.backfill_cells,
    backfillCursor: raw.backfill_cursor,
    state: raw.state,
  };
}

const columnOf = {
  serverUrl: 'server_url',
  serverUserId: 'server_user_id',
  cursor: 'cursor',
  lastSyncAt: 'last_sync_at',
  offsetMs: 'offset_ms',
  pullEpoch: 'pull_epoch',
  pulledCells: 'pulled_cells',
  backfillCells: 'backfill_cells',
  backfillCursor: 'backfill_cursor',
  state: 'state',
} as const satisfies Record<keyof SyncStateRow, string>;

export function updateSyncState(db: Db, patch: Partial<SyncStateRow>): void {
  const keys = Object.keys(patch) as (keyof SyncStateRow)[];
  if (keys.length === 0) return;
  statement(
    db,
    `UPDATE sync_state SET ${keys.map((key) => `${columnOf[key]} = ?`).join(', ')} WHERE id = 1`,
  ).run(...keys.map((key) => patch[key] ?? null));
}

export interface SyncCounts {
  pending: number;
  rejections: number;
  conflicts: number;
}

/**
 * `rejectionsOf`: count only this user's refused changes (null: everyone's); `conflictCells`: only
 * conflicts on those cells (conflictCellsOf; null: all).
 */
export function syncCounts(
  db: Db,
  rejectionsOf: string | null,
  conflictCells: readonly string[] | null,
): SyncCounts {
  const [onCells, cellsParam] = conflictCellsClause(conflictCells);
  return statement(
    db,
    `SELECT
       (SELECT count(*) FROM changes WHERE state = 'pending') AS pending,
       (SELECT count(*) FROM sync_rejections WHERE dismissed_at IS NULL
          AND (? IS NULL OR user_id = ?)) AS rejections,
       (SELECT count(*) FROM sync_conflicts c WHERE c.resolved_at IS NULL AND ${onCells})
         AS conflicts`,
  ).get(rejectionsOf, rejectionsOf, cellsParam, cellsParam) as SyncCounts;
}
