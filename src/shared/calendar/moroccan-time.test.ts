import { describe, expect, it } from 'vitest';
import { moroccanDate, moroccanOffsetHours } from './moroccan-time';

const at = (iso: string) => new Date(iso);

describe("Morocco's civil date", () => {
  it('is UTC since 20 September 2026, whatever the runtime’s time zone data says', () => {
    // Node 20's data still said UTC+1 here: the next day from 23:00.
    expect(moroccanDate(at('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
    expect(moroccanDate(at('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
    expect(moroccanDate(at('2027-06-30T23:59:59Z'))).toBe('2027-06-30');
    expect(moroccanOffsetHours(at('2026-09-20T01:00:00Z'))).toBe(0);
  });

  it('was UTC+1 until then, an hour back during Ramadan', () => {
    expect(moroccanOffsetHours(at('2026-09-20T00:59:59Z'))).toBe(1);
    expect(moroccanDate(at('2026-09-19T23:30:00Z'))).toBe('2026-09-20');
    expect(moroccanDate(at('2025-11-29T23:30:00Z'))).toBe('2025-11-30');
    // Ramadan 1447: 15 February to 22 March 2026.
    expect(moroccanDate(at('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
    expect(moroccanDate(at('2026-03-22T23:30:00Z'))).toBe('2026-03-23');
    expect(moroccanDate(at('2024-03-10T01:59:59Z'))).toBe('2024-03-10');
  });

  it('follows the runtime’s data before its own table starts', () => {
    expect(moroccanOffsetHours(at('2017-08-01T12:00:00Z'))).toBeNull();
    // Summer time in 2017 (UTC+1), after Ramadan.
    expect(moroccanDate(at('2017-08-01T23:30:00Z'))).toBe('2017-08-02');
    expect(moroccanDate(at('2017-12-01T23:30:00Z'))).toBe('2017-12-01');
  });
});
