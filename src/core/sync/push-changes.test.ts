import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResult } from '../../shared/sync/protocol';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { createStaff, intakeInput, signInAs } from '../complaints/complaint-fixtures';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { pendingBatch, settlePushResults, type PendingChange } from './push-changes';
import { acceptEverything, cell, lightingCategory, loggedChanges } from './sync-fixtures';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  createStaff(t, 'nadia', ['head']);
  createStaff(t, 'karim', ['clerk']);
  createStaff(t, 'salma', ['clerk']);
  signInAs(t, 'nadia');
});
afterEach(() => t.dispose());

const serverHlc = '2026-11-30T08:00:00.000Z-0000-00000000000000ee';

function createComplaint(overrides: Parameters<typeof intakeInput>[1] = {}): string {
  return t.ok('complaints:create', intakeInput(lightingCategory, overrides)).id;
}

function editLocally(id: string, patch: Record<string, unknown>): void {
  t.core.runInTransaction('mutation', (ctx) => ctx.write.update(complaintsTable, id, patch));
}

/** What a push would send now; every edit also logs an audit entry, left out unless asked. */
function pending(table: string | null = 'complaints'): PendingChange[] {
  return pendingBatch(t.core.database(), 0, 500, new Date(t.clock.ms)).filter(
    (p) => table === null || p.change.table === table,
  );
}

/** Settles a push answer the way a run does: one transaction. */
function settle(sent: PendingChange[], results: PushResult[]) {
  const db = t.core.database();
  return db.transaction(() => settlePushResults(db, sent, results, 0, new Date(t.clock.ms)))();
}

function rejected(
  change: PendingChange,
  serverValue: string | number | null,
  hlc: string | null = serverHlc,
): PushResult {
  return {
    id: change.change.id,
    status: 'rejected',
    reason: 'FORBIDDEN_COLUMN',
    serverValue,
    serverHlc: hlc,
  };
}

function changeCount(): number {
  return (t.core.database().prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
}

describe('settling a push', () => {
  it('marks accepted changes and sends them no more; the same answer twice changes nothing', () => {
    createComplaint();
    const sent = pending(null);
    expect(sent.length).toBeGreaterThan(20);
    const results = sent.map((p) => ({ id: p.change.id, status: 'accepted' as const }));
    expect(settle(sent, results).accepted).toBe(sent.length);
    expect(pending(null)).toEqual([]);
    expect(settle(sent, results)).toMatchObject({ accepted: 0, rejected: 0, deferred: 0 });
    expect(t.ok('sync:status', {}).pending).toBe(0);
  });

  it('puts a refused cell back to the server value without a new change, and never keeps a CIN in the clear', () => {
    const id = createComplaint({ citizenCin: 'AB123456' });
    acceptEverything(t);
    editLocally(id, { citizen_cin: 'CD654321', subject: 'موضوع لم يقبله الخادم' });
    const sent = pending();
    const before = changeCount();
    const cin = sent.find((p) => p.change.column === 'citizen_cin')!;
    const subject = sent.find((p) => p.change.column === 'subject')!;
    expect(
      settle(sent, [rejected(cin, 'AB123456'), rejected(subject, 'حفرة كبيرة وسط الطريق')]),
    ).toMatchObject({ rejected: 2 });

    expect(cell(t, 'complaints', id, 'citizen_cin')).toBe('AB123456');
    expect(cell(t, 'complaints', id, 'subject')).toBe('حفرة كبيرة وسط الطريق');
    expect(changeCount()).toBe(before);
    expect(loggedChanges(t, id, 'subject').at(-1)!.state).toBe('rejected');
    expect(pending()).toEqual([]);
    expect(t.ok('sync:status', {}).rejections).toBe(2);

    const rejections = t.ok('sync:rejections', {});
    expect(rejections.find((r) => r.column === 'subject')).toMatchObject({
      reason: 'FORBIDDEN_COLUMN',
      localValue: 'موضوع لم يقبله الخادم',
      serverValue: 'حفرة كبيرة وسط الطريق',
    });
    expect(rejections.find((r) => r.column === 'citizen_cin')).toMatchObject({
      localValue: null,
      serverValue: null,
    });
    const stored = JSON.stringify(t.core.database().prepare('SELECT * FROM sync_rejections').all());
    expect(stored).not.toContain('CD654321');
    expect(stored).not.toContain('AB123456');
  });

  it('leaves a later local edit of the cell in place when an earlier one is refused', () => {
    const id = createComplaint();
    acceptEverything(t);
    editLocally(id, { subject: 'تعديل أول' });
    editLocally(id, { subject: 'تعديل ثان' });
    const [first] = pending();
    settle([first!], [rejected(first!, 'حفرة كبيرة وسط الطريق')]);
    expect(cell(t, 'complaints', id, 'subject')).toBe('تعديل ثان');
    expect(pending().map((p) => p.change.value)).toEqual(['تعديل ثان']);
  });

  it('hides a record the server refused altogether, as the server has no such row', () => {
    const id = createComplaint();
    const sent = pending().filter((p) => p.change.table === 'complaints');
    settle(
      sent,
      sent.map((p) => rejected(p, null, null)),
    );
    expect(cell(t, 'complaints', id, 'deleted')).toBe(1);
    expect(cell(t, 'complaints', id, 'subject')).toBe('حفرة كبيرة وسط الطريق');
  });

  it("shows each clerk their own refused changes, a head everyone's, and lets them be dismissed", () => {
    signInAs(t, 'karim');
    const id = createComplaint();
    acceptEverything(t);
    editLocally(id, { subject: 'موضوع كريم المرفوض' });
    const sent = pending();
    settle(sent, [rejected(sent[0]!, 'حفرة كبيرة وسط الطريق')]);
    expect(t.ok('sync:rejections', {})).toHaveLength(1);

    signInAs(t, 'salma');
    expect(t.ok('sync:rejections', {})).toEqual([]);
    expect(t.ok('sync:status', {}).rejections).toBe(0);
    signInAs(t, 'nadia');
    const [seen] = t.ok('sync:rejections', {});
    signInAs(t, 'salma');
    expect(t.call('sync:dismissRejection', { id: seen!.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    signInAs(t, 'karim');
    t.ok('sync:dismissRejection', { id: seen!.id });
    expect(t.ok('sync:rejections', {})).toEqual([]);
  });

  it('parks a deferred change: still pending, not offered again until an hour later', () => {
    const id = createComplaint();
    acceptEverything(t);
    editLocally(id, { subject: 'ينتظر خادما أحدث' });
    const sent = pending();
    expect(settle(sent, [{ id: sent[0]!.change.id, status: 'deferred' }])).toMatchObject({
      deferred: 1,
    });
    expect(pending()).toEqual([]);
    expect(t.ok('sync:status', {}).pending).toBe(pending('audit_log').length + 1);
    expect(loggedChanges(t, id, 'subject').at(-1)!.state).toBe('pending');
    t.clock.advance(61 * 60_000);
    expect(pending().map((p) => p.change.id)).toEqual([sent[0]!.change.id]);
  });
});
