import { z } from 'zod';
import {
  complaintChannelSchema,
  complaintEventTypeSchema,
  complaintKindSchema,
  complaintStatusSchema,
  deliveryMethodSchema,
  isoDateSchema,
  replyStatusSchema,
} from '../../complaints/complaint-values';
import { approverRoles, caseWorkerRoles, complaintReaderRoles } from '../../complaints/workflow';
import {
  districtSchema,
  lineSchema,
  noteSchema,
  replyBodySchema,
  resolutionSchema,
} from '../../tables/complaints.tables';
import { languageSchema } from '../../tables/platform.tables';
import { mutation, query } from '../procedure';
import { attachmentUploadSchema } from './complaints.procedures';

/** One entry of a case's timeline, with the name of who did it. */
export const caseEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  type: complaintEventTypeSchema,
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  body: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseReplySchema = z.object({
  id: z.string(),
  language: languageSchema,
  body: z.string(),
  status: replyStatusSchema,
  draftedBy: z.string(),
  draftedByName: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  delivery: deliveryMethodSchema.nullable(),
  deliveredOn: z.string().nullable(),
});
export type CaseReply = z.infer<typeof caseReplySchema>;

export const caseAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int(),
  sha256: z.string(),
  addedAt: z.string(),
  /** False when the file is referenced but not on this PC yet (it arrives with sync). */
  available: z.boolean(),
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

/** A citizen who gets the answer: the case's own, and those of the cases merged into it. */
export const caseCitizenSchema = z.object({
  complaintId: z.string(),
  number: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});
export type CaseCitizen = z.infer<typeof caseCitizenSchema>;

export const caseDetailSchema = z.object({
  id: z.string(),
  number: z.string(),
  localNumber: z.string(),
  officialNumber: z.string().nullable(),
  kind: complaintKindSchema,
  channel: complaintChannelSchema,
  urgent: z.boolean(),
  callToday: z.boolean(),
  receivedOn: z.string(),
  citizenName: z.string(),
  citizenPhone: z.string().nullable(),
  citizenEmail: z.string().nullable(),
  citizenAddress: z.string().nullable(),
  /** The CIN in full for the roles that may read it, else masked (L•••••56), null if none. */
  citizenCin: z.string().nullable(),
  citizenCinMasked: z.boolean(),
  subject: z.string(),
  description: z.string(),
  district: z.string(),
  location: z.string().nullable(),
  categoryId: z.string(),
  departmentId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  status: complaintStatusSchema,
  ackDueOn: z.string(),
  answerDueOn: z.string(),
  acknowledgedOn: z.string().nullable(),
  calledOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  resolution: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  dueKind: z.enum(['acknowledgement', 'answer']).nullable(),
  daysLeft: z.int().nullable(),
  mergedInto: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Everyone the answer goes to: this case's citizen first, then those of merged cases. */
  citizens: z.array(caseCitizenSchema),
  events: z.array(caseEventSchema),
  replies: z.array(caseReplySchema),
  attachments: z.array(caseAttachmentSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const caseIds = z.array(z.uuid()).min(1).max(200);
const bulkResult = z.object({ updated: z.int() });
const caseId = z.strictObject({ id: z.uuid() });

export const casesProcedures = {
  'cases:get': query({
    input: caseId,
    output: caseDetailSchema,
    access: complaintReaderRoles,
  }),
  /** Bulk: every case or none (a refusal names the first case refused). */
  'cases:route': mutation({
    input: z.strictObject({ ids: caseIds, departmentId: z.uuid() }),
    output: bulkResult,
    access: caseWorkerRoles,
  }),
  'cases:assign': mutation({
    input: z.strictObject({ ids: caseIds, assigneeId: z.uuid() }),
    output: bulkResult,
    access: caseWorkerRoles,
  }),
  'cases:triage': mutation({
    input: z.strictObject({
      id: z.uuid(),
      kind: complaintKindSchema,
      urgent: z.boolean(),
      categoryId: z.uuid(),
      district: districtSchema,
      location: lineSchema(2, 200).nullable(),
    }),
    output: z.null(),
    access: caseWorkerRoles,
  }),
  'cases:acknowledge': mutation({
    input: z.strictObject({ id: z.uuid(), on: isoDateSchema }),
    output: z.null(),
    access: caseWorkerRoles,
  }),
  'cases:markCalled': mutation({
    input: z.strictObject({ id: z.uuid(), note: noteSchema.optional() }),
    output: z.null(),
    access: caseWorkerRoles,
  }),
  'cases:addNote': mutation({
    input: z.strictObject({ id: z.uuid(), body: noteSchema }),
    output: z.null(),
    access: [...caseWorkerRoles, 'director'],
  }),
  'cases:addAttachment': mutation({
    input: z.strictObject({ id: z.uuid(), file: attachmentUploadSchema }),
    output: z.null(),
    access: caseWorkerRoles,
  }),
  'cases:attachment': query({
    input: caseId,
    output: z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
    access: complaintReaderRoles,
  }),
  /** Creates the draft (no replyId) or edits it while it is a draft or returned. */
  'cases:saveReply': mutation({
    input: z.strictObject({
      id: z.uuid(),
      replyId: z.uuid().optional(),
      language: languageSchema,
      body: replyBodySchema,
    }),
    output: z.object({ replyId: z.string() }),
    access: caseWorkerRoles,
  }),
  'cases:submitReply': mutation({
    input: z.strictObject({ replyId: z.uuid() }),
    output: z.null(),
    access: caseWorkerRoles,
  }),
  'cases:reviewReply': mutation({
    input: z.strictObject({
      replyId: z.uuid(),
      decision: z.enum(['approve', 'return']),
      comment: noteSchema.optional(),
    }),
    output: z.null(),
    access: approverRoles,
  }),
  'cases:deliverReply': mutation({
    input: z.strictObject({
      replyId: z.uuid(),
      method: z.enum(['letter', 'phone', 'email']),
      on: isoDateSchema,
    }),
    output: z.null(),
    access: caseWorkerRoles,
  }),
  'cases:close': mutation({
    input: z.strictObject({ id: z.uuid(), resolution: resolutionSchema }),
    output: z.null(),
    access: [...caseWorkerRoles, 'director'],
  }),
  'cases:reopen': mutation({
    input: z.strictObject({ id: z.uuid(), reason: noteSchema }),
    output: z.null(),
    access: approverRoles,
  }),
  'cases:merge': mutation({
    input: z.strictObject({ targetId: z.uuid(), sourceIds: caseIds }),
    output: bulkResult,
    access: approverRoles,
  }),
};
