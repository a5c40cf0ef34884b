/**
 * A few months of a commune's complaints desk, played through core's dispatcher as the staff
 * would: the first administrator sets up departments, accounts and category routing; clerks
 * register complaints (varied spellings, districts, channels, urgent ones), acknowledge them, call
 * citizens, add notes, draft replies from the templates; heads route, assign, return or approve
 * replies, merge duplicates, close and reopen. Every write goes through the mutation path, so the
 * change log, the audit log and each case's timeline are the real ones. `npm run seed:demo`
 * (scripts/seed-demo.ts) runs it into the harness's data folder.
 *
 * Time is simulated: core's wall clock walks from the first day to now, office hours on weekdays,
 * so dates, deadlines and timelines look lived-in.
 */
import { Core } from '../../src/core/core';
import type { InputOf, OutputOf } from '../../src/shared/api/contract';
import type { ProcedureName } from '../../src/shared/api/procedure-names';
import type { CategoryRow } from '../../src/shared/api/procedures/complaints.procedures';
import type { ComplaintChannel, ComplaintKind } from '../../src/shared/complaints/complaint-values';
import { fillTemplate } from '../../src/shared/complaints/reply-template';
import type { Role } from '../../src/shared/roles';
import { SimulatedClock } from './bench-database';
import {
  citizenCin,
  citizenName,
  citizenPhone,
  complaintText,
  departmentIndexOfTheme,
  ksarDistricts,
  nameHabits,
  noteText,
  respell,
  resolutionText,
  spellingHabits,
  textSource,
  themeOfCategory,
  themeWeights,
  type ComplaintTheme,
  type TextSource,
} from './complaint-text';
import { Random, WeightedChoice } from './random';
import { communeDepartments } from './text';

const DAY_MS = 86_400_000;
/** Office hours start at 08:30 in Ksar El Kebir (UTC+1). */
const OFFICE_OPENS_MS = 7.5 * 3_600_000;
/** Each stage of a working day starts this long after the previous one. */
const STAGE_MS = 75 * 60_000;

/**
 * The order of a working day: the front desk registers and routes, heads assign, clerks work
 * (acknowledge, call, note, draft), heads review (approve, return, merge, close, reopen), then
 * clerks give the approved answers and close.
 */
const Stage = { register: 0, route: 1, assign: 2, work: 3, review: 4, answer: 5 } as const;

export const demoAdminPassword = 'Qasr-Kbir-Demo-2026';
export const demoStaffPassword = 'Lixus-Demo-2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Index in `demoDepartments`, or null. */
  department: number | null;
  password: string;
}

/** The commune's departments, plus the front desk where most complaints are registered. */
const demoDepartments: readonly { ar: string; fr: string }[] = [
  ...communeDepartments,
  { ar: 'مكتب الضبط والشكايات', fr: "Bureau d'ordre et des réclamations" },
];
const frontDesk = demoDepartments.length - 1;

const account = (
  username: string,
  displayName: string,
  roles: Role[],
  department: number | null,
): DemoAccount => ({
  username,
  displayName,
  roles,
  department,
  password: roles.includes('admin') ? demoAdminPassword : demoStaffPassword,
});

/** Departments 0 to 6 (communeDepartments) have a head and clerks; the front desk registers. */
export const demoAccounts: readonly DemoAccount[] = [
  account('admin', 'سعاد الإدريسي', ['admin'], null),
  account('director', 'عبد السلام الوزاني', ['director'], null),
  account('accueil.khadija', 'خديجة البقالي', ['clerk'], frontDesk),
  account('accueil.youssef', 'يوسف المرابط', ['clerk'], frontDesk),
  account('rachid.amrani', 'رشيد العمراني', ['head'], 3),
  account('nadia.chaouni', 'نادية الشاوني', ['clerk'], 3),
  account('anas.senhaji', 'أنس الصنهاجي', ['clerk'], 3),
  account('hassan.benali', 'حسن بنعلي', ['head'], 2),
  account('meryem.taheri', 'مريم الطاهري', ['clerk'], 2),
  account('karim.hamdouni', 'كريم الحمدوني', ['clerk'], 2),
  account('latifa.raissouni', 'لطيفة الريسوني', ['head'], 4),
  account('othmane.kettani', 'عثمان الكتاني', ['clerk'], 4),
  account('salma.fassi', 'سلمى الفاسي', ['clerk'], 4),
  account('driss.benjelloun', 'إدريس بنجلون', ['head'], 0),
  account('hind.khamlichi', 'هند الخمليشي', ['clerk'], 0),
  account('mustapha.ghazaoui', 'مصطفى الغزاوي', ['head'], 5),
  account('zineb.zakkari', 'زينب الزكاري', ['clerk'], 5),
  account('abderrahim.soussi', 'عبد الرحيم السوسي', ['head'], 1),
  account('ikram.akbouch', 'إكرام أقبوش', ['clerk'], 1),
  account('naima.elalami', 'نعيمة العلمي', ['head'], 6),
  account('adil.idrissi', 'عادل الإدريسي', ['clerk'], 6),
];

/** The reasoned part of an answer (decree 2-17-265), per theme, for the template's blank line. */
const answerReasons: Record<ComplaintTheme, string> = {
  lighting:
    'عاينت المصالح التقنية شبكة الإنارة العمومية بالمكان المشار إليه، وتم تعويض المصابيح المعطلة وإصلاح العمود المتضرر.',
  roads:
    'انتقلت مصلحة الطرق والأشغال إلى عين المكان، وتمت برمجة إصلاح الحفرة ضمن أشغال الصيانة الجارية بالحي.',
  waste:
    'تمت مراسلة الشركة المفوض لها تدبير قطاع النظافة، وتم تنظيف المكان وإضافة حاويات جديدة وتعديل وقت مرور الشاحنة.',
  sewers: 'تدخلت مصالح التطهير السائل وتم تسريح القنوات المسدودة وتعويض غطاء البالوعة.',
  green:
    'تمت إضافة المساحة المشار إليها إلى برنامج صيانة المساحات الخضراء، وسيتم التشجير خلال الموسم المقبل.',
  markets:
    'قامت لجنة مختلطة بتحرير الملك العمومي بالمكان المذكور، وسيتم تنظيم الباعة في فضاء مخصص لهم.',
  urbanism:
    'انتقلت لجنة المراقبة إلى عين المكان وحررت محضر مخالفة في حق المعني بالأمر، وأحيل الملف على السلطة المختصة.',
  noise:
    'تم إشعار صاحب المحل بضرورة احترام أوقات راحة الساكنة، وأحيل الموضوع على السلطة المحلية لتتبعه.',
  animals: 'تدخلت المصالح المختصة لجمع الكلاب الضالة بالحي بتنسيق مع المكتب الجماعي لحفظ الصحة.',
  civil_status: 'تمت معالجة طلبكم من طرف مكتب الحالة المدنية، والوثيقة جاهزة للسحب من الشباك.',
  other: 'تمت دراسة اقتراحكم من طرف المصالح المعنية، وسيعرض على أنظار المجلس في دورته المقبلة.',
};
const frenchReason =
  'Les services compétents se sont rendus sur place et le problème signalé a été traité.';

const returnComments: readonly string[] = [
  'المرجو تعليل الجواب بشكل أوضح وذكر تاريخ التدخل.',
  'يجب ذكر رقم الشكاية وتاريخ التوصل بها.',
  'Merci de préciser la date de l’intervention.',
];
const reopenReasons: readonly string[] = [
  'اتصل المواطن وأكد أن المشكل عاد من جديد.',
  'الإصلاح لم يكن كافيا حسب معاينة ثانية.',
];

/** A 1×1 PNG, so some cases carry a "photo" through the real upload path. */
const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const channels = new WeightedChoice<ComplaintChannel>({
  in_person: 35,
  phone: 12,
  letter: 10,
  email: 8,
  website: 17,
  chikaya: 14,
  social_media: 4,
});

/** Where a case ends up when the seed stops (the chain of steps may be cut earlier by time). */
type Fate =
  | 'received'
  | 'routed'
  | 'in_progress'
  | 'awaiting_approval'
  | 'approved'
  | 'answered'
  | 'closed'
  | 'closed_without_reply'
  | 'reopened'
  | 'returned_then_approved';

interface DemoCase {
  index: number;
  theme: ComplaintTheme;
  category: CategoryRow;
  district: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  urgent: boolean;
  receivedDay: number;
  /** Filled as steps run. */
  id: string | null;
  localNumber: string | null;
  replyId: string | null;
  department: number | null;
  assignee: string | null;
  cut: boolean;
  french: boolean;
  subject: string;
  citizen: string;
}

/** One action of one person on one day; `stage` orders a day (register, route, work, review). */
interface Step {
  day: number;
  stage: number;
  actor: string;
  seq: number;
  caseIndex: number | null;
  /** Answers or closes the case: it is no longer pending afterwards. */
  endsPending: boolean;
  run: () => void;
}

export interface DemoSeedOptions {
  complaints?: number;
  /** How far back the register goes. */
  days?: number;
  seed?: number;
  /** Real "now": the simulated clock never passes it. */
  now?: number;
  onProgress?: (message: string) => void;
}

export interface DemoSeedResult {
  accounts: (DemoAccount & { id: string })[];
  complaintIds: string[];
  byStatus: Record<string, number>;
  signIns: number;
}

class DemoOffice {
  readonly core: Core;
  private signedIn: string | null = null;
  private lastCallMs = 0;
  signIns = 0;

  constructor(
    dataDir: string,
    readonly clock: SimulatedClock,
    private readonly passwords: Map<string, string>,
  ) {
    this.core = new Core({ dataDir, wallClock: clock.now });
  }

  /** Calls as `actor`, signing in again after a user change or a pause (the screen would lock). */
  call<N extends ProcedureName>(actor: string, name: N, input: InputOf<N>): OutputOf<N> {
    if (this.signedIn !== actor || this.clock.ms - this.lastCallMs > 8 * 60_000) {
      const password = this.passwords.get(actor);
      if (!password) throw new Error(`no password for ${actor}`);
      this.raw('session:signIn', { username: actor, password });
      this.signedIn = actor;
      this.signIns += 1;
    }
    const value = this.raw(name, input);
    this.lastCallMs = this.clock.ms;
    return value;
  }

  raw<N extends ProcedureName>(name: N, input: InputOf<N>): OutputOf<N> {
    const result = this.core.dispatch(name, input);
    if (!result.ok) {
      throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
    }
    return result.value as OutputOf<N>;
  }
}

const isWeekend = (day: number) => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};
const workday = (day: number) => {
  let next = day;
  while (isWeekend(next)) next += 1;
  return next;
};
const isoDay = (day: number) => new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);

/** What a citizen types as a phone number: plain, spaced, international or in Eastern digits. */
function typedPhone(random: Random): string {
  const phone = citizenPhone(random);
  const roll = random.next();
  if (roll < 0.1) return phone.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)] ?? d);
  if (roll < 0.3) return phone.replace(/(\d{2})(?=\d)/g, '$1 ');
  if (roll < 0.4) return `+212 ${phone.slice(1)}`;
  return phone;
}

/** Categories without a default assignee: their head hands each case out. */
const waitsForAssignment = (theme: ComplaintTheme) => theme === 'green' || theme === 'markets';

function pickFate(random: Random, age: number, theme: ComplaintTheme, kind: ComplaintKind): Fate {
  if (theme === 'other' && age <= 4 && random.chance(0.6)) return 'received';
  if (waitsForAssignment(theme) && age <= 6 && random.chance(0.6)) return 'routed';
  if (kind === 'suggestion' && age > 10 && random.chance(0.4)) return 'closed_without_reply';
  const choice = (weights: Partial<Record<Fate, number>>) =>
    new WeightedChoice(weights as Record<Fate, number>).pick(random);
  if (age <= 3) return choice({ in_progress: 80, awaiting_approval: 20 });
  if (age <= 14)
    return choice({
      in_progress: 45,
      awaiting_approval: 20,
      approved: 10,
      answered: 20,
      closed: 5,
    });
  if (age <= 60)
    return choice({
      in_progress: 14,
      awaiting_approval: 8,
      approved: 5,
      answered: 30,
      closed: 33,
      returned_then_approved: 6,
      reopened: 4,
    });
  return choice({
    in_progress: 6,
    answered: 25,
    closed: 57,
    returned_then_approved: 6,
    reopened: 6,
  });
}

/** Plays the demo register into `dataDir` (an empty folder or one holding an empty database). */
export function seedDemoRegister(dataDir: string, options: DemoSeedOptions = {}): DemoSeedResult {
  const random = new Random(options.seed ?? 2026);
  const text: TextSource = textSource(new Random((options.seed ?? 2026) + 1));
  const realNow = options.now ?? Date.now();
  const today = Math.floor(realNow / DAY_MS);
  // Cases are counted back from the last working day, so a weekend run still has new ones.
  let lastWorkday = today;
  while (isWeekend(lastWorkday)) lastWorkday -= 1;
  const days = options.days ?? 150;
  const firstDay = workday(today - days);
  const clock = new SimulatedClock(firstDay * DAY_MS + OFFICE_OPENS_MS);
  const passwords = new Map(demoAccounts.map((a) => [a.username, a.password]));
  const office = new DemoOffice(dataDir, clock, passwords);
  const log = options.onProgress ?? (() => undefined);
  try {
    // --- The first morning: the administrator sets the commune up. ---
    const status = office.raw('session:status', {});
    if (!status.setupRequired) throw new Error('the database already has users');
    const [admin, ...staff] = demoAccounts;
    if (!admin) throw new Error('no administrator');
    const adminId = office.raw('session:createFirstAdmin', {
      username: admin.username,
      displayName: admin.displayName,
      password: admin.password,
      language: 'ar',
    }).id;
    const ids = new Map<string, string>([[admin.username, adminId]]);
    const departmentIds = demoDepartments.map(
      (name) => office.raw('departments:create', { nameAr: name.ar, nameFr: name.fr }).id,
    );
    for (const member of staff) {
      const created = office.raw('users:create', {
        username: member.username,
        displayName: member.displayName,
        password: member.password,
        roles: member.roles,
        departmentId:
          member.department === null ? null : (departmentIds[member.department] ?? null),
        language: 'ar',
      });
      ids.set(member.username, created.id);
    }
    const clerksOf = (department: number) =>
      demoAccounts.filter((a) => a.department === department && a.roles.includes('clerk'));
    const headOf = (department: number) =>
      demoAccounts.find((a) => a.department === department && a.roles.includes('head'));
    // Routing: each theme to its department with a default clerk; green spaces and markets wait
    // for their head to assign; "other" waits at the front desk to be routed by hand.
    const categories = office.raw('categories:list', {}).map((category) => {
      const theme = themeOfCategory(category.nameAr, category.nameFr);
      const department = theme === 'other' ? null : departmentIndexOfTheme[theme];
      const clerk =
        department === null || waitsForAssignment(theme) ? null : clerksOf(department)[0];
      return {
        theme,
        row: office.raw('categories:update', {
          id: category.id,
          nameAr: category.nameAr,
          nameFr: category.nameFr,
          departmentId: department === null ? null : (departmentIds[department] ?? null),
          defaultAssigneeId: clerk ? (ids.get(clerk.username) ?? null) : null,
          position: category.position,
          active: category.active,
        }),
      };
    });
    const templates = office.raw('replyTemplates:list', {});
    log(`set up: ${departmentIds.length} departments, ${demoAccounts.length} accounts`);

    // --- The cases and the steps of each, on working days. ---
    const count = options.complaints ?? 300;
    const themeChoice = new WeightedChoice(
      Object.fromEntries(categories.map((c, i) => [String(i), themeWeights[c.theme]])),
    );
    const frontDeskClerks = clerksOf(frontDesk).map((a) => a.username);
    const staffedDepartments = [0, 1, 2, 3, 4, 5, 6];
    const steps: Step[] = [];
    const cases: DemoCase[] = [];
    let seq = 0;
    // A step past today is not planned; the steps after it in a case's story fall later still.
    const step = (
      c: DemoCase,
      day: number,
      stage: number,
      actor: string,
      run: () => void,
      endsPending = false,
    ) => {
      const on = workday(day);
      if (on <= today)
        steps.push({ day: on, stage, actor, seq: seq++, caseIndex: c.index, endsPending, run });
    };

    for (let index = 0; index < count; index++) {
      const categoryIndex = Number(themeChoice.pick(random));
      const category = categories[categoryIndex];
      if (!category) throw new Error('no category');
      const age = Math.floor(days * Math.pow(random.next(), 1.4));
      const receivedDay = lastWorkday - age;
      const kind: ComplaintKind =
        category.theme === 'other'
          ? random.pick(['suggestion', 'observation', 'complaint'] as const)
          : random.chance(0.85)
            ? 'complaint'
            : random.chance(0.6)
              ? 'observation'
              : 'suggestion';
      const urgent = kind === 'complaint' && random.chance(0.08);
      const district = ksarDistricts[Math.floor(ksarDistricts.length * random.next() ** 2)] ?? '';
      const words = complaintText(text, category.theme, district, urgent, false);
      const habits = spellingHabits(random);
      const c: DemoCase = {
        index,
        theme: category.theme,
        category: category.row,
        district,
        kind,
        channel: channels.pick(random),
        urgent,
        receivedDay,
        id: null,
        localNumber: null,
        replyId: null,
        department: category.theme === 'other' ? null : departmentIndexOfTheme[category.theme],
        assignee: null,
        cut: false,
        french: words.language === 'fr',
        subject: respell(random, words.subject, habits),
        citizen: respell(random, citizenName(random), nameHabits(habits)),
      };
      cases.push(c);
      const fate = pickFate(random, age, c.theme, kind);
      const defaultClerk =
        c.department !== null && !waitsForAssignment(c.theme)
          ? clerksOf(c.department)[0]
          : undefined;
      c.assignee = defaultClerk?.username ?? null;
      const registrar =
        random.chance(0.75) || c.department === null
          ? random.pick(frontDeskClerks)
          : (clerksOf(c.department)[0]?.username ?? random.pick(frontDeskClerks));
      const withEmail = random.chance(0.25);
      const intake: InputOf<'complaints:create'> = {
        kind,
        channel: c.channel,
        urgent,
        receivedOn: isoDay(receivedDay),
        citizenName: c.citizen,
        citizenPhone: random.chance(0.85) ? typedPhone(random) : null,
        citizenEmail: withEmail ? `citoyen.${index}@example.ma` : null,
        citizenAddress: random.chance(0.5) ? `${district}، رقم ${random.int(1, 250)}` : null,
        citizenCin: random.chance(0.25) ? citizenCin(random) : null,
        subject: c.subject,
        description: respell(random, words.description, habits),
        district,
        location: words.location,
        categoryId: c.category.id,
        attachments: random.chance(0.06)
          ? [{ fileName: 'photo.png', mimeType: 'image/png', dataBase64: tinyPng }]
          : [],
      };
      const caseId = () => {
        if (!c.id) throw new Error('the case was not registered');
        return c.id;
      };
      let day = receivedDay;
      step(c, day, Stage.register, registrar, () => {
        const created = office.call(registrar, 'complaints:create', intake);
        c.id = created.id;
        c.localNumber = created.localNumber;
      });
      if (fate === 'received') continue;

      // Routing by hand: the front desk sends "other" to a department, whose head assigns it.
      if (c.department === null) {
        const department = random.pick(staffedDepartments);
        day += random.int(0, 1);
        step(c, day, Stage.route, registrar, () =>
          office.call(registrar, 'cases:route', {
            ids: [caseId()],
            departmentId: departmentIds[department] ?? '',
          }),
        );
        c.department = department;
      }
      const department = c.department;
      const head = headOf(department)?.username ?? 'director';
      if (c.assignee === null || random.chance(0.15)) {
        if (fate === 'routed') continue;
        const clerks = clerksOf(department);
        const chosen = random.pick(clerks.length > 0 ? clerks : demoAccounts.slice(1, 2));
        day += random.int(0, 2);
        step(c, day, Stage.assign, head, () =>
          office.call(head, 'cases:assign', {
            ids: [caseId()],
            assigneeId: ids.get(chosen.username) ?? '',
          }),
        );
        c.assignee = chosen.username;
      }
      const worker = c.assignee ?? registrar;

      // Urgent: someone calls the citizen the same day (the newest may still wait for a call).
      if (urgent && (age > 1 || random.chance(0.5)))
        step(c, receivedDay, Stage.work, worker, () =>
          office.call(worker, 'cases:markCalled', {
            id: caseId(),
            note: 'تم الاتصال بالمواطن وإخباره بأن فرقة التدخل في الطريق.',
          }),
        );
      // The answer comes after about two weeks (log-normal), never before the case is two days old.
      const answerAfter = Math.max(2, Math.round(14 * Math.exp(0.6 * (random.next() * 2 - 1))));
      let replyDay = Math.min(today, day + Math.min(answerAfter, Math.max(1, age - 2)));
      // A suggestion recorded without a letter is closed by the head after a few days.
      const closedWithoutReplyDay = day + random.int(3, 10);
      const pendingUntil = fate === 'closed_without_reply' ? closedWithoutReplyDay : replyDay;
      // A letter of receipt, unless given at the counter; some are forgotten (then overdue).
      const ackDay = workday(receivedDay + random.int(1, 6));
      if (c.channel !== 'in_person' && random.chance(0.75) && ackDay < workday(pendingUntil)) {
        step(c, ackDay, Stage.work, worker, () =>
          office.call(worker, 'cases:acknowledge', { id: caseId(), on: isoDay(ackDay) }),
        );
      }
      const notes = random.int(0, 3);
      for (let n = 0; n < notes; n++) {
        const author = random.chance(0.8) ? worker : head;
        step(c, day + random.int(1, Math.max(1, Math.min(age, 20))), Stage.work, author, () =>
          office.call(author, 'cases:addNote', { id: caseId(), body: noteText(text, false) }),
        );
      }
      if (fate === 'in_progress' || fate === 'routed') continue;
      if (fate === 'closed_without_reply') {
        step(
          c,
          closedWithoutReplyDay,
          Stage.review,
          head,
          () =>
            office.call(head, 'cases:close', { id: caseId(), resolution: resolutionText(random) }),
          true,
        );
        continue;
      }

      // The reply: drafted from a template, submitted, reviewed by the head, given, closed.
      const draft = () => replyBody(c, templates, text.random, isoDay(clock.ms / DAY_MS));
      step(c, replyDay, Stage.work, worker, () => {
        c.replyId = office.call(worker, 'cases:saveReply', {
          id: caseId(),
          language: c.french ? 'fr' : 'ar',
          body: draft(),
        }).replyId;
        office.call(worker, 'cases:submitReply', { replyId: c.replyId });
      });
      const replyId = () => {
        if (!c.replyId) throw new Error('no reply');
        return c.replyId;
      };
      if (fate === 'awaiting_approval') continue;
      if (fate === 'returned_then_approved') {
        step(c, replyDay + 1, Stage.review, head, () =>
          office.call(head, 'cases:reviewReply', {
            replyId: replyId(),
            decision: 'return',
            comment: random.pick(returnComments),
          }),
        );
        replyDay = workday(replyDay + 1) + 1;
        step(c, replyDay, Stage.work, worker, () => {
          office.call(worker, 'cases:saveReply', {
            id: caseId(),
            replyId: replyId(),
            language: c.french ? 'fr' : 'ar',
            body: `${draft()}\n`,
          });
          office.call(worker, 'cases:submitReply', { replyId: replyId() });
        });
      }
      const approveDay = replyDay + random.int(0, 2);
      const approver = random.chance(0.9) ? head : 'director';
      step(c, approveDay, Stage.review, approver, () =>
        office.call(approver, 'cases:reviewReply', { replyId: replyId(), decision: 'approve' }),
      );
      if (fate === 'approved') continue;
      const deliverDay = workday(approveDay) + random.int(0, 2);
      const method = withEmail && random.chance(0.5) ? 'email' : random.pick(['letter', 'phone']);
      step(
        c,
        deliverDay,
        Stage.answer,
        worker,
        () =>
          office.call(worker, 'cases:deliverReply', {
            replyId: replyId(),
            method: method as 'letter' | 'phone' | 'email',
            on: isoDay(clock.ms / DAY_MS),
          }),
        true,
      );
      if (fate === 'answered') continue;
      const closeDay = workday(deliverDay) + random.int(1, 4);
      step(
        c,
        closeDay,
        Stage.answer,
        worker,
        () =>
          office.call(worker, 'cases:close', { id: caseId(), resolution: resolutionText(random) }),
        true,
      );
      if (fate === 'reopened')
        step(c, closeDay + random.int(2, 8), Stage.review, head, () =>
          office.call(head, 'cases:reopen', { id: caseId(), reason: random.pick(reopenReasons) }),
        );
    }

    // Duplicates: a neighbour reports the same thing; the head merges it into the first case.
    const duplicates = Math.max(1, Math.round(count / 30));
    for (let n = 0; n < duplicates; n++) {
      const target = cases[random.int(0, cases.length - 1)];
      if (!target || target.kind !== 'complaint') continue;
      const dupDay = workday(target.receivedDay + random.int(1, 3));
      const head = headOf(target.department ?? 0)?.username ?? 'director';
      // Merged while the first case is surely pending: the next working day at the latest.
      if (dupDay + 1 > today || !firstStepsPendingUntil(steps, target.index, dupDay + 1)) continue;
      const registrar = random.pick(frontDeskClerks);
      const duplicateIndex = cases.length;
      const duplicate: DemoCase = {
        ...target,
        index: duplicateIndex,
        id: null,
        cut: false,
        citizen: citizenName(random),
      };
      cases.push(duplicate);
      const habits = spellingHabits(random);
      step(duplicate, dupDay, Stage.register, registrar, () => {
        const created = office.call(registrar, 'complaints:create', {
          kind: 'complaint',
          channel: 'phone',
          urgent: false,
          receivedOn: isoDay(dupDay),
          citizenName: duplicate.citizen,
          citizenPhone: citizenPhone(random),
          citizenEmail: null,
          citizenAddress: null,
          citizenCin: null,
          subject: respell(random, target.subject, habits),
          description: respell(
            random,
            `${target.subject}. نفس المشكل الذي اشتكى منه الجيران، ما زال قائما إلى اليوم.`,
            habits,
          ),
          district: target.district,
          location: null,
          categoryId: target.category.id,
          attachments: [],
        });
        duplicate.id = created.id;
      });
      step(duplicate, dupDay + 1, Stage.review, head, () => {
        if (!target.id || !duplicate.id) return;
        office.call(head, 'cases:merge', { targetId: target.id, sourceIds: [duplicate.id] });
      });
    }

    // --- Play the steps in order: day, stage, person (fewer sign-ins), then as planned. ---
    steps.sort(
      (a, b) =>
        a.day - b.day || a.stage - b.stage || a.actor.localeCompare(b.actor) || a.seq - b.seq,
    );
    const limit = realNow - 60_000;
    let done = 0;
    for (const s of steps) {
      const c = s.caseIndex === null ? null : (cases[s.caseIndex] ?? null);
      if (c?.cut) continue;
      const target = s.day * DAY_MS + OFFICE_OPENS_MS + s.stage * STAGE_MS;
      const at = Math.max(clock.ms + random.int(20_000, 150_000), target);
      // Nothing happens after the real now: the rest of that case's story is still to come.
      if (at > limit) {
        if (c) c.cut = true;
        continue;
      }
      clock.set(at);
      s.run();
      done += 1;
      if (done % 200 === 0) log(`  ${done}/${steps.length} actions`);
    }
    const db = office.core.database();
    const byStatus = Object.fromEntries(
      (
        db.prepare('SELECT status, count(*) AS n FROM complaints GROUP BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((row) => [row.status, row.n]),
    );
    const complaintIds = (db.prepare('SELECT id FROM complaints').all() as { id: string }[]).map(
      (row) => row.id,
    );
    return {
      accounts: demoAccounts.map((a) => ({ ...a, id: ids.get(a.username) ?? '' })),
      complaintIds,
      byStatus,
      signIns: office.signIns,
    };
  } finally {
    office.core.close();
  }
}

/** True when nothing answers or closes the case on or before `day`. */
function firstStepsPendingUntil(steps: readonly Step[], caseIndex: number, day: number): boolean {
  return steps.every((s) => s.caseIndex !== caseIndex || !s.endsPending || s.day > day);
}

/** The template's answer for the case's category (or the general one), filled and reasoned. */
function replyBody(
  c: DemoCase,
  templates: readonly {
    categoryId: string | null;
    language: string;
    title: string;
    body: string;
  }[],
  random: Random,
  today: string,
): string {
  const language = c.french ? 'fr' : 'ar';
  const ofLanguage = templates.filter((t) => t.language === language);
  const general = ofLanguage.filter((t) => t.categoryId === null && !/إشعار|Accusé/.test(t.title));
  const template =
    ofLanguage.find((t) => t.categoryId === c.category.id) ?? random.pick(general) ?? null;
  const reason = c.french ? frenchReason : answerReasons[c.theme];
  if (!template) return reason;
  return fillTemplate(template.body, {
    citizen_name: c.citizen,
    number: c.localNumber ?? '',
    received_on: isoDay(c.receivedDay),
    subject: c.subject,
    today,
  }).replace(/\[[^\]\n]+\]/g, reason);
}
