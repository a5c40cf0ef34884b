import type { Actor } from '../../src/core/db/mutations';
import { hashPassword } from '../../src/core/session/passwords';
import { writeCredential } from '../../src/core/users/users.repo';
import type { Role } from '../../src/shared/roles';
import {
  departmentsTable,
  usersTable,
  type Language,
} from '../../src/shared/tables/platform.tables';
import type { BenchDatabase } from './bench-database';
import { WeightedChoice, Zipf } from './random';
import { communeDepartments, personName } from './text';

export interface Department {
  id: string;
  nameAr: string;
  nameFr: string;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  language: Language;
  actor: Actor;
}

export interface Commune {
  admin: StaffMember;
  staff: StaffMember[];
  departments: Department[];
  /** Every generated user signs in with this password. */
  password: string;
}

export interface CommuneOptions {
  /** Number of user accounts, the administrator included. */
  staff: number;
  password: string;
  adminUsername?: string;
}

const DAY_MS = 86_400_000;

function actorOf(id: string, roles: readonly Role[]): Actor {
  return { kind: 'user', userId: id, roles };
}

/** Roles of the first accounts; the rest are one head per department, then clerks. */
const leadershipRoles: readonly Role[][] = [
  ['director'],
  ['president'],
  ['info_officer'],
  ['info_officer', 'clerk'],
  ['editor'],
  ['editor'],
  ['slec_manager'],
  ['admin', 'clerk'],
];

/**
 * A commune's accounts as the app creates them: the first administrator (by core itself, as
 * first-run set-up does), then departments and staff created by that administrator.
 */
export function seedCommune(bench: BenchDatabase, options: CommuneOptions): Commune {
  const { random } = bench;
  // One argon2 hash shared by every account: hashing is not what is measured, and it is slow.
  const hash = hashPassword(options.password);
  const usernames = new Set<string>();
  const uniqueUsername = (latin: string): string => {
    const base = latin.slice(0, 36);
    let name = base;
    for (let n = 2; usernames.has(name); n++) name = `${base}${n}`;
    usernames.add(name);
    return name;
  };

  return bench.transaction(() => {
    const adminName = { displayName: 'سعاد الإدريسي', latin: options.adminUsername ?? 'admin' };
    const adminId = bench.writerFor({ kind: 'system' }).insert(usersTable, {
      username: uniqueUsername(adminName.latin),
      display_name: adminName.displayName,
      roles: ['admin'],
      department_id: null,
      active: true,
      language: 'ar',
    });
    writeCredential(bench.db, adminId, hash, new Date(bench.time.ms));
    bench.writerFor({ kind: 'system' }).audit('session.first-admin', 'users', adminId);
    const admin: StaffMember = {
      id: adminId,
      username: adminName.latin,
      displayName: adminName.displayName,
      roles: ['admin'],
      departmentId: null,
      language: 'ar',
      actor: actorOf(adminId, ['admin']),
    };
    const asAdmin = bench.writerFor(admin.actor);

    const departments: Department[] = communeDepartments.map((name) => ({
      id: asAdmin.insert(departmentsTable, { name_ar: name.ar, name_fr: name.fr }),
      nameAr: name.ar,
      nameFr: name.fr,
    }));
    const communication = departments[8] ?? null;

    const staff: StaffMember[] = [admin];
    for (let i = 1; i < options.staff; i++) {
      const lead = leadershipRoles[i - 1];
      const headOf = lead ? null : (departments[i - 1 - leadershipRoles.length] ?? null);
      const roles: Role[] = lead ?? (headOf ? ['head'] : ['clerk']);
      const departmentId = roles.includes('editor')
        ? (communication?.id ?? null)
        : roles.includes('head') || roles.includes('clerk')
          ? (headOf ?? random.pick(departments)).id
          : null;
      const person = personName(random);
      const username = uniqueUsername(person.latin);
      const language: Language = random.chance(0.2) ? 'fr' : 'ar';
      const id = asAdmin.insert(usersTable, {
        username,
        display_name: person.displayName,
        roles,
        department_id: departmentId,
        active: true,
        language,
      });
      writeCredential(bench.db, id, hash, new Date(bench.time.ms));
      staff.push({
        id,
        username,
        displayName: person.displayName,
        roles,
        departmentId,
        language,
        actor: actorOf(id, roles),
      });
    }
    return { admin, staff, departments, password: options.password };
  });
}

/** What staff do that the audit log records, and how often (percent of entries). */
const auditMix = new WeightedChoice({
  'session.sign-in': 42,
  'session.sign-out': 38,
  'session.sign-in-failed': 7,
  'session.unlock-failed': 3,
  'profile.password-changed': 1,
  'profile.set-language': 2,
  'users.update': 2,
  'users.password-reset': 1,
  'departments.update': 0.3,
  'settings.update': 0.7,
  'backups.create': 3,
});

export interface AuditHistoryOptions {
  /** How many audit_log rows the table holds when done (rows already there count). */
  total: number;
  /** Simulated period the entries spread over: working hours of weekdays in [from, to). */
  from: number;
  to: number;
  batchSize?: number;
  onProgress?: (done: number, of: number) => void;
}

/** Start of each weekday (UTC midnight) in [from, to). */
function weekdays(from: number, to: number): number[] {
  const days: number[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  if (days.length === 0) throw new Error('the period holds no weekday');
  return days;
}

/**
 * Months of a commune's activity as the audit log sees it, each entry written through the mutation
 * path by the actor who would write it: sign-ins and sign-outs, failed attempts (by core itself),
 * profile and account edits (row updates with their changes), settings and backups. Each event
 * adds exactly one audit_log row plus one change per column of it (and of any row it updated).
 */
export function appendAuditHistory(
  bench: BenchDatabase,
  commune: Commune,
  options: AuditHistoryOptions,
): number {
  const { random } = bench;
  const existing = bench.count('audit_log');
  const events = options.total - existing;
  if (events <= 0) return 0;
  const days = weekdays(options.from, options.to);
  // A few staff do most of the work: rank activity by a Zipf law over a shuffled list.
  const active = random.shuffled(commune.staff);
  const activity = new Zipf(active.length, 0.8);
  const admins = commune.staff.filter((member) => member.roles.includes('admin'));
  const system = bench.writerFor({ kind: 'system' });
  const departmentNames = new Map(commune.departments.map((d) => [d.id, d.nameFr]));
  // Working hours in Morocco (UTC+1): 08:30 to 16:30.
  const dayStart = 7.5 * 3_600_000;
  const workingDay = 8 * 3_600_000;

  bench.inBatches(
    events,
    options.batchSize ?? 5_000,
    (i) => {
      const position = (i / events) * days.length;
      const day = days[Math.floor(position)] ?? days[days.length - 1] ?? options.from;
      bench.time.set(day + dayStart + (position % 1) * workingDay);
      const member = activity.pick(random, active);
      const writer = bench.writerFor(member.actor);
      const admin = random.pick(admins);
      const asAdmin = bench.writerFor(admin.actor);
      switch (auditMix.pick(random)) {
        case 'session.sign-in':
          writer.audit('session.sign-in', 'users', member.id);
          break;
        case 'session.sign-out':
          writer.audit('session.sign-out', 'users', member.id);
          break;
        case 'session.sign-in-failed': {
          const mistyped = random.chance(0.2);
          system.audit('session.sign-in-failed', 'users', mistyped ? null : member.id, {
            username: mistyped ? member.username.slice(0, -1) : member.username,
          });
          break;
        }
        case 'session.unlock-failed':
          writer.audit('session.unlock-failed', 'users', member.id);
          break;
        case 'profile.password-changed':
          writer.audit('profile.password-changed', 'users', member.id);
          break;
        case 'profile.set-language':
          member.language = member.language === 'ar' ? 'fr' : 'ar';
          writer.update(usersTable, member.id, { language: member.language });
          break;
        case 'users.update': {
          let name = personName(random).displayName;
          while (name === member.displayName) name = personName(random).displayName;
          member.displayName = name;
          asAdmin.update(usersTable, member.id, { display_name: name });
          break;
        }
        case 'users.password-reset':
          asAdmin.audit('users.password-reset', 'users', member.id);
          break;
        case 'departments.update': {
          const department = random.pick(commune.departments);
          const current = departmentNames.get(department.id) ?? department.nameFr;
          const next =
            current === department.nameFr
              ? department.nameFr.replace(/^(Service|Bureau)/, 'Division')
              : department.nameFr;
          departmentNames.set(department.id, next);
          asAdmin.update(departmentsTable, department.id, { name_fr: next });
          break;
        }
        case 'settings.update':
          asAdmin.audit('settings.update', null, null, {
            keys: [random.pick(['lockAfterMinutes', 'backupsToKeep', 'updateFeedUrl'])],
          });
          break;
        case 'backups.create': {
          const stamp = new Date(bench.time.ms).toISOString().replace(/[:.]/g, '-');
          asAdmin.audit('backups.create', null, null, { name: `maktab-${stamp}-manual.sqlite` });
          break;
        }
      }
    },
    (done) => options.onProgress?.(done, events),
  );
  const total = bench.count('audit_log');
  if (total !== options.total) {
    throw new Error(`generated ${total} audit entries, expected ${options.total}`);
  }
  return events;
}
