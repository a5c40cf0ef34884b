import type { FastifyInstance } from 'fastify';
import { beforeEach, expect, it } from 'vitest';
import { apiPrefix } from '../../shared/sync/protocol';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { usersTable } from '../../shared/tables/platform.tables';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import {
  ManualClock,
  protocolHeaders,
  seedUser,
  testPassword,
  testServer,
  TestDevice,
} from '../testing/test-clients';
import { complaintValues, newId } from '../testing/complaint-rows';

function signInRequest(app: FastifyInstance, username: string, password: string, ip = '10.0.0.1') {
  return app.inject({
    method: 'POST',
    url: `${apiPrefix}/auth/sign-in`,
    headers: protocolHeaders,
    remoteAddress: ip,
    payload: { username, password, deviceId: 'pc-7', deviceName: 'Bureau 7' },
  });
}

describeOnBackends('accounts and device tokens', (backend) => {
  let clock: ManualClock;
  let app: FastifyInstance;
  let adminId: string;

  beforeEach(async () => {
    await emptyServerDb(backend.db());
    clock = new ManualClock();
    app = await testServer(backend.db(), clock);
    adminId = await seedUser(backend.db(), { username: 'admin', roles: ['admin'] }, clock.ms);
    await seedUser(backend.db(), { username: 'clerk', roles: ['clerk'] }, clock.ms);
    // Later edits of these accounts must carry later clocks than their creation.
    clock.advance(1000);
    return () => app.close();
  });

  it('signs in with the right password and answers a token whose hash alone is kept', async () => {
    const response = await signInRequest(app, ' Admin ', testPassword);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; user: { id: string; roles: string[] } }>();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({ id: adminId, roles: ['admin'], username: 'admin' });
    const stored = await backend
      .db()
      .query<{ token_hash: string }>('SELECT token_hash FROM devices');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toContain(body.token);
  });

  it('refuses a wrong password, an unknown user and an inactive one alike', async () => {
    await seedUser(backend.db(), { username: 'gone', roles: ['clerk'], active: false }, clock.ms);
    for (const [username, password] of [
      ['admin', 'not the password'],
      ['nobody', testPassword],
      ['gone', testPassword],
    ] as const) {
      const response = await signInRequest(app, username, password);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    }
  });

  it('holds a username after five failures, even for the right password, then lets it try again', async () => {
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await signInRequest(app, 'clerk', 'wrong password')).statusCode).toBe(401);
    const held = await signInRequest(app, 'clerk', testPassword);
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(held.headers['retry-after'])).toBe(30);
    // Another user from the same office is not held.
    expect((await signInRequest(app, 'admin', testPassword)).statusCode).toBe(200);
    clock.advance(31_000);
    // The next failure doubles the hold.
    expect((await signInRequest(app, 'clerk', 'wrong again')).statusCode).toBe(401);
    const longer = await signInRequest(app, 'clerk', testPassword);
    expect(Number(longer.headers['retry-after'])).toBe(60);
    clock.advance(61_000);
    expect((await signInRequest(app, 'clerk', testPassword)).statusCode).toBe(200);
    // A success starts the username afresh.
    expect((await signInRequest(app, 'clerk', 'wrong password')).statusCode).toBe(401);
    expect((await signInRequest(app, 'clerk', testPassword)).statusCode).toBe(200);
  });

  it('holds an address guessing many usernames, and a second instance agrees', async () => {
    const second = await testServer(backend.another(), clock);
    try {
      for (let attempt = 0; attempt < 20; attempt++) {
        const target = attempt % 2 === 0 ? app : second;
        const response = await signInRequest(target, `guess${attempt}`, 'password?', '10.9.9.9');
        expect(response.statusCode).toBe(401);
      }
      const held = await signInRequest(second, 'admin', testPassword, '10.9.9.9');
      expect(held.statusCode).toBe(429);
      expect((await signInRequest(app, 'admin', testPassword, '10.1.1.1')).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuses a stolen token once an administrator revoked it', async () => {
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const stolen = { ...protocolHeaders, authorization: `Bearer ${clerk.token}` };
    expect((await clerk.pull()).statusCode).toBe(200);

    const listed = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/devices`,
      headers: admin.headers,
    });
    expect(listed.statusCode).toBe(200);
    const devices = listed.json<{ devices: { id: string; username: string }[] }>().devices;
    const clerkDevice = devices.find((device) => device.username === 'clerk');
    expect(clerkDevice).toBeDefined();

    const revoked = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/devices/${clerkDevice?.id}/revoke`,
      headers: admin.headers,
    });
    expect(revoked.statusCode).toBe(204);
    for (const request of [
      app.inject({ method: 'GET', url: `${apiPrefix}/sync/pull`, headers: stolen }),
      app.inject({
        method: 'POST',
        url: `${apiPrefix}/sync/push`,
        headers: stolen,
        payload: {
          changes: clerk.insert(complaintsTable, complaintValues(clerk.userId), newId()),
        },
      }),
    ]) {
      const response = await request;
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'TOKEN_REVOKED' } });
    }
    expect(await backend.db().query('SELECT 1 FROM cells WHERE tbl = $1', ['complaints'])).toEqual(
      [],
    );
  });

  it('keeps the device list and revocation to administrators', async () => {
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const list = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/devices`,
      headers: clerk.headers,
    });
    expect(list.statusCode).toBe(403);
    const [row] = await backend.db().query<{ id: string }>('SELECT id FROM devices');
    const revoke = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/devices/${row?.id}/revoke`,
      headers: clerk.headers,
    });
    expect(revoke.statusCode).toBe(403);
    expect((await clerk.pull()).statusCode).toBe(200);
  });

  it('refuses calls without a token, with an unknown one, and from a deactivated user', async () => {
    const bare = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/sync/pull`,
      headers: protocolHeaders,
    });
    expect(bare.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const unknown = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/sync/pull`,
      headers: { ...protocolHeaders, authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(unknown.statusCode).toBe(401);

    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const results = await admin.pushOk([admin.change(usersTable, clerk.userId, 'active', false)]);
    expect(results[0]?.status).toBe('accepted');
    expect((await clerk.pull()).statusCode).toBe(401);
  });

  it('lets an administrator set a password, not a weak one', async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const clerkId = (await signInRequest(app, 'clerk', testPassword)).json<{
      user: { id: string };
    }>().user.id;
    const set = (password: string) =>
      app.inject({
        method: 'POST',
        url: `${apiPrefix}/users/${clerkId}/password`,
        headers: admin.headers,
        payload: { password },
      });
    expect((await set('1111111111')).statusCode).toBe(400);
    expect((await set('another long password')).statusCode).toBe(204);
    expect((await signInRequest(app, 'clerk', testPassword)).statusCode).toBe(401);
    expect((await signInRequest(app, 'clerk', 'another long password')).statusCode).toBe(200);
  });
});
