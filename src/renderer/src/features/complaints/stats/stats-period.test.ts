import { describe, expect, it } from 'vitest';
import { matchingPreset, periodProblems, presetPeriod } from './stats-period';

describe('statistics periods', () => {
  it('end every quick choice today', () => {
    expect(presetPeriod('thisMonth', '2026-11-29')).toEqual({
      from: '2026-11-01',
      to: '2026-11-29',
    });
    expect(presetPeriod('thisYear', '2026-11-29')).toEqual({
      from: '2026-01-01',
      to: '2026-11-29',
    });
    expect(presetPeriod('last12Months', '2026-11-29')).toEqual({
      from: '2025-11-30',
      to: '2026-11-29',
    });
  });

  it('count twelve months back across a month end and a leap day', () => {
    expect(presetPeriod('last12Months', '2026-12-31').from).toBe('2026-01-01');
    expect(presetPeriod('last12Months', '2028-02-29').from).toBe('2027-03-01');
    expect(presetPeriod('last12Months', '2026-01-01').from).toBe('2025-01-02');
  });

  it('recognise the quick choice a period is', () => {
    expect(matchingPreset({ from: '2026-01-01', to: '2026-11-29' }, '2026-11-29')).toBe('thisYear');
    // On the first of January, this year and this month are the same day: the first one wins.
    expect(matchingPreset({ from: '2026-01-01', to: '2026-01-01' }, '2026-01-01')).toBe(
      'thisMonth',
    );
    expect(matchingPreset({ from: '2026-02-01', to: '2026-11-29' }, '2026-11-29')).toBeNull();
  });

  it('name what is wrong with a typed period', () => {
    expect(periodProblems({ from: '2026-01-01', to: '2026-01-01' })).toEqual({});
    expect(periodProblems({ from: '2026-02-01', to: '2026-01-31' })).toEqual({ to: 'before_from' });
    expect(periodProblems({ from: '', to: '2026-01-31' })).toEqual({ from: 'required' });
  });
});
