import { z } from 'zod';

/**
 * The access-to-information register (law 31-13, DOMAIN.md): the values its columns take. The
 * module's workflow (deadlines in working days, extensions, reasoned refusals, appeals) builds on
 * these; the website's intake and the public statistics use them already (issue 4, item 11).
 */

/** How the request reached the commune (art. 14: by hand against a receipt, post, email, portal). */
export const infoRequestChannels = ['in_person', 'post', 'email', 'portal', 'website'] as const;
export const infoRequestChannelSchema = z.enum(infoRequestChannels);
export type InfoRequestChannel = z.infer<typeof infoRequestChannelSchema>;

/** The form of delivery the requester prefers (the CDAI's form). */
export const deliveryForms = ['paper', 'electronic', 'on_site'] as const;
export const deliveryFormSchema = z.enum(deliveryForms);
export type DeliveryForm = z.infer<typeof deliveryFormSchema>;

/**
 * Where a request stands. `answered` is a full answer; `partially_answered` and `refused` carry a
 * written, reasoned ground. The deadline runs until one of the last four.
 */
export const infoRequestStatuses = [
  'received',
  'in_progress',
  'answered',
  'partially_answered',
  'refused',
  'withdrawn',
] as const;
export const infoRequestStatusSchema = z.enum(infoRequestStatuses);
export type InfoRequestStatus = z.infer<typeof infoRequestStatusSchema>;

export const decidedInfoRequestStatuses: readonly InfoRequestStatus[] = [
  'answered',
  'partially_answered',
  'refused',
  'withdrawn',
];

/** The grounds of a refusal the CDAI recognises (DOMAIN.md). */
export const refusalGrounds = [
  'not_held',
  'art7_exception',
  'already_published',
  'repeated_request',
  'unclear_request',
  'in_preparation',
  'deposited_at_archives',
] as const;
export const refusalGroundSchema = z.enum(refusalGrounds);
export type RefusalGround = z.infer<typeof refusalGroundSchema>;

export const infoRequestEventTypes = [
  'received',
  'assigned',
  'extended',
  'answered',
  'partially_answered',
  'refused',
  'withdrawn',
  'appealed',
  'note',
] as const;
export const infoRequestEventTypeSchema = z.enum(infoRequestEventTypes);
export type InfoRequestEventType = z.infer<typeof infoRequestEventTypeSchema>;

/** Law 31-13, art. 16 and 17: working days to answer, and once more as long for an extension. */
export const answerWithinWorkingDays = 20;
export const urgentAnswerWithinWorkingDays = 3;
