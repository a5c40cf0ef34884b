import { statement } from '../db/connection';
import type { HandlerContext } from '../handler-context';

/** Views of one record by one user within this span are one reading, audited once. */
export const viewAuditWindowMs = 10 * 60_000;

/**
 * Audits that the user saw a record's personal data, unless the same user's view of the same
 * record, with the same detail, was audited in the last ten minutes: a screen refetches after
 * every sync, and those refetches are not new readings. A view that shows more (the CIN in full
 * after a promotion, a newly merged citizen) is audited at once. The range on `at` rides the
 * audit_log_record index (table_name, row_id, at).
 */
export function auditPersonalDataView(
  ctx: HandlerContext,
  tableName: string,
  rowId: string,
  detail: Record<string, unknown> | null = null,
): void {
  const userId = ctx.user?.id ?? null;
  const now = ctx.now();
  const last = statement(
    ctx.db,
    `SELECT detail FROM audit_log
     WHERE table_name = ? AND row_id = ? AND at > ? AND at <= ?
       AND action = 'personal-data.view' AND user_id IS ?
     ORDER BY at DESC LIMIT 1`,
  ).get(
    tableName,
    rowId,
    new Date(now.getTime() - viewAuditWindowMs).toISOString(),
    now.toISOString(),
    userId,
  ) as { detail: string | null } | undefined;
  const stored = detail === null ? null : JSON.stringify(detail);
  if (last && last.detail === stored) return;
  ctx.write.audit('personal-data.view', tableName, rowId, detail);
}
