import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../shared/api/contract';
import { procedureNames } from '../shared/api/procedure-names';
import { roles } from '../shared/roles';
import { adminPassword, createTestCore, setUpAdmin, type TestCore } from './testing/test-core';

let t: TestCore;

beforeAll(() => {
  t = createTestCore();
  setUpAdmin(t);
  // One user holding every role, so that every procedure gets past the role check to validation.
  const me = t.ok('session:status', {}).user!;
  t.ok('users:update', {
    id: me.id,
    displayName: me.displayName,
    roles: [...roles],
    departmentId: null,
  });
  t.ok('departments:create', { nameAr: 'الشؤون الاجتماعية', nameFr: 'Affaires sociales' });
});
afterAll(() => t.dispose());

/** Row counts of every table: a malformed call must leave all of them as they were. */
function fingerprint(): string {
  const db = t.core.database();
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  return tables
    .map(
      (name) =>
        `${name}:${(db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n}`,
    )
    .join(',');
}

/** Objects with the procedure's own keys holding values of any type, and arbitrary values. */
function malformedInputs(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shape = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const sameKeys =
    shape.length > 0
      ? fc.record(Object.fromEntries(shape.map((key) => [key, fc.anything()])), {
          requiredKeys: [],
        })
      : fc.constant({ unexpected: true });
  const arabicJunk = fc.string({
    unit: fc.constantFrom('ا', 'ل', 'ه', '\u064E', '\u0640', '٣', '\u0000', '\u202E', ' '),
  });
  return fc
    .oneof(
      fc.anything(),
      sameKeys,
      fc.record(Object.fromEntries(shape.map((key) => [key, arabicJunk]))),
      fc.constantFrom(null, undefined, [], 0, '', 'DROP TABLE users', {
        __proto__: { admin: true },
      }),
    )
    .filter((value) => !schema.safeParse(value).success);
}

describe('malformed input', () => {
  for (const name of procedureNames) {
    it(`${name}: 1,000 malformed inputs each get a validation error and write nothing`, () => {
      const before = fingerprint();
      fc.assert(
        fc.property(malformedInputs(contract[name].input), (input) => {
          const result = t.core.dispatch(name, input);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('VALIDATION');
        }),
        { numRuns: 1_000 },
      );
      expect(fingerprint()).toBe(before);
      // Core is still healthy and the session still works after the barrage.
      expect(t.ok('session:status', {}).user).not.toBeNull();
    });
  }

  it('still signs in normally afterwards', () => {
    t.ok('session:signOut', {});
    expect(
      t.ok('session:signIn', { username: 'admin', password: adminPassword }).roles,
    ).toHaveLength(roles.length);
  });
});
