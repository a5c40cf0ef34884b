import {
  acknowledgementDueOn,
  addDays,
  answerDueOn,
  communeToday,
} from '../../shared/complaints/legal-clock';
import type { Role } from '../../shared/roles';
import type { RowValues } from '../../shared/tables/define-table';
import {
  categoriesTable,
  complaintEventsTable,
  complaintsTable,
} from '../../shared/tables/complaints.tables';
import { requireUser } from '../handler-context';
import { adminPassword, setUpAdmin, staffPassword, type TestCore } from '../testing/test-core';

/**
 * A small commune for the case tests: two departments, their clerks and heads, a director, a
 * president, categories; and complaints inserted through core's mutation path, so these tests do
 * not depend on the intake procedure (complaints:create) being there.
 */
export interface CaseWorld {
  roads: string;
  lighting: string;
  category: string;
  otherCategory: string;
  inactiveCategory: string;
  /** User ids by username. */
  users: Record<StaffName, string>;
}

export const staff = {
  clerk: { roles: ['clerk'], department: 'roads', name: 'سعاد البقالي' },
  clerk2: { roles: ['clerk'], department: 'roads', name: 'يوسف الريفي' },
  lampclerk: { roles: ['clerk'], department: 'lighting', name: 'كريم الدكالي' },
  head: { roles: ['head'], department: 'roads', name: 'نادية الوزاني' },
  lamphead: { roles: ['head'], department: 'lighting', name: 'عمر الشاوني' },
  director: { roles: ['director'], department: null, name: 'المدير العام' },
  president: { roles: ['president'], department: null, name: 'رئيس المجلس' },
} as const satisfies Record<
  string,
  { roles: readonly Role[]; department: 'roads' | 'lighting' | null; name: string }
>;
export type StaffName = keyof typeof staff;

export function signInAs(t: TestCore, username: StaffName | 'admin'): void {
  if (t.core.session.current()) t.ok('session:signOut', {});
  t.ok('session:signIn', {
    username,
    password: username === 'admin' ? adminPassword : staffPassword,
  });
}

function insertCategory(t: TestCore, departmentId: string, active: boolean): string {
  return t.core.runInTransaction('mutation', (ctx) =>
    ctx.write.insert(categoriesTable, {
      name_ar: active ? 'الإنارة العمومية' : 'فئة قديمة',
      name_fr: active ? 'Éclairage public' : 'Ancienne catégorie',
      department_id: departmentId,
      default_assignee_id: null,
      position: 1,
      active,
    }),
  );
}

/** Creates the commune as the administrator; leaves nobody signed in. */
export function setUpCaseWorld(t: TestCore): CaseWorld {
  setUpAdmin(t);
  const roads = t.ok('departments:create', { nameAr: 'الطرق والأشغال', nameFr: 'Voirie' }).id;
  const lighting = t.ok('departments:create', {
    nameAr: 'الإنارة العمومية',
    nameFr: 'Éclairage public',
  }).id;
  const departments = { roads, lighting };
  const users = {} as Record<StaffName, string>;
  for (const [username, person] of Object.entries(staff) as [
    StaffName,
    (typeof staff)[StaffName],
  ][]) {
    users[username] = t.ok('users:create', {
      username,
      displayName: person.name,
      password: staffPassword,
      roles: [...person.roles],
      departmentId: person.department === null ? null : departments[person.department],
      language: 'ar',
    }).id;
  }
  const world: CaseWorld = {
    roads,
    lighting,
    category: insertCategory(t, roads, true),
    otherCategory: insertCategory(t, lighting, true),
    inactiveCategory: insertCategory(t, lighting, false),
    users,
  };
  t.ok('session:signOut', {});
  return world;
}

let sequence = 0;

/**
 * A complaint as intake would record it, with its 'received' event, written by the signed-in
 * clerk or head through the mutation path. Received two days ago unless told otherwise.
 */
export function insertTestComplaint(
  t: TestCore,
  world: CaseWorld,
  values: Partial<RowValues<typeof complaintsTable>> = {},
): { id: string; localNumber: string } {
  return t.core.runInTransaction('mutation', (ctx) => {
    const user = requireUser(ctx);
    const now = ctx.now();
    const receivedOn = values.received_on ?? addDays(communeToday(now), -2);
    sequence += 1;
    const localNumber = values.local_number ?? `PC99-2026-${String(sequence).padStart(4, '0')}`;
    const id = ctx.write.insert(complaintsTable, {
      local_number: localNumber,
      official_number: null,
      kind: 'complaint',
      channel: 'in_person',
      urgent: false,
      received_on: receivedOn,
      citizen_name: 'فاطمة الزهراء العلمي',
      citizen_phone: '0612345678',
      citizen_email: null,
      citizen_address: 'حي المسيرة، القصر الكبير',
      citizen_cin: 'LB123456',
      subject: 'عمود إنارة ساقط قرب المدرسة',
      description: 'سقط عمود الإنارة العمومية قرب مدرسة ابن خلدون ويشكل خطرا على التلاميذ.',
      district: 'حي السلام',
      location: null,
      category_id: world.category,
      department_id: null,
      assignee_id: null,
      status: 'received',
      ack_due_on: acknowledgementDueOn(receivedOn),
      answer_due_on: answerDueOn(receivedOn),
      acknowledged_on: null,
      called_on: null,
      answered_on: null,
      closed_on: null,
      resolution: null,
      merged_into: null,
      created_by: user.id,
      created_at: now.toISOString(),
      ...values,
    });
    ctx.write.insert(complaintEventsTable, {
      complaint_id: id,
      at: now.toISOString(),
      user_id: user.id,
      type: 'received',
      detail: { channel: values.channel ?? 'in_person' },
      body: null,
    });
    return { id, localNumber };
  });
}
