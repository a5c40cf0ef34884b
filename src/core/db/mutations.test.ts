import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { parseStamp } from '../../shared/sync/hlc';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { auditLogTable, departmentsTable, usersTable } from '../../shared/tables/platform.tables';
import { createTestCore, setUpAdmin, signInWithRoles, type TestCore } from '../testing/test-core';
import { z } from 'zod';
import { column, defineTable } from '../../shared/tables/define-table';
import { Mutations, type Actor } from './mutations';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

interface ChangeRow {
  tbl: string;
  row_id: string;
  col: string;
  value: string;
  hlc: string;
  user_id: string | null;
  device_id: string;
}

function changesFor(rowId: string): ChangeRow[] {
  return t.core
    .database()
    .prepare('SELECT * FROM changes WHERE row_id = ? ORDER BY seq')
    .all(rowId) as ChangeRow[];
}

describe('the mutation path', () => {
  it('appends one change per column on insert, stamped with clock, user and device', () => {
    const adminId = setUpAdmin(t);
    const department = t.ok('departments:create', {
      nameAr: 'الإنارة العمومية',
      nameFr: 'Éclairage public',
    });
    const changes = changesFor(department.id);
    expect(changes.map((c) => c.col).sort()).toEqual(['name_ar', 'name_fr']);
    for (const change of changes) {
      expect(change.user_id).toBe(adminId);
      expect(change.device_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(parseStamp(change.hlc)).not.toBeNull();
    }
    expect(JSON.parse(changes.find((c) => c.col === 'name_ar')!.value)).toBe('الإنارة العمومية');
  });

  it('appends changes only for the columns whose value changed', () => {
    setUpAdmin(t);
    const department = t.ok('departments:create', { nameAr: 'النظافة', nameFr: 'Hygiène' });
    t.ok('departments:update', {
      id: department.id,
      nameAr: 'النظافة والتطهير',
      nameFr: 'Hygiène',
    });
    const changes = changesFor(department.id);
    expect(changes.map((c) => c.col)).toEqual(['name_ar', 'name_fr', 'name_ar']);
    expect(changes[2]!.hlc > changes[0]!.hlc).toBe(true);
  });

  it('writes the audit log with column names only, never the values', () => {
    setUpAdmin(t);
    const department = t.ok('departments:create', {
      nameAr: 'الشؤون القانونية',
      nameFr: 'Affaires juridiques',
    });
    const entry = t
      .ok('audit:list', { page: 0, pageSize: 10, rowId: department.id })
      .rows.find((r) => r.action === 'insert');
    expect(entry?.detail).toEqual({ columns: ['name_ar', 'name_fr'] });
    expect(JSON.stringify(entry)).not.toContain('الشؤون القانونية');
  });

  function mutationsFor(roles: ('clerk' | 'admin')[], userId: string): Mutations {
    return new Mutations({
      db: t.core.database(),
      clock: new (class {
        private n = 0;
        now = () =>
          `2026-11-30T09:00:00.000Z-${(this.n++).toString(16).padStart(4, '0')}-000000000000000a`;
      })() as never,
      deviceId: 'test-device',
      actor: { kind: 'user', userId, roles },
      now: () => new Date(),
      onTableWritten: () => undefined,
    });
  }

  it('refuses a column the role may not write, and lets a user write their own language', () => {
    setUpAdmin(t);
    const clerkId = signInWithRoles(t, ['clerk'], 'karim');
    const asClerk = mutationsFor(['clerk'], clerkId);
    expect(() => asClerk.update(usersTable, clerkId, { roles: ['admin'] })).toThrow(AppError);
    expect(() => asClerk.insert(departmentsTable, { name_ar: 'قسم', name_fr: 'Division' })).toThrow(
      /may not write/,
    );
    expect(asClerk.update(usersTable, clerkId, { language: 'fr' })).toEqual(['language']);
    const someoneElse = t.core
      .database()
      .prepare("SELECT id FROM users WHERE username = 'admin'")
      .get() as { id: string };
    expect(() => asClerk.update(usersTable, someoneElse.id, { language: 'fr' })).toThrow(
      /may not write/,
    );
  });

  it('needs no write right for a null at insert: a clerk files a case, never its official number', () => {
    setUpAdmin(t);
    const clerkId = signInWithRoles(t, ['clerk'], 'karim');
    const asClerk = mutationsFor(['clerk'], clerkId);
    const complaint = (localNumber: string, officialNumber: string | null) => ({
      local_number: localNumber,
      official_number: officialNumber,
      kind: 'complaint' as const,
      channel: 'phone' as const,
      urgent: false,
      received_on: '2026-11-30',
      citizen_name: 'سعاد العلمي',
      citizen_phone: null,
      citizen_email: null,
      citizen_address: null,
      citizen_cin: null,
      subject: 'تراكم النفايات',
      description: 'تتراكم النفايات قرب السوق منذ أيام.',
      district: 'حي السلام',
      location: null,
      category_id: '01970000-ca7e-7000-8000-000000000003',
      department_id: null,
      assignee_id: null,
      status: 'received' as const,
      ack_due_on: '2026-12-15',
      answer_due_on: '2027-01-29',
      acknowledged_on: null,
      called_on: null,
      answered_on: null,
      closed_on: null,
      resolution: null,
      // Only heads and the director merge; a null says the case is not merged, and writes nothing.
      merged_into: null,
      created_by: clerkId,
      created_at: '2026-11-30T09:00:00.000Z',
    });
    const id = asClerk.insert(complaintsTable, complaint('PC03-2026-0001', null));
    expect(changesFor(id).find((c) => c.col === 'official_number')?.value).toBe('null');
    expect(() => asClerk.insert(complaintsTable, complaint('PC03-2026-0002', '2026/0001'))).toThrow(
      /may not write complaints.official_number/,
    );
    // Only at insert: an update naming the column is a write, null or not.
    expect(() => asClerk.update(complaintsTable, id, { merged_into: null })).toThrow(
      /may not write complaints.merged_into/,
    );
  });

  it('validates every value against the table declaration', () => {
    const adminId = setUpAdmin(t);
    const asAdmin = mutationsFor(['admin'], adminId);
    expect(() =>
      asAdmin.insert(departmentsTable, { name_ar: '', name_fr: 'x'.repeat(500) }),
    ).toThrow(AppError);
    expect(() => asAdmin.update(usersTable, adminId, { roles: ['mayor' as never] })).toThrow(
      /invalid value/,
    );
  });

  it('deletes by tombstone, only for the roles the table allows', () => {
    const adminId = setUpAdmin(t);
    const department = t.ok('departments:create', { nameAr: 'التعمير', nameFr: 'Urbanisme' });
    mutationsFor(['admin'], adminId).tombstone(departmentsTable, department.id);
    const row = t.core
      .database()
      .prepare('SELECT deleted FROM departments WHERE id = ?')
      .get(department.id);
    expect(row).toEqual({ deleted: 1 });
    expect(() =>
      mutationsFor(['admin'], adminId).update(departmentsTable, department.id, {
        name_fr: 'Urbanisme et habitat',
      }),
    ).toThrow(/was deleted/);
    expect(t.ok('departments:list', {})).toHaveLength(0);
    expect(changesFor(department.id).at(-1)).toMatchObject({ col: 'deleted', value: '1' });
    expect(() =>
      mutationsFor(['clerk'], adminId).tombstone(departmentsTable, department.id),
    ).toThrow(/may not delete/);
  });

  it('keeps append-only tables append-only, in code and in the database', () => {
    const adminId = setUpAdmin(t);
    const entry = t.ok('audit:list', { page: 0, pageSize: 1 }).rows[0]!;
    const asAdmin = mutationsFor(['admin'], adminId);
    expect(() => asAdmin.update(auditLogTable, entry.id, { action: 'forged' })).toThrow(
      /only accepts inserts/,
    );
    expect(() => asAdmin.tombstone(auditLogTable, entry.id)).toThrow(/only accepts inserts/);
    const db = t.core.database();
    expect(() => db.prepare("UPDATE audit_log SET action = 'forged'").run()).toThrow(/APPEND_ONLY/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/APPEND_ONLY/);
    expect(() => db.prepare('DELETE FROM changes').run()).toThrow(/APPEND_ONLY/);
  });

  it('keeps the clock increasing across a restart even when the wall clock went back', () => {
    setUpAdmin(t);
    const first = t.ok('departments:create', { nameAr: 'الأسواق', nameFr: 'Marchés' });
    const before = changesFor(first.id).at(-1)!.hlc;
    t.clock.advance(-3 * 86_400_000);
    t.reopen();
    t.ok('session:signIn', { username: 'admin', password: 'Qsar-Kbir-2026!' });
    const second = t.ok('departments:create', { nameAr: 'الحالة المدنية', nameFr: 'État civil' });
    expect(changesFor(second.id)[0]!.hlc > before).toBe(true);
  });

  function mutationsAs(actor: Actor): Mutations {
    return new Mutations({
      db: t.core.database(),
      clock: { now: () => '2026-11-30T09:00:00.000Z-0000-000000000000000a' } as never,
      deviceId: 'test-device',
      actor,
      now: () => new Date(),
      onTableWritten: () => undefined,
    });
  }

  it('lets an anonymous caller (before sign-in, or locked) write only the audit log', () => {
    setUpAdmin(t);
    const anonymous = mutationsAs({ kind: 'anonymous' });
    expect(() =>
      anonymous.insert(departmentsTable, { name_ar: 'قسم', name_fr: 'Division' }),
    ).toThrow(/may not write/);
    expect(() => anonymous.audit('session.sign-in-failed', 'users', null)).not.toThrow();
  });

  it('refuses a table that is not in the synced registry', () => {
    setUpAdmin(t);
    const stray = defineTable({
      name: 'departments',
      appendOnly: false,
      deleteRoles: [],
      columns: { name_ar: column('text', z.string(), { write: ['any'] }) },
    });
    expect(() => mutationsAs({ kind: 'system' }).insert(stray, { name_ar: 'x' })).toThrow(
      /registry/,
    );
  });
});
