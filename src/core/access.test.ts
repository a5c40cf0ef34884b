import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../shared/api/contract';
import { procedureNames } from '../shared/api/procedure-names';
import { roles, type Role } from '../shared/roles';
import { createTestCore, setUpAdmin, signInWithRoles, type TestCore } from './testing/test-core';

let t: TestCore;
const userIds = new Map<Role, string>();

beforeAll(() => {
  t = createTestCore();
  setUpAdmin(t);
  for (const role of roles) {
    if (role !== 'admin')
      userIds.set(role, signInWithRoles(t, [role], `only.${role.replace('_', '')}`));
  }
});
afterAll(() => t.dispose());

function signInAs(role: Role): void {
  t.ok('session:signOut', {});
  const username = role === 'admin' ? 'admin' : `only.${role.replace('_', '')}`;
  t.ok('session:signIn', {
    username,
    password: role === 'admin' ? 'Qsar-Kbir-2026!' : 'Lixus-Loukkos-77',
  });
}

describe('access', () => {
  it('every procedure refuses every role it does not list, whatever the input', () => {
    let checked = 0;
    for (const role of roles) {
      signInAs(role);
      for (const name of procedureNames) {
        const access = contract[name].access;
        if (access === 'public' || access === 'signed-in' || access.includes(role)) continue;
        for (const input of [{}, null, { page: 0, pageSize: 10 }]) {
          expect(t.core.dispatch(name, input), `${role} -> ${name}`).toMatchObject({
            ok: false,
            error: { code: 'FORBIDDEN' },
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('every non-public procedure refuses a caller who is not signed in', () => {
    t.ok('session:signOut', {});
    for (const name of procedureNames) {
      if (contract[name].access === 'public') continue;
      expect(t.core.dispatch(name, {}), name).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
  });

  it('a role listed for a procedure gets past the role check', () => {
    for (const role of roles) {
      signInAs(role);
      for (const name of procedureNames) {
        const access = contract[name].access;
        if (access === 'public' || access === 'signed-in' || !access.includes(role)) continue;
        const result = t.core.dispatch(name, { bogus: true });
        expect(result.ok ? 'ok' : result.error.code, `${role} -> ${name}`).not.toBe('FORBIDDEN');
      }
    }
  });

  it('the renderer cannot claim an identity: input never carries the caller', () => {
    signInAs('clerk');
    expect(
      t.core.dispatch('users:list', {
        page: 0,
        pageSize: 10,
        userId: userIds.get('clerk'),
        roles: ['admin'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
