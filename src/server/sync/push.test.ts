import type { FastifyInstance } from 'fastify';
import { beforeEach, expect, it } from 'vitest';
import { formatStamp, parseStamp } from '../../shared/sync/hlc';
import type { PushResult, SyncChange } from '../../shared/sync/protocol';
import {
  complaintEventsTable,
  complaintRepliesTable,
  complaintsTable,
} from '../../shared/tables/complaints.tables';
import { auditLogTable, departmentsTable, usersTable } from '../../shared/tables/platform.tables';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { ServerDb } from '../db/server-db';
import { complaintValues, newId, replyValues } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';

const department = '0190a000-0000-7000-8000-0000000000d1';
const otherDepartment = '0190a000-0000-7000-8000-0000000000d2';

function statuses(results: readonly PushResult[]): string[] {
  return results.map((result) =>
    result.status === 'rejected' ? `rejected:${result.reason}` : result.status,
  );
}

describeOnBackends('push', (backend) => {
  let clock: ManualClock;
  let app: FastifyInstance;
  let clerk: TestDevice;
  let head: TestDevice;
  let admin: TestDevice;

  async function cell(table: string, rowId: string, col: string) {
    const [row] = await backend
      .db()
      .query<{ value: string; hlc: string }>(
        'SELECT value, hlc FROM cells WHERE tbl = $1 AND row_id = $2 AND col = $3',
        [table, rowId, col],
      );
    return row ? { value: JSON.parse(row.value) as unknown, hlc: row.hlc } : undefined;
  }

  async function logCount(): Promise<number> {
    const [row] = await backend
      .db()
      .query<{ n: number }>('SELECT COUNT(*)::int AS n FROM change_log');
    return row?.n ?? 0;
  }

  /** A complaint registered by the clerk and routed to the department. */
  async function registered(overrides: Record<string, unknown> = {}): Promise<string> {
    const id = newId();
    const results = await clerk.pushOk(
      clerk.insert(
        complaintsTable,
        complaintValues(clerk.userId, {
          department_id: department,
          status: 'routed',
          ...overrides,
        }),
        id,
      ),
    );
    expect(statuses(results).every((status) => status === 'accepted')).toBe(true);
    return id;
  }

  beforeEach(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'admin', roles: ['admin'] }, clock.ms);
    await seedUser(db, { username: 'clerk', roles: ['clerk'], departmentId: department }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'], departmentId: department }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    head = await TestDevice.signIn(app, 'head', clock.now);
    admin = await TestDevice.signIn(app, 'admin', clock.now);
    return () => app.close();
  });

  it("accepts a clerk's new complaint and gives it the next official number of its year", async () => {
    const first = await registered();
    const second = await registered({ local_number: 'PC03-2026-0008' });
    const older = await registered({ local_number: 'PC03-2025-0099', received_on: '2025-12-30' });
    expect((await cell('complaints', first, 'official_number'))?.value).toBe('2026/0001');
    expect((await cell('complaints', second, 'official_number'))?.value).toBe('2026/0002');
    expect((await cell('complaints', older, 'official_number'))?.value).toBe('2025/0001');
    // Written as the server: no user, the server's device, a clock after every cell of the row.
    const [entry] = await backend
      .db()
      .query<{ user_id: string | null; device_id: string; hlc: string }>(
        `SELECT user_id, device_id, hlc FROM change_log WHERE row_id = $1 AND col = 'official_number'
       ORDER BY seq DESC LIMIT 1`,
        [first],
      );
    expect(entry).toMatchObject({ user_id: null, device_id: 'server' });
    const cells = await backend
      .db()
      .query<{ hlc: string }>(
        `SELECT hlc FROM cells WHERE row_id = $1 AND col <> 'official_number'`,
        [first],
      );
    for (const other of cells) expect((entry?.hlc ?? '') > other.hlc).toBe(true);
    // It flows back to the clerk's app.
    const pulled = await clerk.pullAll();
    const numbers = pulled.changes.filter((change) => change.column === 'official_number');
    expect(numbers.map((change) => change.value).sort()).toEqual([
      '2025/0001',
      '2026/0001',
      '2026/0002',
    ]);
  });

  it('numbers a complaint whose date arrives in a later batch, once', async () => {
    const id = newId();
    const changes = clerk.insert(complaintsTable, complaintValues(clerk.userId), id);
    const split = changes.findIndex((change) => change.column === 'received_on');
    await clerk.pushOk(changes.slice(0, split));
    expect((await cell('complaints', id, 'official_number'))?.value).toBeNull();
    await clerk.pushOk(changes.slice(split));
    expect((await cell('complaints', id, 'official_number'))?.value).toBe('2026/0001');
    await clerk.pushOk([clerk.change(complaintsTable, id, 'subject', 'موضوع آخر للشكاية')]);
    expect((await cell('complaints', id, 'official_number'))?.value).toBe('2026/0001');
    const [counter] = await backend
      .db()
      .query<{ last: number }>('SELECT last FROM register_counters');
    expect(counter?.last).toBe(1);
  });

  it('rejects unknown tables and columns, invalid values and values not in stored form', async () => {
    const id = await registered();
    const base = clerk.change(complaintsTable, id, 'subject', 'موضوع صحيح للشكاية');
    const results = await clerk.pushOk([
      { ...base, id: newId(), table: 'payroll' },
      { ...base, id: newId(), column: 'salary' },
      { ...base, id: newId(), value: 'x' },
      // Untrimmed: the app would have stored it trimmed.
      { ...base, id: newId(), value: '  موضوع صحيح للشكاية  ' },
      { ...base, id: newId(), column: 'urgent', value: 'yes' },
      { ...base, id: newId(), column: 'urgent', value: 2 },
      { ...base, id: newId(), column: 'received_on', value: '2026-02-30' },
      { ...base, id: newId(), hlc: '2026-13-45T99:00:00.000Z-0000-0000000000000001' },
    ]);
    expect(statuses(results)).toEqual([
      'rejected:UNKNOWN_TABLE',
      'rejected:UNKNOWN_COLUMN',
      'rejected:INVALID_VALUE',
      'rejected:INVALID_VALUE',
      'rejected:INVALID_VALUE',
      'rejected:INVALID_VALUE',
      'rejected:INVALID_VALUE',
      'rejected:INVALID_VALUE',
    ]);
    // A rejection answers the server's value, so the app can put its cell back.
    expect(results[2]).toMatchObject({
      serverValue: complaintValues(clerk.userId).subject,
      serverHlc: (await cell('complaints', id, 'subject'))?.hlc,
    });
  });

  it('refuses a clock more than five minutes ahead of the server', async () => {
    const id = await registered();
    const at = (aheadMs: number) =>
      formatStamp({ millis: clock.ms + aheadMs, counter: 0, node: '00000000000000aa' });
    const base = clerk.change(complaintsTable, id, 'district', 'حي المسيرة');
    const results = await clerk.pushOk([
      { ...base, id: newId(), hlc: at(4 * 60_000) },
      { ...base, id: newId(), hlc: at(6 * 60_000) },
    ]);
    expect(statuses(results)).toEqual(['accepted', 'rejected:CLOCK_TOO_FAR_AHEAD']);
  });

  it('refuses columns the role may not write, and lets a user write their own language', async () => {
    const id = await registered();
    const results = await clerk.pushOk([
      clerk.change(usersTable, clerk.userId, 'roles', ['admin']),
      clerk.change(complaintsTable, id, 'official_number', '2026/0999'),
      clerk.change(complaintsTable, id, 'official_number', null),
      clerk.change(departmentsTable, newId(), 'name_ar', 'قسم جديد'),
      // A null does not start a row the clerk may not write either.
      clerk.change(usersTable, newId(), 'department_id', null),
      clerk.change(usersTable, clerk.userId, 'language', 'ar'),
      clerk.change(usersTable, head.userId, 'language', 'ar'),
    ]);
    expect(statuses(results)).toEqual([
      'rejected:FORBIDDEN_COLUMN',
      'rejected:FORBIDDEN_COLUMN',
      'rejected:FORBIDDEN_COLUMN',
      'rejected:FORBIDDEN_COLUMN',
      'rejected:FORBIDDEN_COLUMN',
      'accepted',
      'rejected:FORBIDDEN_COLUMN',
    ]);
    expect(results[0]).toMatchObject({ serverValue: '["clerk"]' });
    expect((await cell('complaints', id, 'official_number'))?.value).toBe('2026/0001');
    const adminResults = await admin.pushOk([
      admin.change(usersTable, clerk.userId, 'roles', ['clerk', 'head']),
    ]);
    expect(statuses(adminResults)).toEqual(['accepted']);
  });

  it('rejects a clerk pushing an approval with FORBIDDEN_TRANSITION; the head approves', async () => {
    const id = await registered({ status: 'awaiting_approval', assignee_id: clerk.userId });
    const replyId = newId();
    await clerk.pushOk(
      clerk.insert(
        complaintRepliesTable,
        replyValues(id, clerk.userId, { status: 'submitted' }),
        replyId,
      ),
    );
    const byClerk = await clerk.pushOk([
      clerk.change(complaintRepliesTable, replyId, 'status', 'approved'),
      clerk.change(complaintsTable, id, 'status', 'approved'),
      clerk.change(complaintRepliesTable, replyId, 'status', 'delivered'),
      clerk.change(complaintsTable, id, 'status', 'answered'),
    ]);
    expect(statuses(byClerk)).toEqual([
      'rejected:FORBIDDEN_TRANSITION',
      'rejected:FORBIDDEN_TRANSITION',
      'rejected:FORBIDDEN_TRANSITION',
      'rejected:FORBIDDEN_TRANSITION',
    ]);
    expect(byClerk[1]).toMatchObject({ serverValue: 'awaiting_approval' });
    expect((await cell('complaints', id, 'status'))?.value).toBe('awaiting_approval');

    clock.advance(10);
    const byHead = await head.pushOk([
      head.change(complaintRepliesTable, replyId, 'status', 'approved'),
      head.change(complaintRepliesTable, replyId, 'reviewed_by', head.userId),
      head.change(complaintsTable, id, 'status', 'approved'),
    ]);
    expect(statuses(byHead)).toEqual(['accepted', 'accepted', 'accepted']);
    // The approved text no longer changes; the clerk now delivers it (a moment later).
    clock.advance(10);
    const delivery = await clerk.pushOk([
      clerk.change(complaintRepliesTable, replyId, 'body', 'نص آخر لم يوافق عليه رئيس القسم أبدا.'),
      clerk.change(complaintRepliesTable, replyId, 'status', 'delivered'),
      clerk.change(complaintsTable, id, 'status', 'answered'),
      clerk.change(complaintsTable, id, 'status', 'closed'),
    ]);
    expect(statuses(delivery)).toEqual([
      'rejected:FORBIDDEN_TRANSITION',
      'accepted',
      'accepted',
      'accepted',
    ]);
  });

  it('keeps routing, merging, closing and reopening to those the workflow allows', async () => {
    const id = await registered();
    const byClerk = await clerk.pushOk([
      clerk.change(complaintsTable, id, 'department_id', otherDepartment),
      clerk.change(complaintsTable, id, 'status', 'merged'),
      clerk.change(complaintsTable, id, 'merged_into', newId()),
      clerk.change(complaintsTable, id, 'status', 'closed'),
    ]);
    expect(statuses(byClerk)).toEqual([
      'rejected:FORBIDDEN_TRANSITION',
      'rejected:FORBIDDEN_TRANSITION',
      'rejected:FORBIDDEN_COLUMN',
      'rejected:FORBIDDEN_TRANSITION',
    ]);
    clock.advance(10);
    const byHead = await head.pushOk([
      head.change(complaintsTable, id, 'status', 'closed'),
      head.change(complaintsTable, id, 'department_id', otherDepartment),
    ]);
    expect(statuses(byHead)).toEqual(['accepted', 'accepted']);
    // Reopening a closed case is the head's call.
    clock.advance(10);
    const reopen = await clerk.pushOk([clerk.change(complaintsTable, id, 'status', 'in_progress')]);
    expect(statuses(reopen)).toEqual(['rejected:FORBIDDEN_TRANSITION']);
  });

  it('takes a CIN from a clerk but never sends it back to a clerk; a head receives it', async () => {
    const id = await registered({ citizen_cin: 'AB123456' });
    expect((await cell('complaints', id, 'citizen_cin'))?.value).toBe('AB123456');
    const toClerk = await clerk.pullAll();
    expect(toClerk.changes.some((change) => change.column === 'citizen_cin')).toBe(false);
    expect(toClerk.changes.some((change) => change.column === 'citizen_name')).toBe(true);
    // Not from the log either, after the snapshot.
    await clerk.pushOk([clerk.change(complaintsTable, id, 'citizen_cin', 'AB654321')]);
    const later = await clerk.pullAll(toClerk.cursor);
    expect(later.changes).toEqual([]);
    const toHead = await head.pullAll();
    expect(
      toHead.changes.filter((change) => change.column === 'citizen_cin').map((c) => c.value),
    ).toEqual(['AB654321']);
  });

  it('is idempotent by change id: a push retried after a lost answer duplicates nothing', async () => {
    const id = newId();
    const changes = clerk.insert(complaintsTable, complaintValues(clerk.userId), id);
    await clerk.pushOk(changes);
    const logged = await logCount();
    const again = await clerk.pushOk([...changes, ...changes.slice(0, 3)]);
    expect(new Set(statuses(again))).toEqual(new Set(['accepted']));
    expect(await logCount()).toBe(logged);
    const [counter] = await backend
      .db()
      .query<{ last: number }>('SELECT last FROM register_counters');
    expect(counter?.last).toBe(1);
  });

  it('converges by last-writer-wins whatever order edits arrive in, and logs the loser too', async () => {
    const id = await registered();
    const other = await TestDevice.signIn(app, 'clerk', clock.now);
    const early = clerk.change(complaintsTable, id, 'district', 'حي المسيرة');
    clock.advance(10);
    const late = other.change(complaintsTable, id, 'district', 'حي الأندلس');
    // The later edit arrives first; the earlier one, from a PC that was offline, after.
    expect(statuses(await other.pushOk([late]))).toEqual(['accepted']);
    expect(statuses(await clerk.pushOk([early]))).toEqual(['accepted']);
    expect((await cell('complaints', id, 'district'))?.value).toBe('حي الأندلس');
    const log = (await head.pullAll()).changes;
    expect(log.find((change) => change.column === 'district')?.value).toBe('حي الأندلس');
    // A client that already held the log before the late edits converges too.
    const sequence = await backend
      .db()
      .query<{ id: string }>(`SELECT id FROM change_log WHERE col = 'district' ORDER BY seq`);
    expect(sequence.map((row) => row.id).slice(-2)).toEqual([late.id, early.id]);
  });

  it('keeps append-only rows as written: one write per cell, by the device that made the row', async () => {
    const id = await registered();
    const eventId = newId();
    const event = clerk.insert(
      complaintEventsTable,
      {
        complaint_id: id,
        at: '2026-03-10T09:00:00.000Z',
        user_id: clerk.userId,
        type: 'note',
        detail: null,
        body: 'ملاحظة داخلية',
      },
      eventId,
    );
    expect(new Set(statuses(await clerk.pushOk(event)))).toEqual(new Set(['accepted']));
    const results = await clerk.pushOk([
      clerk.change(complaintEventsTable, eventId, 'body', 'ملاحظة معدلة'),
      clerk.change(complaintEventsTable, eventId, 'deleted', 1),
    ]);
    expect(statuses(results)).toEqual(['rejected:APPEND_ONLY', 'rejected:APPEND_ONLY']);
    // A half-sent row from one device cannot be completed by another.
    const partial = newId();
    const note = clerk.insert(
      complaintEventsTable,
      {
        complaint_id: id,
        at: '2026-03-10T09:00:00.000Z',
        user_id: clerk.userId,
        type: 'note',
        detail: null,
        body: 'أخرى',
      },
      partial,
    );
    await clerk.pushOk(note.slice(0, 2));
    const intruder = await head.pushOk([
      head.change(complaintEventsTable, partial, 'body', 'دخيل'),
    ]);
    expect(statuses(intruder)).toEqual(['rejected:APPEND_ONLY']);
    expect(new Set(statuses(await clerk.pushOk(note.slice(2))))).toEqual(new Set(['accepted']));
  });

  it("refuses another user's or another device's changes", async () => {
    const id = await registered();
    const base = clerk.change(complaintsTable, id, 'district', 'حي المسيرة');
    const results = await clerk.pushOk([
      { ...base, id: newId(), userId: head.userId },
      { ...base, id: newId(), deviceId: head.deviceId },
    ]);
    expect(statuses(results)).toEqual(['rejected:NOT_YOUR_CHANGE', 'rejected:NOT_YOUR_CHANGE']);
  });

  it('lets a change made before sign-in write the audit log only', async () => {
    const anonymous = (change: SyncChange): SyncChange => ({ ...change, userId: null });
    const entry = clerk
      .insert(auditLogTable, {
        at: '2026-03-10T09:00:00.000Z',
        user_id: null,
        action: 'session.sign-in-failed',
        table_name: null,
        row_id: null,
        detail: { username: 'clerk' },
      })
      .map(anonymous);
    expect(new Set(statuses(await clerk.pushOk(entry)))).toEqual(new Set(['accepted']));
    const id = await registered();
    const edit = anonymous(clerk.change(complaintsTable, id, 'district', 'حي المسيرة'));
    expect(statuses(await clerk.pushOk([edit]))).toEqual(['rejected:FORBIDDEN_COLUMN']);
  });

  it('refuses an audit row naming anyone but its writer', async () => {
    const viewed = (userId: string | null) => ({
      at: '2026-03-10T09:00:00.000Z',
      user_id: userId,
      action: 'personal-data.view',
      table_name: complaintsTable.name,
      row_id: newId(),
      detail: null,
    });
    const verdicts = async (changes: SyncChange[]) =>
      Object.fromEntries(
        (await clerk.pushOk(changes)).map((result, index) => [
          changes[index]!.column,
          statuses([result])[0],
        ]),
      );
    // The clerk's views would hide the head's own for ten minutes (one per user and record).
    const forged = await verdicts(clerk.insert(auditLogTable, viewed(head.userId)));
    expect(forged.user_id).toBe('rejected:NOT_YOUR_CHANGE');
    expect(forged.action).toBe('accepted');
    const anonymous = clerk
      .insert(auditLogTable, viewed(head.userId))
      .map((change) => ({ ...change, userId: null }));
    expect((await verdicts(anonymous)).user_id).toBe('rejected:NOT_YOUR_CHANGE');
    const own = await verdicts(clerk.insert(auditLogTable, viewed(clerk.userId.toUpperCase())));
    expect(new Set(Object.values(own))).toEqual(new Set(['accepted']));
  });

  it('keeps a change from a newer app aside until the server knows its schema', async () => {
    const id = await registered();
    const future = {
      ...clerk.change(complaintsTable, id, 'satisfaction', 5),
      schemaVersion: appSchemaVersion + 1,
    };
    expect(statuses(await clerk.pushOk([future]))).toEqual(['deferred']);
    expect(statuses(await clerk.pushOk([future]))).toEqual(['deferred']);
    const kept = await backend
      .db()
      .query<{ schema_version: number }>('SELECT schema_version FROM deferred_changes');
    expect(kept).toEqual([{ schema_version: appSchemaVersion + 1 }]);
    expect(await cell('complaints', id, 'satisfaction')).toBeUndefined();
    // Once the server knows that schema (here: a change it already knows how to judge), the
    // re-pushed change is judged as usual and leaves the waiting list.
    await backend.db().query('UPDATE deferred_changes SET schema_version = $1', [appSchemaVersion]);
    const known = {
      ...future,
      column: 'district',
      value: 'حي المسيرة',
      schemaVersion: appSchemaVersion,
    };
    expect(statuses(await clerk.pushOk([known]))).toEqual(['accepted']);
    expect(await backend.db().query('SELECT id FROM deferred_changes')).toEqual([]);
  });

  it('takes tombstones from delete roles only, and never lifts one', async () => {
    const departmentId = newId();
    await admin.pushOk(
      admin.insert(departmentsTable, { name_ar: 'قسم الأشغال', name_fr: 'Travaux' }, departmentId),
    );
    const results = await clerk.pushOk([
      clerk.change(departmentsTable, departmentId, 'deleted', 1),
    ]);
    expect(statuses(results)).toEqual(['rejected:FORBIDDEN_COLUMN']);
    const byAdmin = await admin.pushOk([
      admin.change(departmentsTable, departmentId, 'deleted', 1),
      admin.change(departmentsTable, departmentId, 'deleted', 0),
    ]);
    expect(statuses(byAdmin)).toEqual(['accepted', 'rejected:INVALID_VALUE']);
    expect(byAdmin[1]).toMatchObject({ serverValue: 1 });
  });

  it('judges a losing edit as harmless: accepted, logged, the winner kept', async () => {
    const id = await registered();
    const stale = clerk.change(complaintsTable, id, 'status', 'in_progress');
    clock.advance(10);
    await head.pushOk([head.change(complaintsTable, id, 'status', 'closed')]);
    // The clerk's edit was made before the head closed the case: it loses, nothing to refuse.
    expect(statuses(await clerk.pushOk([stale]))).toEqual(['accepted']);
    const status = await cell('complaints', id, 'status');
    expect(status?.value).toBe('closed');
    expect(parseStamp(status?.hlc ?? '')?.millis).toBe(clock.ms);
  });
});

/**
 * Two pushes numbering the same two counters (two years of one register, or complaints and info
 * requests) must not take them in their batches' opposite orders: they would wait on each other in
 * a circle, which PostgreSQL breaks after deadlock_timeout by failing one (retried by push.ts, at
 * most 3 tries: a second lost and, under load, a 500). Counters are taken in one order.
 */
describeOnBackends(
  'pushes numbering two counters in opposite orders',
  (backend) => {
    let clock: ManualClock;
    let app: FastifyInstance;
    const deadlocks: unknown[] = [];

    /** The real database, watched: a transaction PostgreSQL failed to break a deadlock. */
    function watched(db: ServerDb): ServerDb {
      return {
        kind: db.kind,
        query: (sql, params) => db.query(sql, params),
        close: () => db.close(),
        transaction: async (fn) => {
          try {
            return await db.transaction(fn);
          } catch (error) {
            if ((error as { code?: unknown }).code === '40P01') deadlocks.push(error);
            throw error;
          }
        },
      };
    }

    beforeEach(async () => {
      await emptyServerDb(backend.db());
      deadlocks.length = 0;
      clock = new ManualClock();
      app = await testServer(watched(backend.db()), clock);
      await seedUser(backend.db(), { username: 'clerk', roles: ['clerk'] }, clock.ms);
      clock.advance(1000);
      return () => app.close();
    });

    it('never deadlocks: the counters are taken in one order', async () => {
      const [a, b] = [
        await TestDevice.signIn(app, 'clerk', clock.now),
        await TestDevice.signIn(app, 'clerk', clock.now),
      ];
      if (!a || !b) throw new Error('no devices');
      const db = backend.db();
      await db.query(
        `INSERT INTO register_counters (register, year, last)
         VALUES ('complaints', 2025, 0), ('complaints', 2026, 0)`,
      );
      const complaint = (device: TestDevice, receivedOn: string) =>
        device.insert(
          complaintsTable,
          complaintValues(device.userId, {
            received_on: receivedOn,
            created_at: `${receivedOn}T10:00:00.000Z`,
          }),
          newId(),
        );
      // Another writer holds the 2025 counter a moment (any push numbering a 2025 complaint).
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding = () => undefined as void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const holder = backend.another().transaction(async (tx) => {
        await tx.query(
          `SELECT last FROM register_counters WHERE register = 'complaints' AND year = 2025
           FOR UPDATE`,
        );
        holding();
        await released;
      });
      await held;
      // Each push is let go only once PostgreSQL has it waiting on a lock (the held counter), not
      // after a pause that a loaded machine may outlast: the circle needs both inside.
      const waitingOnLocks = (count: number) =>
        expect
          .poll(
            async () =>
              (
                await db.query<{ n: number }>(
                  `SELECT count(*)::int AS n FROM pg_stat_activity
                   WHERE datname = current_database() AND wait_event_type = 'Lock'`,
                )
              )[0]?.n,
            { timeout: 20_000, interval: 20 },
          )
          .toBeGreaterThanOrEqual(count);
      const first = a.pushOk([...complaint(a, '2025-12-30'), ...complaint(a, '2026-01-02')]);
      await waitingOnLocks(1);
      const second = b.pushOk([...complaint(b, '2026-01-02'), ...complaint(b, '2025-12-30')]);
      await waitingOnLocks(2);
      release();
      await holder;
      const results = (await Promise.all([first, second])).flat();
      expect(results.every((result) => result.status === 'accepted')).toBe(true);
      const numbers = await db.query<{ value: string }>(
        `SELECT value FROM cells WHERE tbl = 'complaints' AND col = 'official_number'`,
      );
      expect(numbers.map((row) => JSON.parse(row.value) as string).sort()).toEqual([
        '2025/0001',
        '2025/0002',
        '2026/0001',
        '2026/0002',
      ]);
      expect(deadlocks).toEqual([]);
    });
  },
  ['postgres'],
);
