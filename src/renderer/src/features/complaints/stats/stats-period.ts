import { addDays } from '../../../../../shared/complaints/legal-clock';

/** A period of the register, by date of receipt, both ends included (ISO dates). */
export interface StatsPeriod {
  from: string;
  to: string;
}

export const periodPresets = ['thisMonth', 'thisYear', 'last12Months'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The quick choices, each ending today (the commune's date). */
export function presetPeriod(preset: PeriodPreset, today: string): StatsPeriod {
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  switch (preset) {
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'last12Months': {
      // The day after the same date a year ago (29 February falls back to the 28th).
      const sameDay = Math.min(day, daysInMonth(year - 1, month));
      const yearAgo = `${year - 1}-${String(month).padStart(2, '0')}-${String(sameDay).padStart(2, '0')}`;
      return { from: addDays(yearAgo, 1), to: today };
    }
  }
}

/** The quick choice a period matches, if any, so its button shows as selected. */
export function matchingPreset(period: StatsPeriod, today: string): PeriodPreset | null {
  return (
    periodPresets.find((preset) => {
      const candidate = presetPeriod(preset, today);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a period typed in the date fields (a validation.json key), per field. */
export function periodProblems(period: StatsPeriod): { from?: string; to?: string } {
  const problems: { from?: string; to?: string } = {};
  if (!isoDate.test(period.from)) problems.from = 'required';
  if (!isoDate.test(period.to)) problems.to = 'required';
  else if (!problems.from && period.to < period.from) problems.to = 'before_from';
  return problems;
}
