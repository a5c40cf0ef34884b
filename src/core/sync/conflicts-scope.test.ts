import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { createStaff, signInAs } from '../complaints/complaint-fixtures';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { recordConflict, type ConflictSide } from './conflicts.repo';

/**
 * Each role sees and settles the conflicts of what it may decide: a head those of complaints, the
 * information officer those of the access-to-information register, the director everything.
 */

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  createStaff(t, 'nadia', ['head']);
  createStaff(t, 'samira', ['info_officer']);
  createStaff(t, 'driss', ['director']);
  createStaff(t, 'karim', ['clerk']);
  createStaff(t, 'amina', ['president']);
});
afterEach(() => t.dispose());

function side(value: string): ConflictSide {
  return { id: uuidv7(), value: JSON.stringify(value), hlc: `${Date.now()}`, user_id: null };
}

function conflictOn(table: string, column: string): void {
  recordConflict(t.core.database(), {
    at: new Date('2026-11-30T10:00:00Z'),
    table,
    rowId: uuidv7(),
    column,
    kept: side('in_progress'),
    lost: side('refused'),
  });
}

const seen = () => t.ok('sync:conflicts', {}).map((conflict) => conflict.table);

describe('conflicts by who may settle them', () => {
  beforeEach(() => {
    conflictOn('complaints', 'status');
    conflictOn('info_requests', 'status');
  });

  it('lists to each role the conflicts of what it may decide, and counts those', () => {
    signInAs(t, 'nadia');
    expect(seen()).toEqual(['complaints']);
    expect(t.ok('sync:status', {}).conflicts).toBe(1);
    signInAs(t, 'samira');
    expect(seen()).toEqual(['info_requests']);
    expect(t.ok('sync:status', {}).conflicts).toBe(1);
    signInAs(t, 'driss');
    expect(seen().sort()).toEqual(['complaints', 'info_requests']);
    expect(t.ok('sync:status', {}).conflicts).toBe(2);
  });

  it('lets the information officer settle the register’s conflict, and not a head', () => {
    signInAs(t, 'driss');
    const request = t.ok('sync:conflicts', {}).find((c) => c.table === 'info_requests');
    if (!request) throw new Error('no conflict on the register');
    signInAs(t, 'nadia');
    expect(t.call('sync:resolveConflict', { id: request.id, keep: 'kept' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    signInAs(t, 'samira');
    t.ok('sync:resolveConflict', { id: request.id, keep: 'kept' });
    expect(t.ok('sync:conflicts', {})).toEqual([]);
    expect(t.ok('sync:conflicts', { includeResolved: true })).toMatchObject([
      { table: 'info_requests', resolved: true },
    ]);
  });

  for (const username of ['karim', 'amina']) {
    it(`counts for ${username} no conflict ${username} may neither list nor settle`, () => {
      signInAs(t, username);
      expect(t.call('sync:conflicts', {})).toMatchObject({ ok: false });
      expect(t.call('sync:resolveConflict', { id: uuidv7(), keep: 'kept' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(t.ok('sync:status', {}).conflicts).toBe(0);
    });
  }
});
