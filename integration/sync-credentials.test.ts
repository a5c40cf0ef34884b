import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiPrefix, protocolHeader, latestProtocolVersion } from '../src/shared/sync/protocol';
import { usersTable } from '../src/shared/tables/platform.tables';
import { sendableCredentials } from '../src/core/sync/credential-outbox.repo';
import type { FetchLike } from '../src/core/sync/sync-transport';
import { writeAsServer } from '../src/server/sync/server-writes';
import { ClientUnderTest, ServerUnderTest, testPassword } from './sync-world';

/**
 * Passwords set in the app reach the server (as argon2id verifiers, never in clear), and a
 * colleague's first sign-in on a PC goes through the server: a real server on loopback, real cores.
 */

const yousraFirst = 'Lixus-First-2026';
const yousraSecond = 'Loukkos-Second-2026';
const yousraOwn = 'Larache-Own-2026';

let server: ServerUnderTest;
const pcs: ClientUnderTest[] = [];
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'salma', roles: ['admin'] },
    { username: 'idriss', roles: ['admin'] },
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'hamid', roles: ['clerk'] },
    { username: 'leila', roles: ['clerk'] },
  ]);
}, 60_000);
afterAll(() => server.close());
afterEach(async () => {
  for (const pc of pcs.splice(0)) pc.dispose();
  await server.up();
});

function pc(name: string, fetch?: FetchLike): ClientUnderTest {
  const created = new ClientUnderTest(name, fetch ? { fetch } : {});
  pcs.push(created);
  return created;
}

/** Straight to the server, as another PC's first sign-in would be: 200 or 401. */
async function serverSignIn(username: string, password: string): Promise<number> {
  const response = await fetch(`${server.url}${apiPrefix}/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [protocolHeader]: String(latestProtocolVersion),
    },
    body: JSON.stringify({ username, password, deviceId: 'checker', deviceName: 'Checker' }),
  });
  return response.status;
}

function outboxCount(client: ClientUnderTest): number {
  return (
    client.core.database().prepare('SELECT count(*) AS n FROM credential_outbox').get() as {
      n: number;
    }
  ).n;
}

/** Why the server (or this PC) refused the password waiting here, if it did. */
function refusalOf(client: ClientUnderTest): string | null {
  const row = client.core.database().prepare('SELECT last_error FROM credential_outbox').get() as
    { last_error: string | null } | undefined;
  return row?.last_error ?? null;
}

function signInAs(client: ClientUnderTest, username: string, password: string) {
  if (client.core.session.current()) client.ok('session:signOut', {});
  return client.call('session:signIn', { username, password });
}

describe('passwords set in the app, and first sign-ins on a joined PC', () => {
  it('a user created offline on A signs in for the first time on B, online; later changes reach the server', async () => {
    const a = pc('a');
    const b = pc('b');
    await a.join(server, 'salma');
    await b.join(server, 'karim');

    // The server is down: salma creates yousra on A, who can work on A at once.
    await server.down();
    const yousra = a.ok('users:create', {
      username: 'yousra',
      displayName: 'يسرى',
      password: yousraFirst,
      roles: ['clerk'],
      departmentId: null,
      language: 'ar',
    }).id;
    await a.sync();
    expect(a.status().state).toBe('offline');
    expect(outboxCount(a)).toBe(1);
    // Her row has not reached the server yet: her password waits behind it.
    expect(sendableCredentials(a.core.database())).toEqual([]);
    expect(signInAs(a, 'yousra', yousraFirst)).toMatchObject({ ok: true });

    // Server back: the row goes, then the verifier.
    await server.up();
    signInAs(a, 'salma', testPassword);
    await a.sync();
    expect(outboxCount(a)).toBe(0);
    expect(await serverSignIn('yousra', yousraFirst)).toBe(200);
    const [stored] = await server.db.query<{ hash: string }>(
      'SELECT hash FROM credentials WHERE user_id = $1',
      [yousra],
    );
    expect(stored?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored?.hash).not.toContain(yousraFirst);

    // On B she has never signed in: the screen goes to the server.
    b.ok('session:signOut', {});
    expect(signInAs(b, 'yousra', yousraFirst)).toMatchObject({
      ok: false,
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    expect(await b.signInWithServer('yousra', 'not her password')).toEqual({
      state: 'failed',
      failure: 'invalid-credentials',
    });
    expect(signInAs(b, 'yousra', 'not her password')).toMatchObject({
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    expect(await b.signInWithServer('Yousra', yousraFirst)).toEqual({
      state: 'ready',
      failure: null,
    });
    expect(signInAs(b, 'yousra', yousraFirst)).toMatchObject({ ok: true });
    expect(b.core.session.current()?.id).toBe(yousra);
    // Karim's PC kept pulling with karim's token; yousra's work goes with hers.
    expect(b.core.database().prepare('SELECT server_user_id FROM sync_state').get()).toEqual({
      server_user_id: server.users.get('karim'),
    });

    // Salma resets it on A: the server refuses the old password from then on.
    signInAs(a, 'salma', testPassword);
    a.ok('users:resetPassword', { id: yousra, password: yousraSecond });
    await a.sync();
    expect(outboxCount(a)).toBe(0);
    expect(await serverSignIn('yousra', yousraFirst)).toBe(401);
    expect(await serverSignIn('yousra', yousraSecond)).toBe(200);

    // She changes her own on B, with the password B knows: the server holds the one salma set
    // since, so it refuses (a token alone never replaces a password), and B forgets it.
    b.clock.advance(60_000);
    b.ok('profile:changePassword', { currentPassword: yousraFirst, newPassword: yousraOwn });
    await b.sync();
    expect(refusalOf(b)).toBe('INVALID_CREDENTIALS');
    expect(await serverSignIn('yousra', yousraOwn)).toBe(401);
    expect(signInAs(b, 'yousra', yousraOwn)).toMatchObject({
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    // With the server's password, online, her own change goes by her own right.
    expect(await b.signInWithServer('yousra', yousraSecond)).toEqual({
      state: 'ready',
      failure: null,
    });
    expect(signInAs(b, 'yousra', yousraSecond)).toMatchObject({ ok: true });
    b.ok('profile:changePassword', { currentPassword: yousraSecond, newPassword: yousraOwn });
    await b.sync();
    expect(outboxCount(b)).toBe(0);
    expect(await serverSignIn('yousra', yousraSecond)).toBe(401);
    expect(await serverSignIn('yousra', yousraOwn)).toBe(200);
  });

  it('an older password that waited offline does not replace a newer one', async () => {
    const a = pc('a');
    const b = pc('b');
    await a.join(server, 'idriss');
    await b.join(server, 'nadia');
    const nadia = server.users.get('nadia')!;
    await a.sync();

    // Idriss resets nadia's password on A, which then loses the server for a while...
    await server.down();
    a.ok('users:resetPassword', { id: nadia, password: 'Reset-While-Offline-1' });
    await a.sync();
    await server.up();
    // ...while nadia chooses her own on B, later, and it reaches the server first.
    b.clock.advance(120_000);
    b.ok('profile:changePassword', {
      currentPassword: testPassword,
      newPassword: 'Chosen-Later-Pw-2',
    });
    await b.sync();
    expect(await serverSignIn('nadia', 'Chosen-Later-Pw-2')).toBe(200);

    await a.sync();
    expect(outboxCount(a)).toBe(0);
    expect(await serverSignIn('nadia', 'Reset-While-Offline-1')).toBe(401);
    expect(await serverSignIn('nadia', 'Chosen-Later-Pw-2')).toBe(200);
    // The password the server did not keep no longer opens A: she signs in there online.
    expect(signInAs(a, 'nadia', 'Reset-While-Offline-1')).toMatchObject({
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    expect(await a.signInWithServer('nadia', 'Chosen-Later-Pw-2')).toMatchObject({
      state: 'ready',
    });
    expect(signInAs(a, 'nadia', 'Chosen-Later-Pw-2')).toMatchObject({ ok: true });
  });

  it('keeps a refusal for administrators, never sending it again, and retries after an outage', async () => {
    let credentialCalls = 0;
    let cutNext = false;
    const counting: FetchLike = (url, init) => {
      if (url.includes('/credential')) {
        credentialCalls += 1;
        if (cutNext) {
          cutNext = false;
          return Promise.reject(new Error('connection reset'));
        }
      }
      return fetch(url, init);
    };
    const a = pc('a', counting);
    await a.join(server, 'salma');
    await a.join(server, 'idriss');
    const karim = server.users.get('karim')!;

    // The line drops during the send: kept as it was, sent at the next run.
    signInAs(a, 'idriss', testPassword);
    cutNext = true;
    a.ok('users:resetPassword', { id: karim, password: 'Reset-After-Cut-3' });
    await a.sync();
    expect(
      a.core.database().prepare('SELECT attempts, last_error FROM credential_outbox').get(),
    ).toEqual({ attempts: 1, last_error: null });
    await a.sync();
    expect(outboxCount(a)).toBe(0);
    expect(await serverSignIn('karim', 'Reset-After-Cut-3')).toBe(200);

    // Salma resets it, but the server made her a clerk before it arrived: refused, with why.
    signInAs(a, 'salma', testPassword);
    a.ok('users:resetPassword', { id: karim, password: 'Reset-By-Admin-4' });
    const salma = server.users.get('salma')!;
    await server.db.transaction((tx) =>
      writeAsServer(tx, usersTable, salma, { roles: ['clerk'] }, Date.now()),
    );
    const before = credentialCalls;
    await a.sync();
    await a.sync();
    expect(credentialCalls - before).toBe(1);
    expect(await serverSignIn('karim', 'Reset-By-Admin-4')).toBe(401);
    expect(await serverSignIn('karim', 'Reset-After-Cut-3')).toBe(200);
    expect(signInAs(a, 'salma', testPassword)).toMatchObject({ ok: true });
    expect(a.call('sync:credentialRefusals', {})).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    signInAs(a, 'idriss', testPassword);
    expect(a.ok('sync:credentialRefusals', {})).toMatchObject([
      { userId: karim, username: 'karim', reason: 'FORBIDDEN' },
    ]);
    // The refused password does not open this PC either.
    expect(signInAs(a, 'karim', 'Reset-By-Admin-4')).toMatchObject({
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    // Set again by an administrator: sent again, and the refusal is gone.
    signInAs(a, 'idriss', testPassword);
    a.ok('users:resetPassword', { id: karim, password: 'Reset-Again-5' });
    await a.sync();
    expect(a.ok('sync:credentialRefusals', {})).toEqual([]);
    expect(await serverSignIn('karim', 'Reset-Again-5')).toBe(200);
    await server.db.transaction((tx) =>
      writeAsServer(tx, usersTable, salma, { roles: ['admin'] }, Date.now()),
    );
  });

  it('sends one’s own password with the current one, held in memory only: never without it', async () => {
    let credentialCalls = 0;
    const counting: FetchLike = (url, init) => {
      if (url.includes('/credential')) credentialCalls += 1;
      return fetch(url, init);
    };
    const a = pc('a', counting);
    await a.join(server, 'leila');
    await a.join(server, 'salma');
    const leila = server.users.get('leila')!;

    // Changed while the server is away: the current password waits in memory with it.
    signInAs(a, 'leila', testPassword);
    await server.down();
    a.ok('profile:changePassword', {
      currentPassword: testPassword,
      newPassword: 'Tetouan-Away-1',
    });
    await a.sync();
    expect(outboxCount(a)).toBe(1);
    // Not on disk while it waits (the database, its journal).
    for (const name of readdirSync(a.dataDir).filter((file) => file.startsWith('maktab.sqlite')))
      expect(readFileSync(join(a.dataDir, name)).includes(Buffer.from(testPassword))).toBe(false);
    await server.up();
    await a.sync();
    expect(outboxCount(a)).toBe(0);
    expect(await serverSignIn('leila', 'Tetouan-Away-1')).toBe(200);

    // Changed again while the server is away, and the app restarts before it went: the current
    // password is gone with the process, so it is refused here once the server answers.
    await server.down();
    a.ok('profile:changePassword', {
      currentPassword: 'Tetouan-Away-1',
      newPassword: 'Tetouan-Lost-2',
    });
    a.restart();
    await server.up();
    const before = credentialCalls;
    await a.sync();
    expect(credentialCalls).toBe(before);
    expect(refusalOf(a)).toBe('CURRENT_PASSWORD_NEEDED');
    signInAs(a, 'salma', testPassword);
    expect(a.ok('sync:credentialRefusals', {})).toMatchObject([
      { userId: leila, reason: 'CURRENT_PASSWORD_NEEDED' },
    ]);
    expect(await serverSignIn('leila', 'Tetouan-Lost-2')).toBe(401);

    // She signs in with the password the server holds, online, and changes it again.
    expect(signInAs(a, 'leila', 'Tetouan-Lost-2')).toMatchObject({
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    expect(await a.signInWithServer('leila', 'Tetouan-Away-1')).toMatchObject({ state: 'ready' });
    expect(signInAs(a, 'leila', 'Tetouan-Away-1')).toMatchObject({ ok: true });
    a.ok('profile:changePassword', {
      currentPassword: 'Tetouan-Away-1',
      newPassword: 'Tetouan-Back-3',
    });

    // Signed out before it went: the current password goes with the session.
    a.ok('session:signOut', {});
    await a.sync();
    expect(refusalOf(a)).toBe('CURRENT_PASSWORD_NEEDED');
    expect(await serverSignIn('leila', 'Tetouan-Away-1')).toBe(200);
  });

  it('says the server is out of reach when a first sign-in cannot get there', async () => {
    const a = pc('a');
    await a.join(server, 'salma');
    a.ok('session:signOut', {});
    await server.down();
    expect(await a.signInWithServer('hamid', testPassword)).toEqual({
      state: 'failed',
      failure: 'offline',
    });
    expect(signInAs(a, 'hamid', testPassword)).toMatchObject({
      error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
    });
    await server.up();
    expect(await a.signInWithServer('hamid', testPassword)).toEqual({
      state: 'ready',
      failure: null,
    });
    expect(signInAs(a, 'hamid', testPassword)).toMatchObject({ ok: true });
  });
});
