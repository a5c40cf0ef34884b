import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { complaintsTable } from '../src/shared/tables/complaints.tables';
import { usersTable } from '../src/shared/tables/platform.tables';
import { writeAsServer } from '../src/server/sync/server-writes';
import { ClientUnderTest, ServerUnderTest, testPassword } from './sync-world';

let server: ServerUnderTest;
const pcs: ClientUnderTest[] = [];
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'omar', roles: ['head'] },
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

describe('accounts and devices', () => {
  it('stays on this PC alone when the server refuses the password', async () => {
    const a = pc('a');
    a.ok('sync:join', { serverUrl: server.url, username: 'karim', password: 'not the password' });
    await a.core.sync.idle();
    expect(a.core.sync.lastJoinFailure).toBe('invalid-credentials');
    expect(a.ok('session:status', {}).setupRequired).toBe(true);
    const state = a.core.database().prepare('SELECT * FROM sync_state').get();
    expect(state).toMatchObject({ server_url: null, server_user_id: null, state: 'local-only' });
    expect(a.core.database().prepare('SELECT count(*) AS n FROM sync_tokens').get()).toEqual({
      n: 0,
    });
  });

  it('lets a colleague sign in online on a PC joined to this server, and nobody move it elsewhere', async () => {
    const a = pc('a');
    await a.join(server, 'nadia');
    a.ok('session:signOut', {});
    // Karim never used this PC: no verifier here yet, so he signs in online first.
    expect(a.call('session:signIn', { username: 'karim', password: testPassword })).toMatchObject({
      ok: false,
    });
    await a.join(server, 'karim');
    expect(a.core.session.current()?.username).toBe('karim');
    a.ok('session:signOut', {});
    expect(
      a.call('sync:join', {
        serverUrl: 'http://127.0.0.1:9',
        username: 'karim',
        password: testPassword,
      }),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it("sends each colleague's work with their own token, and keeps the work of one who never signed in online", async () => {
    const a = pc('a');
    const b = pc('b');
    await a.join(server, 'nadia');
    await a.join(server, 'karim');
    await b.join(server, 'omar');
    a.signIn('nadia');
    const byNadia = a.ok('complaints:create', intakeInput(lightingCategory)).id;
    a.signIn('karim');
    const byKarim = a.ok(
      'complaints:create',
      intakeInput(lightingCategory, { subject: 'شكاية كريم' }),
    ).id;
    await a.sync();
    await b.sync();
    expect(a.status()).toMatchObject({ pending: 0, rejections: 0 });
    const seen = b.core
      .database()
      .prepare('SELECT id FROM complaints WHERE id IN (?, ?) ORDER BY id')
      .all(byNadia, byKarim);
    expect(seen).toHaveLength(2);

    // Karim's token is revoked: his new work waits on this PC, nadia's still goes.
    const karim = server.users.get('karim')!;
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE user_id = $1', [karim]);
    a.ok('complaints:create', intakeInput(lightingCategory, { subject: 'تنتظر كريم' }));
    a.signIn('nadia');
    a.ok('complaints:create', intakeInput(lightingCategory, { subject: 'من نادية' }));
    await a.sync();
    expect(a.status()).toMatchObject({ state: 'online', rejections: 0 });
    expect(a.status().pending).toBeGreaterThan(0);
    await b.sync();
    const subjects = (
      b.core.database().prepare('SELECT subject FROM complaints').all() as { subject: string }[]
    ).map((row) => row.subject);
    expect(subjects).toContain('من نادية');
    expect(subjects).not.toContain('تنتظر كريم');

    // He signs in online again: what waited goes.
    a.ok('session:signOut', {});
    await a.join(server, 'karim');
    await a.sync();
    expect(a.status().pending).toBe(0);
  });

  it('signs the PC out when its token is revoked, and back in when someone joins again', async () => {
    const a = pc('a');
    await a.join(server, 'karim');
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE revoked_at IS NULL');
    a.ok('complaints:create', intakeInput(lightingCategory));
    await a.sync();
    expect(a.status()).toMatchObject({ state: 'signed-out' });
    expect(a.core.database().prepare('SELECT count(*) AS n FROM sync_tokens').get()).toEqual({
      n: 0,
    });
    // Work goes on here, kept for later.
    a.ok('complaints:create', intakeInput(lightingCategory, { subject: 'شكاية بعد سحب الجهاز' }));
    await a.sync();
    expect(a.status().state).toBe('signed-out');

    a.ok('sync:join', { serverUrl: server.url, username: 'karim', password: testPassword });
    await a.core.sync.idle();
    expect(a.status()).toMatchObject({ state: 'online', pending: 0 });
  });

  it("refuses a head's decision once the server made them a clerk, and the PC learns the new role", async () => {
    const b = pc('b');
    await b.join(server, 'omar');
    const id = b.ok('complaints:create', intakeInput(lightingCategory)).id;
    const other = b.ok(
      'complaints:create',
      intakeInput(lightingCategory, { subject: 'نفس الحفرة' }),
    ).id;
    await b.sync();
    const omar = server.users.get('omar')!;
    await server.db.transaction((tx) =>
      writeAsServer(tx, usersTable, omar, { roles: ['clerk'] }, Date.now()),
    );
    // Still a head on this PC until the next pull: merging is a head's decision.
    b.core.runInTransaction('mutation', (ctx) =>
      ctx.write.update(complaintsTable, other, { merged_into: id, status: 'merged' }),
    );
    await b.sync();
    const row = b.core
      .database()
      .prepare('SELECT merged_into, status FROM complaints WHERE id = ?')
      .get(other);
    expect(row).toEqual({ merged_into: null, status: 'received' });
    expect(
      b
        .ok('sync:rejections', {})
        .map((r) => [r.column, r.reason])
        .sort(),
    ).toEqual([
      ['merged_into', 'FORBIDDEN_COLUMN'],
      ['status', 'FORBIDDEN_TRANSITION'],
    ]);
    expect(b.core.session.current()?.roles).toEqual(['clerk']);
  });
});
