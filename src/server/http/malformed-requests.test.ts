import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { formatStamp } from '../../shared/sync/hlc';
import { apiPrefix, protocolHeader, pushResponseSchema } from '../../shared/sync/protocol';
import { syncedTables } from '../../shared/tables/registry';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { bodyLimitBytes } from '../app';
import { hashPassword } from '../auth/passwords';
import {
  ManualClock,
  protocolHeaders,
  seedUser,
  testServer,
  TestDevice,
} from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';

/** Every request, however malformed, gets an answer in the 4xx range, never a 5xx. */
function expectClientError(status: number, request: unknown): void {
  expect(status, JSON.stringify(request)?.slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(status, JSON.stringify(request)?.slice(0, 300)).toBeLessThan(500);
}

const runs = { numRuns: 60 };

describeOnBackends('malformed and oversized requests', (backend) => {
  let app: FastifyInstance;
  let admin: TestDevice;
  let clock: ManualClock;
  let adminId: string;
  let deviceRowId: string;
  /** A well-formed verifier: what the user routes are fuzzed around. */
  let verifier: string;

  beforeAll(async () => {
    await emptyServerDb(backend.db());
    clock = new ManualClock();
    app = await testServer(backend.db(), clock);
    adminId = await seedUser(backend.db(), { username: 'admin', roles: ['admin'] }, clock.ms);
    clock.advance(1000);
    admin = await TestDevice.signIn(app, 'admin', clock.now);
    // The device the revoke route is aimed at: not the administrator's own.
    await seedUser(backend.db(), { username: 'clerk', roles: ['clerk'] }, clock.ms);
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const [row] = await backend
      .db()
      .query<{ id: string }>('SELECT id FROM devices WHERE device_id = $1', [clerk.deviceId]);
    deviceRowId = row?.id ?? '';
    verifier = await hashPassword('a long new password');
    return () => app.close();
  });

  /** Every route, with a valid token where one is needed: the body or query is what is wrong. */
  const endpoints = (): { method: 'GET' | 'POST' | 'PUT'; url: string }[] => [
    { method: 'POST', url: `${apiPrefix}/auth/sign-in` },
    { method: 'POST', url: `${apiPrefix}/sync/push` },
    { method: 'GET', url: `${apiPrefix}/sync/pull` },
    { method: 'GET', url: `${apiPrefix}/devices` },
    { method: 'POST', url: `${apiPrefix}/devices/${deviceRowId}/revoke` },
    { method: 'POST', url: `${apiPrefix}/users/${adminId}/password` },
    { method: 'PUT', url: `${apiPrefix}/users/${adminId}/credential` },
  ];

  /** The routes that read a body: whatever it holds, it is never a valid one. */
  const bodyEndpoints = () =>
    endpoints().filter((e) => e.method !== 'GET' && !e.url.includes('revoke'));

  async function send(options: InjectOptions): Promise<number> {
    const response = await app.inject(options);
    return response.statusCode;
  }

  it('answers 4xx to any JSON body on any route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyEndpoints()),
        fc.jsonValue(),
        async (endpoint, body) => {
          const status = await send({
            ...endpoint,
            headers: admin.headers,
            payload: JSON.stringify(body),
          });
          // A random body is never a valid sign-in, push, password or verifier.
          expectClientError(status, { endpoint, body });
        },
      ),
      runs,
    );
  });

  it('answers 4xx to bodies that are not JSON, or not what they claim to be', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyEndpoints()),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/octet-stream',
          '',
        ),
        async (endpoint, payload, contentType) => {
          const status = await send({
            ...endpoint,
            headers: { ...admin.headers, 'content-type': contentType },
            payload,
          });
          expectClientError(status, { endpoint, payload, contentType });
        },
      ),
      runs,
    );
  });

  it('answers 4xx to changes shaped right but holding anything, and judges each of them', async () => {
    const tableNames = Object.keys(syncedTables);
    const change = fc.record({
      id: fc.uuid({ version: 7 }),
      table: fc.oneof(fc.constantFrom(...tableNames), fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/)),
      rowId: fc.oneof(fc.uuid(), fc.string({ unit: 'binary', minLength: 1, maxLength: 60 })),
      column: fc.oneof(
        fc.constantFrom(
          'status',
          'roles',
          'deleted',
          'official_number',
          'detail',
          'size',
          'urgent',
        ),
        fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
      ),
      value: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 50 }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constant(null),
        fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
        fc.constant(`${'['.repeat(5000)}${']'.repeat(5000)}`),
      ),
      hlc: fc
        .integer({ min: 0, max: 4_102_444_800_000 })
        .map((millis) => formatStamp({ millis, counter: 0, node: '00000000000000ab' })),
      userId: fc.constantFrom(adminId, null),
      deviceId: fc.constantFrom(admin.deviceId, 'someone-else'),
      schemaVersion: fc.integer({ min: 1, max: appSchemaVersion + 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 20 }), async (changes) => {
        const response = await admin.push(changes);
        expect(response.statusCode, response.body).toBe(200);
        const body = pushResponseSchema.parse(response.json());
        expect(body.results.map((result) => result.id)).toEqual(changes.map((c) => c.id));
      }),
      { numRuns: 40 },
    );
  });

  it('answers 4xx to any query on pull and any id on the device and user routes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('after', 'limit', 'x', 'after[]'),
          fc.string({ maxLength: 80 }),
        ),
        async (query) => {
          const response = await app.inject({
            method: 'GET',
            url: `${apiPrefix}/sync/pull`,
            headers: admin.headers,
            query,
          });
          if (response.statusCode === 200) return;
          expectClientError(response.statusCode, query);
        },
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }), async (id) => {
        for (const url of [
          `${apiPrefix}/devices/${encodeURIComponent(id)}/revoke`,
          `${apiPrefix}/users/${encodeURIComponent(id)}/password`,
        ]) {
          const status = await send({
            method: 'POST',
            url,
            headers: admin.headers,
            payload: { password: 'a long new password' },
          });
          expectClientError(status, url);
        }
        const credential = `${apiPrefix}/users/${encodeURIComponent(id)}/credential`;
        const status = await send({
          method: 'PUT',
          url: credential,
          headers: admin.headers,
          payload: { verifier, setAt: new Date(clock.ms).toISOString() },
        });
        expectClientError(status, credential);
      }),
      runs,
    );
  });

  it('answers 4xx to any protocol and authorization header', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints()),
        fc.option(fc.string({ maxLength: 20 }).filter((text) => !/^\s*\d+\s*$/.test(text))),
        fc.option(fc.string({ maxLength: 80 })),
        async (endpoint, protocol, authorization) => {
          const headers: Record<string, string> = {};
          if (protocol !== null) headers[protocolHeader] = protocol;
          if (authorization !== null) headers.authorization = authorization;
          const status = await send({
            ...endpoint,
            headers,
            payload: endpoint.method === 'GET' ? undefined : {},
          });
          expectClientError(status, { endpoint, protocol, authorization });
        },
      ),
      runs,
    );
  });

  it('refuses text holding U+0000, which PostgreSQL cannot store, without a 5xx', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/auth/sign-in`,
      headers: protocolHeaders,
      payload: { username: 'admin\u0000', password: 'x', deviceId: 'pc\u0000', deviceName: 'a' },
    });
    expect(signIn.statusCode).toBe(400);
    const credential = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/users/${adminId}/credential`,
      headers: admin.headers,
      payload: { verifier: `${verifier}\u0000`, setAt: new Date(clock.ms).toISOString() },
    });
    expect(credential.statusCode).toBe(400);
    const ownCredential = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/users/${adminId}/credential`,
      headers: admin.headers,
      payload: { verifier, setAt: new Date(clock.ms).toISOString(), currentPassword: 'pw\u0000' },
    });
    expect(ownCredential.statusCode).toBe(400);
    const pull = await admin.pull('s:1:complaints:a\u0000b');
    expect(pull.statusCode).toBe(400);
    const change = admin.change(syncedTables.departments, 'row\u0000', 'name_ar', 'قسم');
    const push = pushResponseSchema.parse((await admin.push([change])).json());
    expect(push.results).toMatchObject([{ status: 'rejected', reason: 'INVALID_VALUE' }]);
  });

  it('asks an app too old for the server to update (426) before anything else', async () => {
    for (const endpoint of endpoints()) {
      for (const headers of [{ [protocolHeader]: '0' }, {}]) {
        const response = await app.inject({
          ...endpoint,
          headers: { ...headers, authorization: admin.headers.authorization },
        });
        expect(response.statusCode, endpoint.url).toBe(426);
        expect(response.json()).toMatchObject({ error: { code: 'UPDATE_REQUIRED' } });
      }
    }
  });

  it('refuses bodies over 5 MB with 413 PAYLOAD_TOO_LARGE on every route', async () => {
    const huge = JSON.stringify({ changes: [], padding: 'x'.repeat(bodyLimitBytes) });
    for (const endpoint of endpoints().filter((e) => e.method !== 'GET')) {
      const response = await app.inject({
        ...endpoint,
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: huge,
      });
      expect(response.statusCode, endpoint.url).toBe(413);
      expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });

  /** The website's routes: no token, no protocol header; each run from its own address. */
  const publicBodyRoutes = [`${apiPrefix}/public/complaints`, `${apiPrefix}/public/info-requests`];

  it('answers 4xx to any body on the public routes, JSON or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...publicBodyRoutes),
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        fc.ipV4(),
        async (url, payload, contentType, remoteAddress) => {
          const status = await send({
            method: 'POST',
            url,
            headers: { 'content-type': contentType },
            payload,
            remoteAddress,
          });
          expectClientError(status, { url, payload, contentType });
        },
      ),
      runs,
    );
  });

  it('answers 4xx to any form shaped like the access-to-information one', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    const form = fc.record(
      {
        requesterName: text,
        requesterAddress: text,
        requesterIdNumber: fc.oneof(text, fc.constant('AB123456')),
        requesterEmail: fc.oneof(text, fc.constant('someone@example.ma')),
        requesterPhone: fc.oneof(text, fc.constant('0612345678')),
        subject: text,
        informationRequested: fc.oneof(text, fc.jsonValue()),
        deliveryForm: fc.oneof(text, fc.constantFrom('paper', 'electronic', 'on_site')),
        urgent: fc.oneof(fc.boolean(), fc.jsonValue()),
        urgentReason: text,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(form, fc.ipV4(), async (payload, remoteAddress) => {
        const status = await send({
          method: 'POST',
          url: `${apiPrefix}/public/info-requests`,
          payload,
          remoteAddress,
        });
        // Now and then the fields make a sound form, filed like any: never a 5xx either way.
        if (status === 201) return;
        expectClientError(status, payload);
      }),
      runs,
    );
  });

  it('answers 4xx to any tracking number or query on the public status and statistics routes', async () => {
    const isoDate = fc
      .integer({ min: -80_000, max: 80_000 })
      .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('complaints', 'info-requests'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        fc.dictionary(fc.constantFrom('secret', 'x', 'secret[]'), fc.string({ maxLength: 40 })),
        fc.ipV4(),
        async (register, tracking, query, remoteAddress) => {
          const status = await send({
            method: 'GET',
            url: `${apiPrefix}/public/${register}/${encodeURIComponent(tracking)}`,
            query,
            remoteAddress,
          });
          expectClientError(status, { register, tracking, query });
        },
      ),
      runs,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('from', 'to', 'x', 'from[]'),
          fc.oneof(isoDate, fc.string({ maxLength: 20 })),
        ),
        fc.ipV4(),
        async (query, remoteAddress) => {
          const response = await app.inject({
            method: 'GET',
            url: `${apiPrefix}/public/info-requests/statistics`,
            query,
            remoteAddress,
          });
          // A sound period is answered; anything else is the caller's error, never the server's.
          if (response.statusCode === 200) return;
          expectClientError(response.statusCode, query);
        },
      ),
      runs,
    );
  });

  it('answers 200, 304 or 4xx to any query on the news feeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('news.json', 'news.rss'),
        fc.dictionary(
          fc.constantFrom('lang', 'limit', 'before', 'x', 'lang[]', '_'),
          fc.oneof(
            fc.constantFrom('ar', 'fr', '1', '50', '51', '0', '2026-03-10T09:00:00.000Z_x'),
            fc.string({ unit: 'binary', maxLength: 60 }),
          ),
        ),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.ipV4(),
        async (feed, query, etag, remoteAddress) => {
          const response = await app.inject({
            method: 'GET',
            url: `${apiPrefix}/public/${feed}`,
            query,
            remoteAddress,
            headers: etag === undefined ? {} : { 'if-none-match': etag },
          });
          if (response.statusCode === 200 || response.statusCode === 304) return;
          expectClientError(response.statusCode, { feed, query, etag });
        },
      ),
      runs,
    );
    for (const query of ['lang=xx', 'limit=0', 'limit=1000', 'limit=1&limit=2', 'before=yesterday'])
      for (const feed of ['news.json', 'news.rss'])
        expect(
          (await app.inject({ method: 'GET', url: `${apiPrefix}/public/${feed}?${query}` }))
            .statusCode,
          `${feed}?${query}`,
        ).toBe(400);
  });

  it('refuses public bodies over their 64 KiB limit with 413', async () => {
    const large = JSON.stringify({ subject: 'x'.repeat(64 * 1024) });
    for (const url of publicBodyRoutes) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: large,
      });
      expect(response.statusCode, url).toBe(413);
      expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    }
  });

  it('answers unknown routes 404 and serves its health and OpenAPI document', async () => {
    expect(
      (await app.inject({ method: 'GET', url: `${apiPrefix}/nothing`, headers: protocolHeaders }))
        .statusCode,
    ).toBe(404);
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok', protocol: 1 });
    const docs = await app.inject({ method: 'GET', url: '/docs/json' });
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        `${apiPrefix}/sync/push`,
        `${apiPrefix}/sync/pull`,
        `${apiPrefix}/auth/sign-in`,
        `${apiPrefix}/public/complaints`,
        `${apiPrefix}/public/info-requests`,
        `${apiPrefix}/public/info-requests/statistics`,
        `${apiPrefix}/public/news.json`,
        `${apiPrefix}/public/news.rss`,
        '/health',
      ]),
    );
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });
});
