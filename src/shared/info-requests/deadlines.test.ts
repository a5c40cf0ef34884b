import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/working-calendar';
import {
  answerPeriod,
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
});
