import type { Role } from '../../shared/roles';
import { maxPullCells } from '../../shared/sync/protocol';
import { readableCells } from '../../shared/sync/readable-cells';
import type { Db } from '../db/connection';
import { findUserById } from '../users/users.repo';
import { readSyncState, updateSyncState } from './sync-state.repo';

/**
 * A PC receives what any account signed in online on it may read: its pulls carry the tokens of
 * those accounts (protocol.ts, readersHeader), so a head's CIN numbers reach a PC the information
 * officer joined, and the requester ID numbers reach it too. When they may read cells the data
 * here does not cover (a colleague's first online sign-in, a promotion), the PC backfills them:
 * a snapshot of only those cells (refreshPullScope).
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
 * Before each pull: records which cells the data here covers, and when the PC's readers may now
 * read cells it does not (`holders`: the puller first, then the others with a token here), owes
 * a backfill of just those: a snapshot of their current values, apart from the main pull, which
 * goes on from its cursor and from now on brings them in its log pages. Cells changed after the
 * main cursor come by the log, those before it by the backfill, and per-cell last-writer-wins
 * merges the two in any order. Re-pulling everything instead would cost a commune's register
 * again, and would meet pending changes with values this PC had seen (false conflicts). Returns
 * whether a backfill is owed. Cells nobody here may read any more are not pulled again; those
 * already here stay.
 */
export function refreshPullScope(db: Db, holders: readonly string[]): boolean {
  const roles = readersRoles(db, holders);
  // The users rows come with the first pull (join recorded what that pull covers).
  if (!roles) return false;
  const state = readSyncState(db);
  // Nothing pulled yet (or from another server): the coming snapshot covers every readable cell.
  if (state.cursor === null && state.backfillCells !== null)
    updateSyncState(db, { backfillCells: null, backfillCursor: null });
  const wanted = pulledCellsOf(roles);
  if (state.pulledCells === wanted) return false;
  // A PC from before this was recorded: its data covers what its puller may read.
  const puller = holders[0] === undefined ? null : findUserById(db, holders[0]);
  const pulledText = state.pulledCells ?? (puller ? pulledCellsOf(puller.roles) : '[]');
  const pulled = new Set(JSON.parse(pulledText) as string[]);
  const newly = readableCells(roles).filter((cell) => !pulled.has(cell));
  if (newly.length === 0 || state.cursor === null) {
    updateSyncState(db, { pulledCells: wanted });
    return false;
  }
  const owedBefore =
    state.backfillCells === null ? [] : (JSON.parse(state.backfillCells) as string[]);
  const owed = [...new Set([...owedBefore, ...newly])].sort();
  // More than one request may name (never with today's tables): the whole snapshot again.
  if (owed.length > maxPullCells) {
    updateSyncState(db, {
      pulledCells: wanted,
      cursor: null,
      backfillCells: null,
      backfillCursor: null,
    });
    return false;
  }
  const owedText = JSON.stringify(owed);
  updateSyncState(db, {
    pulledCells: wanted,
    backfillCells: owedText,
    // New cells need the rows the backfill has passed already: it starts over.
    backfillCursor: owedText === state.backfillCells ? state.backfillCursor : null,
  });
  return true;
}

/** The cells a backfill still owes, or null when none. */
export function owedBackfill(db: Db): { cells: string[]; cursor: string | null } | null {
  const state = readSyncState(db);
  if (state.backfillCells === null) return null;
  return { cells: JSON.parse(state.backfillCells) as string[], cursor: state.backfillCursor };
}
