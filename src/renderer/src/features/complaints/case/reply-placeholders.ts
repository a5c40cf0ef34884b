import type {
  CaseCitizen,
  CaseDetail,
} from '../../../../../shared/api/procedures/cases.procedures';
import {
  fillTemplate,
  type TemplatePlaceholder,
} from '../../../../../shared/complaints/reply-template';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import type { Language } from '../../../../../shared/tables/platform.tables';
import { formatDay } from '../../../format/dates';

/** Placeholders that differ per citizen when merged cases share one answer. */
const perCitizen: readonly TemplatePlaceholder[] = ['citizen_name', 'number'];

/**
 * The values a template is filled with while drafting. When the answer goes to several citizens,
 * their name and number stay as placeholders: each one's letter fills its own.
 */
export function draftValues(
  detail: CaseDetail,
  language: Language,
): Record<TemplatePlaceholder, string> {
  const shared = detail.citizens.length > 1;
  const keep = (name: TemplatePlaceholder, value: string) =>
    shared && perCitizen.includes(name) ? `{{${name}}}` : value;
  return {
    citizen_name: keep('citizen_name', detail.citizenName),
    number: keep('number', detail.number),
    received_on: formatDay(detail.receivedOn, language),
    subject: detail.subject,
    today: formatDay(communeToday(new Date()), language),
  };
}

/**
 * The approved text as one citizen's letter says it. A reply drafted before a merge names the
 * case's own citizen and number; the letter to a merged case's citizen names that citizen and
 * their own number instead, as the placeholders would have.
 */
export function letterBody(
  body: string,
  detail: CaseDetail,
  citizen: CaseCitizen,
  language: Language,
): string {
  const addressed =
    citizen.complaintId === detail.id
      ? body
      : body.replaceAll(detail.citizenName, citizen.name).replaceAll(detail.number, citizen.number);
  return fillTemplate(addressed, {
    citizen_name: citizen.name,
    number: citizen.number,
    received_on: formatDay(detail.receivedOn, language),
    subject: detail.subject,
    today: formatDay(communeToday(new Date()), language),
  });
}
