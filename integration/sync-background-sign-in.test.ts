import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import type { FetchLike } from '../src/core/sync/sync-transport';
import { ClientUnderTest, ServerUnderTest, testPassword } from './sync-world';

/**
 * Work of someone who signed in only locally on a joined PC goes out under their name (sync signs
 * them in at the server in the background), without wearing out the server's per-username limit;
 * and a password changed on another PC is checked with the server when the user asks.
 */

let server: ServerUnderTest;
const pcs: ClientUnderTest[] = [];
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'salma', roles: ['admin'] },
    { username: 'idriss', roles: ['admin'] },
  ]);
}, 60_000);
afterAll(() => server.close());
afterEach(async () => {
  for (const pc of pcs.splice(0)) pc.dispose();
  await server.up();
});

/** Sign-ins this PC asked the server for, by username; the password sends can be cut. */
interface Watched {
  signIns: string[];
  cutNextCredential: boolean;
  cutNextSignIn: boolean;
}

function watchedPc(name: string): { client: ClientUnderTest; watched: Watched } {
  const watched: Watched = { signIns: [], cutNextCredential: false, cutNextSignIn: false };
  const watching: FetchLike = (url, init) => {
    if (url.endsWith('/auth/sign-in')) {
      const body = typeof init.body === 'string' ? init.body : '{}';
      watched.signIns.push((JSON.parse(body) as { username: string }).username);
      if (watched.cutNextSignIn) {
        watched.cutNextSignIn = false;
        return Promise.reject(new Error('connection reset'));
      }
    }
    if (url.includes('/credential') && watched.cutNextCredential) {
      watched.cutNextCredential = false;
      return Promise.reject(new Error('connection reset'));
    }
    return fetch(url, init);
  };
  const client = new ClientUnderTest(name, { fetch: watching });
  pcs.push(client);
  return { client, watched };
}

function signInAs(client: ClientUnderTest, username: string, password: string) {
  if (client.core.session.current()) client.ok('session:signOut', {});
  return client.call('session:signIn', { username, password });
}

/** Lets the work a sign-in started in the background (a sync run, a sign-in there) finish. */
async function settle(client: ClientUnderTest): Promise<void> {
  for (let turn = 0; turn < 3; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    await client.core.sync.idle();
  }
}

function createClerk(client: ClientUnderTest, username: string, password: string): string {
  return client.ok('users:create', {
    username,
    displayName: 'ليلى',
    password,
    roles: ['clerk'],
    departmentId: null,
    language: 'ar',
  }).id;
}

function tokenHolders(client: ClientUnderTest): string[] {
  return (
    client.core.database().prepare('SELECT user_id FROM sync_tokens ORDER BY user_id').all() as {
      user_id: string;
    }[]
  ).map((row) => row.user_id);
}

async function serverFailures(username: string): Promise<number> {
  return server.count('SELECT failures AS n FROM sign_in_attempts WHERE key = $1', [
    `user:${username}`,
  ]);
}

describe('signing in at the server after a local sign-in', () => {
  it('sends the work of a user created offline once the server knows her password, under her name', async () => {
    const { client: a, watched } = watchedPc('a');
    await a.join(server, 'salma');
    const salma = server.users.get('salma')!;

    // The server is down: salma creates leila, who signs in here and registers a case.
    await server.down();
    const leila = createClerk(a, 'leila', 'Lixus-Garden-2026');
    expect(signInAs(a, 'leila', 'Lixus-Garden-2026')).toMatchObject({ ok: true });
    await settle(a);
    const caseId = a.ok(
      'complaints:create',
      intakeInput(lightingCategory, { subject: 'شكاية ليلى' }),
    ).id;
    await a.sync();
    expect(a.status()).toMatchObject({ state: 'offline' });
    expect(watched.signIns).toEqual(['salma']);

    // Back, but her password's first send is lost: the server does not know it, so no sign-in.
    await server.up();
    watched.cutNextCredential = true;
    await a.sync();
    expect(a.status().state).toBe('online');
    expect(
      a.core.database().prepare('SELECT user_id, attempts FROM credential_outbox').all(),
    ).toEqual([{ user_id: leila, attempts: 1 }]);
    expect(watched.signIns).toEqual(['salma']);
    expect(a.status().pending).toBeGreaterThan(0);

    // The next run sends it, then signs her in there: her case goes with her own token.
    await a.sync();
    expect(watched.signIns).toEqual(['salma', 'leila']);
    expect(a.status()).toMatchObject({ state: 'online', pending: 0, rejections: 0 });
    expect(tokenHolders(a)).toEqual([salma, leila].sort());
    const authors = await server.db.query<{ user_id: string }>(
      "SELECT DISTINCT user_id FROM change_log WHERE tbl = 'complaints' AND row_id = $1 AND col <> 'official_number'",
      [caseId],
    );
    expect(authors).toEqual([{ user_id: leila }]);
    const numbered = a.core
      .database()
      .prepare('SELECT official_number FROM complaints WHERE id = ?')
      .get(caseId) as { official_number: string | null };
    expect(numbered.official_number).toMatch(/^\d{4}\/\d{4}$/);
    // This PC still pulls with salma's account.
    expect(a.core.database().prepare('SELECT server_user_id FROM sync_state').get()).toEqual({
      server_user_id: salma,
    });

    // Signed in again later: she holds a token now, nothing more is asked of the server.
    a.ok('session:signOut', {});
    expect(signInAs(a, 'leila', 'Lixus-Garden-2026')).toMatchObject({ ok: true });
    await settle(a);
    await a.sync();
    expect(watched.signIns).toEqual(['salma', 'leila']);
  });

  it('tries a password the server refuses once, and she keeps working here', async () => {
    const { client: a, watched } = watchedPc('a');
    const b = new ClientUnderTest('b');
    pcs.push(b);
    await a.join(server, 'salma');
    await b.join(server, 'idriss');
    const rim = createClerk(a, 'rim', 'Loukkos-River-2026');
    await a.sync();

    // Idriss resets her password on B: A still knows the first one.
    await b.sync();
    b.ok('users:resetPassword', { id: rim, password: 'Reset-On-B-Larache-7' });
    await b.sync();
    const failuresBefore = await serverFailures('rim');

    expect(signInAs(a, 'rim', 'Loukkos-River-2026')).toMatchObject({ ok: true });
    await settle(a);
    for (let run = 0; run < 4; run++) await a.sync();
    expect(watched.signIns.filter((name) => name === 'rim')).toEqual(['rim']);
    expect(await serverFailures('rim')).toBe(failuresBefore + 1);

    // Her work is kept here, waiting for her token.
    a.ok('complaints:create', intakeInput(lightingCategory, { subject: 'شكاية ريم' }));
    await a.sync();
    expect(a.status()).toMatchObject({ state: 'online', rejections: 0 });
    expect(a.status().pending).toBeGreaterThan(0);

    // A new session with the same refused password asks the server nothing.
    a.ok('session:signOut', {});
    expect(signInAs(a, 'rim', 'Loukkos-River-2026')).toMatchObject({ ok: true });
    await settle(a);
    await a.sync();
    expect(watched.signIns.filter((name) => name === 'rim')).toEqual(['rim']);
    expect(await serverFailures('rim')).toBe(failuresBefore + 1);
    expect(tokenHolders(a)).not.toContain(rim);

    // The new password fails here, as any wrong one does; "sign in with the server" lets her in.
    a.ok('session:signOut', {});
    expect(signInAs(a, 'rim', 'Reset-On-B-Larache-7')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(signInAs(a, 'rim', 'not even close')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(a.ok('session:status', {}).joinedToServer).toBe(true);
    expect(await a.signInWithServer('rim', 'Reset-On-B-Larache-7')).toEqual({
      state: 'ready',
      failure: null,
    });
    expect(signInAs(a, 'rim', 'Reset-On-B-Larache-7')).toMatchObject({ ok: true });
    // The server's password replaced this PC's: the old one no longer opens it.
    a.ok('session:signOut', {});
    expect(signInAs(a, 'rim', 'Loukkos-River-2026')).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(signInAs(a, 'rim', 'Reset-On-B-Larache-7')).toMatchObject({ ok: true });
    await a.sync();
    expect(a.status()).toMatchObject({ pending: 0, rejections: 0 });
  });

  it('says the server cannot be reached when a changed password is checked offline', async () => {
    const { client: a } = watchedPc('a');
    await a.join(server, 'salma');
    const salmaPw = testPassword;
    a.ok('session:signOut', {});
    await server.down();
    expect(signInAs(a, 'salma', 'Changed-Elsewhere-9')).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(await a.signInWithServer('salma', 'Changed-Elsewhere-9')).toEqual({
      state: 'failed',
      failure: 'offline',
    });
    // Nothing changed here: her password on this PC still opens it.
    expect(signInAs(a, 'salma', salmaPw)).toMatchObject({ ok: true });
  });

  it('tries again after a later run reached the server when a sign-in got no answer', async () => {
    const { client: a, watched } = watchedPc('a');
    await a.join(server, 'salma');
    createClerk(a, 'yassine', 'Tangier-Road-2026');
    await a.sync();
    watched.cutNextSignIn = true;
    expect(signInAs(a, 'yassine', 'Tangier-Road-2026')).toMatchObject({ ok: true });
    await settle(a);
    expect(watched.signIns).toEqual(['salma', 'yassine']);
    a.ok('complaints:create', intakeInput(lightingCategory, { subject: 'شكاية ياسين' }));
    await a.sync();
    expect(watched.signIns).toEqual(['salma', 'yassine', 'yassine']);
    expect(a.status()).toMatchObject({ state: 'online', pending: 0 });
  });

  it('does not sign anyone in at the server on a PC that is not joined', async () => {
    const { client: a, watched } = watchedPc('a');
    a.ok('session:createFirstAdmin', {
      username: 'nour',
      displayName: 'نور',
      password: 'Medina-Gate-Local-1',
      language: 'ar',
    });
    a.ok('session:signOut', {});
    expect(signInAs(a, 'nour', 'Medina-Gate-Local-1')).toMatchObject({ ok: true });
    expect(a.ok('session:status', {}).joinedToServer).toBe(false);
    await settle(a);
    expect(watched.signIns).toEqual([]);
  });
});
