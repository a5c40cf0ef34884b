import type { ComplaintStatus } from './complaint-values';
import { isPending } from './complaint-values';
import { fromDayNumber, toDayNumber } from '../calendar/iso-days';
import { moroccanDate } from '../calendar/moroccan-time';

/**
 * The legal clocks of decree 2-17-265 (DOMAIN.md): acknowledge within 15 days of receipt, answer
 * within 60. Counted in calendar days, from the date of receipt; dates are ISO `YYYY-MM-DD`.
 */
export const acknowledgeWithinDays = 15;
export const answerWithinDays = 60;
/** A case due within this many days stands out in the queue as at risk. */
export const atRiskWithinDays = 3;

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function acknowledgementDueOn(receivedOn: string): string {
  return addDays(receivedOn, acknowledgeWithinDays);
}

export function answerDueOn(receivedOn: string): string {
  return addDays(receivedOn, answerWithinDays);
}

/** The commune's calendar date at an instant: Morocco's civil time, whatever the PC's zone. */
export function communeToday(now: Date): string {
  return moroccanDate(now);
}

export interface ClockInput {
  status: ComplaintStatus;
  acknowledgedOn: string | null;
  ackDueOn: string;
  answerDueOn: string;
}

export type DueKind = 'acknowledgement' | 'answer';

/**
 * The next deadline of a case: the acknowledgement while it is owed and earlier, else the answer;
 * none once answered, closed or merged. Mirrors the `next_due_on` column SQLite computes, which
 * the queue sorts on (0002-create-complaints).
 */
export function nextDeadline(input: ClockInput): { on: string; kind: DueKind } | null {
  if (!isPending(input.status)) return null;
  if (input.acknowledgedOn === null && input.ackDueOn < input.answerDueOn)
    return { on: input.ackDueOn, kind: 'acknowledgement' };
  return { on: input.answerDueOn, kind: 'answer' };
}

export type DeadlineState = 'overdue' | 'at_risk' | 'on_time';

export function deadlineState(daysLeft: number): DeadlineState {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= atRiskWithinDays) return 'at_risk';
  return 'on_time';
}
