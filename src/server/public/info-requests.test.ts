import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import {
  publicInfoRequestResponseSchema,
  publicInfoRequestStatusSchema,
  publicStatisticsResponseSchema,
  publicSubmissionResponseSchema,
  websiteAuthorId,
  type PublicInfoRequest,
  type PublicStatistics,
  type PublicSubmission,
} from '../../shared/public-api';
import { apiPrefix, type SyncChange } from '../../shared/sync/protocol';
import { holidaysTable } from '../../shared/tables/calendar.tables';
import { infoRequestsTable } from '../../shared/tables/info-requests.tables';
import { newId } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { infoRequestValues } from '../testing/info-request-rows';
import { publicBodyLimitBytes } from './public-limits';

const form: PublicInfoRequest = {
  requesterName: 'فاطمة الزهراء بنعلي',
  requesterAddress: '45 شارع محمد الخامس، القصر الكبير',
  requesterIdNumber: 'lb 123456',
  requesterPhone: '06 12 34 56 78',
  subject: 'صفقات التهيئة الحضرية',
  informationRequested: 'لائحة الصفقات العمومية المتعلقة بتهيئة شارع محمد الخامس ومبالغها.',
  deliveryForm: 'electronic',
};

const complaintForm: PublicSubmission = {
  kind: 'complaint',
  citizenName: 'عبد الرحيم الوزاني',
  citizenPhone: '0612345678',
  district: 'حي المنصور',
  subject: 'انقطاع الإنارة العمومية',
  description: 'الإنارة العمومية منقطعة في شارع المنصور منذ أسبوعين، والطريق مظلم ليلا.',
};

const start = Date.parse('2026-03-10T09:00:00.000Z');

describeOnBackends('access to information from the website', (backend) => {
  let app: FastifyInstance;
  let clock: ManualClock;
  let officer: TestDevice;
  let clerk: TestDevice;
  let admin: TestDevice;

  beforeAll(async () => {
    clock = new ManualClock(start);
    app = await testServer(backend.db(), clock);
    return () => app.close();
  });

  let testsRun = 0;

  // Each test starts from an empty register, so numbers and figures are exact, on the same day
  // but minutes later than the last one, so no figures cached by the last one are served.
  beforeEach(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    clock.ms = start + testsRun * 120_000;
    testsRun += 1;
    await seedUser(db, { username: 'officer', roles: ['info_officer'] }, clock.ms);
    await seedUser(db, { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(db, { username: 'admin', roles: ['admin'] }, clock.ms);
    clock.advance(1000);
    officer = await TestDevice.signIn(app, 'officer', clock.now);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    admin = await TestDevice.signIn(app, 'admin', clock.now);
  });

  const call = (options: InjectOptions) =>
    app.inject({ remoteAddress: '198.51.100.7', ...options });
  const submit = (payload: unknown, remoteAddress = '198.51.100.7') =>
    call({
      method: 'POST',
      url: `${apiPrefix}/public/info-requests`,
      payload: payload as object,
      remoteAddress,
    });
  const submitComplaint = (payload: unknown) =>
    call({ method: 'POST', url: `${apiPrefix}/public/complaints`, payload: payload as object });
  const status = (tracking: string, secret: string, register = 'info-requests') =>
    call({ method: 'GET', url: `${apiPrefix}/public/${register}/${tracking}`, query: { secret } });
  const statistics = (query: Record<string, string> = {}) =>
    call({ method: 'GET', url: `${apiPrefix}/public/info-requests/statistics`, query });

  function rowOf(changes: readonly SyncChange[], table: string, rowId: string) {
    return Object.fromEntries(
      changes.filter((c) => c.table === table && c.rowId === rowId).map((c) => [c.column, c]),
    );
  }

  async function filed(payload: unknown = form) {
    const response = await submit(payload);
    expect(response.statusCode, response.body).toBe(201);
    return publicInfoRequestResponseSchema.parse(response.json());
  }

  async function rowIdOf(device: TestDevice, tracking: string): Promise<string> {
    const { changes } = await device.pullAll();
    const id = changes.find(
      (c) => c.table === 'info_requests' && c.column === 'local_number' && c.value === tracking,
    )?.rowId;
    if (!id) throw new Error(`${tracking} not pulled`);
    return id;
  }

  it('files a request as ordinary changes in its own register, the ID number for its readers only', async () => {
    // A complaint from the website first: one tracking sequence, two registers.
    const complaint = await submitComplaint(complaintForm);
    expect(publicSubmissionResponseSchema.parse(complaint.json())).toMatchObject({
      trackingNumber: 'WEB-2026-0001',
      officialNumber: '2026/0001',
    });

    const response = await submit(form);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(publicInfoRequestResponseSchema.parse(response.json())).toMatchObject({
      trackingNumber: 'WEB-2026-0002',
      officialNumber: '2026/0001',
      receivedOn: '2026-03-10',
      // 20 working days: four weekends and Aid al-Fitr (predicted Friday 20 March).
      dueOn: '2026-04-08',
    });

    // The clerk's PC receives it like any push, without the requester's ID number.
    const { changes } = await clerk.pullAll();
    const id = changes.find(
      (c) =>
        c.table === 'info_requests' && c.column === 'local_number' && c.value === 'WEB-2026-0002',
    )?.rowId;
    expect(id).toBeDefined();
    const row = rowOf(changes, 'info_requests', id ?? '');
    const values = Object.fromEntries(Object.entries(row).map(([col, c]) => [col, c.value]));
    expect(values).toMatchObject({
      official_number: '2026/0001',
      channel: 'website',
      urgent: 0,
      urgent_reason: null,
      received_on: '2026-03-10',
      requester_phone: '0612345678',
      requester_email: null,
      delivery_form: 'electronic',
      department_id: null,
      assignee_id: null,
      status: 'received',
      due_on: '2026-04-08',
      extended_due_on: null,
      answered_on: null,
      created_by: websiteAuthorId,
    });
    expect(Object.keys(row).sort()).toEqual(
      Object.keys(infoRequestsTable.columns)
        .filter((col) => col !== 'requester_id_number')
        .sort(),
    );
    expect(row.requester_id_number).toBeUndefined();
    expect(row.subject?.deviceId).toBe('website');
    expect(row.subject?.userId).toBeNull();
    const events = changes.filter(
      (c) => c.table === 'info_request_events' && c.column === 'request_id' && c.value === id,
    );
    expect(events).toHaveLength(1);
    const event = rowOf(changes, 'info_request_events', events[0]?.rowId ?? '');
    expect(event.type?.value).toBe('received');
    expect(event.user_id?.value).toBeNull();
    expect(event.body?.value).toBeNull();

    // The information officer reads it; the register goes on from there for requests filed at
    // the desk.
    const officerRow = rowOf((await officer.pullAll()).changes, 'info_requests', id ?? '');
    expect(officerRow.requester_id_number?.value).toBe('LB123456');
    const own = newId();
    await officer.pushOk(officer.insert(infoRequestsTable, infoRequestValues(officer.userId), own));
    const after = rowOf((await officer.pullAll()).changes, 'info_requests', own);
    expect(after.official_number?.value).toBe('2026/0002');
  });

  it('gives an urgent request 3 working days, its reason kept in the register', async () => {
    const reason = 'يتعلق الأمر بسلامة سكان العمارة المهددة بالانهيار في حي المنصور.';
    const urgent = await filed({ ...form, urgent: true, urgentReason: reason });
    expect(urgent.dueOn).toBe('2026-03-13');
    const id = await rowIdOf(officer, urgent.trackingNumber);
    const { changes } = await officer.pullAll();
    expect(rowOf(changes, 'info_requests', id).urgent_reason?.value).toBe(reason);
    expect(rowOf(changes, 'info_requests', id).urgent?.value).toBe(1);

    expect((await submit({ ...form, urgent: true })).statusCode).toBe(400);
    expect((await submit({ ...form, urgent: false, urgentReason: reason })).statusCode).toBe(400);
    // The website's empty reason field on an ordinary request is no reason.
    expect((await submit({ ...form, urgent: false, urgentReason: '' })).statusCode).toBe(201);
  });

  it('tells the requester where it stands, only with the secret and only on its own route', async () => {
    const request = await filed();
    const complaint = publicSubmissionResponseSchema.parse(
      (await submitComplaint(complaintForm)).json(),
    );
    const response = await status(request.trackingNumber, request.secret);
    expect(response.statusCode, response.body).toBe(200);
    expect(publicInfoRequestStatusSchema.parse(response.json())).toEqual({
      trackingNumber: request.trackingNumber,
      officialNumber: '2026/0001',
      status: 'received',
      urgent: false,
      receivedOn: '2026-03-10',
      dueOn: '2026-04-08',
      extended: false,
      answeredOn: null,
    });
    for (const personal of ['فاطمة', '0612345678', 'LB123456', 'الصفقات', 'شارع'])
      expect(response.body).not.toContain(personal);

    // Another register's number, even with its own secret, answers nothing here, and back.
    expect((await status(complaint.trackingNumber, complaint.secret)).statusCode).toBe(404);
    expect((await status(request.trackingNumber, request.secret, 'complaints')).statusCode).toBe(
      404,
    );
    expect(
      (await status(complaint.trackingNumber, complaint.secret, 'complaints')).statusCode,
    ).toBe(200);
    expect((await status(request.trackingNumber, 'A'.repeat(32))).statusCode).toBe(404);
    expect((await status('WEB-2026-9999', request.secret)).statusCode).toBe(404);
    expect((await status(request.trackingNumber, 'short')).statusCode).toBe(400);

    // The officer extends it, then answers: the requester sees the extended deadline, then the day.
    clock.advance(60_000);
    const id = await rowIdOf(officer, request.trackingNumber);
    await officer.pushOk([
      officer.change(infoRequestsTable, id, 'status', 'in_progress'),
      officer.change(infoRequestsTable, id, 'extended_due_on', '2026-05-07'),
      officer.change(
        infoRequestsTable,
        id,
        'extension_reason',
        'المعلومات المطلوبة موزعة على عدة مصالح وتتطلب وقتا لجمعها.',
      ),
      officer.change(infoRequestsTable, id, 'extension_notified_on', '2026-04-01'),
    ]);
    expect(
      publicInfoRequestStatusSchema.parse(
        (await status(request.trackingNumber, request.secret)).json(),
      ),
    ).toMatchObject({ status: 'in_progress', dueOn: '2026-05-07', extended: true });
    await officer.pushOk([
      officer.change(infoRequestsTable, id, 'status', 'partially_answered'),
      officer.change(infoRequestsTable, id, 'answered_on', '2026-04-20'),
    ]);
    const answered = await status(request.trackingNumber, request.secret);
    expect(publicInfoRequestStatusSchema.parse(answered.json())).toMatchObject({
      status: 'partially_answered',
      answeredOn: '2026-04-20',
    });
    expect(answered.body).not.toContain('المعلومات المطلوبة');
  });

  it("moves an open request's deadline with a correction of the calendar (DOMAIN.md), a decided one's not", async () => {
    const request = await filed();
    expect(request).toMatchObject({ receivedOn: '2026-03-10', dueOn: '2026-04-08' });
    const where = async () =>
      publicInfoRequestStatusSchema.parse(
        (await status(request.trackingNumber, request.secret)).json(),
      );
    const dueOn = async () => (await where()).dueOn;

    // Thursday 12 March is declared a day off after the request came in.
    const results = await admin.pushOk(
      admin.insert(holidaysTable, {
        day: '2026-03-12',
        name_ar: 'عطلة استثنائية',
        name_fr: 'Congé exceptionnel',
        kind: 'exceptional',
      }),
    );
    expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
    // Twenty working days from 10 March without 12 March: one day later.
    expect(await dueOn()).toBe('2026-04-09');

    // Once decided, the request keeps the deadline it was decided under.
    const id = await rowIdOf(officer, request.trackingNumber);
    clock.advance(1000);
    await officer.pushOk([
      officer.change(infoRequestsTable, id, 'status', 'answered'),
      officer.change(infoRequestsTable, id, 'answered_on', '2026-03-11'),
    ]);
    expect(await where()).toMatchObject({ status: 'answered', dueOn: '2026-04-08' });
  });

  it('counts an open request past its deadline as the calendar is corrected now', async () => {
    // Received Monday 9 February: due Monday 9 March, one day before today.
    await officer.pushOk(
      officer.insert(
        infoRequestsTable,
        infoRequestValues(officer.userId, { received_on: '2026-02-09' }),
        newId(),
      ),
    );
    // A period of its own: no other test's figures are cached under it.
    const period = { from: '2026-02-09', to: '2026-03-10' };
    const figures = async () =>
      publicStatisticsResponseSchema.parse((await statistics(period)).json());
    expect(await figures()).toMatchObject({ pending: 1, pendingPastDeadline: 1 });
    // Friday 20 February given off: the deadline is today, not past.
    await admin.pushOk(
      admin.insert(holidaysTable, {
        day: '2026-02-20',
        name_ar: 'عطلة استثنائية',
        name_fr: 'Congé exceptionnel',
        kind: 'exceptional',
      }),
    );
    clock.advance(61_000);
    expect(await figures()).toMatchObject({ pending: 1, pendingPastDeadline: 0 });
  });

  /** The requests the officer registered at the desk, and what became of them. */
  async function registerDecidedRequests(): Promise<void> {
    const requests: Record<string, unknown>[] = [
      { received_on: '2026-01-05', decision: { status: 'answered', answered_on: '2026-01-20' } },
      {
        received_on: '2026-02-02',
        decision: { status: 'partially_answered', answered_on: '2026-02-27' },
      },
      {
        received_on: '2026-02-10',
        decision: { status: 'refused', answered_on: '2026-02-12', refusal_ground: 'not_held' },
      },
      {
        received_on: '2026-02-16',
        decision: {
          status: 'refused',
          answered_on: '2026-03-02',
          refusal_ground: 'art7_exception',
        },
      },
      { received_on: '2026-01-12', decision: { status: 'withdrawn' } },
      // Pending past its deadline (12 February).
      { received_on: '2026-01-15', decision: { status: 'in_progress' } },
      // Pending, on time.
      { received_on: '2026-03-02', decision: {} },
      // Pending, past its first deadline (27 February) but extended to 30 March.
      {
        received_on: '2026-02-01',
        decision: { status: 'in_progress', extended_due_on: '2026-03-30' },
      },
      // Received in 2025: outside the current year.
      {
        received_on: '2025-12-15',
        decision: { status: 'answered', answered_on: '2026-01-06' },
      },
    ];
    for (const [index, request] of requests.entries()) {
      const id = newId();
      const receivedOn = request.received_on as string;
      await officer.pushOk(
        officer.insert(
          infoRequestsTable,
          infoRequestValues(officer.userId, {
            local_number: `PC07-${receivedOn.slice(0, 4)}-${String(index + 1).padStart(4, '0')}`,
            received_on: receivedOn,
          }),
          id,
        ),
      );
      const decision = Object.entries(request.decision as Record<string, unknown>);
      if (decision.length > 0)
        await officer.pushOk(
          decision.map(([col, value]) => officer.change(infoRequestsTable, id, col, value)),
        );
    }
  }

  it('publishes the figures of the register, with response times in working days', async () => {
    await registerDecidedRequests();
    await filed();
    const response = await statistics();
    expect(response.statusCode, response.body).toBe(200);
    const figures = publicStatisticsResponseSchema.parse(response.json());
    const expected: PublicStatistics = {
      from: '2026-01-01',
      to: '2026-03-10',
      asOf: '2026-03-10',
      received: 9,
      answered: 1,
      partiallyAnswered: 1,
      refused: 2,
      refusedByGround: {
        not_held: 1,
        art7_exception: 1,
        already_published: 0,
        repeated_request: 0,
        unclear_request: 0,
        in_preparation: 0,
        deposited_at_archives: 0,
      },
      withdrawn: 1,
      pending: 4,
      pendingPastDeadline: 1,
      // 10, 19, 2 and 10 working days (14 January is a holiday).
      averageResponseWorkingDays: 10.3,
    };
    expect(figures).toEqual(expected);
    for (const personal of ['يوسف', 'LB456789', 'youssef', 'فاطمة', 'الميزانية'])
      expect(response.body).not.toContain(personal);

    const wider = publicStatisticsResponseSchema.parse(
      (await statistics({ from: '2025-12-01', to: '2026-03-09' })).json(),
    );
    expect(wider).toMatchObject({ received: 9, answered: 2, pending: 3 });
    expect(wider.averageResponseWorkingDays).toBe(11.2);
    const only2025 = publicStatisticsResponseSchema.parse(
      (await statistics({ to: '2025-12-31' })).json(),
    );
    expect(only2025).toMatchObject({ from: '2025-01-01', received: 1, answered: 1 });

    // The administrator gives Friday 20 February off: the figures follow once the minute's cache
    // has passed, and the next request's deadline at once.
    await admin.pushOk(
      admin.insert(holidaysTable, {
        day: '2026-02-20',
        name_ar: 'عطلة استثنائية',
        name_fr: 'Congé exceptionnel',
        kind: 'exceptional',
      }),
    );
    const holiday = newId();
    await admin.pushOk(
      admin.insert(
        holidaysTable,
        {
          day: '2026-03-11',
          name_ar: 'عطلة استثنائية',
          name_fr: 'Congé exceptionnel',
          kind: 'exceptional',
        },
        holiday,
      ),
    );
    expect(publicStatisticsResponseSchema.parse((await statistics()).json())).toEqual(expected);
    expect((await filed()).dueOn).toBe('2026-04-09');
    clock.advance(61_000);
    const corrected = publicStatisticsResponseSchema.parse((await statistics()).json());
    // 10, 18, 2 and 9.
    expect(corrected).toMatchObject({ received: 10, pending: 5, averageResponseWorkingDays: 9.8 });

    // A tombstoned correction no longer counts.
    await admin.pushOk([admin.change(holidaysTable, holiday, 'deleted', 1)]);
    expect((await filed()).dueOn).toBe('2026-04-08');
    // Aid al-Fitr was not on Friday 20 March after all: one working day sooner.
    await admin.pushOk(
      admin.insert(holidaysTable, {
        day: '2026-03-20',
        name_ar: 'عيد الفطر',
        name_fr: 'Aïd al-Fitr',
        kind: 'not_a_holiday',
      }),
    );
    expect((await filed()).dueOn).toBe('2026-04-07');
  });

  it('refuses a period that is no period, and any other parameter', async () => {
    const refused = async (query: Record<string, string>) => {
      const response = await statistics(query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    };
    await refused({ from: '2026-03-01', to: '2026-02-01' });
    await refused({ from: '2018-01-01', to: '2026-03-01' });
    await refused({ from: '2018-01-01' });
    await refused({ from: '2026-02-30' });
    await refused({ from: '01/02/2026' });
    await refused({ department: 'urbanism' });
    // A decision typed decades after receipt is no response time, and no 500 either.
    const typo = newId();
    await officer.pushOk([
      ...officer.insert(
        infoRequestsTable,
        infoRequestValues(officer.userId, { received_on: '1990-01-02' }),
        typo,
      ),
      officer.change(infoRequestsTable, typo, 'status', 'answered'),
      officer.change(infoRequestsTable, typo, 'answered_on', '2026-01-05'),
    ]);
    const typoed = await statistics({ from: '1990-01-01', to: '1990-12-31' });
    expect(typoed.statusCode, typoed.body).toBe(200);
    expect(typoed.json()).toMatchObject({
      received: 1,
      answered: 1,
      averageResponseWorkingDays: null,
    });
    const empty = publicStatisticsResponseSchema.parse(
      (await statistics({ from: '2027-01-01' })).json(),
    );
    expect(empty).toMatchObject({
      from: '2027-01-01',
      to: '2027-01-01',
      received: 0,
      averageResponseWorkingDays: null,
    });
  });

  it('counts only the figures it computes afresh against an address', async () => {
    const periods = Array.from({ length: 60 }, (_, day) => ({
      from: '2026-01-01',
      to: new Date(Date.parse('2026-01-02') + day * 86_400_000).toISOString().slice(0, 10),
    }));
    for (const period of periods) expect((await statistics(period)).statusCode).toBe(200);
    const fresh = await statistics({ from: '2025-06-01', to: '2025-06-30' });
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // What is in the minute's cache is still served, to this address as to any.
    expect((await statistics(periods[0])).statusCode).toBe(200);
    expect((await statistics()).statusCode).toBe(429);
  });

  it('limits requests to five an hour per address, apart from complaints', async () => {
    for (let i = 0; i < 5; i += 1) await filed();
    const sixth = await submit(form);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await submitComplaint(complaintForm)).statusCode).toBe(201);
    expect((await submit(form, '203.0.113.9')).statusCode).toBe(201);
    clock.advance(3_600_000);
    expect((await submit(form)).statusCode).toBe(201);
  });

  it('refuses what the register would refuse, and bodies over the limit, saving nothing', async () => {
    const refused = async (payload: unknown, code: number) => {
      const response = await submit(payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 200)).toBe(code);
    };
    const noContact = { ...form, requesterPhone: undefined };
    await refused(noContact, 400);
    await refused({ ...noContact, requesterPhone: '  ' }, 400);
    await refused({ ...form, requesterIdNumber: undefined }, 400);
    await refused({ ...form, requesterIdNumber: '123' }, 400);
    await refused({ ...form, deliveryForm: 'fax' }, 400);
    await refused({ ...form, informationRequested: 'short' }, 400);
    await refused({ ...form, subject: 'a\u202eb c' }, 400);
    await refused({ ...form, channel: 'in_person' }, 400);
    await refused({ ...form, status: 'answered' }, 400);
    await refused({ ...form, requesterName: 'x\u0000y' }, 400);
    await refused({ ...form, informationRequested: 'و'.repeat(publicBodyLimitBytes) }, 413);
    const [row] = await backend
      .db()
      .query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM cells WHERE tbl = 'info_requests'`);
    expect(row?.n).toBe(0);
    await refused({ ...noContact, requesterEmail: 'fatima@example.ma' }, 201);
  });

  it('documents its routes in the OpenAPI document and answers the preflight', async () => {
    const docs = await app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        `${apiPrefix}/public/info-requests`,
        `${apiPrefix}/public/info-requests/statistics`,
        `${apiPrefix}/public/info-requests/{tracking}`,
      ]),
    );
    const preflight = await call({
      method: 'OPTIONS',
      url: `${apiPrefix}/public/info-requests`,
      headers: { origin: 'https://www.example.ma', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
  });
});
