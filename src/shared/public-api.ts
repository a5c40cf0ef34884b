import { z } from 'zod';
import { intakeSchema } from './api/procedures/complaints.procedures';
import { complaintKindSchema, isoDateSchema } from './complaints/complaint-values';

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
