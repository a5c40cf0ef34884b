import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readableCells } from '../../shared/sync/readable-cells';
import { createStaff } from '../complaints/complaint-fixtures';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { owedBackfill, pulledCellsOf, refreshPullScope } from './pull-scope';
import { readSyncState, updateSyncState } from './sync-state.repo';

/** What a PC owes when its readers may read more: a backfill of those cells, not a new snapshot. */

let t: TestCore;
let karim: string;
let nadia: string;
let samira: string;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  karim = createStaff(t, 'karim', ['clerk']);
  nadia = createStaff(t, 'nadia', ['head']);
  samira = createStaff(t, 'samira', ['info_officer']);
  // A clerk's PC that has pulled: its main cursor somewhere in the log.
  updateSyncState(t.core.database(), { cursor: 'l:42', pulledCells: pulledCellsOf(['clerk']) });
});
afterEach(() => t.dispose());

const newlyFor = (roles: Parameters<typeof readableCells>[0]) =>
  readableCells(roles).filter((cell) => !readableCells(['clerk']).includes(cell));

describe('refreshPullScope', () => {
  it('owes the newly readable cells and keeps the main cursor', () => {
    const db = t.core.database();
    expect(refreshPullScope(db, [karim, nadia])).toBe(true);
    expect(readSyncState(db).cursor).toBe('l:42');
    expect(owedBackfill(db)).toEqual({ cells: newlyFor(['clerk', 'head']).sort(), cursor: null });
    expect(owedBackfill(db)?.cells).toContain('complaints.citizen_cin');
    // Nothing new the next time: the backfill and its progress stay as they are.
    updateSyncState(db, { backfillCursor: 's:1:t:x' });
    expect(refreshPullScope(db, [karim, nadia])).toBe(false);
    expect(owedBackfill(db)?.cursor).toBe('s:1:t:x');
  });

  it('adds the cells of another reader to an unfinished backfill, which then starts over', () => {
    const db = t.core.database();
    refreshPullScope(db, [karim, nadia]);
    updateSyncState(db, { backfillCursor: 's:1:t:x' });
    expect(refreshPullScope(db, [karim, nadia, samira])).toBe(true);
    const owed = owedBackfill(db);
    expect(owed?.cursor).toBeNull();
    expect(owed?.cells).toEqual(
      [...new Set([...newlyFor(['clerk', 'head']), ...newlyFor(['clerk', 'info_officer'])])].sort(),
    );
    expect(readSyncState(db).cursor).toBe('l:42');
  });

  it('owes nothing on a PC whose main pull has not begun: its snapshot covers every cell', () => {
    const db = t.core.database();
    refreshPullScope(db, [karim, nadia]);
    updateSyncState(db, { cursor: null });
    expect(refreshPullScope(db, [karim, nadia])).toBe(false);
    expect(owedBackfill(db)).toBeNull();
  });
});
