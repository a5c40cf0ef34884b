import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import type { ProcedureName } from '../../shared/api/procedure-names';
import type { Role } from '../../shared/roles';
import type { ApiResult } from '../../shared/errors';
import { Core } from '../core';

export const adminPassword = 'Qsar-Kbir-2026!';
export const staffPassword = 'Lixus-Loukkos-77';

/** A wall clock that tests move by hand. */
export class ManualClock {
  constructor(public ms: number = Date.UTC(2026, 10, 30, 9, 0, 0)) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  call<N extends ProcedureName>(name: N, input: InputOf<N>): ApiResult<OutputOf<N>>;
  /** Calls and expects success, returning the value. */
  ok<N extends ProcedureName>(name: N, input: InputOf<N>): OutputOf<N>;
  reopen(): void;
  dispose(): void;
}

/** A real core on a real SQLite file in a fresh temp folder. */
export function createTestCore(dataDir = mkdtempSync(join(tmpdir(), 'maktab-core-'))): TestCore {
  const clock = new ManualClock();
  const harness: TestCore = {
    core: new Core({ dataDir, wallClock: clock.now }),
    clock,
    dataDir,
    call: (name, input) => harness.core.dispatch(name, input) as ApiResult<OutputOf<typeof name>>,
    ok: (name, input) => {
      const result = harness.core.dispatch(name, input);
      if (!result.ok)
        throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value as OutputOf<typeof name>;
    },
    reopen: () => {
      harness.core.close();
      harness.core = new Core({ dataDir, wallClock: clock.now });
    },
    dispose: () => {
      harness.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Creates the first administrator (signed in afterwards). */
export function setUpAdmin(t: TestCore): string {
  return t.ok('session:createFirstAdmin', {
    username: 'admin',
    displayName: 'مدير النظام',
    password: adminPassword,
    language: 'ar',
  }).id;
}

/** Creates a user with the given roles as the admin, then signs in as that user. */
export function signInWithRoles(
  t: TestCore,
  roles: Role[],
  username = `u${roles.join('').replace(/_/g, '')}`,
): string {
  const current = t.core.session.current();
  if (!current?.roles.includes('admin')) {
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
  }
  const created = t.ok('users:create', {
    username,
    displayName: `موظف ${username}`,
    password: staffPassword,
    roles,
    departmentId: null,
    language: 'ar',
  });
  t.ok('session:signOut', {});
  t.ok('session:signIn', { username, password: staffPassword });
  return created.id;
}
