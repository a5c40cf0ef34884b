import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

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
