import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { beforeEach, expect, it } from 'vitest';
import { apiPrefix } from '../../shared/sync/protocol';
import { buildServer } from '../app';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import {
  ManualClock,
  protocolHeaders,
  seedUser,
  testPassword,
  TestDevice,
} from '../testing/test-clients';
import { hashPassword } from './passwords';

const newPassword = 'a brand new password';
const newerPassword = 'an even newer password';

function signIn(app: FastifyInstance, username: string, password: string) {
  return app.inject({
    method: 'POST',
    url: `${apiPrefix}/auth/sign-in`,
    headers: protocolHeaders,
    payload: { username, password, deviceId: 'pc-check', deviceName: 'Check' },
  });
}

function putCredential(device: TestDevice, userId: string, body: unknown) {
  return device.app.inject({
    method: 'PUT',
    url: `${apiPrefix}/users/${userId}/credential`,
    headers: device.headers,
    payload: body as object,
  });
}

/** A verifier made with other argon2 parameters than the app's (m KiB, t passes, p lanes). */
function verifierWith(m: number, t: number, p: number): string {
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$QgSE+uYRId3YMTf1pVqmmw$yOO+gI1P3fD2kZC32GJecarDKJJNCCFovEGZlpE9YFo`;
}

describeOnBackends('password verifiers set in the app', (backend) => {
  let clock: ManualClock;
  let app: FastifyInstance;
  let clerkId: string;
  let logLines: string[];

  beforeEach(async () => {
    await emptyServerDb(backend.db());
    clock = new ManualClock();
    logLines = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildServer({
      db: backend.db(),
      now: clock.now,
      logger: { level: 'info', stream },
    });
    await app.ready();
    await seedUser(backend.db(), { username: 'admin', roles: ['admin'] }, clock.ms);
    clerkId = await seedUser(backend.db(), { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(backend.db(), { username: 'other', roles: ['clerk'] }, clock.ms);
    clock.advance(1000);
    return () => app.close();
  });

  it("lets an administrator set anyone's password, audited without the verifier", async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const verifier = await hashPassword(newPassword);
    const response = await putCredential(admin, clerkId, {
      verifier,
      setAt: new Date(clock.ms).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ stored: true, serverTime: clock.ms });
    expect((await signIn(app, 'clerk', testPassword)).statusCode).toBe(401);
    expect((await signIn(app, 'clerk', newPassword)).statusCode).toBe(200);

    const audit = logLines.filter((line) => line.includes('credential.set'));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({
      audit: 'credential.set',
      userId: clerkId,
      by: admin.userId,
      stored: true,
    });
    const everything = logLines.join('\n');
    expect(everything).not.toContain(verifier);
    expect(everything).not.toContain('$argon2id$');
  });

  it('lets a user set their own password with the current one, and keeps their other devices signed in', async () => {
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const elsewhere = await TestDevice.signIn(app, 'clerk', clock.now);
    const response = await putCredential(clerk, clerkId, {
      verifier: await hashPassword(newPassword),
      setAt: new Date(clock.ms).toISOString(),
      currentPassword: testPassword,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await signIn(app, 'clerk', newPassword)).statusCode).toBe(200);
    expect((await elsewhere.pull()).statusCode).toBe(200);
  });

  it('does not let a token alone replace its user’s password: revoking it gives the account back', async () => {
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    // Someone who copied the clerk's token from her PC, and never knew her password.
    const copied = await putCredential(clerk, clerkId, {
      verifier: await hashPassword('chosen by whoever copied it'),
      setAt: new Date(clock.ms).toISOString(),
    });
    // The administrator revokes the token, as the design says a stolen one is dealt with.
    await backend
      .db()
      .query('UPDATE devices SET revoked_at = $2 WHERE user_id = $1', [
        clerkId,
        new Date(clock.ms),
      ]);
    expect(copied.statusCode).toBe(400);
    expect(copied.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    expect((await signIn(app, 'clerk', 'chosen by whoever copied it')).statusCode).toBe(401);
    expect((await signIn(app, 'clerk', testPassword)).statusCode).toBe(200);
  });

  it('refuses a wrong current password with 403, counted like a failed sign-in', async () => {
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const body = (currentPassword: string) => ({
      verifier: verifierWith(19_456, 2, 1),
      setAt: new Date(clock.ms).toISOString(),
      currentPassword,
    });
    // 403, not 401: the token is good, and the app must not drop it as revoked.
    for (let guess = 1; guess <= 5; guess += 1) {
      const wrong = await putCredential(clerk, clerkId, body(`guess number ${guess}`));
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    }
    // Five wrong ones hold the username, here and at sign-in alike: even the right one waits.
    const held = await putCredential(clerk, clerkId, body(testPassword));
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(app, 'clerk', testPassword)).statusCode).toBe(429);
    clock.advance(60_000);
    expect((await putCredential(clerk, clerkId, body(testPassword))).statusCode).toBe(200);
  });

  it('keeps administrators’ resets token-only, and takes no password where none is checked', async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const setAt = new Date(clock.ms).toISOString();
    const verifier = await hashPassword(newPassword);
    const needless = await putCredential(admin, clerkId, {
      verifier,
      setAt,
      currentPassword: testPassword,
    });
    expect(needless.statusCode).toBe(400);
    // Their own password is their own: the current one is asked of administrators too.
    const own = await putCredential(admin, admin.userId, { verifier, setAt });
    expect(own.statusCode).toBe(400);
    expect((await signIn(app, 'admin', testPassword)).statusCode).toBe(200);
    expect((await putCredential(admin, clerkId, { verifier, setAt })).statusCode).toBe(200);
  });

  it("refuses a clerk setting another user's password, and changes nothing", async () => {
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const [admin] = await backend
      .db()
      .query<{ user_id: string }>(
        `SELECT row_id AS user_id FROM cells WHERE tbl = 'users' AND col = 'username' AND value = $1`,
        [JSON.stringify('admin')],
      );
    for (const target of [
      admin!.user_id,
      (await TestDevice.signIn(app, 'other', clock.now)).userId,
    ]) {
      const response = await putCredential(clerk, target, {
        verifier: await hashPassword(newPassword),
        setAt: new Date(clock.ms).toISOString(),
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    expect((await signIn(app, 'admin', testPassword)).statusCode).toBe(200);
    expect((await signIn(app, 'other', testPassword)).statusCode).toBe(200);
    expect((await signIn(app, 'admin', newPassword)).statusCode).toBe(401);
  });

  it('refuses what is not an argon2id verifier with at least the baseline parameters', async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const setAt = new Date(clock.ms).toISOString();
    const good = await hashPassword(newPassword);
    const bad: unknown[] = [
      { verifier: newPassword, setAt },
      { verifier: good.replace('$argon2id$', '$argon2i$'), setAt },
      { verifier: '$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234', setAt },
      { verifier: verifierWith(4096, 2, 1), setAt },
      { verifier: verifierWith(19_456, 1, 1), setAt },
      { verifier: verifierWith(19_456, 2, 0), setAt },
      // Costs the server too much at every sign-in.
      { verifier: verifierWith(4_194_304, 2, 1), setAt },
      { verifier: verifierWith(19_456, 200, 1), setAt },
      { verifier: `${good}${'A'.repeat(300)}`, setAt },
      { verifier: `${good}\n`, setAt },
      { verifier: good, setAt: 'yesterday' },
      { verifier: good },
      { verifier: good, setAt, password: newPassword },
      { verifier: 42, setAt },
    ];
    for (const body of bad) {
      const response = await putCredential(admin, clerkId, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    expect((await signIn(app, 'clerk', testPassword)).statusCode).toBe(200);
    // Stronger than the baseline is welcome.
    const stronger = await putCredential(admin, clerkId, {
      verifier: verifierWith(65_536, 3, 2),
      setAt,
    });
    expect(stronger.statusCode).toBe(200);
  });

  it('keeps a newer password against an older one that waited on some PC', async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    const earlier = new Date(clock.ms + 1000).toISOString();
    clock.advance(60_000);
    const later = new Date(clock.ms).toISOString();
    const newer = await hashPassword(newerPassword);
    const own = await putCredential(clerk, clerkId, {
      verifier: newer,
      setAt: later,
      currentPassword: testPassword,
    });
    expect(own.json()).toMatchObject({ stored: true });
    const stale = await putCredential(admin, clerkId, {
      verifier: await hashPassword(newPassword),
      setAt: earlier,
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toMatchObject({ stored: false });
    expect((await signIn(app, 'clerk', newPassword)).statusCode).toBe(401);
    expect((await signIn(app, 'clerk', newerPassword)).statusCode).toBe(200);
    // The same entry sent twice (its answer was lost) is still taken, although the password it
    // carries is no longer the current one; another verifier with that password is not.
    const again = await putCredential(clerk, clerkId, {
      verifier: newer,
      setAt: later,
      currentPassword: testPassword,
    });
    expect(again.json()).toMatchObject({ stored: true });
    const other = await putCredential(clerk, clerkId, {
      verifier: await hashPassword(newerPassword),
      setAt: later,
      currentPassword: testPassword,
    });
    expect(other.statusCode).toBe(403);
  });

  it('does not let a PC whose clock runs ahead pin a password against later changes', async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const ahead = new Date(clock.ms + 86_400_000).toISOString();
    const first = await putCredential(admin, clerkId, {
      verifier: await hashPassword(newPassword),
      setAt: ahead,
    });
    expect(first.json()).toMatchObject({ stored: true });
    clock.advance(60_000);
    const next = await putCredential(admin, clerkId, {
      verifier: await hashPassword(newerPassword),
      setAt: new Date(clock.ms).toISOString(),
    });
    expect(next.json()).toMatchObject({ stored: true });
    expect((await signIn(app, 'clerk', newerPassword)).statusCode).toBe(200);
  });

  it('answers 404 for a user the server has not received, 401 without a token', async () => {
    const admin = await TestDevice.signIn(app, 'admin', clock.now);
    const body = { verifier: await hashPassword(newPassword), setAt: new Date().toISOString() };
    const unknown = await putCredential(admin, '0190f3a4-0000-7000-8000-000000000001', body);
    expect(unknown.statusCode).toBe(404);
    const bare = await app.inject({
      method: 'PUT',
      url: `${apiPrefix}/users/${clerkId}/credential`,
      headers: protocolHeaders,
      payload: body,
    });
    expect(bare.statusCode).toBe(401);
  });
});
