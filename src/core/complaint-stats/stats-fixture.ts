import type { ComplaintKind, ComplaintStatus } from '../../shared/complaints/complaint-values';
import { acknowledgementDueOn, answerDueOn } from '../../shared/complaints/legal-clock';
import type { Role } from '../../shared/roles';
import { HybridLogicalClock } from '../../shared/sync/hlc';
import { categoriesTable, complaintsTable } from '../../shared/tables/complaints.tables';
import { Mutations } from '../db/mutations';
import { adminPassword, staffPassword, type TestCore } from '../testing/test-core';

/**
 * Test support for the statistics: a register with known figures, written through the one
 * mutation path as a signed-in clerk would (every column), without the case procedures, so each
 * case can be placed at any status and answer date.
 */

export interface CaseSpec {
  receivedOn: string;
  categoryId: string;
  kind?: ComplaintKind;
  departmentId?: string | null;
  status?: ComplaintStatus;
  answeredOn?: string | null;
}

export function signInAs(t: TestCore, username: string): void {
  if (t.core.session.current()) t.ok('session:signOut', {});
  t.ok('session:signIn', {
    username,
    password: username === 'admin' ? adminPassword : staffPassword,
  });
}

/** Creates a member of staff as the administrator, who must be signed in. */
export function createStaff(t: TestCore, username: string, roles: Role[]): string {
  return t.ok('users:create', {
    username,
    displayName: `الموظف ${username}`,
    password: staffPassword,
    roles,
    departmentId: null,
    language: 'ar',
  }).id;
}

/** A category as the administrator writes it; the administrator must be signed in. */
export function insertCategory(
  t: TestCore,
  nameAr: string,
  nameFr: string,
  departmentId: string | null,
): string {
  return t.core.runInTransaction('mutation', (ctx) =>
    ctx.write.insert(categoriesTable, {
      name_ar: nameAr,
      name_fr: nameFr,
      department_id: departmentId,
      default_assignee_id: null,
      position: 10,
      active: true,
    }),
  );
}

let sequence = 0;

/** Registers the cases as the signed-in clerk; returns their ids, in order. */
export function insertCases(t: TestCore, specs: readonly CaseSpec[]): string[] {
  const clerk = t.core.session.current();
  if (!clerk) throw new Error('sign in a clerk first');
  return t.core.runInTransaction('mutation', (ctx) =>
    specs.map((spec) => {
      const answeredOn = spec.answeredOn ?? null;
      const status = spec.status ?? (answeredOn ? 'answered' : 'received');
      sequence += 1;
      return ctx.write.insert(complaintsTable, {
        local_number: `PC01-${spec.receivedOn.slice(0, 4)}-${String(sequence).padStart(4, '0')}`,
        official_number: null,
        kind: spec.kind ?? 'complaint',
        channel: 'in_person',
        urgent: false,
        received_on: spec.receivedOn,
        citizen_name: 'فاطمة الزهراء العلمي',
        citizen_phone: '0612345678',
        citizen_email: null,
        citizen_address: 'حي المرينة، القصر الكبير',
        citizen_cin: null,
        subject: 'انقطاع الإنارة العمومية بالزقاق',
        description: 'الأعمدة الكهربائية بالزقاق لا تشتغل منذ أسبوعين والمكان مظلم ليلا.',
        district: 'حي المرينة',
        location: null,
        category_id: spec.categoryId,
        department_id: spec.departmentId ?? null,
        assignee_id: null,
        status,
        ack_due_on: acknowledgementDueOn(spec.receivedOn),
        answer_due_on: answerDueOn(spec.receivedOn),
        acknowledged_on: answeredOn,
        called_on: null,
        answered_on: answeredOn,
        closed_on: status === 'closed' ? answeredOn : null,
        resolution: status === 'closed' ? 'تم إصلاح الأعمدة وإعادة الإنارة.' : null,
        merged_into: null,
        created_by: clerk.id,
        created_at: new Date(t.clock.now()).toISOString(),
      });
    }),
  );
}

/**
 * Tombstones a case as a deletion arriving from another PC would (no role may delete a case here):
 * through the mutation path, as core itself.
 */
export function tombstoneCase(t: TestCore, id: string): void {
  const write = new Mutations({
    db: t.core.database(),
    clock: new HybridLogicalClock({ node: '00000000000000ff', wallClock: t.clock.now }),
    deviceId: 'other-pc',
    actor: { kind: 'system' },
    now: () => new Date(t.clock.now()),
    onTableWritten: () => undefined,
  });
  t.core.database().transaction(() => write.tombstone(complaintsTable, id))();
}
