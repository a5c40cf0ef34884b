import { z } from 'zod';

/**
 * The closed lists of the complaints module (decree 2-17-265): the three legal kinds, the channels
 * citizens use, the states of a case and of a reply. Shared, so core, the server and the screens
 * speak of the same values; the screens translate each (complaints.json).
 */

/** Art. 2: شكاية complaint, ملاحظة observation, اقتراح suggestion. */
export const complaintKinds = ['complaint', 'observation', 'suggestion'] as const;
export const complaintKindSchema = z.enum(complaintKinds);
export type ComplaintKind = z.infer<typeof complaintKindSchema>;

export const complaintChannels = [
  'in_person',
  'phone',
  'letter',
  'email',
  'website',
  'chikaya',
  'social_media',
] as const;
export const complaintChannelSchema = z.enum(complaintChannels);
export type ComplaintChannel = z.infer<typeof complaintChannelSchema>;

/**
 * The life of a case. `received` until routed to a department, `routed` until someone is assigned,
 * `in_progress` while the assignee works, `awaiting_approval` while a head reviews the reply,
 * `approved` until the reply is given to the citizen, then `answered`; `closed` with a resolution;
 * `merged` into another case that answers for both.
 */
export const complaintStatuses = [
  'received',
  'routed',
  'in_progress',
  'awaiting_approval',
  'approved',
  'answered',
  'closed',
  'merged',
] as const;
export const complaintStatusSchema = z.enum(complaintStatuses);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

/** States in which the legal clock still runs (DOMAIN.md: acknowledge in 15 days, answer in 60). */
export const pendingStatuses: readonly ComplaintStatus[] = [
  'received',
  'routed',
  'in_progress',
  'awaiting_approval',
  'approved',
];

export function isPending(status: ComplaintStatus): boolean {
  return pendingStatuses.includes(status);
}

/** A reply is drafted, submitted to a head, approved (or returned), then given to the citizen. */
export const replyStatuses = ['draft', 'submitted', 'returned', 'approved', 'delivered'] as const;
export const replyStatusSchema = z.enum(replyStatuses);
export type ReplyStatus = z.infer<typeof replyStatusSchema>;

/** How an approved reply reached the citizen: a printed letter, a phone call, an email. */
export const deliveryMethods = ['letter', 'phone', 'email'] as const;
export const deliveryMethodSchema = z.enum(deliveryMethods);
export type DeliveryMethod = z.infer<typeof deliveryMethodSchema>;

/** What a case's timeline records. Notes are internal; the reply to the citizen is apart. */
export const complaintEventTypes = [
  'received',
  'acknowledged',
  'routed',
  'assigned',
  'triaged',
  'called',
  'note',
  'attachment_added',
  'reply_drafted',
  'reply_submitted',
  'reply_returned',
  'reply_approved',
  'reply_delivered',
  'closed',
  'reopened',
  'merged_into',
  'merged_from',
] as const;
export const complaintEventTypeSchema = z.enum(complaintEventTypes);
export type ComplaintEventType = z.infer<typeof complaintEventTypeSchema>;

/** Scans and photos: the types a council scanner or a phone produces, nothing executable. */
export const attachmentMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const attachmentMimeTypeSchema = z.enum(attachmentMimeTypes);
export type AttachmentMimeType = z.infer<typeof attachmentMimeTypeSchema>;

/** 10 MB: a multi-page scan at 300 dpi fits; a 50 MB video does not belong in a case file. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsAtIntake = 5;

/** An ISO calendar date (YYYY-MM-DD) that really exists. */
export const isoDateSchema = z.iso.date();
