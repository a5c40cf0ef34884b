import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilHolidays } from './civil-holidays';
import { fromDayNumber, toDayNumber, weekdayOf } from './iso-days';
import { religiousHolidays, religiousHolidayYears } from './religious-holidays';
import { workingCalendar, type HolidayCorrection } from './working-calendar';

const calendar = workingCalendar();

describe('the Moroccan working-day calendar', () => {
  it('works Monday to Friday', () => {
    expect(weekdayOf(toDayNumber('2026-03-14'))).toBe(6);
    expect(calendar.isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-03-16')).toBe(true); // Monday
    // Friday + 1 is Monday; the day itself never counts, a Saturday receipt starts on Monday.
    expect(calendar.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    expect(calendar.addWorkingDays('2026-03-14', 1)).toBe('2026-03-16');
    expect(calendar.addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('keeps the civil holidays, each from the year it was first observed', () => {
    expect(calendar.isWorkingDay('2026-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-06')).toBe(false);
    expect(calendar.isWorkingDay('2026-11-18')).toBe(false);
    // Amazigh new year from 2024: 14 Jan 2022 (a Friday) was worked, 14 Jan 2026 (a Wednesday) not.
    expect(calendar.isWorkingDay('2022-01-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-14')).toBe(false);
    // Aid Al Wahda from 2025.
    expect(calendar.isWorkingDay('2024-10-31')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-31')).toBe(false);
    expect(civilHolidays).toHaveLength(11);
    expect(
      calendar.holidaysBetween('2025-01-01', '2025-12-31').filter((h) => h.source === 'civil'),
    ).toHaveLength(11);
    expect(
      calendar.holidaysBetween('2023-01-01', '2023-12-31').filter((h) => h.source === 'civil'),
    ).toHaveLength(9);
  });

  it('keeps the religious holidays, two days for each Aid and the Mawlid', () => {
    // Aid al-Fitr 2024 as observed in Morocco: Wednesday 10 and Thursday 11 April.
    expect(calendar.isWorkingDay('2024-04-09')).toBe(true);
    expect(calendar.isWorkingDay('2024-04-10')).toBe(false);
    expect(calendar.isWorkingDay('2024-04-11')).toBe(false);
    expect(calendar.isWorkingDay('2024-04-12')).toBe(true);
    // 1 Muharram: one day.
    expect(calendar.isWorkingDay('2024-07-08')).toBe(false);
    expect(calendar.isWorkingDay('2024-07-09')).toBe(true);
    const in2027 = calendar.holidaysBetween('2027-01-01', '2027-12-31');
    expect(in2027.filter((h) => h.source === 'religious').map((h) => h.key)).toEqual([
      'aid_al_fitr',
      'aid_al_fitr',
      'aid_al_adha',
      'aid_al_adha',
      'hijri_new_year',
      // The Mawlid's first day is predicted on 14 August, a civil holiday already (no day given back).
      'mawlid',
    ]);
    expect(in2027.find((h) => h.day === '2027-08-14')?.key).toBe('oued_eddahab');
    // Every year of the predictions has its seven days, and nothing is marked observed after 2025.
    for (let year = religiousHolidayYears.first; year <= religiousHolidayYears.last; year += 1) {
      const days = religiousHolidays.filter((h) => h.firstDay.startsWith(String(year)));
      expect(
        days.reduce((sum, h) => sum + h.days, 0),
        String(year),
      ).toBe(7);
      expect(
        days.every((h) => h.predicted === year > 2025),
        String(year),
      ).toBe(true);
    }
  });

  it('counts over a holiday that runs into a weekend', () => {
    // Mawlid 2025: Friday 5 and Saturday 6 September; Thursday + 1 is the Monday after.
    expect(calendar.addWorkingDays('2025-09-04', 1)).toBe('2025-09-08');
    // Aid al-Fitr 2026 (predicted Friday 20 and Saturday 21 March).
    expect(calendar.addWorkingDays('2026-03-19', 1)).toBe('2026-03-23');
    expect(calendar.workingDaysBetween('2026-03-19', '2026-03-23')).toBe(1);
  });

  it('counts across a year boundary, over 1 January and the Amazigh new year', () => {
    expect(calendar.addWorkingDays('2025-12-26', 3)).toBe('2025-12-31');
    expect(calendar.addWorkingDays('2025-12-26', 5)).toBe('2026-01-05');
    // 20 working days: 1 Jan and 14 Jan (a Wednesday) are off; 11 Jan 2026 is a Sunday.
    expect(calendar.addWorkingDays('2025-12-24', 20)).toBe('2026-01-23');
    expect(calendar.workingDaysBetween('2025-12-24', '2026-01-23')).toBe(20);
    expect(calendar.workingDaysBetween('2026-01-23', '2025-12-24')).toBe(-20);
    expect(calendar.workingDaysBetween('2026-01-23', '2026-01-23')).toBe(0);
  });

  it("applies the administrator's corrections on top, in any order", () => {
    // The moon was sighted a day later: Aid al-Fitr on Saturday 21 and Sunday 22 March 2026, and
    // Monday 23 given as an exceptional day off.
    const corrections: HolidayCorrection[] = [
      { day: '2026-03-20', kind: 'not_a_holiday' },
      { day: '2026-03-22', kind: 'religious' },
      { day: '2026-03-23', kind: 'exceptional' },
    ];
    for (const order of [corrections, [...corrections].reverse()]) {
      const corrected = workingCalendar(order);
      expect(corrected.isWorkingDay('2026-03-20')).toBe(true);
      expect(corrected.isWorkingDay('2026-03-23')).toBe(false);
      expect(corrected.addWorkingDays('2026-03-19', 1)).toBe('2026-03-20');
      expect(corrected.addWorkingDays('2026-03-19', 2)).toBe('2026-03-24');
      expect(corrected.holidaysBetween('2026-03-20', '2026-03-23')).toEqual([
        { day: '2026-03-21', key: 'aid_al_fitr', source: 'religious', predicted: true },
        { day: '2026-03-22', key: null, source: 'correction', predicted: false },
        { day: '2026-03-23', key: null, source: 'correction', predicted: false },
      ]);
    }
    // An added day that is a holiday already changes nothing; the computed one keeps its name.
    const twice = workingCalendar([{ day: '2026-01-01', kind: 'exceptional' }]);
    expect(twice.holidaysBetween('2026-01-01', '2026-01-01')).toEqual([
      { day: '2026-01-01', key: 'new_year', source: 'civil', predicted: false },
    ]);
    // Confirming a predicted day keeps its name and drops the doubt.
    const confirmed = workingCalendar([{ day: '2026-05-27', kind: 'religious' }]);
    expect(confirmed.holidaysBetween('2026-05-27', '2026-05-28')).toEqual([
      { day: '2026-05-27', key: 'aid_al_adha', source: 'religious', predicted: false },
      { day: '2026-05-28', key: 'aid_al_adha', source: 'religious', predicted: true },
    ]);
    expect(calendar.holidaysBetween('2024-04-10', '2024-04-10')[0]?.predicted).toBe(false);
    // A weekend stays a weekend whatever a correction says.
    expect(
      workingCalendar([{ day: '2026-03-14', kind: 'not_a_holiday' }]).isWorkingDay('2026-03-14'),
    ).toBe(false);
    // The computed calendar itself is untouched by another calendar's corrections.
    expect(calendar.isWorkingDay('2026-03-20')).toBe(false);
  });

  it('refuses dates that are not dates and counts that are not counts', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('10/03/2026')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-10', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-10', 1.5)).toThrow(RangeError);
    expect(() => workingCalendar([{ day: 'tomorrow', kind: 'exceptional' }])).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('1900-01-01', '2026-01-01')).toThrow(RangeError);
  });

  it('counts back what it added, and lands on working days only', () => {
    const corrected = workingCalendar([
      { day: '2027-03-09', kind: 'not_a_holiday' },
      { day: '2027-03-11', kind: 'religious' },
    ]);
    const first = toDayNumber('2023-12-01');
    const last = toDayNumber('2031-01-31');
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        (day, n, withCorrections) => {
          const cal = withCorrections ? corrected : calendar;
          const from = fromDayNumber(day);
          const due = cal.addWorkingDays(from, n);
          expect(cal.workingDaysBetween(from, due)).toBe(n);
          if (n > 0) {
            expect(cal.isWorkingDay(due)).toBe(true);
            // The day before the deadline is one working day short.
            expect(cal.workingDaysBetween(from, fromDayNumber(toDayNumber(due) - 1))).toBe(n - 1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
