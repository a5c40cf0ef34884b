import { addDays, answerWithinDays } from '../../shared/complaints/legal-clock';
import {
  closeRefusalWithTies,
  mergeSourceRefusal,
  reopenRefusal,
  resumedStatus,
} from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import type { HandlerContext } from '../handler-context';
import { appendCaseEvent, todayOf, workerOf, type EventDetail } from './case-context';
import {
  caseNumber,
  factsOf,
  refuseIf,
  replyUnderWay,
  requireCase,
  requireCases,
  tiesOf,
  type CaseRecord,
} from './cases.repo';

/** Closed with a resolution, which the timeline shows as the closing line's text. */
export function closeCase(ctx: HandlerContext, id: string, resolution: string): null {
  const record = requireCase(ctx.db, id);
  refuseIf(closeRefusalWithTies(workerOf(ctx), factsOf(record), tiesOf(ctx.db, record)), record);
  ctx.write.update(complaintsTable, record.id, {
    status: 'closed',
    closed_on: todayOf(ctx),
    resolution,
  });
  appendCaseEvent(ctx, record.id, 'closed', null, resolution);
  return null;
}

/**
 * Decree 2-17-265: a closed complaint can be reopened. The case goes back to whoever held it (or
 * to the head, when its reply is still with them or approved), its answer and closing are cleared
 * (the timeline keeps both), and the call owed on an urgent case is owed again.
 *
 * The answer clock: a case that had been answered gets a fresh one, 60 days from the day it is
 * reopened. The decree sets no rule for reopened cases; counting from the original receipt would
 * make almost every reopened case overdue on the spot, leaving the department no time to answer the
 * new question. A case closed without an answer keeps its original clock: its citizen is still
 * owed that first answer, and reopening must not hide that it is late. The acknowledgement stays
 * as it was either way (the citizen was already told, or is still owed it).
 */
export function reopenCase(ctx: HandlerContext, id: string, reason: string): null {
  const record = requireCase(ctx.db, id);
  const facts = factsOf(record);
  refuseIf(reopenRefusal(workerOf(ctx), facts), record);
  ctx.write.update(complaintsTable, record.id, {
    status: resumedStatus(facts, replyUnderWay(ctx.db, record.id)),
    answered_on: null,
    closed_on: null,
    // Owed again on an urgent case; written only when set (a director may not write it).
    ...(record.called_on !== null ? { called_on: null } : {}),
    // The old resolution answered the closed case; the reopened one has none yet.
    resolution: null,
    answer_due_on:
      record.answered_on !== null ? addDays(todayOf(ctx), answerWithinDays) : record.answer_due_on,
  });
  appendCaseEvent(ctx, record.id, 'reopened', null, reason);
  return null;
}

type Clock = Pick<CaseRecord, 'ack_due_on' | 'answer_due_on' | 'acknowledged_on'>;

const earlier = (a: string, b: string) => (b < a ? b : a);

/**
 * The target's clock once a source joins. A merged case's own clock stops, so the target must run
 * on the oldest one, or the citizen of the oldest case would wait longer than the decree allows:
 * the earliest answer deadline of the two; and the acknowledgement is still owed if either case
 * owed it, by the earliest deadline among those that owe it (one already acknowledged is not late).
 */
function joinedClock(target: Clock, source: Clock): Clock {
  const owing = [target, source].filter((clock) => clock.acknowledged_on === null);
  const [first, ...others] = owing.map((clock) => clock.ack_due_on);
  return {
    ack_due_on: first === undefined ? target.ack_due_on : others.reduce(earlier, first),
    answer_due_on: earlier(target.answer_due_on, source.answer_due_on),
    acknowledged_on: first === undefined ? target.acknowledged_on : null,
  };
}

const clockColumns = ['ack_due_on', 'answer_due_on', 'acknowledged_on'] as const;

const sameClock = (a: Clock, b: Clock) => clockColumns.every((name) => a[name] === b[name]);

/**
 * Only the columns that move: the mutation path checks the right to write every column it is
 * given, and a director may not write the acknowledgement deadline (complaints.tables.ts).
 */
function clockChanges(from: Clock, to: Clock): Partial<Clock> {
  return Object.fromEntries(
    clockColumns.filter((name) => from[name] !== to[name]).map((name) => [name, to[name]]),
  );
}

/**
 * Duplicates become one case: each source is `merged` into the target, which answers for all
 * (every merged citizen gets its answer, case-replies.ts) and takes the earliest of their legal
 * clocks. The target's `merged_from` line says when a source moved its clock, and to what.
 * All or nothing.
 */
export function mergeCases(ctx: HandlerContext, targetId: string, sourceIds: readonly string[]) {
  if (sourceIds.includes(targetId))
    throw new AppError('VALIDATION', 'a case cannot be merged into itself', {
      sourceIds: 'invalid_value',
    });
  const worker = workerOf(ctx);
  const target = requireCase(ctx.db, targetId);
  const sources = requireCases(ctx.db, sourceIds);
  for (const source of sources)
    refuseIf(
      mergeSourceRefusal(worker, factsOf(target), factsOf(source), {
        replyUnderWay: replyUnderWay(ctx.db, source.id),
      }),
      source,
      ` into ${caseNumber(target)}`,
    );
  let clock: Clock = {
    ack_due_on: target.ack_due_on,
    answer_due_on: target.answer_due_on,
    acknowledged_on: target.acknowledged_on,
  };
  for (const source of sources) {
    ctx.write.update(complaintsTable, source.id, { status: 'merged', merged_into: target.id });
    appendCaseEvent(ctx, source.id, 'merged_into', { targetId: target.id });
    const joined = joinedClock(clock, source);
    const moved: EventDetail = sameClock(joined, clock)
      ? {}
      : {
          clockFromSource: true,
          ackDueOn: joined.ack_due_on,
          answerDueOn: joined.answer_due_on,
          acknowledgedOn: joined.acknowledged_on,
        };
    clock = joined;
    appendCaseEvent(ctx, target.id, 'merged_from', { sourceId: source.id, ...moved });
  }
  ctx.write.update(complaintsTable, target.id, clockChanges(target, clock));
  return { updated: sources.length };
}
