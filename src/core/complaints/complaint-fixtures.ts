import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/roles';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import type { RowValues } from '../../shared/tables/define-table';
import { HybridLogicalClock } from '../../shared/sync/hlc';
import { Mutations } from '../db/mutations';
import { adminPassword, staffPassword, type TestCore } from '../testing/test-core';

/** Test support for the complaints register: inputs a clerk would type, staff, direct edits. */

type IntakeInput = InputOf<'complaints:create'>;

/** The smallest files whose first bytes say what they are (shared/sync/files-protocol.ts, sniffFileType). */
export const tinyPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
export const tinyPdf = Buffer.from('%PDF-1.4\n%%EOF\n');

export function intakeInput(categoryId: string, overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    kind: 'complaint',
    channel: 'phone',
    urgent: false,
    receivedOn: '2026-11-30',
    citizenName: 'عبد الرحيم الوزاني',
    citizenPhone: '0612345678',
    citizenEmail: null,
    citizenAddress: null,
    citizenCin: null,
    subject: 'حفرة كبيرة وسط الطريق',
    description: 'توجد حفرة كبيرة وسط الطريق منذ شهر تشكل خطرا على السيارات والمارة.',
    district: 'حي السلام',
    location: null,
    categoryId,
    attachments: [],
    ...overrides,
  };
}

/** The id of a seeded category, by its Arabic name. */
export function categoryId(t: TestCore, nameAr: string): string {
  const found = t.ok('categories:list', { includeInactive: true }).find((c) => c.nameAr === nameAr);
  if (!found) throw new Error(`no category ${nameAr}`);
  return found.id;
}

export function signInAs(t: TestCore, username: string): void {
  if (t.core.session.current()) t.ok('session:signOut', {});
  t.ok('session:signIn', {
    username,
    password: username === 'admin' ? adminPassword : staffPassword,
  });
}

/** Creates a member of staff as the administrator (who stays signed in). */
export function createStaff(
  t: TestCore,
  username: string,
  roles: Role[],
  departmentId: string | null = null,
): string {
  if (!t.core.session.current()?.roles.includes('admin')) signInAs(t, 'admin');
  return t.ok('users:create', {
    username,
    displayName: `الموظف ${username}`,
    password: staffPassword,
    roles,
    departmentId,
    language: 'ar',
  }).id;
}

/** Moves a case along directly (status, dates) where the case procedures are not under test. */
export function editComplaint(
  t: TestCore,
  id: string,
  patch: Partial<RowValues<typeof complaintsTable>>,
): void {
  const write = new Mutations({
    db: t.core.database(),
    clock: new HybridLogicalClock({ node: '00000000000000ff', wallClock: t.clock.now }),
    deviceId: 'test-device',
    actor: { kind: 'system' },
    now: () => new Date(t.clock.now()),
    onTableWritten: () => undefined,
  });
  t.core.database().transaction(() => write.update(complaintsTable, id, patch))();
}

export function countRows(t: TestCore, table: string): number {
  return (t.core.database().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
