import type { Role } from '../../shared/roles';
import type { SyncUser } from '../../shared/sync/protocol';
import { deletedColumn, parseStoredValue } from '../../shared/sync/stored-values';
import { usersTable, type Language } from '../../shared/tables/platform.tables';
import type { ServerDb } from '../db/server-db';
import { decodeCellValue, encodeCellValue } from '../sync/cell-values';

/** A user as the server knows them: the `users` synced table's cells are the source of truth. */
export interface ServerUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  active: boolean;
  language: Language;
}

type UserCells = ReadonlyMap<string, string>;

function userFromCells(id: string, cells: UserCells): ServerUser | null {
  if (cells.get(deletedColumn) === '1') return null;
  const values: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(usersTable.columns)) {
    const text = cells.get(name);
    if (text === undefined) return null;
    const parsed = parseStoredValue(column, decodeCellValue(text));
    if (!parsed.ok) return null;
    values[name] = parsed.value;
  }
  return {
    id,
    username: values.username as string,
    displayName: values.display_name as string,
    roles: values.roles as Role[],
    departmentId: values.department_id as string | null,
    active: values.active as boolean,
    language: values.language as Language,
  };
}

async function usersByIds(db: ServerDb, ids: readonly string[]): Promise<ServerUser[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ row_id: string; col: string; value: string }>(
    `SELECT row_id, col, value FROM cells WHERE tbl = 'users' AND row_id = ANY($1::text[])`,
    [ids],
  );
  const byUser = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const cells = byUser.get(row.row_id) ?? new Map<string, string>();
    cells.set(row.col, row.value);
    byUser.set(row.row_id, cells);
  }
  return [...byUser].flatMap(([id, cells]) => {
    const user = userFromCells(id, cells);
    return user ? [user] : [];
  });
}

/** The user with this id, or null if unknown, deleted or incomplete (some cells not synced yet). */
export async function readUser(db: ServerDb, id: string): Promise<ServerUser | null> {
  const [user] = await usersByIds(db, [id]);
  return user ?? null;
}

/**
 * Users holding this username. Usernames are unique in each app, but two offices could create the
 * same one offline; sign-in then tries each in turn.
 */
export async function usersNamed(db: ServerDb, username: string): Promise<ServerUser[]> {
  const rows = await db.query<{ row_id: string }>(
    `SELECT row_id FROM cells WHERE tbl = 'users' AND col = 'username' AND value = $1`,
    [encodeCellValue(username)],
  );
  return usersByIds(
    db,
    rows.map((row) => row.row_id),
  );
}

export async function anyActiveAdmin(db: ServerDb): Promise<boolean> {
  const rows = await db.query<{ row_id: string }>(
    `SELECT row_id FROM cells WHERE tbl = 'users' AND col = 'roles'`,
  );
  const users = await usersByIds(
    db,
    rows.map((row) => row.row_id),
  );
  return users.some((user) => user.active && user.roles.includes('admin'));
}

export function syncUserOf(user: ServerUser): SyncUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    departmentId: user.departmentId,
    language: user.language,
  };
}
