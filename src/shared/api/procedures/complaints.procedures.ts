import { z } from 'zod';
import { cinSchema, emailSchema, phoneSchema } from '../../complaints/citizen';
import {
  attachmentMimeTypeSchema,
  complaintChannelSchema,
  complaintKindSchema,
  complaintStatusSchema,
  isoDateSchema,
  maxAttachmentBytes,
  maxAttachmentsAtIntake,
} from '../../complaints/complaint-values';
import {
  caseWorkerRoles,
  complaintReaderRoles,
  complaintStatsRoles,
} from '../../complaints/workflow';
import {
  descriptionSchema,
  districtSchema,
  lineSchema,
  replyBodySchema,
  subjectSchema,
} from '../../tables/complaints.tables';
import { languageSchema, nameSchema } from '../../tables/platform.tables';
import { roleSchema } from '../../roles';
import { pageOf, pageRequestSchema } from '../paging';
import { mutation, query } from '../procedure';

/** A file as the screens send it: name, declared type, bytes in base64 (checked again in core). */
export const attachmentUploadSchema = z.strictObject({
  fileName: lineSchema(1, 200),
  mimeType: attachmentMimeTypeSchema,
  // base64 of at most maxAttachmentBytes; core checks the decoded size and the file's signature.
  dataBase64: z
    .string()
    .max(Math.ceil(maxAttachmentBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

/** Optional text fields: an empty box means "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    schema.nullable(),
  );

/** What the intake form sends: everything a clerk learns from the citizen. */
export const intakeSchema = z.strictObject({
  kind: complaintKindSchema,
  channel: complaintChannelSchema,
  urgent: z.boolean(),
  receivedOn: isoDateSchema,
  citizenName: nameSchema,
  citizenPhone: optional(phoneSchema),
  citizenEmail: optional(emailSchema),
  citizenAddress: optional(lineSchema(3, 300)),
  citizenCin: optional(cinSchema),
  subject: subjectSchema,
  description: descriptionSchema,
  district: districtSchema,
  location: optional(lineSchema(2, 200)),
  categoryId: z.uuid(),
  attachments: z.array(attachmentUploadSchema).max(maxAttachmentsAtIntake),
});
export type IntakeInput = z.input<typeof intakeSchema>;

/** The queue's saved views (issue 3): each a filter core runs with its own index. */
export const queueViews = [
  'open',
  'urgent',
  'unassigned',
  'mine',
  'department',
  'overdue',
  'at_risk',
  'awaiting_approval',
  'all',
] as const;
export const queueViewSchema = z.enum(queueViews);
export type QueueView = z.infer<typeof queueViewSchema>;

export const queueSortFields = ['daysLeft', 'receivedOn', 'number'] as const;

export const queueRowSchema = z.object({
  id: z.string(),
  /** The official number once the server gave it, else this PC's number. */
  number: z.string(),
  officialNumber: z.string().nullable(),
  receivedOn: z.string(),
  kind: complaintKindSchema,
  channel: complaintChannelSchema,
  urgent: z.boolean(),
  /** Urgent, still pending, and nobody has called the citizen yet. */
  callToday: z.boolean(),
  categoryId: z.string(),
  subject: z.string(),
  citizenName: z.string(),
  district: z.string(),
  departmentId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  status: complaintStatusSchema,
  /** The next legal deadline, null once answered, closed or merged. */
  nextDueOn: z.string().nullable(),
  dueKind: z.enum(['acknowledgement', 'answer']).nullable(),
  /** Days from today (Morocco) to nextDueOn; negative when overdue. */
  daysLeft: z.int().nullable(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const queueFiltersSchema = z.strictObject({
  kind: complaintKindSchema.optional(),
  status: complaintStatusSchema.optional(),
  categoryId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  urgent: z.boolean().optional(),
  district: districtSchema.optional(),
});

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  number: z.string(),
  subject: z.string(),
  district: z.string(),
  receivedOn: z.string(),
  status: complaintStatusSchema,
  /** 0 to 1: similarity of the normalized text, with the district counted in. */
  score: z.number(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const categoryRowSchema = z.object({
  id: z.string(),
  nameAr: z.string(),
  nameFr: z.string(),
  departmentId: z.string().nullable(),
  defaultAssigneeId: z.string().nullable(),
  position: z.int(),
  active: z.boolean(),
});
export type CategoryRow = z.infer<typeof categoryRowSchema>;

const categoryInput = {
  nameAr: nameSchema,
  nameFr: nameSchema,
  departmentId: z.uuid().nullable(),
  defaultAssigneeId: z.uuid().nullable(),
  position: z.int().min(0).max(10_000),
  active: z.boolean(),
};

export const replyTemplateRowSchema = z.object({
  id: z.string(),
  categoryId: z.string().nullable(),
  language: languageSchema,
  title: z.string(),
  body: z.string(),
});
export type ReplyTemplateRow = z.infer<typeof replyTemplateRowSchema>;

/** Staff a case can be assigned to: active clerks and heads. */
export const assigneeRowSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  roles: z.array(roleSchema),
});
export type AssigneeRow = z.infer<typeof assigneeRowSchema>;

const countRow = z.object({ key: z.string(), count: z.int() });

export const complaintStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.int(),
  byKind: z.array(countRow),
  byCategory: z.array(countRow),
  byDepartment: z.array(countRow),
  byStatus: z.array(countRow),
  /** Cases received in the period that have been answered. */
  answered: z.int(),
  meanDaysToAnswer: z.number().nullable(),
  medianDaysToAnswer: z.number().nullable(),
  /** Share (0 to 1) of the answered cases answered within the legal 60 days. */
  shareAnsweredWithin60: z.number().nullable(),
});
export type ComplaintStats = z.infer<typeof complaintStatsSchema>;

const fromNotAfterTo = (period: { from: string; to: string }) => period.from <= period.to;
const statsPeriod = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine(fromNotAfterTo, { path: ['to'], message: 'before_from' });
const statsExport = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema, language: languageSchema })
  .refine(fromNotAfterTo, { path: ['to'], message: 'before_from' });

export const complaintsProcedures = {
  'complaints:create': mutation({
    input: intakeSchema,
    output: z.object({ id: z.string(), localNumber: z.string() }),
    access: caseWorkerRoles,
  }),
  'complaints:queue': query({
    input: pageRequestSchema.extend({
      view: queueViewSchema,
      sort: z.strictObject({
        field: z.enum(queueSortFields),
        direction: z.enum(['asc', 'desc']),
      }),
      filters: queueFiltersSchema,
      search: z.string().max(200).optional(),
    }),
    // `limited`: the total stopped at its cap, or a search kept only its newest matches; the
    // screen then asks for a narrower filter or search.
    output: pageOf(queueRowSchema).extend({ limited: z.boolean() }),
    access: complaintReaderRoles,
  }),
  'complaints:viewCounts': query({
    input: z.strictObject({}),
    output: z.record(queueViewSchema, z.int()),
    access: complaintReaderRoles,
  }),
  'complaints:duplicates': query({
    input: z.strictObject({
      categoryId: z.uuid(),
      district: districtSchema,
      text: z.string().max(5200),
      excludeId: z.uuid().optional(),
    }),
    output: z.array(duplicateCandidateSchema),
    access: complaintReaderRoles,
  }),
  'complaints:districts': query({
    input: z.strictObject({}),
    output: z.array(z.string()),
    access: complaintReaderRoles,
  }),
  'complaints:assignees': query({
    input: z.strictObject({}),
    output: z.array(assigneeRowSchema),
    access: [...complaintReaderRoles, 'admin'],
  }),
  'categories:list': query({
    input: z.strictObject({ includeInactive: z.boolean().optional() }),
    output: z.array(categoryRowSchema),
    access: 'signed-in',
  }),
  'categories:create': mutation({
    input: z.strictObject(categoryInput),
    output: categoryRowSchema,
    access: ['admin'],
  }),
  'categories:update': mutation({
    input: z.strictObject({ id: z.uuid(), ...categoryInput }),
    output: categoryRowSchema,
    access: ['admin'],
  }),
  'replyTemplates:list': query({
    input: z.strictObject({}),
    output: z.array(replyTemplateRowSchema),
    access: [...complaintReaderRoles, 'admin'],
  }),
  'replyTemplates:save': mutation({
    input: z.strictObject({
      id: z.uuid().optional(),
      categoryId: z.uuid().nullable(),
      language: languageSchema,
      title: lineSchema(2, 120),
      body: replyBodySchema,
    }),
    output: replyTemplateRowSchema,
    access: ['admin', 'head'],
  }),
  'replyTemplates:delete': mutation({
    input: z.strictObject({ id: z.uuid() }),
    output: z.null(),
    access: ['admin', 'head'],
  }),
  'complaintStats:summary': query({
    input: statsPeriod,
    output: complaintStatsSchema,
    access: complaintStatsRoles,
  }),
  'complaintStats:export': query({
    input: statsExport,
    output: z.object({ fileName: z.string(), dataBase64: z.string() }),
    access: complaintStatsRoles,
  }),
};
