/**
 * Morocco's fixed public holidays (DOMAIN.md, Working days and holidays): the same day every year,
 * from the year each was first observed. `key` names the holiday for the screens' translations.
 */
export interface CivilHoliday {
  key: string;
  month: number;
  day: number;
  /** The first year the holiday was observed, when it is a recent one. */
  since?: number;
}

export const civilHolidays: readonly CivilHoliday[] = [
  { key: 'new_year', month: 1, day: 1 },
  { key: 'independence_manifesto', month: 1, day: 11 },
  // Royal decision of 3 May 2023: first observed on 14 January 2024.
  { key: 'amazigh_new_year', month: 1, day: 14, since: 2024 },
  { key: 'labour_day', month: 5, day: 1 },
  { key: 'throne_day', month: 7, day: 30 },
  { key: 'oued_eddahab', month: 8, day: 14 },
  { key: 'revolution_king_and_people', month: 8, day: 20 },
  { key: 'youth_day', month: 8, day: 21 },
  // Aid Al Wahda (law of 2025): first observed on 31 October 2025.
  { key: 'aid_al_wahda', month: 10, day: 31, since: 2025 },
  { key: 'green_march', month: 11, day: 6 },
  { key: 'independence_day', month: 11, day: 18 },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The civil holidays of a year, as ISO dates. */
export function civilHolidaysOf(year: number): { day: string; key: string }[] {
  return civilHolidays
    .filter((holiday) => holiday.since === undefined || year >= holiday.since)
    .map((holiday) => ({
      day: `${year}-${pad(holiday.month)}-${pad(holiday.day)}`,
      key: holiday.key,
    }));
}
