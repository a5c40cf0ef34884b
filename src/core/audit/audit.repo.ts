import type { AuditEntry } from '../../shared/api/procedures/audit.procedures';
import { statement, type Db } from '../db/connection';

export interface AuditQuery {
  page: number;
  pageSize: number;
  userId?: string | undefined;
  action?: string | undefined;
  tableName?: string | undefined;
  rowId?: string | undefined;
  /** Inclusive calendar days, YYYY-MM-DD, in this PC's time zone (as the home page's "today"). */
  from?: string | undefined;
  to?: string | undefined;
}

interface AuditRecord {
  id: string;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  table_name: string | null;
  row_id: string | null;
  detail: string | null;
}

/** Midnight of a YYYY-MM-DD day in the local time zone (Morocco's, on a council PC). */
function startOfLocalDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

/** Newest first, filtered and paged in SQL; every filter has an index that starts with it. */
export function listAudit(db: Db, query: AuditQuery): { rows: AuditEntry[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.userId) {
    where.push('a.user_id = ?');
    params.push(query.userId);
  }
  if (query.action) {
    where.push('a.action = ?');
    params.push(query.action);
  }
  if (query.tableName) {
    where.push('a.table_name = ?');
    params.push(query.tableName);
  }
  if (query.rowId) {
    where.push('a.row_id = ?');
    params.push(query.rowId);
  }
  if (query.from) {
    where.push('a.at >= ?');
    params.push(startOfLocalDay(query.from).toISOString());
  }
  if (query.to) {
    where.push('a.at < ?');
    const dayAfter = startOfLocalDay(query.to);
    dayAfter.setDate(dayAfter.getDate() + 1);
    params.push(dayAfter.toISOString());
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM audit_log a ${clause}`).get(...params) as { n: number }
  ).n;
  const records = db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.display_name AS user_name, a.action, a.table_name, a.row_id, a.detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       ${clause} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, query.pageSize, query.page * query.pageSize) as AuditRecord[];
  return {
    total,
    rows: records.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      tableName: r.table_name,
      rowId: r.row_id,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    })),
  };
}

export function countAuditSince(db: Db, sinceIso: string): number {
  return (
    statement(db, 'SELECT count(*) AS n FROM audit_log WHERE at >= ?').get(sinceIso) as {
      n: number;
    }
  ).n;
}
