import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { deadlineInForce, isDecided } from '../../shared/info-requests/deadlines';
import {
  infoRequestStatusSchema,
  refusalGrounds,
  refusalGroundSchema,
  type InfoRequestStatus,
  type RefusalGround,
} from '../../shared/info-requests/info-request-values';
import type { PublicStatistics } from '../../shared/public-api';
import { deletedColumn } from '../../shared/sync/stored-values';
import { infoRequestsTable } from '../../shared/tables/info-requests.tables';
import type { ServerDb } from '../db/server-db';
import { cellsByRow, textCell, type RowCells } from '../sync/row-cells';

export interface StatisticsRange {
  from: string;
  to: string;
}

/** The period asked for; by default the current year up to today (the portal's own view). */
export function statisticsRange(
  query: { from?: string; to?: string },
  today: string,
): StatisticsRange {
  // A period starting after today, given alone, is that one day (nothing received yet).
  const to = query.to ?? (query.from !== undefined && query.from > today ? query.from : today);
  return { from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** Only these cells are read: states, dates and grounds, never a name or a text. */
const statisticsColumns = [
  'status',
  'urgent',
  'received_on',
  'due_on',
  'extended_due_on',
  'answered_on',
  'refusal_ground',
  deletedColumn,
];

type Cells = RowCells;

async function requestsReceivedIn(db: ServerDb, range: StatisticsRange): Promise<Cells[]> {
  // Cells hold JSON text: a quoted ISO date compares as the date does, byte by byte.
  const rows = await db.query<{ row_id: string; col: string; value: string }>(
    `SELECT c.row_id, c.col, c.value
     FROM cells r JOIN cells c ON c.tbl = r.tbl AND c.row_id = r.row_id
     WHERE r.tbl = $1 AND r.col = 'received_on'
       AND r.value COLLATE "C" BETWEEN $2 AND $3
       AND c.col = ANY($4::text[])`,
    [
      infoRequestsTable.name,
      JSON.stringify(range.from),
      JSON.stringify(range.to),
      statisticsColumns,
    ],
  );
  return [...cellsByRow(rows).values()].filter((cells) => cells.get(deletedColumn) !== 1);
}

/**
 * An open request's deadline in force, with the calendar as corrected now (a correction moves it,
 * DOMAIN.md); the stored one if its receipt is unknown or the calendar cannot read its dates.
 */
function openDeadline(
  calendar: WorkingCalendar,
  status: InfoRequestStatus,
  cells: Cells,
): string | null {
  const receivedOn = textCell(cells, 'received_on');
  const dueOn = textCell(cells, 'due_on');
  const extendedDueOn = textCell(cells, 'extended_due_on');
  if (receivedOn === null) return extendedDueOn ?? dueOn;
  try {
    const urgent = cells.get('urgent') === 1;
    return deadlineInForce(calendar, { status, receivedOn, urgent, dueOn, extendedDueOn });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return extendedDueOn ?? dueOn;
  }
}

/**
 * The register's figures for requests received in a period, as the national portal publishes
 * them (DOMAIN.md): received, decided by kind (refusals by ground), withdrawn, pending and pending
 * past the deadline in force as of `today`, and the average response time in working days of the
 * requests answered or refused. Counts and dates only: nothing about any requester.
 */
export async function infoRequestStatistics(
  db: ServerDb,
  calendar: WorkingCalendar,
  range: StatisticsRange,
  today: string,
): Promise<PublicStatistics> {
  const requests = await requestsReceivedIn(db, range);
  const refusedByGround = Object.fromEntries(refusalGrounds.map((ground) => [ground, 0])) as Record<
    RefusalGround,
    number
  >;
  const figures = {
    answered: 0,
    partiallyAnswered: 0,
    refused: 0,
    withdrawn: 0,
    pending: 0,
    pendingPastDeadline: 0,
  };
  const responseDays: number[] = [];

  for (const cells of requests) {
    const parsed = infoRequestStatusSchema.safeParse(cells.get('status'));
    const status = parsed.success ? parsed.data : 'received';
    const receivedOn = textCell(cells, 'received_on') ?? range.from;
    if (!isDecided(status)) {
      figures.pending += 1;
      const dueOn = openDeadline(calendar, status, cells);
      if (dueOn !== null && dueOn < today) figures.pendingPastDeadline += 1;
      continue;
    }
    if (status === 'withdrawn') {
      figures.withdrawn += 1;
      continue;
    }
    if (status === 'answered') figures.answered += 1;
    else if (status === 'partially_answered') figures.partiallyAnswered += 1;
    else {
      figures.refused += 1;
      const ground = refusalGroundSchema.safeParse(cells.get('refusal_ground'));
      if (ground.success) refusedByGround[ground.data] += 1;
    }
    const answeredOn = textCell(cells, 'answered_on');
    if (answeredOn === null || answeredOn < receivedOn) continue;
    try {
      responseDays.push(calendar.workingDaysBetween(receivedOn, answeredOn));
    } catch {
      // A decision dated decades after receipt is a typo, not a response time.
    }
  }

  const average =
    responseDays.length === 0
      ? null
      : Math.round((responseDays.reduce((sum, days) => sum + days, 0) / responseDays.length) * 10) /
        10;
  return {
    ...range,
    asOf: today,
    received: requests.length,
    ...figures,
    refusedByGround,
    averageResponseWorkingDays: average,
  };
}

/**
 * The last answers for a few seconds, per period and day: the website's pages all ask for the
 * same figures, and they change only when a request moves. Per server instance.
 */
export class BriefCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly mostEntries: number,
  ) {}

  get(key: string, nowMs: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > nowMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, nowMs: number): void {
    if (this.entries.size >= this.mostEntries) this.entries.clear();
    this.entries.set(key, { value, until: nowMs + this.ttlMs });
  }
}
