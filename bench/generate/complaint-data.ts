/**
 * The complaints register of a commune after two years: by default 200,000 complaints and
 * 1,000,000 timeline events, with replies and attachments, in a database made by the app's own
 * migrations, with the platform generator's departments and staff.
 *
 * Shortcut, said plainly: complaints, events, replies and attachments are inserted with raw
 * prepared statements in large transactions, NOT through core's mutation path, so they have no
 * change-log rows and no audit entries. The benchmarks only read them (queue, search, case page),
 * and generating 5 million change rows would take long for nothing they measure. The full-text
 * index IS filled the app's way: by the schema's triggers, calling the SQL function openDatabase
 * registers (src/core/db/connection.ts). Categories are routed to departments through the mutation
 * path, as the administrator would.
 *
 *   npx tsx bench/generate/complaint-data.ts    generates (or finds) the cached file, prints JSON
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/core/db/connection';
import {
  complaintChannels,
  complaintKinds,
  type ComplaintEventType,
} from '../../src/shared/complaints/complaint-values';
import { acknowledgementDueOn, answerDueOn } from '../../src/shared/complaints/legal-clock';
import { categoriesTable } from '../../src/shared/tables/complaints.tables';
import { isEntryPoint, projectRoot } from '../support/report';
import { BenchDatabase, cachedDatabase, type GeneratedDatabase } from './bench-database';
import {
  DAY_MS,
  NEVER,
  budgetEvents,
  dayOf,
  isoDay,
  planCases,
  statusOf,
  type CasePlans,
} from './complaint-plan';
import {
  citizenCin,
  citizenEmail,
  citizenName,
  citizenPhone,
  complaintText,
  complaintThemes,
  departmentIndexOfTheme,
  ksarDistricts,
  nameHabits,
  noteText,
  replyText,
  resolutionText,
  respell,
  spellingHabits,
  textSource,
  themeOfCategory,
  themeWeights,
  type ComplaintTheme,
  type TextSource,
} from './complaint-text';
import { platformPassword } from './datasets';
import { seedCommune, type Commune, type StaffMember } from './platform-data';
import { Random, Zipf } from './random';

export interface ComplaintDatasetSpec {
  generatorVersion: number;
  complaints: number;
  events: number;
  staff: number;
  seed: number;
  /** First day of receipt and the last day, which the benchmarks take as "today" (ISO dates). */
  from: string;
  to: string;
  /** Cases with 50 events or more; the first `exactlyFifty` have exactly 50. */
  longCases: number;
  exactlyFifty: number;
}

export function complaintDataset(complaints = 200_000, events = complaints * 5) {
  return {
    generatorVersion: 2,
    complaints,
    events,
    staff: 120,
    seed: 20_261_130,
    from: '2024-12-01',
    to: '2026-11-30',
    longCases: Math.max(2, Math.round(complaints / 800)),
    exactlyFifty: Math.max(1, Math.min(40, Math.round(complaints / 5000))),
  } satisfies ComplaintDatasetSpec;
}

/** "Now" for a dataset: 10:00 in Ksar El Kebir (UTC+1) on its last day. */
export function datasetNow(spec: ComplaintDatasetSpec): number {
  return Date.parse(`${spec.to}T09:00:00Z`);
}

/** The list, used only if the migrations seeded no category (see the report). */
const fallbackCategories: readonly { ar: string; fr: string }[] = [
  { ar: 'الإنارة العمومية', fr: 'Éclairage public' },
  { ar: 'الطرق', fr: 'Voirie' },
  { ar: 'جمع النفايات', fr: 'Collecte des déchets' },
  { ar: 'التطهير السائل وقنوات الصرف الصحي', fr: 'Assainissement et égouts' },
  { ar: 'المساحات الخضراء', fr: 'Espaces verts' },
  { ar: 'الأسواق', fr: 'Marchés' },
  { ar: 'التعمير ورخص البناء', fr: 'Urbanisme et permis de construire' },
  { ar: 'الضجيج', fr: 'Bruit' },
  { ar: 'الحيوانات الضالة', fr: 'Animaux errants' },
  { ar: 'الحالة المدنية', fr: 'État civil' },
  { ar: 'أخرى', fr: 'Autre' },
];

export interface CommuneCategory {
  id: string;
  nameAr: string;
  nameFr: string;
  theme: ComplaintTheme;
  departmentId: string | null;
  defaultAssigneeId: string | null;
}

interface DepartmentStaff {
  head: StaffMember | null;
  clerks: StaffMember[];
  zipf: Zipf;
}

function staffByDepartment(commune: Commune): Map<string, DepartmentStaff> {
  const result = new Map<string, DepartmentStaff>();
  for (const department of commune.departments) {
    const members = commune.staff.filter((m) => m.departmentId === department.id);
    const clerks = members.filter((m) => m.roles.includes('clerk'));
    const head = members.find((m) => m.roles.includes('head')) ?? null;
    const workers = clerks.length > 0 ? clerks : head ? [head] : [];
    result.set(department.id, { head, clerks: workers, zipf: new Zipf(workers.length || 1, 0.9) });
  }
  return result;
}

/**
 * The categories the migrations seeded (read from the database), each routed to its department
 * with a default assignee, as the administrator would do on the categories page.
 */
export function routeCategories(bench: BenchDatabase, commune: Commune): CommuneCategory[] {
  const read = () =>
    bench.db
      .prepare(
        'SELECT id, name_ar, name_fr, department_id, default_assignee_id FROM categories WHERE deleted = 0 ORDER BY position',
      )
      .all() as {
      id: string;
      name_ar: string;
      name_fr: string;
      department_id: string | null;
      default_assignee_id: string | null;
    }[];
  const asAdmin = bench.writerFor(commune.admin.actor);
  const staff = staffByDepartment(commune);
  return bench.transaction(() => {
    if (read().length === 0) {
      fallbackCategories.forEach((name, position) =>
        asAdmin.insert(categoriesTable, {
          name_ar: name.ar,
          name_fr: name.fr,
          department_id: null,
          default_assignee_id: null,
          position,
          active: true,
        }),
      );
    }
    return read().map((row) => {
      const theme = themeOfCategory(row.name_ar, row.name_fr);
      let departmentId = row.department_id;
      let defaultAssigneeId = row.default_assignee_id;
      if (departmentId === null) {
        departmentId = commune.departments[departmentIndexOfTheme[theme]]?.id ?? null;
        defaultAssigneeId =
          (departmentId ? staff.get(departmentId)?.clerks[0]?.id : undefined) ?? null;
        asAdmin.update(categoriesTable, row.id, {
          department_id: departmentId,
          default_assignee_id: defaultAssigneeId,
        });
      }
      return {
        id: row.id,
        nameAr: row.name_ar,
        nameFr: row.name_fr,
        theme,
        departmentId,
        defaultAssigneeId,
      };
    });
  });
}

function hexWord(random: Random): string {
  return Math.floor(random.next() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

/** A UUIDv7 like core's (time first), its random bits drawn from the seeded generator. */
function seededUuidv7(ms: number, random: Random): string {
  const hex = (value: number, digits: number) =>
    Math.floor(value).toString(16).padStart(digits, '0').slice(-digits);
  const time = hex(ms, 12);
  const r = () => random.next() * 0x1_0000_0000;
  const a = r();
  const b = r();
  const c = r();
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-7${hex(a, 3)}-` +
    `${hex(0x8000 | (b & 0x3fff), 4)}-${hex(c, 8)}${hex(r() % 0x10000, 4)}`
  );
}

interface TimelineEvent {
  ms: number;
  type: ComplaintEventType;
  userId: string | null;
  detail: Record<string, string | number | boolean | null> | null;
  body: string | null;
}

/** Lifecycle steps keep their order within a day: received, then routed, assigned, ... */
const stageOf: Partial<Record<ComplaintEventType, number>> = {
  received: 0,
  acknowledged: 1,
  called: 1,
  routed: 2,
  merged_into: 2,
  merged_from: 2,
  assigned: 3,
  reply_drafted: 4,
  reply_returned: 5,
  reply_submitted: 6,
  reply_approved: 7,
  reply_delivered: 8,
  reopened: 8,
  closed: 9,
};

/** Writes the register: plans the cases, then inserts rows, events, replies and attachments. */
class RegisterWriter {
  private readonly random: Random;
  private readonly idRandom: Random;
  private readonly text: TextSource;
  private readonly plans: CasePlans;
  private readonly perCase: Uint16Array;
  private readonly ids: string[];
  private readonly numbers: string[];
  private readonly officialNumbers: (string | null)[];
  private readonly sourcesOf = new Map<number, number[]>();
  private readonly staff: Map<string, DepartmentStaff>;
  private readonly registrars: StaffMember[];
  private readonly registrarZipf: Zipf;
  private readonly nowMs: number;
  private readonly insertComplaint;
  private readonly insertEvent;
  private readonly insertReply;
  private readonly insertAttachment;
  readonly longCases: number[];

  constructor(
    private readonly db: Db,
    private readonly spec: ComplaintDatasetSpec,
    private readonly commune: Commune,
    private readonly categories: CommuneCategory[],
  ) {
    this.random = new Random(spec.seed);
    this.idRandom = new Random(spec.seed + 2);
    this.text = textSource(new Random(spec.seed + 1));
    this.nowMs = datasetNow(spec);
    const themeOfIndex = categories.map((c) => c.theme);
    this.plans = planCases(this.random, {
      count: spec.complaints,
      firstDay: dayOf(Date.parse(`${spec.from}T00:00:00Z`)),
      today: dayOf(this.nowMs),
      themeWeights: themeOfIndex.map((theme) => themeWeights[theme]),
      openThemes: new Set(themeOfIndex.flatMap((theme, i) => (theme === 'other' ? [i] : []))),
      districts: ksarDistricts.length,
    });
    const budget = budgetEvents(
      this.random,
      this.plans,
      spec.events,
      spec.longCases,
      spec.exactlyFifty,
    );
    this.perCase = budget.perCase;
    this.longCases = budget.longCases;
    this.staff = staffByDepartment(commune);
    this.registrars = this.random.shuffled(commune.staff.filter((m) => m.roles.includes('clerk')));
    this.registrarZipf = new Zipf(this.registrars.length, 1.1);

    // Ids and numbers first: a case's timeline names the cases merged into it, written later.
    this.ids = [];
    this.numbers = [];
    this.officialNumbers = [];
    const localSequence = new Map<string, number>();
    const officialSequence = new Map<string, number>();
    for (let i = 0; i < spec.complaints; i++) {
      const receivedMs = this.receivedMs(i);
      this.ids.push(seededUuidv7(receivedMs, this.idRandom));
      const year = isoDay(this.plans.receivedDay[i] ?? 0).slice(0, 4);
      const pc = `PC0${1 + (i % 5 === 0 ? 4 : i % 4)}`;
      const localKey = `${pc}-${year}`;
      const local = (localSequence.get(localKey) ?? 0) + 1;
      localSequence.set(localKey, local);
      this.numbers.push(`${localKey}-${String(local).padStart(5, '0')}`);
      // The server numbers what it has received; the last two days may not have synced yet.
      if ((this.plans.receivedDay[i] ?? 0) < this.plans.today - 1) {
        const official = (officialSequence.get(year) ?? 0) + 1;
        officialSequence.set(year, official);
        this.officialNumbers.push(`${year}/${String(official).padStart(5, '0')}`);
      } else this.officialNumbers.push(null);
      const target = this.plans.mergedInto[i] ?? NEVER;
      if (target !== NEVER) {
        const sources = this.sourcesOf.get(target) ?? [];
        sources.push(i);
        this.sourcesOf.set(target, sources);
      }
    }

    this.insertComplaint = db.prepare(`INSERT INTO complaints (id, local_number, official_number,
      kind, channel, urgent, received_on, citizen_name, citizen_phone, citizen_email,
      citizen_address, citizen_cin, subject, description, district, location, category_id,
      department_id, assignee_id, status, ack_due_on, answer_due_on, acknowledged_on, called_on,
      answered_on, closed_on, resolution, merged_into, created_by, created_at)
      VALUES (${Array.from({ length: 30 }, () => '?').join(', ')})`);
    this.insertEvent = db.prepare(
      'INSERT INTO complaint_events (id, complaint_id, at, user_id, type, detail, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertReply = db.prepare(`INSERT INTO complaint_replies (id, complaint_id, language, body,
      status, drafted_by, reviewed_by, reviewed_at, review_comment, delivery, delivered_on)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertAttachment = db.prepare(`INSERT INTO complaint_attachments (id, complaint_id,
      sha256, file_name, mime_type, size, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  get count(): number {
    return this.plans.count;
  }

  /** Today's online arrivals stop an hour before "now". */
  private receivedMs(i: number): number {
    const ms = (this.plans.receivedDay[i] ?? 0) * DAY_MS + (this.plans.receivedTime[i] ?? 0);
    return Math.min(ms, this.nowMs - 3_600_000);
  }

  /** A staff event on `day`: office hours, in lifecycle order, never before receipt or after now. */
  private at(i: number, day: number, type: ComplaintEventType): number {
    const stage = stageOf[type] ?? 5;
    const office = day * DAY_MS + 7.5 * 3_600_000 + stage * 45 * 60_000;
    const ms = office + this.random.int(0, 40 * 60_000);
    const received = this.receivedMs(i);
    return Math.min(this.nowMs - 60_000, Math.max(ms, received + (stage + 1) * 60_000));
  }

  /** Writes cases [start, end) with their events, replies and attachments. */
  write(start: number, end: number): { events: number; replies: number; attachments: number } {
    let events = 0;
    let replies = 0;
    let attachments = 0;
    for (let i = start; i < end; i++) {
      const written = this.writeCase(i);
      events += written.events;
      replies += written.replies;
      attachments += written.attachments;
    }
    return { events, replies, attachments };
  }

  private writeCase(i: number): { events: number; replies: number; attachments: number } {
    const { plans, random } = this;
    const id = this.ids[i] ?? '';
    const status = statusOf(plans.status[i] ?? 0);
    const categoryIndex = plans.theme[i] ?? 0;
    const category = this.categories[categoryIndex] ?? this.categories[0];
    if (!category) throw new Error('no category');
    const day = plans.receivedDay[i] ?? 0;
    const receivedOn = isoDay(day);
    const district = ksarDistricts[plans.district[i] ?? 0] ?? 'حي السلام';
    const urgent = plans.urgent[i] === 1;

    // The department: the category's, or another a head moved it to; "other" goes anywhere.
    let departmentId: string | null = null;
    if (plans.routedDay[i] !== NEVER) {
      departmentId =
        category.departmentId === null || plans.reassigned[i] === 1 || category.theme === 'other'
          ? random.pick(this.commune.departments).id
          : category.departmentId;
    }
    const team = departmentId ? this.staff.get(departmentId) : undefined;
    const assignee =
      plans.assignedDay[i] !== NEVER && team && team.clerks.length > 0
        ? team.zipf.pick(random, team.clerks)
        : null;
    const head = team?.head ?? null;
    const registrar = this.registrarZipf.pick(random, this.registrars);
    const lead = head ?? registrar;
    const worker = assignee ?? registrar;

    const habits = spellingHabits(random);
    const text = complaintText(this.text, category.theme, district, urgent);
    const citizen = respell(random, citizenName(random), nameHabits(habits));
    const hasReply =
      status === 'awaiting_approval' ||
      status === 'approved' ||
      status === 'answered' ||
      (status === 'closed' && plans.closedWithoutReply[i] === 0);
    const replyId = hasReply ? seededUuidv7(this.receivedMs(i), this.idRandom) : null;
    const targetIndex = plans.mergedInto[i] ?? NEVER;

    const answeredDay = plans.answeredDay[i] ?? NEVER;
    const closedDay = plans.closedDay[i] ?? NEVER;
    const assignedDay = plans.assignedDay[i] ?? NEVER;
    const workStart = assignedDay !== NEVER ? assignedDay : day;
    const lastDay =
      closedDay !== NEVER
        ? closedDay
        : answeredDay !== NEVER
          ? answeredDay
          : targetIndex !== NEVER
            ? (plans.mergedDay[i] ?? day)
            : plans.today;
    // Reply steps: for a pending case somewhere between assignment and today.
    let submittedDay = NEVER;
    let approvedDay = NEVER;
    if (answeredDay !== NEVER && hasReply) {
      submittedDay = Math.max(workStart, answeredDay - random.int(1, 3));
      approvedDay = Math.max(submittedDay, answeredDay - random.int(0, 1));
    } else if (status === 'awaiting_approval' || status === 'approved') {
      submittedDay = random.int(workStart, plans.today);
      if (status === 'approved') approvedDay = random.int(submittedDay, plans.today);
    }

    this.insertComplaint.run(
      id,
      this.numbers[i],
      this.officialNumbers[i],
      complaintKinds[plans.kind[i] ?? 0],
      complaintChannels[plans.channel[i] ?? 0],
      urgent ? 1 : 0,
      receivedOn,
      citizen,
      random.chance(0.85) ? citizenPhone(random) : null,
      random.chance(0.25) ? citizenEmail(random, i) : null,
      random.chance(0.6) ? `${district}، رقم ${random.int(1, 300)}` : null,
      random.chance(0.3) ? citizenCin(random) : null,
      respell(random, text.subject, habits),
      respell(random, text.description, habits),
      district,
      text.location,
      category.id,
      departmentId,
      assignee?.id ?? null,
      status,
      acknowledgementDueOn(receivedOn),
      answerDueOn(receivedOn),
      plans.acknowledgedDay[i] !== NEVER ? isoDay(plans.acknowledgedDay[i] ?? 0) : null,
      plans.calledDay[i] !== NEVER ? isoDay(plans.calledDay[i] ?? 0) : null,
      answeredDay !== NEVER ? isoDay(answeredDay) : null,
      closedDay !== NEVER ? isoDay(closedDay) : null,
      closedDay !== NEVER ? resolutionText(random) : null,
      targetIndex !== NEVER ? (this.ids[targetIndex] ?? null) : null,
      registrar.id,
      new Date(this.receivedMs(i)).toISOString(),
    );

    let replies = 0;
    if (replyId) {
      const language = text.language === 'fr' || random.chance(0.1) ? 'fr' : 'ar';
      const replyStatus =
        status === 'awaiting_approval'
          ? 'submitted'
          : status === 'approved'
            ? 'approved'
            : 'delivered';
      const reviewed = approvedDay !== NEVER;
      this.insertReply.run(
        replyId,
        id,
        language,
        replyText(this.text, language, citizen),
        replyStatus,
        worker.id,
        reviewed ? lead.id : null,
        reviewed ? new Date(this.at(i, approvedDay, 'reply_approved')).toISOString() : null,
        null,
        replyStatus === 'delivered' ? random.pick(['letter', 'letter', 'phone', 'email']) : null,
        replyStatus === 'delivered' ? isoDay(answeredDay) : null,
      );
      replies = 1;
    }

    // The timeline: what the status needs first, then the rest of the lifecycle, then extras.
    const wanted = this.perCase[i] ?? 1;
    const timeline: TimelineEvent[] = [];
    const add = (
      eventDay: number,
      type: ComplaintEventType,
      userId: string | null,
      detail: TimelineEvent['detail'] = null,
      body: string | null = null,
    ): void => {
      if (timeline.length < wanted)
        timeline.push({ ms: this.at(i, eventDay, type), type, userId, detail, body });
    };
    timeline.push({
      ms: this.receivedMs(i),
      type: 'received',
      userId: registrar.id,
      detail: { channel: complaintChannels[plans.channel[i] ?? 0] ?? null },
      body: null,
    });
    const routedDay = plans.routedDay[i] ?? NEVER;
    const routed = () => add(routedDay, 'routed', lead.id, { departmentId });
    const assigned = () => add(assignedDay, 'assigned', lead.id, { assigneeId: worker.id });
    const submitted = () => add(submittedDay, 'reply_submitted', worker.id, { replyId });
    const approved = () => add(approvedDay, 'reply_approved', lead.id, { replyId });
    const delivered = () =>
      add(answeredDay, 'reply_delivered', worker.id, { replyId, method: 'letter' });
    for (const source of this.sourcesOf.get(i) ?? []) {
      add(plans.mergedDay[source] ?? day, 'merged_from', lead.id, {
        complaintId: this.ids[source] ?? null,
        number: this.numbers[source] ?? null,
      });
    }
    switch (status) {
      case 'merged':
        add(plans.mergedDay[i] ?? day, 'merged_into', lead.id, {
          complaintId: this.ids[targetIndex] ?? null,
          number: this.numbers[targetIndex] ?? null,
        });
        break;
      case 'closed':
        if (!plans.closedWithoutReply[i]) delivered();
        add(closedDay, 'closed', lead.id);
        if (routedDay !== NEVER) routed();
        break;
      case 'answered':
        routed();
        assigned();
        approved();
        delivered();
        break;
      case 'approved':
        routed();
        assigned();
        submitted();
        approved();
        break;
      case 'awaiting_approval':
        routed();
        assigned();
        submitted();
        break;
      case 'in_progress':
        routed();
        assigned();
        break;
      case 'routed':
        routed();
        break;
      case 'received':
        break;
    }
    // Optional lifecycle steps, while the budget lasts.
    if (plans.acknowledgedDay[i] !== NEVER)
      add(plans.acknowledgedDay[i] ?? day, 'acknowledged', worker.id, {
        on: isoDay(plans.acknowledgedDay[i] ?? day),
      });
    if (plans.calledDay[i] !== NEVER) add(plans.calledDay[i] ?? day, 'called', worker.id);
    if (status === 'closed' && assignedDay !== NEVER) assigned();
    if (status === 'closed' && hasReply) {
      approved();
      submitted();
    }
    if (status === 'answered') submitted();
    if (submittedDay !== NEVER)
      add(Math.max(workStart, submittedDay - 1), 'reply_drafted', worker.id, { replyId });

    // Extras: notes mostly; calls, scans added, replies returned, a reopening for long stories.
    let attachments = 0;
    while (timeline.length < wanted) {
      const extraDay = random.int(day, Math.max(day, lastDay));
      const roll = random.next();
      if (roll < 0.08 && submittedDay !== NEVER) {
        add(
          random.int(workStart, submittedDay),
          'reply_returned',
          lead.id,
          { replyId },
          noteText(this.text),
        );
      } else if (roll < 0.12 && closedDay !== NEVER && answeredDay !== NEVER) {
        add(random.int(answeredDay, closedDay), 'reopened', lead.id, null, noteText(this.text));
      } else if (roll < 0.2) {
        add(extraDay, 'called', worker.id);
      } else if (roll < 0.27) {
        const attachmentId = seededUuidv7(this.receivedMs(i), this.idRandom);
        const addedAt = this.at(i, extraDay, 'attachment_added');
        const photo = random.chance(0.6);
        this.insertAttachment.run(
          attachmentId,
          id,
          Array.from({ length: 8 }, () => hexWord(this.idRandom)).join(''),
          photo ? `photo-${random.int(1000, 9999)}.jpg` : `scan-${random.int(100, 999)}.pdf`,
          photo ? 'image/jpeg' : 'application/pdf',
          random.int(80_000, 4_000_000),
          worker.id,
          new Date(addedAt).toISOString(),
        );
        attachments += 1;
        add(extraDay, 'attachment_added', worker.id, { attachmentId });
      } else {
        add(extraDay, 'note', random.chance(0.8) ? worker.id : lead.id, null, noteText(this.text));
      }
    }
    timeline.sort((a, b) => a.ms - b.ms);
    for (const event of timeline) {
      this.insertEvent.run(
        seededUuidv7(event.ms, this.idRandom),
        id,
        new Date(event.ms).toISOString(),
        event.userId,
        event.type,
        event.detail ? JSON.stringify(event.detail) : null,
        event.body,
      );
    }
    return { events: timeline.length, replies, attachments };
  }
}

export interface GeneratedRegister {
  commune: Commune;
  categories: CommuneCategory[];
  counts: Record<string, number>;
}

/** Fills `bench` (a fresh BenchDatabase) with the commune and its complaints register. */
export function generateRegister(
  bench: BenchDatabase,
  spec: ComplaintDatasetSpec,
  onProgress?: (done: number, of: number) => void,
): GeneratedRegister {
  const commune = seedCommune(bench, { staff: spec.staff, password: platformPassword });
  const categories = routeCategories(bench, commune);
  if (categories.some((category) => !complaintThemes.includes(category.theme)))
    throw new Error('a category has no theme');
  // The generator runs in a process of its own: a large page cache keeps index inserts in memory.
  bench.db.pragma('cache_size = -1000000');
  const writer = new RegisterWriter(bench.db, spec, commune, categories);
  const batch = 5_000;
  for (let start = 0; start < writer.count; start += batch) {
    const end = Math.min(writer.count, start + batch);
    bench.transaction(() => writer.write(start, end));
    onProgress?.(end, writer.count);
  }
  const counts = {
    complaints: bench.count('complaints'),
    complaint_events: bench.count('complaint_events'),
    complaint_replies: bench.count('complaint_replies'),
    complaint_attachments: bench.count('complaint_attachments'),
    categories: bench.count('categories'),
    users: bench.count('users'),
    departments: bench.count('departments'),
    changes: bench.count('changes'),
  };
  if (counts.complaints !== spec.complaints || counts.complaint_events !== spec.events) {
    throw new Error(`generated ${JSON.stringify(counts)}, expected ${JSON.stringify(spec)}`);
  }
  return { commune, categories, counts };
}

/** Generates (or reuses from bench/results/cache) the complaints dataset; progress on stderr. */
export function complaintDatabase(spec: ComplaintDatasetSpec): GeneratedDatabase {
  return cachedDatabase(`complaints-${spec.complaints}`, { ...spec }, (file) => {
    const from = Date.parse(`${spec.from}T00:00:00Z`);
    const bench = BenchDatabase.create(file, { seed: spec.seed, startAt: from + 8 * 3_600_000 });
    const started = performance.now();
    let reported = 0;
    const { counts } = generateRegister(bench, spec, (done, of) => {
      const percent = Math.floor((done / of) * 10) * 10;
      if (percent > reported || done === of) {
        reported = percent;
        const rate = done / ((performance.now() - started) / 1000);
        process.stderr.write(`  generating complaints: ${done}/${of} (${Math.round(rate)}/s)\n`);
      }
    });
    bench.close();
    return counts;
  });
}

/**
 * The same, in a child process: a benchmark that reports its peak memory must not count the
 * generator's. Returns at once (after the child's start-up) when the file is cached.
 */
export function complaintDatabaseInChild(complaints: number, events: number): GeneratedDatabase {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), String(complaints), String(events)],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`the generator failed (exit ${child.status})`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '') as GeneratedDatabase;
}

if (isEntryPoint(import.meta.url)) {
  const complaints = Number(process.argv[2] ?? 200_000);
  const events = Number(process.argv[3] ?? complaints * 5);
  const generated = complaintDatabase(complaintDataset(complaints, events));
  console.log(JSON.stringify(generated));
}
