import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { SyncChange } from '../../shared/sync/protocol';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { complaintValues, newId } from '../testing/complaint-rows';
import { pagesAheadMade } from './pull';
import { applyLww, ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';

/**
 * Snapshot pages are made ahead of their request (pull.ts, snapshotPageAhead): a page made before
 * a write and handed out after it must still leave the client with the server's cells.
 */
describeOnBackends('snapshot pages made ahead', (backend) => {
  let clock: ManualClock;
  let app: FastifyInstance;
  let clerk: TestDevice;
  let head: TestDevice;
  const complaints: string[] = [];

  beforeAll(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'] }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    head = await TestDevice.signIn(app, 'head', clock.now);
    for (let i = 0; i < 8; i++) {
      const id = newId();
      complaints.push(id);
      await clerk.pushOk(
        clerk.insert(
          complaintsTable,
          complaintValues(clerk.userId, {
            local_number: `PC04-2026-${String(i + 1).padStart(4, '0')}`,
          }),
          id,
        ),
      );
    }
    return () => app.close();
  });

  it('hands out a page made before a write, and the log brings the write after it', async () => {
    // Up to the first page with a complaint: the next one, made ahead, holds the next complaint.
    const before: SyncChange[] = [];
    let first = await head.pullPage(undefined, 40);
    before.push(...first.changes);
    while (!first.changes.some((change) => change.table === 'complaints')) {
      first = await head.pullPage(first.cursor, 40);
      before.push(...first.changes);
    }
    // The next page made ahead, before the write below.
    await pagesAheadMade(backend.db());
    const notYet = complaints.filter((id) => !before.some((change) => change.rowId === id));
    expect(notYet.length).toBeGreaterThan(1);
    clock.advance(5);
    const edits = notYet.map((id) =>
      clerk.change(complaintsTable, id, 'district', 'حي بعد الصفحة'),
    );
    await clerk.pushOk(edits);
    const second = await head.pullPage(first.cursor, 40);
    // That page was made before the write: it holds a complaint with its old district.
    const districts = second.changes.filter(
      (change) => change.table === 'complaints' && change.column === 'district',
    );
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.map((change) => change.value)).not.toContain('حي بعد الصفحة');
    const rest = await head.pullAll(second.cursor, 40);
    const received: SyncChange[] = [...before, ...second.changes, ...rest.changes];
    expect(received.map((change) => change.id)).toEqual(
      expect.arrayContaining(edits.map((edit) => edit.id)),
    );
    const cells = applyLww(received);
    const server = await backend
      .db()
      .query<{ tbl: string; row_id: string; col: string; value: string; hlc: string }>(
        'SELECT tbl, row_id, col, value, hlc FROM cells',
      );
    expect(cells.size).toBe(server.length);
    for (const row of server)
      expect(cells.get(`${row.tbl}/${row.row_id}/${row.col}`)).toEqual({
        value: JSON.parse(row.value) as unknown,
        hlc: row.hlc,
      });
  });
});
