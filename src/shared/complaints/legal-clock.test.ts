import { describe, expect, it } from 'vitest';
import {
  acknowledgementDueOn,
  addDays,
  answerDueOn,
  communeToday,
  daysBetween,
  deadlineState,
  nextDeadline,
} from './legal-clock';

describe('legal clocks of decree 2-17-265', () => {
  it('counts 15 and 60 calendar days from receipt, across months and a leap day', () => {
    expect(acknowledgementDueOn('2026-11-20')).toBe('2026-12-05');
    expect(answerDueOn('2026-11-20')).toBe('2027-01-19');
    expect(answerDueOn('2028-01-15')).toBe('2028-03-15');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('counts days left, negative once overdue', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toBe(3);
    expect(daysBetween('2026-11-29', '2026-11-20')).toBe(-9);
  });

  it('marks overdue, at risk within 3 days, on time otherwise', () => {
    expect(deadlineState(-1)).toBe('overdue');
    expect(deadlineState(0)).toBe('at_risk');
    expect(deadlineState(3)).toBe('at_risk');
    expect(deadlineState(4)).toBe('on_time');
  });

  it('puts the acknowledgement first while it is owed, then the answer, then nothing', () => {
    const base = { ackDueOn: '2026-12-05', answerDueOn: '2027-01-19' };
    expect(nextDeadline({ ...base, status: 'received', acknowledgedOn: null })).toEqual({
      on: '2026-12-05',
      kind: 'acknowledgement',
    });
    expect(nextDeadline({ ...base, status: 'in_progress', acknowledgedOn: '2026-11-21' })).toEqual({
      on: '2027-01-19',
      kind: 'answer',
    });
    expect(nextDeadline({ ...base, status: 'answered', acknowledgedOn: null })).toBeNull();
    expect(nextDeadline({ ...base, status: 'merged', acknowledgedOn: null })).toBeNull();
  });

  it("takes today's date in Morocco, not in the PC's zone", () => {
    // 23:30 UTC on 29 November 2025 was already 30 November in Casablanca (UTC+1).
    expect(communeToday(new Date('2025-11-29T23:30:00Z'))).toBe('2025-11-30');
    // Morocco is on UTC since 20 September 2026 (moroccan-time.ts).
    expect(communeToday(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
    expect(communeToday(new Date('2026-11-29T12:00:00Z'))).toBe('2026-11-29');
  });
});
