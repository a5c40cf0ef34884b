import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { ClientUnderTest, ServerUnderTest, testPassword } from './sync-world';

/**
 * A user who holds a verifier on a joined PC but no device token there (created on that PC by an
 * administrator, or whose token was revoked): once she signs in locally, her work reaches the
 * server (a background online sign-in, src/core/session/background-sign-in.ts). Found by review:
 * before that, it stayed pending on the PC for good.
 */

let server: ServerUnderTest;
const pcs: ClientUnderTest[] = [];
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'salma', roles: ['admin'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'karim', roles: ['clerk'] },
  ]);
}, 60_000);
afterAll(() => server.close());
afterEach(() => {
  for (const pc of pcs.splice(0)) pc.dispose();
});

function pc(name: string): ClientUnderTest {
  const created = new ClientUnderTest(name);
  pcs.push(created);
  return created;
}

/** What the sign-in screen does (SignInScreen.tsx): local first, online when core asks for it. */
async function signInFromScreen(client: ClientUnderTest, username: string, password: string) {
  if (client.core.session.current()) client.ok('session:signOut', {});
  const local = client.call('session:signIn', { username, password });
  if (local.ok || local.error.code !== 'ONLINE_SIGN_IN_REQUIRED') return local;
  const { attemptId } = client.ok('sync:signInOnline', { username, password });
  for (let wait = 0; wait < 200; wait++) {
    await client.core.sync.idle();
    const state = client.ok('sync:onlineSignIn', { attemptId });
    if (state.state === 'ready') break;
    if (state.state === 'failed') throw new Error(`online sign-in failed: ${state.failure}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return client.call('session:signIn', { username, password });
}

async function subjectsOnServer(): Promise<string[]> {
  const rows = await server.db.query<{ value: string }>(
    `SELECT value FROM cells WHERE tbl = 'complaints' AND col = 'subject'`,
  );
  return rows.map((row) => JSON.parse(row.value) as string);
}

describe('users with a verifier but no token on a joined PC (review)', () => {
  it('sends the work of a colleague created on this PC once they sign in from the sign-in screen', async () => {
    const a = pc('a');
    await a.join(server, 'salma');
    a.ok('users:create', {
      username: 'yousra',
      displayName: 'يسرى',
      password: 'Lixus-First-2026',
      roles: ['clerk'],
      departmentId: null,
      language: 'ar',
    });
    await a.sync();

    // Work over several sessions, signing in from the screen each time, syncing all along.
    for (let day = 0; day < 3; day++) {
      expect(await signInFromScreen(a, 'yousra', 'Lixus-First-2026')).toMatchObject({ ok: true });
      a.ok('complaints:create', intakeInput(lightingCategory, { subject: `يسرى ${day}` }));
      a.clock.advance(60_000);
      await a.sync();
    }
    expect(a.status()).toMatchObject({ state: 'online', pending: 0 });
    expect(await subjectsOnServer()).toEqual(expect.arrayContaining(['يسرى 0', 'يسرى 2']));
  });

  it("sends a colleague's work again after their revoked token, once they sign in from the screen", async () => {
    const a = pc('a');
    await a.join(server, 'nadia');
    await a.join(server, 'karim');
    const karim = server.users.get('karim')!;
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE user_id = $1', [karim]);
    expect(await signInFromScreen(a, 'karim', testPassword)).toMatchObject({ ok: true });
    a.ok('complaints:create', intakeInput(lightingCategory, { subject: 'تنتظر كريم' }));
    await a.sync();
    // The revocation is now known here; karim signs in again the only way the screen offers.
    expect(await signInFromScreen(a, 'karim', testPassword)).toMatchObject({ ok: true });
    await a.core.sync.idle();
    await a.sync();
    expect(a.status().pending).toBe(0);
    expect(await subjectsOnServer()).toContain('تنتظر كريم');
  });
});
