import { communeToday } from '../../shared/complaints/legal-clock';
import type { Worker } from '../../shared/complaints/workflow';
import type { ComplaintEventType } from '../../shared/complaints/complaint-values';
import { complaintEventsTable } from '../../shared/tables/complaints.tables';
import { requireUser, type HandlerContext } from '../handler-context';

/** The caller as the workflow rules see them: from the session core holds, never from input. */
export function workerOf(ctx: HandlerContext): Worker {
  const user = requireUser(ctx);
  return { id: user.id, roles: user.roles, departmentId: user.departmentId };
}

/** Dates on a case are the commune's calendar days, whatever the PC's time zone. */
export function todayOf(ctx: HandlerContext): string {
  return communeToday(ctx.now());
}

/** Event facts: ids, codes and dates only, never a citizen's personal data. */
export type EventDetail = Record<string, string | number | boolean | null>;

/** Every action on a case leaves a line in its timeline (append-only). */
export function appendCaseEvent(
  ctx: HandlerContext,
  complaintId: string,
  type: ComplaintEventType,
  detail: EventDetail | null = null,
  body: string | null = null,
): void {
  ctx.write.insert(complaintEventsTable, {
    complaint_id: complaintId,
    at: ctx.now().toISOString(),
    user_id: ctx.user?.id ?? null,
    type,
    detail,
    body,
  });
}
