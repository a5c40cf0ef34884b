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

/** Still owed an answer and past the deadline in force on `today`. */
export function isOverdue(
  request: { status: InfoRequestStatus; dueOn: string; extendedDueOn: string | null },
  today: string,
): boolean {
  return !isDecided(request.status) && effectiveDueOn(request) < today;
}
