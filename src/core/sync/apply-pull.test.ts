import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { createStaff, intakeInput, signInAs } from '../complaints/complaint-fixtures';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { pendingBatch, settlePushResults } from './push-changes';
import {
  RemoteDevice,
  acceptEverything,
  cell,
  lightingCategory,
  localDeviceId,
  loggedChanges,
} from './sync-fixtures';

let t: TestCore;
let remote: RemoteDevice;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  createStaff(t, 'nadia', ['head']);
  signInAs(t, 'nadia');
  remote = new RemoteDevice('00000000000000b1', uuidv7());
});
afterEach(() => t.dispose());

const minute = 60_000;

function createComplaint(subject = 'حفرة كبيرة وسط الطريق'): string {
  return t.ok('complaints:create', intakeInput(lightingCategory, { subject })).id;
}

function editLocally(id: string, patch: Record<string, unknown>): void {
  t.core.runInTransaction('mutation', (ctx) => ctx.write.update(complaintsTable, id, patch));
}

function inbox(): { change_id: string; reason: string }[] {
  return t.core.database().prepare('SELECT change_id, reason FROM sync_inbox').all() as {
    change_id: string;
    reason: string;
  }[];
}

function search(text: string): string[] {
  return t
    .ok('complaints:queue', {
      view: 'all',
      page: 0,
      pageSize: 50,
      sort: { field: 'daysLeft', direction: 'asc' },
      filters: {},
      search: text,
    })
    .rows.map((row) => row.id);
}

describe('applying pulled changes', () => {
  it('lets the later clock win a cell, in both directions, and logs every change as accepted', () => {
    const id = createComplaint();
    acceptEverything(t);
    const newer = remote.change(
      'complaints',
      id,
      'subject',
      'عمود كهربائي مكسور قرب المدرسة',
      remote.stamp(t.clock.ms, 2 * minute),
    );
    expect(t.core.sync.applyPulled([newer]).tables).toEqual(new Set(['complaints']));
    expect(cell(t, 'complaints', id, 'subject')).toBe('عمود كهربائي مكسور قرب المدرسة');
    // Sync wrote the row with plain SQL: the search index followed through its triggers.
    expect(search('عمود مكسور')).toEqual([id]);

    const older = remote.change(
      'complaints',
      id,
      'subject',
      'موضوع قديم',
      remote.stamp(t.clock.ms, -10 * minute),
    );
    expect(t.core.sync.applyPulled([older]).tables.size).toBe(0);
    expect(cell(t, 'complaints', id, 'subject')).toBe('عمود كهربائي مكسور قرب المدرسة');
    const logged = loggedChanges(t, id, 'subject');
    expect(logged.map((c) => [c.id, c.state])).toEqual(
      expect.arrayContaining([
        [newer.id, 'accepted'],
        [older.id, 'accepted'],
      ]),
    );

    // A local edit made afterwards is stamped after what was pulled: it wins.
    editLocally(id, { subject: 'عمود كهربائي مكسور، أعيد فحصه' });
    const local = loggedChanges(t, id, 'subject').at(-1)!;
    expect(local.state).toBe('pending');
    expect(local.hlc > newer.hlc).toBe(true);
  });

  it('ends in the same state whatever order the changes of a cell arrive in', () => {
    const id = uuidv7();
    const cells = remote.complaintCells(id, () => remote.stamp(t.clock.ms, -minute));
    const first = remote.change(
      'complaints',
      id,
      'district',
      'حي المنصور',
      remote.stamp(t.clock.ms),
    );
    const second = remote.change(
      'complaints',
      id,
      'district',
      'حي السلام',
      remote.stamp(t.clock.ms, 5_000),
    );
    const other = createTestCore();
    try {
      t.core.sync.applyPulled([...cells, first]);
      t.core.sync.applyPulled([second]);
      other.core.sync.applyPulled([second]);
      other.core.sync.applyPulled([first, ...cells]);
      const row = (target: TestCore) =>
        target.core.database().prepare('SELECT * FROM complaints WHERE id = ?').get(id);
      expect(row(t)).toMatchObject({
        district: 'حي السلام',
        subject: 'انقطاع الإنارة في زنقة الأندلس',
      });
      expect(row(other)).toEqual(row(t));
    } finally {
      other.dispose();
    }
  });

  it('changes nothing when the same batch is applied again', () => {
    const id = uuidv7();
    const batch = [
      ...remote.complaintCells(id, () => remote.stamp(t.clock.ms)),
      remote.change('complaints', id, 'status', 'routed', remote.stamp(t.clock.ms, 1_000)),
    ];
    const first = t.core.sync.applyPulled(batch);
    expect(first.recorded).toBe(batch.length);
    const count = () =>
      (t.core.database().prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
    const before = count();
    const rowBefore = t.core.database().prepare('SELECT * FROM complaints WHERE id = ?').get(id);
    const again = t.core.sync.applyPulled(batch);
    expect(again).toMatchObject({ recorded: 0, parked: 0, conflicts: 0 });
    expect(again.tables.size).toBe(0);
    expect(count()).toBe(before);
    expect(t.core.database().prepare('SELECT * FROM complaints WHERE id = ?').get(id)).toEqual(
      rowBefore,
    );
  });

  it('holds a row split over two batches in the inbox until its required columns are all here', () => {
    const id = uuidv7();
    const cells = remote.complaintCells(id, () => remote.stamp(t.clock.ms));
    const firstHalf = cells.slice(0, 15);
    const secondHalf = cells.slice(15);
    expect(t.core.sync.applyPulled(firstHalf)).toMatchObject({ recorded: 0, parked: 15 });
    expect(cell(t, 'complaints', id, 'subject')).toBeUndefined();
    expect(inbox().every((row) => row.reason === 'incomplete')).toBe(true);
    expect(search('الأندلس')).toEqual([]);

    const second = t.core.sync.applyPulled(secondHalf);
    expect(second.recorded).toBe(cells.length);
    expect(inbox()).toEqual([]);
    expect(cell(t, 'complaints', id, 'citizen_name')).toBe('فاطمة الزهراء العلمي');
    expect(cell(t, 'complaints', id, 'status')).toBe('received');
    // A row pulled whole keeps its cells' stamps in one entry, not one change each.
    const clocks = t.core
      .database()
      .prepare("SELECT clocks FROM sync_row_clocks WHERE tbl = 'complaints' AND row_id = ?")
      .get(id) as { clocks: string };
    expect(Object.keys(JSON.parse(clocks.clocks) as object).sort()).toEqual(
      cells.map((c) => c.column).sort(),
    );
    expect(loggedChanges(t, id)).toEqual([]);
    expect(search('الأندلس')).toEqual([id]);
  });

  it("waits for a user's department before inserting the user (foreign key)", () => {
    const departmentId = uuidv7();
    const userId = uuidv7();
    const stamp = () => remote.stamp(t.clock.ms);
    const user = [
      remote.change('users', userId, 'username', 'karima', stamp()),
      remote.change('users', userId, 'display_name', 'كريمة البقالي', stamp()),
      remote.change('users', userId, 'roles', '["clerk"]', stamp()),
      remote.change('users', userId, 'department_id', departmentId, stamp()),
      remote.change('users', userId, 'active', 1, stamp()),
      remote.change('users', userId, 'language', 'ar', stamp()),
    ];
    expect(t.core.sync.applyPulled(user).parked).toBe(6);
    expect(inbox().every((row) => row.reason === 'parent')).toBe(true);
    t.core.sync.applyPulled([
      remote.change('departments', departmentId, 'name_ar', 'قسم الأشغال', stamp()),
      remote.change('departments', departmentId, 'name_fr', 'Travaux', stamp()),
    ]);
    expect(inbox()).toEqual([]);
    expect(cell(t, 'users', userId, 'department_id')).toBe(departmentId);
  });

  it('parks a change written by a newer app, and a stamp too far ahead, without failing', () => {
    const id = createComplaint();
    acceptEverything(t);
    const newerApp = remote.change(
      'complaints',
      id,
      'subject',
      'من نسخة أحدث',
      remote.stamp(t.clock.ms, minute),
      { schemaVersion: appSchemaVersion + 1 },
    );
    const unknownColumn = remote.change(
      'complaints',
      id,
      'satisfaction',
      5,
      remote.stamp(t.clock.ms, minute),
      { schemaVersion: appSchemaVersion + 1 },
    );
    const tomorrow = remote.change(
      'complaints',
      id,
      'district',
      'حي الغد',
      remote.stamp(t.clock.ms, 24 * 60 * minute),
    );
    const outcome = t.core.sync.applyPulled([newerApp, unknownColumn, tomorrow]);
    expect(outcome).toMatchObject({ recorded: 0, parked: 3 });
    expect(cell(t, 'complaints', id, 'subject')).toBe('حفرة كبيرة وسط الطريق');
    expect(
      inbox()
        .map((row) => row.reason)
        .sort(),
    ).toEqual(['clock-ahead', 'newer-schema', 'newer-schema']);
    // The clock did not jump a day ahead on that stamp.
    editLocally(id, { location: 'قرب المسجد' });
    expect(loggedChanges(t, id, 'location').at(-1)!.hlc < tomorrow.hlc).toBe(true);

    // A reopening of the same app version leaves the newer-schema cells waiting.
    t.reopen();
    signInAs(t, 'nadia');
    expect(cell(t, 'complaints', id, 'subject')).toBe('حفرة كبيرة وسط الطريق');

    // Once this PC's time has caught up, the early stamp is applied with the next batch.
    t.clock.advance(24 * 60 * minute);
    t.core.sync.applyPulled([]);
    expect(cell(t, 'complaints', id, 'district')).toBe('حي الغد');
    expect(inbox().map((row) => row.reason)).toEqual(['newer-schema', 'newer-schema']);
  });
});

describe('conflicts', () => {
  function conflicts(includeResolved = false) {
    return t.ok('sync:conflicts', { includeResolved });
  }

  it('records a pulled change that wins over, or loses to, a local pending one on significant columns only', () => {
    const id = createComplaint();
    acceptEverything(t);
    editLocally(id, { status: 'routed', subject: 'موضوع عدلته هنا' });
    const later = remote.stamp(t.clock.ms, 2 * minute);
    t.core.sync.applyPulled([
      remote.change('complaints', id, 'status', 'in_progress', later),
      remote.change('complaints', id, 'subject', 'موضوع عدل هناك', later),
    ]);
    expect(cell(t, 'complaints', id, 'status')).toBe('in_progress');
    expect(cell(t, 'complaints', id, 'subject')).toBe('موضوع عدل هناك');
    expect(conflicts()).toEqual([
      expect.objectContaining({
        table: 'complaints',
        rowId: id,
        column: 'status',
        keptValue: 'in_progress',
        lostValue: 'routed',
        lostBy: 'الموظف nadia',
        resolved: false,
      }),
    ]);

    // Losing to a local edit is recorded too: the other PC's value is the one overwritten.
    t.clock.advance(3 * minute);
    editLocally(id, { assignee_id: t.core.session.current()!.id });
    t.core.sync.applyPulled([
      remote.change('complaints', id, 'assignee_id', uuidv7(), remote.stamp(t.clock.ms, -minute)),
    ]);
    expect(cell(t, 'complaints', id, 'assignee_id')).toBe(t.core.session.current()!.id);
    const assignee = conflicts().find((c) => c.column === 'assignee_id');
    expect(assignee).toMatchObject({ keptValue: t.core.session.current()!.id });
    expect(t.ok('sync:status', {}).conflicts).toBe(2);
  });

  it('counts a change accepted but not yet handed back by the pull as contested, and not after', () => {
    const id = createComplaint();
    acceptEverything(t);
    editLocally(id, { status: 'routed' });
    const db = t.core.database();
    const sent = pendingBatch(db, 0, 500, new Date(t.clock.ms));
    db.transaction(() =>
      settlePushResults(
        db,
        sent,
        sent.map((p) => ({ id: p.change.id, status: 'accepted' as const })),
        0,
        new Date(t.clock.ms),
      ),
    )();
    const ours = sent.find((p) => p.change.column === 'status')!.change;
    // Another PC's change that the server took before ours: its author never saw ours.
    t.core.sync.applyPulled([
      remote.change('complaints', id, 'status', 'closed', remote.stamp(t.clock.ms, -minute)),
      ours,
    ]);
    expect(conflicts()).toHaveLength(1);
    // After ours came back, a later change from that PC was made knowing ours: no conflict.
    t.core.sync.applyPulled([
      remote.change('complaints', id, 'status', 'in_progress', remote.stamp(t.clock.ms, minute)),
    ]);
    expect(conflicts()).toHaveLength(1);
    expect(cell(t, 'complaints', id, 'status')).toBe('in_progress');
  });

  it('restores the lost value as a new change when a head chooses it, and marks it resolved', () => {
    const id = createComplaint();
    acceptEverything(t);
    editLocally(id, { status: 'routed' });
    t.core.sync.applyPulled([
      remote.change('complaints', id, 'status', 'closed', remote.stamp(t.clock.ms, minute)),
    ]);
    const [conflict] = conflicts();
    t.ok('sync:resolveConflict', { id: conflict!.id, keep: 'lost' });
    expect(cell(t, 'complaints', id, 'status')).toBe('routed');
    const restored = loggedChanges(t, id, 'status').at(-1)!;
    expect(restored).toMatchObject({
      state: 'pending',
      value: '"routed"',
      device_id: localDeviceId(t),
    });
    expect(conflicts()).toEqual([]);
    expect(conflicts(true)).toEqual([expect.objectContaining({ resolved: true })]);
    // A clerk neither sees nor resolves conflicts.
    createStaff(t, 'karim', ['clerk']);
    signInAs(t, 'karim');
    expect(t.call('sync:conflicts', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
