import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDay } from './dates';

describe('formatDate', () => {
  it('uses the Moroccan month names and Western digits in Arabic', () => {
    const text = formatDate(new Date(2023, 10, 3), 'ar');
    expect(text).toContain('نونبر');
    expect(text).toContain('2023');
    expect(text).not.toMatch(/[٠-٩]/);
    expect(formatDate(new Date(2024, 6, 30), 'ar')).toContain('يوليوز');
    expect(formatDate(new Date(2024, 7, 14), 'ar')).toContain('غشت');
  });

  it('uses French month names in French', () => {
    expect(formatDate(new Date(2024, 1, 15), 'fr')).toContain('février');
  });
});

describe('formatDay', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('shows the register day itself on a PC west of Greenwich', () => {
    process.env.TZ = 'America/New_York';
    expect(formatDay('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(formatDay('2026-01-01', 'ar')).toContain('2026');
    expect(formatDay('2026-01-01', 'ar')).toContain('يناير');
  });

  it('takes a pattern, and leaves what is not a day as it is', () => {
    expect(formatDay('2026-03-02', 'fr', 'EEEE d MMMM yyyy')).toBe('lundi 2 mars 2026');
    expect(formatDay('2026-03', 'fr')).toBe('2026-03');
  });
});
