import type { z } from 'zod';
import type { holidayKindSchema } from '../tables/calendar.tables';
import { civilHolidaysOf } from './civil-holidays';
import { fromDayNumber, isWeekend, toDayNumber } from './iso-days';
import { religiousHolidays } from './religious-holidays';

type HolidayKind = z.infer<typeof holidayKindSchema>;

/** One live row of the holidays table: the administrator's correction of the computed calendar. */
export interface HolidayCorrection {
  day: string;
  kind: HolidayKind;
}

export interface Holiday {
  day: string;
  /** The computed holiday's name key; null for a day off only the administrator names. */
  key: string | null;
  source: 'civil' | 'religious' | 'correction';
  /** A religious holiday's date still predicted (not yet corrected by the administrator). */
  predicted: boolean;
}

/**
 * The Moroccan administration's working days (DOMAIN.md, Working days and holidays): Monday to
 * Friday, less the civil holidays, the religious ones (observed or predicted), with the
 * administrator's corrections on top. Deadlines counted in working days (law 31-13) use it.
 */
export interface WorkingCalendar {
  isWorkingDay(isoDate: string): boolean;
  /** The n-th working day after `isoDate` (which itself never counts): a deadline from receipt. */
  addWorkingDays(isoDate: string, n: number): string;
  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`; negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): number;
  /** The holidays from `from` to `to` inclusive, on weekends too, in date order. */
  holidaysBetween(from: string, to: string): Holiday[];
}

/** Longer than any legal deadline or statistics period: a longer run is a date nobody meant. */
const mostDaysScanned = 366 * 30;

const religiousByDay: ReadonlyMap<number, { key: string; predicted: boolean }> = new Map(
  religiousHolidays.flatMap((holiday) => {
    const first = toDayNumber(holiday.firstDay);
    return Array.from({ length: holiday.days }, (_, offset) => [
      first + offset,
      { key: holiday.key, predicted: holiday.predicted },
    ]);
  }),
);

const civilByYear = new Map<number, ReadonlyMap<number, string>>();
function civilByDay(year: number): ReadonlyMap<number, string> {
  let days = civilByYear.get(year);
  if (!days) {
    days = new Map(civilHolidaysOf(year).map((holiday) => [toDayNumber(holiday.day), holiday.key]));
    civilByYear.set(year, days);
  }
  return days;
}

function dayNumberOf(isoDate: string): number {
  const day = toDayNumber(isoDate);
  // Date.parse rolls 2026-02-30 over to March: a date must read back as itself.
  if (!Number.isFinite(day) || fromDayNumber(day) !== isoDate)
    throw new RangeError(`not an ISO date: ${isoDate}`);
  return day;
}

/**
 * The calendar with the holidays table's live rows applied: `religious` and `exceptional` add a
 * day off; `not_a_holiday` takes a computed holiday away (a moon sighted a day later). Whatever
 * order the rows come in, the result is the same.
 */
export function workingCalendar(corrections: readonly HolidayCorrection[] = []): WorkingCalendar {
  const added = new Set<number>();
  const removed = new Set<number>();
  for (const correction of corrections) {
    const day = dayNumberOf(correction.day);
    if (correction.kind === 'not_a_holiday') removed.add(day);
    else added.add(day);
  }

  function holidayOn(day: number): Holiday | null {
    if (!removed.has(day)) {
      const iso = fromDayNumber(day);
      const civil = civilByDay(Number(iso.slice(0, 4))).get(day);
      if (civil !== undefined) return { day: iso, key: civil, source: 'civil', predicted: false };
      const religious = religiousByDay.get(day);
      // A day the administrator confirmed by adding it is no longer a prediction.
      if (religious !== undefined)
        return {
          day: iso,
          ...religious,
          source: 'religious',
          predicted: religious.predicted && !added.has(day),
        };
    }
    return added.has(day)
      ? { day: fromDayNumber(day), key: null, source: 'correction', predicted: false }
      : null;
  }

  const works = (day: number) => !isWeekend(day) && holidayOn(day) === null;

  function countAfter(from: number, to: number): number {
    if (to - from > mostDaysScanned) throw new RangeError('period too long');
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (works(day)) count += 1;
    return count;
  }

  return {
    isWorkingDay: (isoDate) => works(dayNumberOf(isoDate)),
    addWorkingDays(isoDate, n) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a count of days: ${n}`);
      let day = dayNumberOf(isoDate);
      for (let left = n; left > 0;) {
        day += 1;
        if (works(day)) left -= 1;
      }
      return fromDayNumber(day);
    },
    workingDaysBetween(from, to) {
      const start = dayNumberOf(from);
      const end = dayNumberOf(to);
      return end >= start ? countAfter(start, end) : -countAfter(end, start);
    },
    holidaysBetween(from, to) {
      const start = dayNumberOf(from);
      const end = dayNumberOf(to);
      if (end - start > mostDaysScanned) throw new RangeError('period too long');
      const holidays: Holiday[] = [];
      for (let day = start; day <= end; day += 1) {
        const holiday = holidayOn(day);
        if (holiday) holidays.push(holiday);
      }
      return holidays;
    },
  };
}
