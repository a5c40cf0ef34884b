import { describe, expect, it } from 'vitest';
import { formatCount, formatDays, formatShare } from './stats-numbers';

describe('statistics numbers', () => {
  it('use Western digits in Arabic too', () => {
    for (const text of [
      formatCount(93463, 'ar'),
      formatDays(43.75, 'ar'),
      formatShare(0.755, 'ar'),
    ]) {
      expect(text).toMatch(/\d/);
      expect(text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    }
  });

  it('round days and shares to a tenth', () => {
    expect(formatDays(43.75, 'fr')).toBe('43,8');
    expect(formatDays(45, 'fr')).toBe('45');
    expect(formatShare(0.75, 'fr')).toMatch(/^75\s?%$/);
    expect(formatShare(2 / 3, 'ar')).toContain('66,7');
  });
});
