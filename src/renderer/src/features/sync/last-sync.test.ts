import { describe, expect, it } from 'vitest';
import { lastSyncText, percentOf } from './last-sync';

describe('lastSyncText', () => {
  const now = new Date(2026, 2, 5, 16, 0);

  it('gives only the hour for a sync today', () => {
    expect(lastSyncText(new Date(2026, 2, 5, 9, 7).toISOString(), now, 'fr')).toBe('09:07');
  });

  it('adds the day, then the year, as the sync gets older', () => {
    expect(lastSyncText(new Date(2026, 2, 4, 18, 30).toISOString(), now, 'fr')).toBe(
      '4 mars 18:30',
    );
    expect(lastSyncText(new Date(2025, 11, 31, 8, 0).toISOString(), now, 'ar')).toBe(
      '31 دجنبر 2025 08:00',
    );
  });
});

describe('percentOf', () => {
  it('rounds and bounds a share of work', () => {
    expect(percentOf(0.424)).toBe(42);
    expect(percentOf(1.2)).toBe(100);
    expect(percentOf(-0.1)).toBe(0);
  });
});
