import type { ParsedInputOf } from '../../shared/api/contract';
import { isPending } from '../../shared/complaints/complaint-values';
import { AppError } from '../../shared/errors';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import type { HandlerContext } from '../handler-context';
import { appendCaseEvent, todayOf, type EventDetail } from './case-context';
import { categoryState, refuseIf, requireCase, type CaseRecord } from './cases.repo';

function requirePending(record: CaseRecord): void {
  refuseIf(isPending(record.status) ? null : 'CASE_NOT_PENDING', record);
}

/** The contract's names for the columns triage may change, as the timeline lists them. */
const triageFields: Record<string, string> = {
  kind: 'kind',
  urgent: 'urgent',
  category_id: 'categoryId',
  district: 'district',
  location: 'location',
};

/** Corrects what intake recorded; the timeline lists the fields changed (codes, not text). */
export function triageCase(ctx: HandlerContext, input: ParsedInputOf<'cases:triage'>): null {
  const record = requireCase(ctx.db, input.id);
  requirePending(record);
  if (input.categoryId !== record.category_id) {
    const category = categoryState(ctx.db, input.categoryId);
    if (!category)
      throw new AppError('VALIDATION', `category ${input.categoryId} not found`, {
        categoryId: 'not_found',
      });
    if (!category.active) throw new AppError('CATEGORY_INACTIVE');
  }
  // A case that turns urgent owes the citizen a call now, whatever call an earlier spell made.
  const turnsUrgent = input.urgent && !record.urgent;
  const changed = ctx.write
    .update(complaintsTable, record.id, {
      kind: input.kind,
      urgent: input.urgent,
      category_id: input.categoryId,
      district: input.district,
      location: input.location,
      ...(turnsUrgent ? { called_on: null } : {}),
    })
    .filter((name) => name in triageFields);
  if (changed.length === 0) return null;
  // District and location are free text: the timeline names them, the row holds them.
  const detail: EventDetail = { fields: changed.map((name) => triageFields[name]).join(',') };
  if (changed.includes('kind')) detail.kind = input.kind;
  if (changed.includes('urgent')) detail.urgent = input.urgent;
  if (changed.includes('category_id')) detail.categoryId = input.categoryId;
  appendCaseEvent(ctx, record.id, 'triaged', detail);
  return null;
}

/** The acknowledgement of receipt (due in 15 days): on a day between receipt and today. */
export function acknowledgeCase(ctx: HandlerContext, id: string, on: string): null {
  const record = requireCase(ctx.db, id);
  requirePending(record);
  if (on > todayOf(ctx))
    throw new AppError('VALIDATION', 'acknowledged in the future', { on: 'in_future' });
  if (on < record.received_on)
    throw new AppError('VALIDATION', 'acknowledged before receipt', { on: 'too_old' });
  if (ctx.write.update(complaintsTable, record.id, { acknowledged_on: on }).length > 0)
    appendCaseEvent(ctx, record.id, 'acknowledged', { on });
  return null;
}

/**
 * An urgent case needs a phone call today; each call is a line in the timeline. Only a pending,
 * urgent case is owed one: the flag means "call today", not a note about any case.
 */
export function markCaseCalled(ctx: HandlerContext, id: string, note: string | undefined): null {
  const record = requireCase(ctx.db, id);
  requirePending(record);
  if (!record.urgent)
    throw new AppError('VALIDATION', `case ${record.id} is not urgent`, { id: 'not_urgent' });
  ctx.write.update(complaintsTable, record.id, { called_on: todayOf(ctx) });
  appendCaseEvent(ctx, record.id, 'called', null, note ?? null);
  return null;
}

/** Internal notes: never part of the reply to the citizen. */
export function addCaseNote(ctx: HandlerContext, id: string, body: string): null {
  const record = requireCase(ctx.db, id);
  appendCaseEvent(ctx, record.id, 'note', null, body);
  return null;
}
