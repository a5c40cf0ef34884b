import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateSyncState } from '../sync/sync-state.repo';
import {
  adminPassword,
  createTestCore,
  setUpAdmin,
  signInWithRoles,
  staffPassword,
  type TestCore,
} from '../testing/test-core';
import { readCredential } from './users.repo';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

interface OutboxRow {
  user_id: string;
  hash: string;
  set_by: string;
  set_at: string;
  attempts: number;
  last_error: string | null;
}

function outbox(): OutboxRow[] {
  return t.core
    .database()
    .prepare('SELECT * FROM credential_outbox ORDER BY set_at, user_id')
    .all() as OutboxRow[];
}

function entryOf(userId: string): OutboxRow | undefined {
  return outbox().find((row) => row.user_id === userId);
}

function signInAsAdmin(): void {
  if (t.core.session.current()) t.ok('session:signOut', {});
  t.ok('session:signIn', { username: 'admin', password: adminPassword });
}

/** As if this PC had joined a server (the engine writes this once the server said yes). */
function joined(offsetMs = 0): void {
  updateSyncState(t.core.database(), {
    serverUrl: 'http://127.0.0.1:9',
    state: 'online',
    offsetMs,
  });
}

describe('passwords set in the app wait for the server', () => {
  it("queues the same verifier as this PC's, in the same call, whoever sets it", () => {
    const adminId = setUpAdmin(t);
    expect(entryOf(adminId)).toMatchObject({ set_by: adminId, attempts: 0, last_error: null });
    const clerkId = signInWithRoles(t, ['clerk'], 'karim');
    const created = entryOf(clerkId)!;
    expect(created.set_by).toBe(adminId);
    expect(created.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(created.hash).toBe(readCredential(t.core.database(), clerkId));
    expect(created.hash).not.toContain(staffPassword);

    // The clerk changes their own: the entry is replaced, to be sent with their own token.
    t.clock.advance(60_000);
    t.ok('profile:changePassword', {
      currentPassword: staffPassword,
      newPassword: 'Larache-Lixus-2027',
    });
    const own = entryOf(clerkId)!;
    expect(own.set_by).toBe(clerkId);
    expect(own.hash).not.toBe(created.hash);
    expect(own.hash).toBe(readCredential(t.core.database(), clerkId));
    expect(own.set_at > created.set_at).toBe(true);

    // An administrator resets it after a refusal: it starts afresh.
    t.core.database().prepare("UPDATE credential_outbox SET last_error = 'FORBIDDEN'").run();
    signInAsAdmin();
    t.ok('users:resetPassword', { id: clerkId, password: 'Tanger-Med-2028!' });
    expect(entryOf(clerkId)).toMatchObject({ set_by: adminId, last_error: null, attempts: 0 });
    expect(outbox()).toHaveLength(2);
  });

  it('queues nothing when the call fails', () => {
    const adminId = setUpAdmin(t);
    signInWithRoles(t, ['clerk'], 'karim');
    signInAsAdmin();
    const before = outbox();
    for (const input of [
      { username: 'karim', password: staffPassword },
      { username: 'weak', password: '1234567890' },
    ]) {
      const result = t.call('users:create', {
        ...input,
        displayName: 'موظف',
        roles: ['clerk'],
        departmentId: null,
        language: 'ar',
      });
      expect(result.ok).toBe(false);
    }
    expect(t.call('users:resetPassword', { id: adminId, password: 'admin' }).ok).toBe(false);
    expect(
      t.call('profile:changePassword', {
        currentPassword: 'not my password',
        newPassword: 'Larache-Lixus-2027',
      }).ok,
    ).toBe(false);
    expect(outbox()).toEqual(before);
  });

  it("stamps the entry on the server's clock as sync last learnt it", () => {
    setUpAdmin(t);
    joined(-3_600_000);
    const clerkId = signInWithRoles(t, ['clerk'], 'karim');
    expect(entryOf(clerkId)?.set_at).toBe(new Date(t.clock.ms - 3_600_000).toISOString());
  });

  it('lists refusals to administrators only', () => {
    setUpAdmin(t);
    const clerkId = signInWithRoles(t, ['clerk'], 'karim');
    t.core
      .database()
      .prepare(
        "UPDATE credential_outbox SET last_error = 'FORBIDDEN', refused_at = ? WHERE user_id = ?",
      )
      .run(new Date(t.clock.ms).toISOString(), clerkId);
    expect(t.call('sync:credentialRefusals', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    signInAsAdmin();
    expect(t.ok('sync:credentialRefusals', {})).toEqual([
      {
        userId: clerkId,
        username: 'karim',
        reason: 'FORBIDDEN',
        at: new Date(t.clock.ms).toISOString(),
      },
    ]);
  });
});

describe('signing in on a PC joined to a server', () => {
  it('sends a name never signed in here to the server, whether known here or not', () => {
    setUpAdmin(t);
    const clerkId = signInWithRoles(t, ['clerk'], 'karim');
    t.ok('session:signOut', {});
    joined();
    t.core.database().prepare('DELETE FROM local_credentials WHERE user_id = ?').run(clerkId);
    for (const username of ['karim', 'Karim', 'nobody']) {
      expect(t.call('session:signIn', { username, password: staffPassword })).toMatchObject({
        ok: false,
        error: { code: 'ONLINE_SIGN_IN_REQUIRED' },
      });
    }
    // A name with a verifier here is checked here: a wrong password is just that.
    expect(t.call('session:signIn', { username: 'admin', password: staffPassword })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    // Never counted as failures: the same name still signs in once its verifier is here.
    expect(t.core.session.throttled('karim')).toBe(false);
    expect(t.ok('session:signIn', { username: 'admin', password: adminPassword }).username).toBe(
      'admin',
    );
  });

  it('keeps the plain refusal on a PC with no server', () => {
    setUpAdmin(t);
    t.ok('session:signOut', {});
    expect(t.call('session:signIn', { username: 'nobody', password: staffPassword })).toMatchObject(
      { ok: false, error: { code: 'INVALID_CREDENTIALS' } },
    );
  });

  it('goes online only from the sign-in screen of a joined PC', () => {
    setUpAdmin(t);
    expect(
      t.call('sync:signInOnline', { username: 'karim', password: staffPassword }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t.ok('session:signOut', {});
    expect(
      t.call('sync:signInOnline', { username: 'karim', password: staffPassword }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      t.call('sync:onlineSignIn', { attemptId: '0190f3a4-0000-7000-8000-000000000001' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
