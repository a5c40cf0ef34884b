import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import {
  otherCategoryId,
  publicStatusResponseSchema,
  publicSubmissionResponseSchema,
  websiteAuthorId,
  type PublicSubmission,
} from '../../shared/public-api';
import { apiPrefix, type SyncChange } from '../../shared/sync/protocol';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { complaintValues, newId } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { publicBodyLimitBytes } from './public-limits';

const department = '0190a000-0000-7000-8000-0000000000d1';

const form: PublicSubmission = {
  kind: 'complaint',
  citizenName: 'فاطمة الزهراء بنعلي',
  citizenPhone: '06 12 34 56 78',
  citizenCin: 'ab123456',
  district: 'حي المنصور',
  subject: 'انقطاع الإنارة العمومية',
  description: 'الإنارة العمومية منقطعة في شارع المنصور منذ أسبوعين، والطريق مظلم ليلا.',
};

describeOnBackends('public endpoints', (backend) => {
  let app: FastifyInstance;
  let clock: ManualClock;
  let clerk: TestDevice;
  let head: TestDevice;

  beforeAll(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    await db.query('TRUNCATE public_submissions, public_rate_limits');
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'clerk', roles: ['clerk'], departmentId: department }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'], departmentId: department }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    head = await TestDevice.signIn(app, 'head', clock.now);
    return () => app.close();
  });

  beforeEach(async () => {
    await backend.db().query('TRUNCATE public_rate_limits');
  });

  /** The website's calls: no protocol header, no token. */
  const call = (options: InjectOptions) =>
    app.inject({ remoteAddress: '198.51.100.7', ...options });
  const submit = (payload: unknown, remoteAddress = '198.51.100.7') =>
    call({
      method: 'POST',
      url: `${apiPrefix}/public/complaints`,
      payload: payload as object,
      remoteAddress,
    });
  const status = (tracking: string, secret: string) =>
    call({ method: 'GET', url: `${apiPrefix}/public/complaints/${tracking}`, query: { secret } });

  function rowOf(changes: readonly SyncChange[], table: string, rowId: string) {
    return Object.fromEntries(
      changes.filter((c) => c.table === table && c.rowId === rowId).map((c) => [c.column, c]),
    );
  }

  it('files a submission as ordinary changes in the triage queue, with its official number', async () => {
    const response = await submit(form);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const filed = publicSubmissionResponseSchema.parse(response.json());
    expect(filed).toMatchObject({
      trackingNumber: 'WEB-2026-0001',
      officialNumber: '2026/0001',
      receivedOn: '2026-03-10',
    });

    const { changes } = await clerk.pullAll();
    const numberChange = changes.find(
      (c) => c.table === 'complaints' && c.column === 'local_number' && c.value === 'WEB-2026-0001',
    );
    expect(numberChange).toBeDefined();
    const complaintId = numberChange?.rowId ?? '';
    const row = rowOf(changes, 'complaints', complaintId);
    const values = Object.fromEntries(Object.entries(row).map(([col, c]) => [col, c.value]));
    expect(values).toMatchObject({
      official_number: '2026/0001',
      channel: 'website',
      kind: 'complaint',
      status: 'received',
      category_id: otherCategoryId,
      department_id: null,
      assignee_id: null,
      citizen_phone: '0612345678',
      received_on: '2026-03-10',
      ack_due_on: '2026-03-25',
      answer_due_on: '2026-05-09',
      acknowledged_on: null,
      created_by: websiteAuthorId,
      urgent: 0,
    });
    // Every column the app's insert writes (the CIN only for its readers), from the website.
    expect(Object.keys(row).sort()).toEqual(
      Object.keys(complaintsTable.columns)
        .filter((col) => col !== 'citizen_cin')
        .sort(),
    );
    expect(Object.values(row).every((c) => c.deviceId !== clerk.deviceId)).toBe(true);
    expect(row.subject?.deviceId).toBe('website');
    expect(row.subject?.userId).toBeNull();
    // A clerk may not read the CIN: it reached the server, but not this pull.
    expect(row.citizen_cin).toBeUndefined();
    const headPull = await head.pullAll();
    expect(rowOf(headPull.changes, 'complaints', complaintId).citizen_cin?.value).toBe('AB123456');

    const event = changes.filter(
      (c) =>
        c.table === 'complaint_events' && c.column === 'complaint_id' && c.value === complaintId,
    );
    expect(event).toHaveLength(1);
    const eventRow = rowOf(changes, 'complaint_events', event[0]?.rowId ?? '');
    expect(eventRow.type?.value).toBe('received');
    expect(eventRow.user_id?.value).toBeNull();

    // The register is one: the next case a clerk files gets the next number.
    const ownId = newId();
    await clerk.pushOk(clerk.insert(complaintsTable, complaintValues(clerk.userId), ownId));
    const after = await clerk.pullAll();
    expect(rowOf(after.changes, 'complaints', ownId).official_number?.value).toBe('2026/0002');
  });

  it('tells the citizen where the case stands, nothing personal, only with the secret', async () => {
    const filed = publicSubmissionResponseSchema.parse((await submit(form)).json());
    const response = await status(filed.trackingNumber, filed.secret);
    expect(response.statusCode, response.body).toBe(200);
    const body = publicStatusResponseSchema.parse(response.json());
    expect(body).toEqual({
      trackingNumber: filed.trackingNumber,
      officialNumber: filed.officialNumber,
      kind: 'complaint',
      status: 'received',
      receivedOn: '2026-03-10',
      answerDueOn: '2026-05-09',
      answeredOn: null,
      closedOn: null,
    });
    for (const personal of ['فاطمة', '0612345678', 'AB123456', 'الإنارة', 'حي المنصور'])
      expect(response.body).not.toContain(personal);

    // Wrong secret, unknown number: the same 404.
    const wrong = await status(filed.trackingNumber, 'A'.repeat(32));
    expect(wrong.statusCode).toBe(404);
    expect((await status('WEB-2026-9999', filed.secret)).statusCode).toBe(404);
    expect((await status(filed.trackingNumber, 'short')).statusCode).toBe(400);

    // Triage routes it: in progress for the citizen.
    const { changes } = await head.pullAll();
    const id = changes.find(
      (c) => c.column === 'local_number' && c.value === filed.trackingNumber,
    )?.rowId;
    const results = await head.pushOk([
      head.change(complaintsTable, id ?? '', 'department_id', department),
      head.change(complaintsTable, id ?? '', 'status', 'routed'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const routed = publicStatusResponseSchema.parse(
      (await status(filed.trackingNumber, filed.secret)).json(),
    );
    expect(routed.status).toBe('in_progress');
  });

  it('limits submissions to five an hour per address, in the database', async () => {
    for (let i = 0; i < 5; i += 1) expect((await submit(form)).statusCode).toBe(201);
    const sixth = await submit(form);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(3000);
    // Another address is not held back; a second server instance would count the same rows.
    expect((await submit(form, '203.0.113.9')).statusCode).toBe(201);
    clock.advance(3_600_000);
    expect((await submit(form)).statusCode).toBe(201);
  });

  it('counts one IPv6 /64 as one address: a script rotating its interface id is stopped at the fifth filing', async () => {
    // Any home or VPS connection gets a whole /64; picking a new address in it costs nothing.
    const statuses: number[] = [];
    for (let host = 1; host <= 8; host++) {
      const answer = await submit(form, `2001:db8:4a1:7c::${host.toString(16)}`);
      statuses.push(answer.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    // The next /64 is another subscriber.
    expect((await submit(form, '2001:db8:4a1:7d::1')).statusCode).toBe(201);
  });

  it('counts an IPv4 address written as IPv4-mapped IPv6 as itself', async () => {
    for (let i = 0; i < 5; i += 1) expect((await submit(form)).statusCode).toBe(201);
    expect((await submit(form, '::ffff:198.51.100.7')).statusCode).toBe(429);
    expect((await submit(form, '::ffff:c633:6407')).statusCode).toBe(429);
    expect((await submit(form, '::ffff:198.51.100.8')).statusCode).toBe(201);
  });

  it('refuses what the intake would refuse, and bodies over its limit', async () => {
    const refused = async (payload: unknown, code: number) => {
      const response = await submit(payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(code);
    };
    const noContact = { ...form, citizenPhone: undefined };
    await refused(noContact, 400);
    await refused({ ...noContact, citizenEmail: 'fatima@example.ma' }, 201);
    await refused({ ...form, kind: 'request' }, 400);
    await refused({ ...form, citizenPhone: '12' }, 400);
    await refused({ ...form, description: 'short' }, 400);
    await refused({ ...form, subject: 'a\u202eb c' }, 400);
    await refused({ ...form, categoryId: newId() }, 400);
    await refused({ ...form, channel: 'in_person' }, 400);
    await refused({ ...form, description: 'و'.repeat(publicBodyLimitBytes) }, 413);
    const text = await call({
      method: 'POST',
      url: `${apiPrefix}/public/complaints`,
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    // Fastify reads text/plain as a string, which is no form.
    expect(text.statusCode).toBe(400);
  });

  it('answers the browser preflight of another origin', async () => {
    const preflight = await call({
      method: 'OPTIONS',
      url: `${apiPrefix}/public/complaints`,
      headers: { origin: 'https://www.example.ma', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('answers 4xx to any body and any tracking query, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            Object.fromEntries(
              Object.keys(form).map((key) => [
                key,
                fc.oneof(fc.string({ maxLength: 30 }), fc.jsonValue()),
              ]),
            ),
          ),
        ),
        async (payload) => {
          await backend.db().query('TRUNCATE public_rate_limits');
          const response = await call({
            method: 'POST',
            url: `${apiPrefix}/public/complaints`,
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          });
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        fc.dictionary(fc.constantFrom('secret', 'x', 'secret[]'), fc.string({ maxLength: 40 })),
        async (tracking, query) => {
          await backend.db().query('TRUNCATE public_rate_limits');
          const response = await call({
            method: 'GET',
            url: `${apiPrefix}/public/complaints/${encodeURIComponent(tracking)}`,
            query,
          });
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});
