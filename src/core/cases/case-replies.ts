import type { ParsedInputOf } from '../../shared/api/contract';
import { isPending } from '../../shared/complaints/complaint-values';
import { communeToday } from '../../shared/complaints/legal-clock';
import { approveRefusal, workingStatus } from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import { complaintRepliesTable, complaintsTable } from '../../shared/tables/complaints.tables';
import type { HandlerContext } from '../handler-context';
import { appendCaseEvent, todayOf, workerOf } from './case-context';
import {
  factsOf,
  hasReplyInProgress,
  mergedCaseIds,
  refuseIf,
  requireCase,
  requireReply,
  type CaseRecord,
  type ReplyRecord,
} from './cases.repo';

/**
 * The answer to the citizen (issue 3, item 4): drafted by a clerk, submitted to the case's head,
 * approved or returned with a comment, and only once approved given to the citizen by letter,
 * phone or email. Apart from internal notes.
 */

const editable = (reply: ReplyRecord) => reply.status === 'draft' || reply.status === 'returned';

function requirePending(record: CaseRecord): void {
  refuseIf(isPending(record.status) ? null : 'CASE_NOT_PENDING', record);
}

/** The reply and the case it answers, which must still be pending. */
function replyAndCase(ctx: HandlerContext, replyId: string) {
  const reply = requireReply(ctx.db, replyId);
  const record = requireCase(ctx.db, reply.complaint_id);
  requirePending(record);
  return { reply, record };
}

/** Creates the draft, or edits it while it is a draft or was returned by the head. */
export function saveReply(
  ctx: HandlerContext,
  input: ParsedInputOf<'cases:saveReply'>,
): { replyId: string } {
  const record = requireCase(ctx.db, input.id);
  requirePending(record);
  if (input.replyId === undefined) {
    // One answer on its way at a time: two drafts would race each other to the head.
    if (hasReplyInProgress(ctx.db, record.id))
      throw new AppError('REPLY_NOT_EDITABLE', `case ${record.id} already has a reply in progress`);
    const replyId = ctx.write.insert(complaintRepliesTable, {
      complaint_id: record.id,
      language: input.language,
      body: input.body,
      status: 'draft',
      drafted_by: workerOf(ctx).id,
      reviewed_by: null,
      reviewed_at: null,
      review_comment: null,
      delivery: null,
      delivered_on: null,
    });
    appendCaseEvent(ctx, record.id, 'reply_drafted', { replyId });
    return { replyId };
  }
  const reply = requireReply(ctx.db, input.replyId);
  if (reply.complaint_id !== record.id)
    throw new AppError('NOT_FOUND', `reply ${reply.id} is not on case ${record.id}`);
  if (!editable(reply))
    throw new AppError('REPLY_NOT_EDITABLE', `reply ${reply.id} is ${reply.status}`);
  const changed = ctx.write.update(complaintRepliesTable, reply.id, {
    language: input.language,
    body: input.body,
  });
  if (changed.length > 0)
    appendCaseEvent(ctx, record.id, 'reply_drafted', { replyId: reply.id, revised: true });
  return { replyId: reply.id };
}

/** To the head for approval: the case waits on the head. */
export function submitReply(ctx: HandlerContext, replyId: string): null {
  const { reply, record } = replyAndCase(ctx, replyId);
  if (!editable(reply))
    throw new AppError('REPLY_NOT_EDITABLE', `reply ${reply.id} is ${reply.status}`);
  ctx.write.update(complaintRepliesTable, reply.id, { status: 'submitted' });
  ctx.write.update(complaintsTable, record.id, { status: 'awaiting_approval' });
  appendCaseEvent(ctx, record.id, 'reply_submitted', { replyId: reply.id });
  return null;
}

/** The head who leads the case approves the reply, or returns it with a comment saying why. */
export function reviewReply(ctx: HandlerContext, input: ParsedInputOf<'cases:reviewReply'>): null {
  const { reply, record } = replyAndCase(ctx, input.replyId);
  if (reply.status !== 'submitted')
    throw new AppError('REPLY_NOT_SUBMITTED', `reply ${reply.id} is ${reply.status}`);
  const worker = workerOf(ctx);
  refuseIf(approveRefusal(worker, factsOf(record)), record);
  const comment = input.comment ?? null;
  if (input.decision === 'return' && comment === null)
    throw new AppError('VALIDATION', 'a returned reply needs a comment', { comment: 'required' });
  const approved = input.decision === 'approve';
  ctx.write.update(complaintRepliesTable, reply.id, {
    status: approved ? 'approved' : 'returned',
    reviewed_by: worker.id,
    reviewed_at: ctx.now().toISOString(),
    review_comment: comment,
  });
  ctx.write.update(complaintsTable, record.id, {
    status: approved ? 'approved' : workingStatus(factsOf(record)),
  });
  appendCaseEvent(
    ctx,
    record.id,
    approved ? 'reply_approved' : 'reply_returned',
    { replyId: reply.id },
    comment,
  );
  return null;
}

/**
 * The approved reply given to the citizen: the case is answered on that day, and so is every case
 * merged into it, whose citizens get the same answer (each timeline records it). A merged case keeps
 * its `merged` status (the target answers for it) and gains its answered_on date.
 */
export function deliverReply(
  ctx: HandlerContext,
  input: ParsedInputOf<'cases:deliverReply'>,
): null {
  const { reply, record } = replyAndCase(ctx, input.replyId);
  if (reply.status !== 'approved' || reply.reviewed_at === null)
    throw new AppError('REPLY_NOT_APPROVED', `reply ${reply.id} is ${reply.status}`);
  if (input.on > todayOf(ctx))
    throw new AppError('VALIDATION', 'delivered in the future', { on: 'in_future' });
  // A reply counts as sent only once approved: it cannot have been given before that day.
  if (input.on < communeToday(new Date(reply.reviewed_at)) || input.on < record.received_on)
    throw new AppError('VALIDATION', 'delivered before approval', { on: 'too_old' });
  ctx.write.update(complaintRepliesTable, reply.id, {
    status: 'delivered',
    delivery: input.method,
    delivered_on: input.on,
  });
  ctx.write.update(complaintsTable, record.id, { status: 'answered', answered_on: input.on });
  appendCaseEvent(ctx, record.id, 'reply_delivered', { replyId: reply.id, method: input.method });
  for (const mergedId of mergedCaseIds(ctx.db, record.id)) {
    ctx.write.update(complaintsTable, mergedId, { answered_on: input.on });
    appendCaseEvent(ctx, mergedId, 'reply_delivered', {
      replyId: reply.id,
      method: input.method,
      viaCaseId: record.id,
    });
  }
  return null;
}
