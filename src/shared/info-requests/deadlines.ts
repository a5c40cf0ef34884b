import type { WorkingCalendar } from '../calendar/working-calendar';
import {
  answerWithinWorkingDays,
  decidedInfoRequestStatuses,
  urgentAnswerWithinWorkingDays,
  type InfoRequestStatus,
} from './info-request-values';

/** Law 31-13, art. 16-17: working days to answer; an urgent request (life, safety, freedom) 3. */
export function answerPeriod(urgent: boolean): number {
  return urgent ? urgentAnswerWithinWorkingDays : answerWithinWorkingDays;
}

/** The answer deadline: the 20th working day after receipt, the 3rd if urgent. */
export function infoRequestDueOn(
  calendar: WorkingCalendar,
  receivedOn: string,
  urgent: boolean,
): string {
  return calendar.addWorkingDays(receivedOn, answerPeriod(urgent));
}

/** The one extension the law allows runs as long again, counted from the first deadline. */
export function extendedInfoRequestDueOn(
  calendar: WorkingCalendar,
  dueOn: string,
  urgent: boolean,
): string {
  return calendar.addWorkingDays(dueOn, answerPeriod(urgent));
}

/** The deadline in force: the extended one once there is one. */
export function effectiveDueOn(request: { dueOn: string; extendedDueOn: string | null }): string {
  return request.extendedDueOn ?? request.dueOn;
}

export function isDecided(status: InfoRequestStatus): boolean {
  return decidedInfoRequestStatuses.includes(status);
}

/** A request as its deadline in force is read from the register's columns. */
export interface DeadlineFacts {
  status: InfoRequestStatus;
  receivedOn: string;
  urgent: boolean;
  /** As stored when the request was registered, or moved since. */
  dueOn: string | null;
  extendedDueOn: string | null;
}

/**
 * The deadline in force on read (DOMAIN.md: a correction of the calendar re-computes open
 * deadlines). An open request's comes from its receipt, urgency and whether it was extended, with
 * the calendar as corrected now, so a day off declared later moves it; a decided request keeps
 * the dates it was decided under (null only if it never had one). The calendar throws a
 * RangeError for a date it cannot read.
 */
export function deadlineInForce(calendar: WorkingCalendar, request: DeadlineFacts): string | null {
  if (isDecided(request.status)) return request.extendedDueOn ?? request.dueOn;
  const dueOn = infoRequestDueOn(calendar, request.receivedOn, request.urgent);
  return request.extendedDueOn === null
    ? dueOn
    : extendedInfoRequestDueOn(calendar, dueOn, request.urgent);
}

/** Still owed an answer and past the deadline in force on `today`. */
export function isOverdue(
  request: { status: InfoRequestStatus; dueOn: string; extendedDueOn: string | null },
  today: string,
): boolean {
  return !isDecided(request.status) && effectiveDueOn(request) < today;
}
