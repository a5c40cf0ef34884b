import type { HandlersFor } from '../handlers.types';
import { addCaseAttachment, readCaseAttachment } from './case-attachments';
import { closeCase, mergeCases, reopenCase } from './case-closing';
import { readCaseDetail } from './case-detail';
import { deliverReply, reviewReply, saveReply, submitReply } from './case-replies';
import { assignCases, routeCases } from './case-routing';
import { acknowledgeCase, addCaseNote, markCaseCalled, triageCase } from './case-triage';

/** The case page and its workflow; every decision comes from shared/complaints/workflow.ts. */
export const casesHandlers: HandlersFor<'cases:'> = {
  'cases:get': (ctx, input) => readCaseDetail(ctx, input.id),
  'cases:route': (ctx, input) => routeCases(ctx, input.ids, input.departmentId),
  'cases:assign': (ctx, input) => assignCases(ctx, input.ids, input.assigneeId),
  'cases:triage': (ctx, input) => triageCase(ctx, input),
  'cases:acknowledge': (ctx, input) => acknowledgeCase(ctx, input.id, input.on),
  'cases:markCalled': (ctx, input) => markCaseCalled(ctx, input.id, input.note),
  'cases:addNote': (ctx, input) => addCaseNote(ctx, input.id, input.body),
  'cases:addAttachment': (ctx, input) => addCaseAttachment(ctx, input.id, input.file),
  'cases:attachment': (ctx, input) => readCaseAttachment(ctx, input.id),
  'cases:saveReply': (ctx, input) => saveReply(ctx, input),
  'cases:submitReply': (ctx, input) => submitReply(ctx, input.replyId),
  'cases:reviewReply': (ctx, input) => reviewReply(ctx, input),
  'cases:deliverReply': (ctx, input) => deliverReply(ctx, input),
  'cases:close': (ctx, input) => closeCase(ctx, input.id, input.resolution),
  'cases:reopen': (ctx, input) => reopenCase(ctx, input.id, input.reason),
  'cases:merge': (ctx, input) => mergeCases(ctx, input.targetId, input.sourceIds),
};
