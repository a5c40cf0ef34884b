import { z } from 'zod';
import { cinSchema, emailSchema, phoneSchema } from '../complaints/citizen';
import { isoDateSchema } from '../complaints/complaint-values';
import {
  deliveryFormSchema,
  infoRequestChannelSchema,
  infoRequestEventTypeSchema,
  infoRequestStatusSchema,
  refusalGroundSchema,
} from '../info-requests/info-request-values';
import {
  lineSchema,
  localNumberSchema,
  noteSchema,
  officialNumberSchema,
  subjectSchema,
  textSchema,
} from './complaints.tables';
import { column, defineTable } from './define-table';
import { nameSchema } from './platform.tables';

/** Who registers a request (clerks at the front desk too) and who owns the register's decisions. */
const registrars = ['info_officer', 'clerk'] as const;
const deciders = ['info_officer', 'director'] as const;
/** A request's first cells are written at registration; later moves are the deciders' (workflow). */
const registrarsAndDeciders = ['info_officer', 'clerk', 'director'] as const;
/** The requester's CIN or residence permit number (law 09-08): the register's owners only. */
const idReaders = ['info_officer', 'director', 'president'] as const;

export const informationRequestedSchema = textSchema(10, 5000);
export const reasonSchema = textSchema(10, 3000);

/** The access-to-information register (law 31-13): one row per request, numbered per year. */
export const infoRequestsTable = defineTable({
  name: 'info_requests',
  appendOnly: false,
  deleteRoles: [],
  columns: {
    local_number: column('text', localNumberSchema, { write: registrars }),
    official_number: column('text', officialNumberSchema.nullable(), { write: ['server'] }),
    channel: column('text', infoRequestChannelSchema, { write: registrars }),
    urgent: column('boolean', z.boolean(), { write: registrarsAndDeciders }),
    /** Art. 17: why life, safety or freedom is at stake; present exactly when urgent. */
    urgent_reason: column('text', reasonSchema.nullable(), { write: registrarsAndDeciders }),
    received_on: column('text', isoDateSchema, { write: registrars }),
    requester_name: column('text', nameSchema, { write: registrars }),
    requester_address: column('text', lineSchema(3, 300), { write: registrars }),
    requester_id_number: column('text', cinSchema.nullable(), {
      write: registrars,
      sensitive: { readRoles: idReaders },
    }),
    requester_email: column('text', emailSchema.nullable(), { write: registrars }),
    requester_phone: column('text', phoneSchema.nullable(), { write: registrars }),
    subject: column('text', subjectSchema, { write: registrars }),
    information_requested: column('text', informationRequestedSchema, { write: registrars }),
    delivery_form: column('text', deliveryFormSchema, { write: registrars }),
    department_id: column('text', z.uuid().nullable(), { write: registrarsAndDeciders }),
    assignee_id: column('text', z.uuid().nullable(), { write: registrarsAndDeciders }),
    status: column('text', infoRequestStatusSchema, { write: registrarsAndDeciders }),
    /** 20 working days from receipt, 3 if urgent (art. 16, 17). */
    due_on: column('text', isoDateSchema, { write: registrarsAndDeciders }),
    /** Once, by as many working days again; the requester told why before the first deadline. */
    extended_due_on: column('text', isoDateSchema.nullable(), { write: deciders }),
    extension_reason: column('text', reasonSchema.nullable(), { write: deciders }),
    extension_notified_on: column('text', isoDateSchema.nullable(), { write: deciders }),
    /** The day of the decision: a full or partial answer, or a refusal. */
    answered_on: column('text', isoDateSchema.nullable(), { write: deciders }),
    refusal_ground: column('text', refusalGroundSchema.nullable(), { write: deciders }),
    refusal_reason: column('text', reasonSchema.nullable(), { write: deciders }),
    created_by: column('text', z.uuid(), { write: registrars }),
    created_at: column('text', z.iso.datetime(), { write: registrars }),
  },
});

/** The timeline of a request: only ever appended to. */
export const infoRequestEventsTable = defineTable({
  name: 'info_request_events',
  appendOnly: true,
  deleteRoles: [],
  columns: {
    request_id: column('text', z.uuid(), { write: registrarsAndDeciders }),
    at: column('text', z.iso.datetime(), { write: registrarsAndDeciders }),
    user_id: column('text', z.uuid().nullable(), { write: registrarsAndDeciders }),
    type: column('text', infoRequestEventTypeSchema, { write: registrarsAndDeciders }),
    /** Event facts (department, assignee, dates, ground); ids and codes, never personal data. */
    detail: column(
      'json',
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
      { write: registrarsAndDeciders },
    ),
    body: column('text', noteSchema.nullable(), { write: registrarsAndDeciders }),
  },
});
