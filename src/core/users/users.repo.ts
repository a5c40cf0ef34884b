import type { SessionUser } from '../../shared/api/procedures/session.procedures';
import type { UserRow } from '../../shared/api/procedures/admin.procedures';
import { usersTable } from '../../shared/tables/platform.tables';
import type { Row } from '../../shared/tables/define-table';
import { statement, type Db } from '../db/connection';
import { rowFromStorage } from '../db/mutations';

type UserRecord = Row<typeof usersTable>;

export function toUserRow(user: UserRecord): UserRow {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles,
    departmentId: user.department_id,
    active: user.active,
    language: user.language,
  };
}

export function toSessionUser(user: UserRecord): SessionUser {
  const row = toUserRow(user);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    departmentId: row.departmentId,
    language: row.language,
  };
}

export function findUserById(db: Db, id: string): UserRecord | null {
  const raw = statement(db, 'SELECT * FROM users WHERE id = ? AND deleted = 0').get(id) as
    Record<string, unknown> | undefined;
  return raw ? rowFromStorage(usersTable, raw) : null;
}

export function findUserByUsername(db: Db, username: string): UserRecord | null {
  const raw = statement(db, 'SELECT * FROM users WHERE username = ? AND deleted = 0').get(
    username,
  ) as Record<string, unknown> | undefined;
  return raw ? rowFromStorage(usersTable, raw) : null;
}

export function countUsers(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM users WHERE deleted = 0').get() as { n: number })
    .n;
}

export function countActiveAdmins(db: Db): number {
  return (
    statement(
      db,
      `SELECT count(*) AS n FROM users, json_each(users.roles)
       WHERE users.deleted = 0 AND users.active = 1 AND json_each.value = 'admin'`,
    ).get() as { n: number }
  ).n;
}

export interface UserQuery {
  page: number;
  pageSize: number;
  search?: string | undefined;
  includeInactive?: boolean | undefined;
}

export function listUsers(db: Db, query: UserQuery): { rows: UserRow[]; total: number } {
  const where = ['deleted = 0'];
  const params: unknown[] = [];
  if (!query.includeInactive) where.push('active = 1');
  if (query.search) {
    where.push("(username LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\')");
    const like = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  const clause = where.join(' AND ');
  const total = (
    db.prepare(`SELECT count(*) AS n FROM users WHERE ${clause}`).get(...params) as { n: number }
  ).n;
  const raws = db
    .prepare(
      `SELECT * FROM users WHERE ${clause} ORDER BY display_name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
    )
    .all(...params, query.pageSize, query.page * query.pageSize) as Record<string, unknown>[];
  return { rows: raws.map((raw) => toUserRow(rowFromStorage(usersTable, raw))), total };
}

export function readCredential(db: Db, userId: string): string | null {
  const row = statement(db, 'SELECT hash FROM local_credentials WHERE user_id = ?').get(userId) as
    { hash: string } | undefined;
  return row?.hash ?? null;
}

/** The password verifier stays on this PC: it is not a synced table. */
export function writeCredential(db: Db, userId: string, hash: string, at: Date): void {
  statement(
    db,
    `INSERT INTO local_credentials (user_id, hash, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
  ).run(userId, hash, at.toISOString());
}
