import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { infoRequestsTable } from '../../shared/tables/info-requests.tables';
import { infoRequestValues } from '../testing/info-request-rows';
import { complaintValues, newId } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';

describeOnBackends('official numbers of the registers', (backend) => {
  let app: FastifyInstance;
  let officer: TestDevice;
  let clerk: TestDevice;

  beforeAll(async () => {
    await emptyServerDb(backend.db());
    const clock = new ManualClock();
    app = await testServer(backend.db(), clock);
    await seedUser(backend.db(), { username: 'officer', roles: ['info_officer'] }, clock.ms);
    await seedUser(backend.db(), { username: 'clerk', roles: ['clerk'] }, clock.ms);
    clock.advance(1000);
    officer = await TestDevice.signIn(app, 'officer', clock.now);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    return () => app.close();
  });

  async function numberOf(table: string, rowId: string): Promise<unknown> {
    const [row] = await backend
      .db()
      .query<{ value: string }>(
        `SELECT value FROM cells WHERE tbl = $1 AND row_id = $2 AND col = 'official_number'`,
        [table, rowId],
      );
    return row ? JSON.parse(row.value) : undefined;
  }

  it('numbers access-to-information requests in their own register, apart from complaints', async () => {
    const complaint = newId();
    await clerk.pushOk(clerk.insert(complaintsTable, complaintValues(clerk.userId), complaint));
    expect(await numberOf('complaints', complaint)).toBe('2026/0001');

    const first = newId();
    const results = await officer.pushOk(
      officer.insert(infoRequestsTable, infoRequestValues(officer.userId), first),
    );
    expect(results.every((result) => result.status === 'accepted')).toBe(true);
    expect(await numberOf('info_requests', first)).toBe('2026/0001');

    // Each register counts on by itself; a request received in 2025 opens that year's count.
    const second = newId();
    const older = newId();
    await officer.pushOk([
      ...officer.insert(
        infoRequestsTable,
        infoRequestValues(officer.userId, { local_number: 'PC07-2026-0002' }),
        second,
      ),
      ...officer.insert(
        infoRequestsTable,
        infoRequestValues(officer.userId, {
          local_number: 'PC07-2025-0009',
          received_on: '2025-12-30',
        }),
        older,
      ),
    ]);
    const nextComplaint = newId();
    await clerk.pushOk(clerk.insert(complaintsTable, complaintValues(clerk.userId), nextComplaint));
    expect(await numberOf('info_requests', second)).toBe('2026/0002');
    expect(await numberOf('info_requests', older)).toBe('2025/0001');
    expect(await numberOf('complaints', nextComplaint)).toBe('2026/0002');

    // A later edit never renumbers; the number is the server's alone to write.
    await officer.pushOk([officer.change(infoRequestsTable, first, 'status', 'in_progress')]);
    expect(await numberOf('info_requests', first)).toBe('2026/0001');
    const [forged] = await officer.pushOk([
      officer.change(infoRequestsTable, second, 'official_number', '2026/0099'),
    ]);
    expect(forged?.status).toBe('rejected');
    expect(await numberOf('info_requests', second)).toBe('2026/0002');

    // Every PC learns the number through a pull, as for complaints.
    const { changes } = await officer.pullAll();
    const numbers = changes.filter(
      (c) => c.table === 'info_requests' && c.column === 'official_number' && c.value !== null,
    );
    expect(numbers.map((c) => c.value).sort()).toEqual(['2025/0001', '2026/0001', '2026/0002']);
  });
});
