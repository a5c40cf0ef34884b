import { z } from 'zod';
import { cinSchema, emailSchema, phoneSchema } from '../complaints/citizen';
import {
  attachmentMimeTypeSchema,
  complaintChannelSchema,
  complaintEventTypeSchema,
  complaintKindSchema,
  complaintStatusSchema,
  deliveryMethodSchema,
  isoDateSchema,
  maxAttachmentBytes,
  replyStatusSchema,
} from '../complaints/complaint-values';
import { approverRoles, caseWorkerRoles, cinReaderRoles } from '../complaints/workflow';
import { column, defineTable } from './define-table';
import { languageSchema, nameSchema } from './platform.tables';

/** Control and format characters (RLO, zero-width...) have no place in what citizens wrote. */
const noInvisible = (text: string) => !/[\p{Cc}\p{Cf}]/u.test(text.replace(/[\n\r\t]/g, ''));

/** One line of text, trimmed, within bounds. */
export const lineSchema = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(noInvisible, { message: 'invisible' });

/** Running text (a description, a note, a reply): line breaks allowed. */
export const textSchema = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(noInvisible, { message: 'invisible' });

export const subjectSchema = lineSchema(3, 200);
export const descriptionSchema = textSchema(10, 5000);
export const districtSchema = lineSchema(2, 80);
export const noteSchema = textSchema(1, 5000);
export const replyBodySchema = textSchema(10, 10_000);
export const resolutionSchema = textSchema(3, 2000);

/** PC03-2026-0007: the PC's code, the year, the PC's own sequence (DESIGN.md, Local data). */
export const localNumberSchema = z.string().regex(/^[A-Z0-9]{2,12}-\d{4}-\d{4,6}$/);
/** 2026/0123: the register's year and gapless number, given only by the server. */
export const officialNumberSchema = z.string().regex(/^\d{4}\/\d{4,6}$/);

const workers = caseWorkerRoles;
/** Status and the legal dates move with approvals too. */
const workersAndApprovers = ['clerk', 'head', 'director'] as const;

/** Categories route a complaint to a department and a default assignee (administrator's list). */
export const categoriesTable = defineTable({
  name: 'categories',
  appendOnly: false,
  deleteRoles: [],
  columns: {
    name_ar: column('text', nameSchema, { write: ['admin'] }),
    name_fr: column('text', nameSchema, { write: ['admin'] }),
    department_id: column('text', z.uuid().nullable(), { write: ['admin'] }),
    default_assignee_id: column('text', z.uuid().nullable(), { write: ['admin'] }),
    position: column('integer', z.int().min(0).max(10_000), { write: ['admin'] }),
    active: column('boolean', z.boolean(), { write: ['admin'] }),
  },
});

/** Reply templates per category and language, with {{placeholders}} (reply-template.ts). */
export const replyTemplatesTable = defineTable({
  name: 'reply_templates',
  appendOnly: false,
  deleteRoles: ['admin', 'head'],
  columns: {
    category_id: column('text', z.uuid().nullable(), { write: ['admin', 'head'] }),
    language: column('text', languageSchema, { write: ['admin', 'head'] }),
    title: column('text', lineSchema(2, 120), { write: ['admin', 'head'] }),
    body: column('text', replyBodySchema, { write: ['admin', 'head'] }),
  },
});

/** The register of complaints, observations and suggestions (decree 2-17-265). */
export const complaintsTable = defineTable({
  name: 'complaints',
  appendOnly: false,
  deleteRoles: [],
  columns: {
    local_number: column('text', localNumberSchema, { write: workers }),
    official_number: column('text', officialNumberSchema.nullable(), { write: ['server'] }),
    kind: column('text', complaintKindSchema, { write: workers }),
    channel: column('text', complaintChannelSchema, { write: workers }),
    urgent: column('boolean', z.boolean(), { write: workers }),
    received_on: column('text', isoDateSchema, { write: workers }),
    citizen_name: column('text', nameSchema, { write: workers }),
    citizen_phone: column('text', phoneSchema.nullable(), { write: workers }),
    citizen_email: column('text', emailSchema.nullable(), { write: workers }),
    citizen_address: column('text', lineSchema(3, 300).nullable(), { write: workers }),
    citizen_cin: column('text', cinSchema.nullable(), {
      write: workers,
      sensitive: { readRoles: cinReaderRoles },
    }),
    subject: column('text', subjectSchema, { write: workers }),
    description: column('text', descriptionSchema, { write: workers }),
    district: column('text', districtSchema, { write: workers }),
    location: column('text', lineSchema(2, 200).nullable(), { write: workers }),
    category_id: column('text', z.uuid(), { write: workers }),
    department_id: column('text', z.uuid().nullable(), { write: workers }),
    assignee_id: column('text', z.uuid().nullable(), { write: workers }),
    status: column('text', complaintStatusSchema, { write: workersAndApprovers }),
    ack_due_on: column('text', isoDateSchema, { write: workersAndApprovers }),
    answer_due_on: column('text', isoDateSchema, { write: workersAndApprovers }),
    acknowledged_on: column('text', isoDateSchema.nullable(), { write: workersAndApprovers }),
    called_on: column('text', isoDateSchema.nullable(), { write: workersAndApprovers }),
    answered_on: column('text', isoDateSchema.nullable(), { write: workersAndApprovers }),
    closed_on: column('text', isoDateSchema.nullable(), { write: workersAndApprovers }),
    resolution: column('text', resolutionSchema.nullable(), { write: workersAndApprovers }),
    merged_into: column('text', z.uuid().nullable(), { write: approverRoles }),
    created_by: column('text', z.uuid(), { write: workers }),
    created_at: column('text', z.iso.datetime(), { write: workers }),
  },
});

/** The timeline of a case: only ever appended to (DESIGN.md, Local data). */
export const complaintEventsTable = defineTable({
  name: 'complaint_events',
  appendOnly: true,
  deleteRoles: [],
  columns: {
    complaint_id: column('text', z.uuid(), { write: workersAndApprovers }),
    at: column('text', z.iso.datetime(), { write: workersAndApprovers }),
    user_id: column('text', z.uuid().nullable(), { write: workersAndApprovers }),
    type: column('text', complaintEventTypeSchema, { write: workersAndApprovers }),
    /** Event facts (department, assignee, reply, other case); ids and codes, never personal data. */
    detail: column(
      'json',
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
      {
        write: workersAndApprovers,
      },
    ),
    /** The text of a note, a reason to reopen or return a reply. Internal, never sent. */
    body: column('text', noteSchema.nullable(), { write: workersAndApprovers }),
  },
});

/** The answer to the citizen, apart from internal notes; counts as sent only once approved. */
export const complaintRepliesTable = defineTable({
  name: 'complaint_replies',
  appendOnly: false,
  deleteRoles: [],
  columns: {
    complaint_id: column('text', z.uuid(), { write: workers }),
    language: column('text', languageSchema, { write: workers }),
    body: column('text', replyBodySchema, { write: workers }),
    status: column('text', replyStatusSchema, { write: workersAndApprovers }),
    drafted_by: column('text', z.uuid(), { write: workers }),
    reviewed_by: column('text', z.uuid().nullable(), { write: approverRoles }),
    reviewed_at: column('text', z.iso.datetime().nullable(), { write: approverRoles }),
    review_comment: column('text', noteSchema.nullable(), { write: approverRoles }),
    delivery: column('text', deliveryMethodSchema.nullable(), { write: workers }),
    delivered_on: column('text', isoDateSchema.nullable(), { write: workers }),
  },
});

/** Scans and photos, stored once under the data folder by SHA-256 (content-addressed). */
export const complaintAttachmentsTable = defineTable({
  name: 'complaint_attachments',
  appendOnly: false,
  deleteRoles: ['head'],
  columns: {
    complaint_id: column('text', z.uuid(), { write: workers }),
    sha256: column('text', z.string().regex(/^[0-9a-f]{64}$/), { write: workers }),
    file_name: column('text', lineSchema(1, 200), { write: workers }),
    mime_type: column('text', attachmentMimeTypeSchema, { write: workers }),
    size: column('integer', z.int().min(1).max(maxAttachmentBytes), { write: workers }),
    added_by: column('text', z.uuid(), { write: workers }),
    added_at: column('text', z.iso.datetime(), { write: workers }),
  },
});
