import { z } from 'zod';
import { intakeSchema } from './api/procedures/complaints.procedures';
import { complaintKindSchema, isoDateSchema } from './complaints/complaint-values';
import { infoRequestStatusSchema, refusalGroundSchema } from './info-requests/info-request-values';
import { infoRequestsTable, reasonSchema } from './tables/info-requests.tables';

/**
 * The endpoints the commune's website calls, without an account (issue 4, item 11), under
 * `/api/v1/public`. No `x-maktab-protocol` header: a web page is not an app that can update.
 */
export const publicPath = '/public';

/** The category of a submission the citizen did not classify: "أخرى / Autre" (seeded on every PC). */
export const otherCategoryId = '01970000-ca7e-7000-8000-00000000000b';
/** `created_by` of a complaint filed from the website: nobody on the staff; the app names it. */
export const websiteAuthorId = '01970000-3eb0-7000-8000-000000000001';
/** The device of the website's changes in the log, and the prefix of their local numbers. */
export const websiteDeviceId = 'website';
export const websiteNumberPrefix = 'WEB';

const fields = intakeSchema.shape;

/** POST /api/v1/public/complaints: what the website's form sends (the intake's own schemas). */
export const publicSubmissionSchema = z
  .strictObject({
    kind: complaintKindSchema,
    citizenName: fields.citizenName,
    citizenPhone: fields.citizenPhone.optional(),
    citizenEmail: fields.citizenEmail.optional(),
    citizenCin: fields.citizenCin.optional(),
    citizenAddress: fields.citizenAddress.optional(),
    district: fields.district,
    location: fields.location.optional(),
    subject: fields.subject,
    description: fields.description,
    categoryId: z.uuid().optional(),
  })
  // The commune must be able to answer: a phone number or an email address.
  .refine((input) => Boolean(input.citizenPhone) || Boolean(input.citizenEmail), {
    path: ['citizenPhone'],
    message: 'phone_or_email',
  });
export type PublicSubmission = z.input<typeof publicSubmissionSchema>;

/** WEB-2026-0001: the website's own local number, which is also the citizen's tracking number. */
export const trackingNumberSchema = z.string().regex(/^WEB-\d{4}-\d{4,6}$/);
/** Shown once to the citizen; the server keeps only its SHA-256. */
export const trackingSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

export const publicSubmissionResponseSchema = z.object({
  trackingNumber: trackingNumberSchema,
  secret: trackingSecretSchema,
  /** The register number (2026/0001), for a letter or a visit to the office. */
  officialNumber: z.string(),
  receivedOn: isoDateSchema,
});

/** GET /api/v1/public/complaints/:tracking?secret=… */
export const publicStatusQuerySchema = z.strictObject({ secret: trackingSecretSchema });
export const publicStatusParamsSchema = z.strictObject({ tracking: trackingNumberSchema });

/** What a citizen sees of the case: where it stands and when, never a name or a text. */
export const publicStatuses = ['received', 'in_progress', 'answered', 'closed'] as const;
export const publicStatusResponseSchema = z.object({
  trackingNumber: trackingNumberSchema,
  officialNumber: z.string().nullable(),
  kind: complaintKindSchema,
  status: z.enum(publicStatuses),
  receivedOn: isoDateSchema,
  answerDueOn: isoDateSchema.nullable(),
  answeredOn: isoDateSchema.nullable(),
  closedOn: isoDateSchema.nullable(),
});
export type PublicStatusResponse = z.infer<typeof publicStatusResponseSchema>;

/*
 * Access to information (law 31-13) from the website: the CDAI's form, its tracking, and the
 * register's figures the national portal publishes (DOMAIN.md, Access to information).
 */

const requestColumns = infoRequestsTable.columns;

/** A field the form left empty is a field not given, as on the complaint form. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

/** POST /api/v1/public/info-requests: the CDAI form, each field checked by its column's schema. */
export const publicInfoRequestSchema = z
  .strictObject({
    requesterName: requestColumns.requester_name.schema,
    requesterAddress: requestColumns.requester_address.schema,
    /** CIN or residence permit number: who may ask (art. 4) is checked on it. */
    requesterIdNumber: requestColumns.requester_id_number.schema.unwrap(),
    requesterEmail: blankAsAbsent(requestColumns.requester_email.schema.unwrap()),
    requesterPhone: blankAsAbsent(requestColumns.requester_phone.schema.unwrap()),
    subject: requestColumns.subject.schema,
    informationRequested: requestColumns.information_requested.schema,
    deliveryForm: requestColumns.delivery_form.schema,
    urgent: requestColumns.urgent.schema.optional(),
    /** Why life, safety or freedom is at stake (art. 17): the register's `urgent_reason`. */
    urgentReason: blankAsAbsent(reasonSchema),
  })
  .refine((input) => Boolean(input.requesterPhone) || Boolean(input.requesterEmail), {
    path: ['requesterPhone'],
    message: 'phone_or_email',
  })
  .refine((input) => (input.urgent === true) === (input.urgentReason !== undefined), {
    path: ['urgentReason'],
    message: 'reason_if_and_only_if_urgent',
  });
export type PublicInfoRequest = z.input<typeof publicInfoRequestSchema>;

export const publicInfoRequestResponseSchema = publicSubmissionResponseSchema.extend({
  /** The answer deadline in working days (20, or 3 if urgent), from the commune's calendar. */
  dueOn: isoDateSchema,
});
export type PublicInfoRequestResponse = z.infer<typeof publicInfoRequestResponseSchema>;

/** GET /api/v1/public/info-requests/:tracking?secret=…: where it stands, never a name or text. */
export const publicInfoRequestStatusSchema = z.object({
  trackingNumber: trackingNumberSchema,
  officialNumber: z.string().nullable(),
  status: infoRequestStatusSchema,
  urgent: z.boolean(),
  receivedOn: isoDateSchema,
  /** The deadline in force: the extended one once the commune extended it. */
  dueOn: isoDateSchema,
  extended: z.boolean(),
  answeredOn: isoDateSchema.nullable(),
});
export type PublicInfoRequestStatus = z.infer<typeof publicInfoRequestStatusSchema>;

/** The longest period the statistics cover in one answer (checked once the defaults are in). */
export const statisticsMostDays = 5 * 366;

/** GET /api/v1/public/info-requests/statistics?from=…&to=…: requests received in that period. */
export const publicStatisticsQuerySchema = z
  .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, {
    path: ['from'],
    message: 'after_to',
  });

const count = z.number().int().nonnegative();

export const publicStatisticsResponseSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  /** The day the figures were computed: pending and overdue are as of that day. */
  asOf: isoDateSchema,
  received: count,
  answered: count,
  partiallyAnswered: count,
  refused: count,
  refusedByGround: z.record(refusalGroundSchema, count),
  withdrawn: count,
  pending: count,
  pendingPastDeadline: count,
  /** Of those answered, partially answered or refused; null when none is. One decimal. */
  averageResponseWorkingDays: z.number().nonnegative().nullable(),
});
export type PublicStatistics = z.infer<typeof publicStatisticsResponseSchema>;
