import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adminPassword,
  createTestCore,
  setUpAdmin,
  signInWithRoles,
  type TestCore,
} from './testing/test-core';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

function changeCount(): number {
  return (t.core.database().prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
}

describe('dispatcher', () => {
  it('refuses unknown procedures and non-string names', () => {
    expect(t.core.dispatch('complaints:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
    expect(t.core.dispatch(42, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
    expect(t.core.dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
  });

  it('reports validation problems per field with translatable codes', () => {
    const result = t.call('session:createFirstAdmin', {
      username: 'x',
      displayName: 'مدير',
      password: 'short',
      language: 'ar',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields).toMatchObject({
      username: 'invalid_format',
      password: 'too_small',
    });
  });

  it('guides a new install through the first administrator, once', () => {
    expect(t.ok('session:status', {})).toMatchObject({
      setupRequired: true,
      user: null,
      database: 'ok',
    });
    setUpAdmin(t);
    const status = t.ok('session:status', {});
    expect(status.setupRequired).toBe(false);
    expect(status.user?.roles).toEqual(['admin']);
    expect(
      t.call('session:createFirstAdmin', {
        username: 'other',
        displayName: 'آخر',
        password: 'Another-pass-99',
        language: 'fr',
      }),
    ).toMatchObject({ ok: false, error: { code: 'SETUP_DONE' } });
  });

  it('refuses a password that is the username or only digits', () => {
    expect(
      t.call('session:createFirstAdmin', {
        username: 'admin',
        displayName: 'مدير',
        password: 'admin-admin-1',
        language: 'ar',
      }),
    ).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect(
      t.call('session:createFirstAdmin', {
        username: 'admin',
        displayName: 'مدير',
        password: '12345678901',
        language: 'ar',
      }),
    ).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
  });

  it('signs in with argon2id hashes, refuses wrong passwords, and audits both', () => {
    const adminId = setUpAdmin(t);
    const hash = (
      t.core.database().prepare('SELECT hash FROM local_credentials').get() as { hash: string }
    ).hash;
    expect(hash.startsWith('$argon2id$')).toBe(true);
    t.ok('session:signOut', {});
    expect(
      t.call('session:signIn', { username: 'admin', password: 'wrong-password' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(
      t.call('session:signIn', { username: 'nobody', password: 'wrong-password' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(t.ok('session:signIn', { username: ' ADMIN ', password: adminPassword }).id).toBe(
      adminId,
    );
    const actions = t.ok('audit:list', { page: 0, pageSize: 50 }).rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'session.sign-in-failed')).toHaveLength(2);
    expect(actions).toContain('session.sign-in');
    expect(actions).toContain('session.sign-out');
  });

  it('holds a username back after five wrong passwords', () => {
    setUpAdmin(t);
    t.ok('session:signOut', {});
    for (let i = 0; i < 5; i++)
      t.call('session:signIn', { username: 'admin', password: 'nope-nope' });
    expect(t.call('session:signIn', { username: 'admin', password: adminPassword }).ok).toBe(false);
    t.clock.advance(31_000);
    expect(t.call('session:signIn', { username: 'admin', password: adminPassword }).ok).toBe(true);
  });

  it('requires a session for signed-in procedures', () => {
    setUpAdmin(t);
    t.ok('session:signOut', {});
    expect(t.call('departments:list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('locks after inactivity, in core, and unlocks with the password', () => {
    setUpAdmin(t);
    t.ok('settings:update', { lockAfterMinutes: 5, backupsToKeep: 7, updateFeedUrl: '' });
    t.clock.advance(4 * 60_000);
    expect(t.call('departments:list', {}).ok).toBe(true); // activity postpones the lock
    t.clock.advance(5 * 60_000 + 1);
    expect(t.call('departments:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(t.ok('session:status', {}).locked).toBe(true);
    expect(t.call('session:unlock', { password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    t.ok('session:unlock', { password: adminPassword });
    expect(t.call('departments:list', {}).ok).toBe(true);
  });

  it('pushes a session:changed event when the idle timer locks', async () => {
    setUpAdmin(t);
    const events: string[] = [];
    t.core.on((event) => events.push(event));
    t.clock.advance(11 * 60_000);
    await t.core.tick();
    expect(events).toContain('session:changed');
  });

  it('rolls back everything a failing handler wrote', () => {
    setUpAdmin(t);
    const before = changeCount();
    // The admin demoting themself would leave no administrator: refused after the write happened.
    const me = t.ok('session:status', {}).user!;
    expect(
      t.call('users:update', {
        id: me.id,
        displayName: 'اسم جديد',
        roles: ['clerk'],
        departmentId: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMIN' },
    });
    expect(changeCount()).toBe(before);
    expect(t.ok('session:status', {}).user?.displayName).toBe('مدير النظام');
  });

  it('announces the tables a mutation wrote', () => {
    setUpAdmin(t);
    const changed: string[][] = [];
    t.core.on((event, payload) => {
      if (event === 'data:changed') changed.push((payload as { tables: string[] }).tables);
    });
    t.ok('departments:create', { nameAr: 'الإنارة العمومية', nameFr: 'Éclairage public' });
    expect(changed.flat()).toContain('departments');
  });

  it('remembers the language per user', () => {
    setUpAdmin(t);
    signInWithRoles(t, ['clerk'], 'fatima');
    t.ok('profile:setLanguage', { language: 'fr' });
    t.ok('session:signOut', {});
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
    expect(t.ok('session:status', {}).user?.language).toBe('ar');
    t.ok('session:signOut', {});
    expect(
      t.ok('session:signIn', { username: 'fatima', password: 'Lixus-Loukkos-77' }).language,
    ).toBe('fr');
  });

  it('refuses to let an administrator deactivate their own account, and keeps one admin', () => {
    const adminId = setUpAdmin(t);
    expect(t.call('users:setActive', { id: adminId, active: false })).toMatchObject({
      ok: false,
      error: { code: 'SELF_DEACTIVATION' },
    });
    const clerkId = signInWithRoles(t, ['clerk'], 'hamza');
    t.ok('session:signOut', {});
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
    expect(t.ok('users:setActive', { id: clerkId, active: false }).active).toBe(false);
    t.ok('session:signOut', {});
    expect(
      t.call('session:signIn', { username: 'hamza', password: 'Lixus-Loukkos-77' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_INACTIVE' },
    });
  });

  it('signs a locked session out after five wrong passwords at the lock screen', () => {
    setUpAdmin(t);
    t.ok('session:lock', {});
    for (let i = 0; i < 4; i++) t.call('session:unlock', { password: 'guess-number-' + i });
    expect(t.ok('session:status', {})).toMatchObject({ locked: true });
    t.call('session:unlock', { password: 'guess-number-5' });
    expect(t.ok('session:status', {})).toMatchObject({ user: null, locked: false });
  });

  it('forgets old wrong passwords after a quiet quarter of an hour', () => {
    setUpAdmin(t);
    t.ok('session:signOut', {});
    for (let i = 0; i < 4; i++)
      t.call('session:signIn', { username: 'admin', password: 'nope-nope' });
    t.clock.advance(16 * 60_000);
    for (let i = 0; i < 4; i++)
      t.call('session:signIn', { username: 'admin', password: 'nope-nope' });
    expect(t.call('session:signIn', { username: 'admin', password: adminPassword }).ok).toBe(true);
  });

  it('never stores what was typed as a username, and blames nobody for failures at a locked screen', () => {
    setUpAdmin(t);
    t.ok('session:lock', {});
    t.call('session:signIn', { username: 'MySecretPw2026', password: 'whatever-it-is' });
    const db = t.core.database();
    const leaked = db
      .prepare("SELECT count(*) AS n FROM changes WHERE lower(value) LIKE '%mysecretpw2026%'")
      .get() as { n: number };
    expect(leaked.n).toBe(0);
    const failed = db
      .prepare("SELECT user_id, detail FROM audit_log WHERE action = 'session.sign-in-failed'")
      .get() as { user_id: string | null; detail: string };
    expect(failed.user_id).toBeNull();
    expect(JSON.parse(failed.detail)).toEqual({ unknownUsername: true });
  });

  it('applies the password rule wherever a password is set', () => {
    const adminId = setUpAdmin(t);
    const weak = {
      displayName: 'عبد الرحيم',
      roles: ['clerk' as const],
      departmentId: null,
      language: 'ar' as const,
    };
    expect(
      t.call('users:create', { ...weak, username: 'clerk', password: '1111111111' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD' },
    });
    expect(
      t.call('users:resetPassword', { id: adminId, password: 'admin-admin-admin' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD' },
    });
  });

  it('refuses names hiding control characters (a right-to-left override, zero-width)', () => {
    setUpAdmin(t);
    for (const nameAr of ['مصلحة\u202Eالتعمير', 'مصلحة\u200Bالتعمير']) {
      expect(t.call('departments:create', { nameAr, nameFr: 'Urbanisme' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(t.call('departments:create', { nameAr: 'مصلحة التعمير', nameFr: 'Urbanisme' }).ok).toBe(
      true,
    );
  });
});
