import type { TFunction } from 'i18next';
import type { CaseDetail, CaseEvent } from '../../../../../shared/api/procedures/cases.procedures';
import {
  complaintChannelSchema,
  complaintKindSchema,
  deliveryMethodSchema,
  isoDateSchema,
} from '../../../../../shared/complaints/complaint-values';
import type { Language } from '../../../../../shared/tables/platform.tables';
import { formatDay } from '../../../format/dates';

export interface DetailLookups {
  departmentNames: ReadonlyMap<string, string>;
  categoryNames: ReadonlyMap<string, string>;
  assigneeNames: ReadonlyMap<string, string>;
}

/** The other case of a merge, as a link. */
export interface LinkedCase {
  id: string;
  number: string;
}

/** The fields a triage may change, as core names them in the event (`fields`). */
const triageFieldLabels: Record<string, string> = {
  kind: 'cases:facts.kind',
  urgent: 'cases:triage.urgency',
  categoryId: 'cases:facts.category',
  district: 'cases:facts.district',
  location: 'cases:facts.location',
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/**
 * The facts an event carries (ids and codes, never personal data) as the words a clerk reads:
 * names of the department and assignee, the reply's language, how it was given, the file added.
 */
export function describeDetail(
  event: CaseEvent,
  detail: CaseDetail,
  lookups: DetailLookups,
  t: TFunction,
  language: Language,
): string[] {
  const facts = event.detail ?? {};
  const parts: string[] = [];
  const named = (map: ReadonlyMap<string, string>, id: unknown) =>
    map.get(text(id) ?? '') ?? t('cases:timeline.unknown');

  const channel = complaintChannelSchema.safeParse(facts.channel);
  if (event.type === 'received' && channel.success)
    parts.push(t(`complaints:channels.${channel.data}`));
  if (event.type === 'routed' && text(facts.departmentId))
    parts.push(
      t('cases:timeline.department', { name: named(lookups.departmentNames, facts.departmentId) }),
    );
  if (event.type === 'assigned' && text(facts.assigneeId))
    parts.push(
      t('cases:timeline.assignee', { name: named(lookups.assigneeNames, facts.assigneeId) }),
    );
  if (event.type === 'triaged') {
    const kind = complaintKindSchema.safeParse(facts.kind);
    if (kind.success) parts.push(t(`complaints:kinds.${kind.data}`));
    if (typeof facts.urgent === 'boolean')
      parts.push(t(facts.urgent ? 'complaints:urgency.urgent' : 'complaints:urgency.normal'));
    if (text(facts.categoryId))
      parts.push(
        t('cases:timeline.category', { name: named(lookups.categoryNames, facts.categoryId) }),
      );
    const fields = (text(facts.fields) ?? '').split(',').filter((f) => f in triageFieldLabels);
    if (fields.length > 0)
      parts.push(
        t('cases:timeline.changed', {
          fields: fields
            .map((field) => t(triageFieldLabels[field] ?? ''))
            .join(language === 'ar' ? '، ' : ', '),
        }),
      );
  }
  if (event.type === 'merged_from' && facts.clockFromSource === true)
    parts.push(...mergedClock(facts, t, language));
  const on = isoDateSchema.safeParse(facts.on);
  if (on.success) parts.push(formatDay(on.data, language));
  const attachment = detail.attachments.find((a) => a.id === facts.attachmentId);
  if (attachment) parts.push(attachment.fileName);
  const reply = detail.replies.find((r) => r.id === facts.replyId);
  if (reply) parts.push(t(`common:languages.${reply.language}`));
  const method = deliveryMethodSchema.safeParse(facts.method);
  if (method.success) parts.push(t(`complaints:deliveryMethods.${method.data}`));
  return parts;
}

/**
 * The deadlines a merge gave the target when the merged case was older (case-closing.ts): the
 * answer's, and the acknowledgement's when one is owed after the merge.
 */
function mergedClock(facts: Record<string, unknown>, t: TFunction, language: Language): string[] {
  const parts = [t('cases:timeline.clockFromSource')];
  const ackDue = isoDateSchema.safeParse(facts.ackDueOn);
  if (facts.acknowledgedOn === null && ackDue.success)
    parts.push(t('cases:timeline.ackDueOn', { date: formatDay(ackDue.data, language) }));
  const answerDue = isoDateSchema.safeParse(facts.answerDueOn);
  if (answerDue.success)
    parts.push(t('cases:timeline.answerDueOn', { date: formatDay(answerDue.data, language) }));
  return parts;
}

/**
 * The case at the other end of a merge (or through which a merged case was answered). Core keeps
 * ids only; the numbers come from the case itself: the case it joined, and the citizens of the
 * cases that joined it.
 */
export function linkedCase(event: CaseEvent, detail: CaseDetail): LinkedCase | null {
  const facts = event.detail ?? {};
  const id = text(facts.targetId) ?? text(facts.sourceId) ?? text(facts.viaCaseId);
  if (!id) return null;
  if (detail.mergedInto?.id === id) return detail.mergedInto;
  const citizen = detail.citizens.find((c) => c.complaintId === id);
  return citizen ? { id, number: citizen.number } : null;
}
