import {
  complaintChannels,
  complaintKinds,
  complaintStatuses,
  type ComplaintStatus,
} from '../../src/shared/complaints/complaint-values';
import { acknowledgeWithinDays } from '../../src/shared/complaints/legal-clock';
import { WeightedChoice, type Random } from './random';

/**
 * The life of every generated case, decided before anything is written: when it came in, how long
 * the commune took to acknowledge, route, assign and answer it, and therefore where it stands on
 * the last day of the period. Held in typed arrays (200,000 cases fit in a few MB). A second pass
 * (complaint-data.ts) turns each plan into rows, events and replies.
 */

export const DAY_MS = 86_400_000;
/** No date: the step has not happened (yet). */
export const NEVER = -1;

export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const statusCode = new Map(complaintStatuses.map((status, i) => [status, i]));
export function statusOf(code: number): ComplaintStatus {
  return complaintStatuses[code] ?? 'received';
}

export interface PlanOptions {
  count: number;
  /** Period of receipt, as day numbers (UTC days since the epoch); `today` is its last day. */
  firstDay: number;
  today: number;
  /** Number of themes (categories) and their weights; districts are drawn by a Zipf law. */
  themeWeights: readonly number[];
  /** Themes whose cases are mostly suggestions and observations (the "other" category). */
  openThemes: ReadonlySet<number>;
  districts: number;
  /** Share of cases stuck with nobody answering (they turn overdue). */
  stuckShare?: number;
  urgentShare?: number;
  mergedShare?: number;
}

export interface CasePlans {
  count: number;
  today: number;
  receivedDay: Int32Array;
  /** Milliseconds within the day when the case was registered. */
  receivedTime: Int32Array;
  theme: Uint8Array;
  district: Uint8Array;
  urgent: Uint8Array;
  kind: Uint8Array;
  channel: Uint8Array;
  status: Uint8Array;
  routedDay: Int32Array;
  assignedDay: Int32Array;
  acknowledgedDay: Int32Array;
  calledDay: Int32Array;
  /** The day the reply reached the citizen (answered), NEVER while pending. */
  answeredDay: Int32Array;
  closedDay: Int32Array;
  /** True when a closed case was closed without a reply (a suggestion recorded). */
  closedWithoutReply: Uint8Array;
  /** Index of the case this one was merged into, NEVER when not merged. */
  mergedInto: Int32Array;
  mergedDay: Int32Array;
  /** How many cases were merged into this one. */
  mergedFrom: Uint16Array;
  /** Another department than the category's took the case (reassigned by a head). */
  reassigned: Uint8Array;
}

const channelChoice = new WeightedChoice({
  in_person: 30,
  phone: 12,
  letter: 10,
  email: 8,
  website: 18,
  chikaya: 17,
  social_media: 5,
});
const channelCode = new Map(complaintChannels.map((channel, i) => [channel, i]));
const kindCode = new Map(complaintKinds.map((kind, i) => [kind, i]));

/** Log-normal days with the given median: most cases quick, some very slow. */
function logNormalDays(random: Random, median: number, sigma: number): number {
  const u = Math.max(random.next(), 1e-12);
  const v = random.next();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(0, Math.round(median * Math.exp(sigma * normal)));
}

function themeChoice(weights: readonly number[]): (random: Random) => number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return (random) => {
    let target = random.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] ?? 0;
      if (target < 0) return i;
    }
    return weights.length - 1;
  };
}

export function planCases(random: Random, options: PlanOptions): CasePlans {
  const n = options.count;
  const plans: CasePlans = {
    count: n,
    today: options.today,
    receivedDay: new Int32Array(n),
    receivedTime: new Int32Array(n),
    theme: new Uint8Array(n),
    district: new Uint8Array(n),
    urgent: new Uint8Array(n),
    kind: new Uint8Array(n),
    channel: new Uint8Array(n),
    status: new Uint8Array(n),
    routedDay: new Int32Array(n).fill(NEVER),
    assignedDay: new Int32Array(n).fill(NEVER),
    acknowledgedDay: new Int32Array(n).fill(NEVER),
    calledDay: new Int32Array(n).fill(NEVER),
    answeredDay: new Int32Array(n).fill(NEVER),
    closedDay: new Int32Array(n).fill(NEVER),
    closedWithoutReply: new Uint8Array(n),
    mergedInto: new Int32Array(n).fill(NEVER),
    mergedDay: new Int32Array(n).fill(NEVER),
    mergedFrom: new Uint16Array(n),
    reassigned: new Uint8Array(n),
  };
  const pickTheme = themeChoice(options.themeWeights);
  const today = options.today;
  const span = today - options.firstDay + 1;
  const stuckShare = options.stuckShare ?? 0.004;
  const urgentShare = options.urgentShare ?? 0.04;
  const mergedShare = options.mergedShare ?? 0.012;
  // The last case of each theme and district: a later one about the same thing may be merged in.
  const lastOfPlace = new Map<number, number>();
  const district = (): number => {
    // Zipf-like: a few central districts write most.
    const u = random.next();
    return Math.min(options.districts - 1, Math.floor(options.districts * u * u));
  };

  for (let i = 0; i < n; i++) {
    // Receipts spread evenly over the period, in order: case i+1 never arrives before case i.
    const day = options.firstDay + Math.min(span - 1, Math.floor((i / n) * span));
    const channel = channelChoice.pick(random);
    const online = channel === 'website' || channel === 'chikaya' || channel === 'email';
    // Online channels arrive at any hour; the rest during office hours (08:30-16:30, UTC+1).
    const time = online
      ? random.int(0, DAY_MS - 1)
      : 7.5 * 3_600_000 + random.int(0, 8 * 3_600_000 - 1);
    const theme = pickTheme(random);
    const open = options.openThemes.has(theme);
    const kind = open
      ? random.pick(['suggestion', 'observation', 'complaint'] as const)
      : random.chance(0.86)
        ? 'complaint'
        : random.chance(0.65)
          ? 'observation'
          : 'suggestion';
    const urgent = kind === 'complaint' && random.chance(urgentShare);
    plans.receivedDay[i] = day;
    plans.receivedTime[i] = time;
    plans.theme[i] = theme;
    plans.district[i] = district();
    plans.urgent[i] = urgent ? 1 : 0;
    plans.kind[i] = kindCode.get(kind) ?? 0;
    plans.channel[i] = channelCode.get(channel) ?? 0;

    const place = theme * 256 + (plans.district[i] ?? 0);
    const earlier = lastOfPlace.get(place);
    lastOfPlace.set(place, i);
    const mergeDay = day + random.int(1, 4);
    if (
      earlier !== undefined &&
      day - (plans.receivedDay[earlier] ?? 0) <= 10 &&
      random.chance(mergedShare * 2.5) &&
      mergeDay <= today &&
      (plans.answeredDay[earlier] === NEVER || (plans.answeredDay[earlier] ?? 0) > mergeDay) &&
      plans.mergedInto[earlier] === NEVER
    ) {
      plans.mergedInto[i] = earlier;
      plans.mergedDay[i] = mergeDay;
      plans.mergedFrom[earlier] = (plans.mergedFrom[earlier] ?? 0) + 1;
      plans.status[i] = statusCode.get('merged') ?? 0;
      if (random.chance(0.5)) plans.routedDay[i] = day;
      continue;
    }

    const routeDelay = urgent ? 0 : Math.floor(random.exponential(1.5));
    const assignDelay = urgent ? 0 : Math.floor(random.exponential(1.5));
    const stuck = random.chance(stuckShare);
    const answerAfter = stuck
      ? Number.POSITIVE_INFINITY
      : urgent
        ? logNormalDays(random, 2, 0.6)
        : logNormalDays(random, 16, 0.75);
    const routed = day + routeDelay;
    const assigned = Math.max(routed + assignDelay, routed);
    const answered = day + Math.max(answerAfter, assigned - day + 1);
    // The answer acknowledges by itself when it comes within 15 days; else a letter of receipt.
    let acknowledged: number = NEVER;
    if (answerAfter > acknowledgeWithinDays || random.chance(0.3)) {
      if (!random.chance(0.06)) acknowledged = day + Math.floor(random.exponential(4));
    }
    if (urgent) plans.calledDay[i] = day + (random.chance(0.85) ? 0 : 1);
    if (acknowledged !== NEVER && acknowledged <= today && acknowledged < answered)
      plans.acknowledgedDay[i] = acknowledged;
    if ((plans.calledDay[i] ?? NEVER) > today) plans.calledDay[i] = NEVER;
    if (routed <= today) plans.routedDay[i] = routed;
    if (assigned <= today) plans.assignedDay[i] = assigned;

    // A suggestion is often recorded and closed by a head without a letter.
    const closesWithoutReply = kind === 'suggestion' && random.chance(0.4);
    if (closesWithoutReply && answered <= today) {
      plans.closedDay[i] = answered;
      plans.closedWithoutReply[i] = 1;
      plans.status[i] = statusCode.get('closed') ?? 0;
      continue;
    }
    if (answered <= today) {
      plans.answeredDay[i] = answered;
      const closed = answered + Math.floor(random.exponential(4));
      const closes = random.chance(0.78) && closed <= today;
      if (closes) plans.closedDay[i] = closed;
      plans.status[i] = statusCode.get(closes ? 'closed' : 'answered') ?? 0;
      if (random.chance(0.05)) plans.reassigned[i] = 1;
      continue;
    }
    // Still pending today: how far along depends on how much of its answer time has passed.
    let status: ComplaintStatus;
    if (plans.routedDay[i] === NEVER) status = 'received';
    else if (plans.assignedDay[i] === NEVER) status = 'routed';
    else {
      const progress = stuck
        ? random.next() * 0.8
        : (today - assigned) / Math.max(1, answered - assigned);
      status = progress < 0.75 ? 'in_progress' : progress < 0.92 ? 'awaiting_approval' : 'approved';
    }
    plans.status[i] = statusCode.get(status) ?? 0;
    if (random.chance(0.05)) plans.reassigned[i] = 1;
  }
  return plans;
}

/**
 * The events that explain where a case stands (without them the timeline would contradict the
 * status): received, and what its status needs. Every other lifecycle event is optional.
 */
export function requiredEvents(plans: CasePlans, i: number): number {
  const status = statusOf(plans.status[i] ?? 0);
  const mergedFrom = plans.mergedFrom[i] ?? 0;
  const routed = plans.routedDay[i] !== NEVER ? 1 : 0;
  switch (status) {
    case 'received':
      return 1 + mergedFrom;
    case 'routed':
      return 2 + mergedFrom;
    case 'in_progress':
      return 3 + mergedFrom;
    case 'awaiting_approval':
      return 4 + mergedFrom;
    case 'approved':
      return 5 + mergedFrom;
    case 'answered':
      return 5 + mergedFrom;
    case 'closed':
      return (plans.closedWithoutReply[i] ? 2 : 3 + routed) + mergedFrom;
    case 'merged':
      return 2;
  }
}

export interface EventBudget {
  /** Events per case; sums to exactly the requested total. */
  perCase: Uint16Array;
  /** Cases with a long timeline (50 events and more), the first ones with exactly 50. */
  longCases: number[];
}

/**
 * Spreads `total` events over the cases: each gets the events its status needs, a few hundred old
 * cases get 50 to 160 (the long tail: disputes, returned replies, reopenings), and the rest of the
 * budget goes out with a heavy-tailed (Pareto) weight, so most cases get a handful and some dozens.
 */
export function budgetEvents(
  random: Random,
  plans: CasePlans,
  total: number,
  longCaseCount: number,
  exactlyFifty: number,
): EventBudget {
  const n = plans.count;
  const perCase = new Uint16Array(n);
  let required = 0;
  for (let i = 0; i < n; i++) {
    perCase[i] = requiredEvents(plans, i);
    required += perCase[i] ?? 0;
  }
  if (required > total) throw new Error(`${total} events cannot hold the ${required} required`);
  // Long cases: old enough to have a long story, and not merged away.
  const longCases: number[] = [];
  const chosen = new Set<number>();
  const eligible = (i: number) =>
    plans.mergedInto[i] === NEVER &&
    statusOf(plans.status[i] ?? 0) !== 'received' &&
    plans.today - (plans.receivedDay[i] ?? 0) > 45;
  for (let attempts = 0; longCases.length < longCaseCount && attempts < longCaseCount * 50;) {
    attempts++;
    const i = random.int(0, n - 1);
    if (chosen.has(i) || !eligible(i)) continue;
    chosen.add(i);
    longCases.push(i);
  }
  let extra = total - required;
  longCases.forEach((i, rank) => {
    const target = rank < exactlyFifty ? 50 : Math.floor(50 + random.exponential(25));
    const wanted = Math.min(160, Math.max(target, perCase[i] ?? 0)) - (perCase[i] ?? 0);
    const given = Math.min(wanted, extra);
    perCase[i] = (perCase[i] ?? 0) + given;
    extra -= given;
  });
  // Pareto weights (alpha 1.5) for the others, capped so only long cases pass 40 events.
  const weights = new Float64Array(n);
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    if (chosen.has(i) || plans.mergedInto[i] !== NEVER) continue;
    const w = Math.min(30, Math.pow(1 - random.next(), -1 / 1.5) - 1);
    weights[i] = w;
    weightSum += w;
  }
  const cap = 40;
  if (weightSum > 0) {
    const budget = extra;
    for (let i = 0; i < n && extra > 0; i++) {
      const share = Math.floor((budget * (weights[i] ?? 0)) / weightSum);
      const given = Math.min(share, extra, Math.max(0, cap - (perCase[i] ?? 0)));
      perCase[i] = (perCase[i] ?? 0) + given;
      extra -= given;
    }
  }
  // What rounding left: one more event to random cases with room.
  for (let guard = 0; extra > 0 && guard < total * 4; guard++) {
    const i = random.int(0, n - 1);
    if (chosen.has(i) || plans.mergedInto[i] !== NEVER || (perCase[i] ?? 0) >= cap) continue;
    perCase[i] = (perCase[i] ?? 0) + 1;
    extra -= 1;
  }
  if (extra > 0) throw new Error(`could not place ${extra} events`);
  return { perCase, longCases };
}
