import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/working-calendar';
import {
  answerPeriod,
  deadlineInForce,
  effectiveDueOn,
  extendedInfoRequestDueOn,
  infoRequestDueOn,
  isOverdue,
} from './deadlines';

const calendar = workingCalendar();

describe('deadlines of an access-to-information request (law 31-13, art. 16-17)', () => {
  it('gives 20 working days from receipt, 3 when urgent', () => {
    expect(answerPeriod(false)).toBe(20);
    expect(answerPeriod(true)).toBe(3);
    // Tuesday 10 March 2026: Aid al-Fitr (predicted 20-21 March) and four weekends in between.
    expect(infoRequestDueOn(calendar, '2026-03-10', false)).toBe('2026-04-08');
    expect(infoRequestDueOn(calendar, '2026-03-10', true)).toBe('2026-03-13');
    // Received on a Saturday: the count starts on Monday.
    expect(infoRequestDueOn(calendar, '2026-03-14', true)).toBe('2026-03-18');
  });

  it('extends once by as long again, from the first deadline', () => {
    expect(extendedInfoRequestDueOn(calendar, '2026-04-08', false)).toBe('2026-05-07');
    expect(extendedInfoRequestDueOn(calendar, '2026-03-13', true)).toBe('2026-03-18');
    expect(effectiveDueOn({ dueOn: '2026-04-08', extendedDueOn: null })).toBe('2026-04-08');
    expect(effectiveDueOn({ dueOn: '2026-04-08', extendedDueOn: '2026-05-07' })).toBe('2026-05-07');
  });

  it('moves with a correction of the holidays', () => {
    // Aid al-Fitr was not on Friday 20 March: the deadline comes a working day sooner.
    const corrected = workingCalendar([{ day: '2026-03-20', kind: 'not_a_holiday' }]);
    expect(infoRequestDueOn(corrected, '2026-03-10', false)).toBe('2026-04-07');
  });

  it('is overdue only while still owed and after the deadline in force', () => {
    const request = { status: 'in_progress' as const, dueOn: '2026-04-08', extendedDueOn: null };
    expect(isOverdue(request, '2026-04-08')).toBe(false);
    expect(isOverdue(request, '2026-04-09')).toBe(true);
    expect(isOverdue({ ...request, extendedDueOn: '2026-05-07' }, '2026-04-09')).toBe(false);
    expect(isOverdue({ ...request, status: 'refused' }, '2026-06-01')).toBe(false);
    expect(isOverdue({ ...request, status: 'received' }, '2026-06-01')).toBe(true);
  });

  it('re-computes the deadline in force of an open request with the calendar as corrected now', () => {
    // Registered on Tuesday 10 March 2026, due 8 April; Thursday 12 March declared off since.
    const dayOff = workingCalendar([{ day: '2026-03-12', kind: 'exceptional' }]);
    const open = {
      status: 'received' as const,
      receivedOn: '2026-03-10',
      urgent: false,
      dueOn: '2026-04-08',
      extendedDueOn: null,
    };
    expect(deadlineInForce(calendar, open)).toBe('2026-04-08');
    expect(deadlineInForce(dayOff, open)).toBe('2026-04-09');
    expect(deadlineInForce(dayOff, { ...open, status: 'in_progress' })).toBe('2026-04-09');
    // A stale stored date does not count: the receipt and the calendar decide.
    expect(deadlineInForce(dayOff, { ...open, dueOn: '2026-03-01' })).toBe('2026-04-09');
    // Urgent: three working days, the day off skipped.
    expect(deadlineInForce(dayOff, { ...open, urgent: true, dueOn: '2026-03-13' })).toBe(
      '2026-03-16',
    );
    // Extended: as long again from the first deadline, both as the calendar stands now.
    const extended = { ...open, extendedDueOn: '2026-05-07' };
    expect(deadlineInForce(calendar, extended)).toBe('2026-05-07');
    expect(deadlineInForce(dayOff, extended)).toBe(
      extendedInfoRequestDueOn(dayOff, '2026-04-09', false),
    );
    expect(deadlineInForce(dayOff, extended)).not.toBe('2026-05-07');
  });

  it('keeps the stored deadline of a decided request, whatever the calendar says now', () => {
    const dayOff = workingCalendar([{ day: '2026-03-12', kind: 'exceptional' }]);
    const decided = {
      receivedOn: '2026-03-10',
      urgent: false,
      dueOn: '2026-04-08',
      extendedDueOn: null,
    };
    for (const status of ['answered', 'partially_answered', 'refused', 'withdrawn'] as const)
      expect(deadlineInForce(dayOff, { ...decided, status }), status).toBe('2026-04-08');
    expect(
      deadlineInForce(dayOff, { ...decided, status: 'answered', extendedDueOn: '2026-05-07' }),
    ).toBe('2026-05-07');
    expect(deadlineInForce(dayOff, { ...decided, status: 'refused', dueOn: null })).toBeNull();
  });
});
