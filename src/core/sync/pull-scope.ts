import type { Role } from '../../shared/roles';
import { readableCells } from '../../shared/sync/readable-cells';
import type { Db } from '../db/connection';
import { findUserById } from '../users/users.repo';
import { readSyncState, updateSyncState } from './sync-state.repo';

/**
 * A PC receives what its puller may read (the server drops the rest). The puller is the account
 * here that may read the most: a head who signs in on a PC an administrator joined takes over the
 * pulling, and the PC pulls a snapshot again so the CIN numbers it never received arrive.
 */

/** What a pull by these roles covers, as sync_state keeps it. */
export function pulledCellsOf(roles: readonly Role[]): string {
  return JSON.stringify(readableCells(roles).sort());
}

/** Whether `candidate` may read every cell `current` may, and more. */
export function readsMore(candidate: readonly Role[], current: readonly Role[]): boolean {
  const theirs = new Set(readableCells(candidate));
  const ours = readableCells(current);
  return ours.every((cell) => theirs.has(cell)) && theirs.size > ours.length;
}

/** Whether the user signing in should pull instead of the current puller (known here). */
export function shouldTakeOverPulling(db: Db, roles: readonly Role[], pullerId: string): boolean {
  const puller = findUserById(db, pullerId);
  return puller !== null && readsMore(roles, puller.roles);
}

/**
 * Before each pull: records which cells the data here covers, and when the puller may now read
 * cells it does not (a new puller, a promotion), starts over from a snapshot, which per-cell
 * last-writer-wins makes harmless for what is already here. Returns whether it started over.
 * Cells the puller may no longer read are not pulled any more; those already here stay.
 */
export function refreshPullScope(db: Db, pullerId: string): boolean {
  const puller = findUserById(db, pullerId);
  // Its users row comes with the first pull (join recorded what that pull covers).
  if (!puller) return false;
  const state = readSyncState(db);
  const recorded = pulledCellsOf(puller.roles);
  if (state.pulledCells === recorded) return false;
  // A PC from before this was recorded: its data is taken to cover its puller's cells.
  const pulled =
    state.pulledCells === null ? null : new Set(JSON.parse(state.pulledCells) as string[]);
  const widened = pulled !== null && readableCells(puller.roles).some((cell) => !pulled.has(cell));
  updateSyncState(db, { pulledCells: recorded, ...(widened ? { cursor: null } : {}) });
  return widened && state.cursor !== null;
}
