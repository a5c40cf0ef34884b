import { addDays, answerWithinDays } from '../../shared/complaints/legal-clock';
import {
  closeRefusal,
  mergeRefusal,
  reopenRefusal,
  workingStatus,
} from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import type { HandlerContext } from '../handler-context';
import { appendCaseEvent, todayOf, workerOf } from './case-context';
import { caseNumber, factsOf, refuseIf, requireCase, requireCases } from './cases.repo';

/** Closed with a resolution, which the timeline shows as the closing line's text. */
export function closeCase(ctx: HandlerContext, id: string, resolution: string): null {
  const record = requireCase(ctx.db, id);
  refuseIf(closeRefusal(workerOf(ctx), factsOf(record)), record);
  ctx.write.update(complaintsTable, record.id, {
    status: 'closed',
    closed_on: todayOf(ctx),
    resolution,
  });
  appendCaseEvent(ctx, record.id, 'closed', null, resolution);
  return null;
}

/**
 * Decree 2-17-265: a closed complaint can be reopened. The case goes back to whoever held it, its
 * answer and closing are cleared (the timeline keeps both), and it gets a fresh answer clock:
 * 60 days from the day it is reopened. The decree sets no rule for reopened cases; counting from
 * the original receipt would make almost every reopened case overdue on the spot, leaving the
 * department no time to answer the new question, so we restart the answer clock and keep the
 * acknowledgement as it was (the citizen was already told the complaint was received).
 */
export function reopenCase(ctx: HandlerContext, id: string, reason: string): null {
  const record = requireCase(ctx.db, id);
  const facts = factsOf(record);
  refuseIf(reopenRefusal(workerOf(ctx), facts), record);
  ctx.write.update(complaintsTable, record.id, {
    status: workingStatus(facts),
    answered_on: null,
    closed_on: null,
    // The old resolution answered the closed case; the reopened one has none yet.
    resolution: null,
    answer_due_on: addDays(todayOf(ctx), answerWithinDays),
  });
  appendCaseEvent(ctx, record.id, 'reopened', null, reason);
  return null;
}

/**
 * Duplicates become one case: each source is `merged` into the target, which answers for all
 * (every merged citizen gets its answer, case-replies.ts). All or nothing.
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
      mergeRefusal(worker, factsOf(target), factsOf(source)),
      source,
      ` into ${caseNumber(target)}`,
    );
  for (const source of sources) {
    ctx.write.update(complaintsTable, source.id, { status: 'merged', merged_into: target.id });
    appendCaseEvent(ctx, source.id, 'merged_into', { targetId: target.id });
    appendCaseEvent(ctx, target.id, 'merged_from', { sourceId: source.id });
  }
  return { updated: sources.length };
}
