import type { Role } from '../../shared/roles';
import { readableCells } from '../../shared/sync/readable-cells';
import type { Db } from '../db/connection';
import { findUserById } from '../users/users.repo';
import { readSyncState, updateSyncState } from './sync-state.repo';

/**
 * A PC receives what any account signed in online on it may read: its pulls carry the tokens of
 * those accounts (protocol.ts, readersHeader), so a head's CIN numbers reach a PC the information
 * officer joined, and the requester ID numbers reach it too. When they may read cells the data
 * here does not cover (a colleague's first online sign-in, a promotion), the PC pulls a snapshot
 * again, which per-cell last-writer-wins makes harmless for what is already here.
 */

/** What a pull by these roles covers, as sync_state keeps it. */
export function pulledCellsOf(roles: readonly Role[]): string {
  return JSON.stringify(readableCells(roles).sort());
}

/** The roles of the accounts whose tokens this PC holds, as their users rows here say. */
function readersRoles(db: Db, holders: readonly string[]): Role[] | null {
  const roles = new Set<Role>();
  let known = false;
  for (const id of holders) {
    const user = findUserById(db, id);
    if (!user) continue;
    known = true;
    for (const role of user.roles) roles.add(role);
  }
  return known ? [...roles] : null;
}

/**
 * Before each pull: records which cells the data here covers, and starts over from a snapshot
 * when the PC's readers may now read cells it does not (`holders`: the puller first, then the
 * others with a token here). Returns whether it started over. Cells nobody here may read any
 * more are not pulled again; those already here stay.
 */
export function refreshPullScope(db: Db, holders: readonly string[]): boolean {
  const roles = readersRoles(db, holders);
  // The users rows come with the first pull (join recorded what that pull covers).
  if (!roles) return false;
  const state = readSyncState(db);
  const wanted = pulledCellsOf(roles);
  if (state.pulledCells === wanted) return false;
  // A PC from before this was recorded: its data covers what its puller may read.
  const puller = holders[0] === undefined ? null : findUserById(db, holders[0]);
  const pulledText = state.pulledCells ?? (puller ? pulledCellsOf(puller.roles) : '[]');
  const pulled = new Set(JSON.parse(pulledText) as string[]);
  const widened = readableCells(roles).some((cell) => !pulled.has(cell));
  updateSyncState(db, { pulledCells: wanted, ...(widened ? { cursor: null } : {}) });
  return widened && state.cursor !== null;
}
