import { uuidv7 } from '../../shared/ids/uuidv7';
import type { AuditAction } from '../../shared/audit-actions';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { HybridLogicalClock } from '../../shared/sync/hlc';
import type {
  ColumnDeclaration,
  Row,
  RowValues,
  TableDeclaration,
} from '../../shared/tables/define-table';
import { auditLogTable } from '../../shared/tables/platform.tables';
import { isSyncedTableName, syncedTables } from '../../shared/tables/registry';
import { statement, type Db } from './connection';
import { fromStorage, toStorage } from './storage';

/** Who is writing: a signed-in user, or core itself (first-run set-up, failed sign-ins). */
/**
 * Who is writing: a signed-in user; `anonymous` for calls made before sign-in or while the screen
 * is locked (it may only write columns open to `any`, i.e. the audit log); `system` for core's own
 * work outside calls (recording a restore).
 */
export type Actor =
  | { kind: 'user'; userId: string; roles: readonly Role[] }
  | { kind: 'anonymous' }
  | { kind: 'system' };

export interface MutationContext {
  db: Db;
  clock: HybridLogicalClock;
  deviceId: string;
  actor: Actor;
  now: () => Date;
  /** Told the name of every table written, so core can announce `data:changed`. */
  onTableWritten: (table: string) => void;
}

/** Only tables in the synced registry go through here, or their changes would never be sent. */
function assertRegistered(table: TableDeclaration): void {
  if (!isSyncedTableName(table.name) || syncedTables[table.name] !== table) {
    throw new Error(`table ${table.name} is not in the synced table registry`);
  }
}

function mayWrite(actor: Actor, column: ColumnDeclaration, rowId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return column.write.includes('any');
  return column.write.some(
    (rule) =>
      rule === 'any' ||
      (rule === 'self' && rowId === actor.userId) ||
      actor.roles.includes(rule as Role),
  );
}

/**
 * The one path that writes synced tables (DESIGN.md, Local data): validates each value against the
 * table declaration, checks the actor may write the column, writes the row and appends one change
 * per changed column, stamped with the hybrid logical clock, the user and the device, all in the
 * caller's transaction. Nothing writes synced tables around it.
 */
export class Mutations {
  constructor(private readonly ctx: MutationContext) {}

  insert<T extends TableDeclaration>(
    table: T,
    values: RowValues<T>,
    id: string = uuidv7(),
  ): string {
    assertRegistered(table);
    const columns = Object.keys(table.columns);
    const stored = columns.map((name) =>
      this.checkedValue(table, name, values[name as keyof typeof values], id, 'insert'),
    );
    statement(
      this.ctx.db,
      `INSERT INTO ${table.name} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
    ).run(id, ...stored);
    columns.forEach((name, i) => this.appendChange(table.name, id, name, stored[i]));
    this.afterWrite(table, 'insert', id, columns);
    return id;
  }

  /** Writes only the columns whose value differs; returns the names of the columns changed. */
  update<T extends TableDeclaration>(table: T, id: string, patch: Partial<RowValues<T>>): string[] {
    assertRegistered(table);
    if (table.appendOnly) throw new AppError('APPEND_ONLY', `${table.name} only accepts inserts`);
    const current = this.readStored(table, id);
    // A deleted record stays deleted: an edit must not write to it (sync applies its own rule).
    if (current.deleted === 1) throw new AppError('NOT_FOUND', `${table.name} ${id} was deleted`);
    const changed: string[] = [];
    const storedValues: unknown[] = [];
    for (const name of Object.keys(patch)) {
      if (!Object.hasOwn(table.columns, name))
        throw new AppError('VALIDATION', `unknown column ${table.name}.${name}`);
      const stored = this.checkedValue(table, name, patch[name as keyof typeof patch], id);
      if (stored !== current[name]) {
        changed.push(name);
        storedValues.push(stored);
      }
    }
    if (changed.length === 0) return changed;
    statement(
      this.ctx.db,
      `UPDATE ${table.name} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ).run(...storedValues, id);
    changed.forEach((name, i) => this.appendChange(table.name, id, name, storedValues[i]));
    this.afterWrite(table, 'update', id, changed);
    return changed;
  }

  /** Deletion is a tombstone, so a late edit from another PC cannot bring a row back unseen. */
  tombstone(table: TableDeclaration, id: string): void {
    assertRegistered(table);
    if (table.appendOnly) throw new AppError('APPEND_ONLY', `${table.name} only accepts inserts`);
    const actor = this.ctx.actor;
    if (actor.kind === 'user' && !table.deleteRoles.some((role) => actor.roles.includes(role))) {
      throw new AppError('FORBIDDEN', `may not delete from ${table.name}`);
    }
    const current = this.readStored(table, id);
    if (current.deleted === 1) return;
    statement(this.ctx.db, `UPDATE ${table.name} SET deleted = 1 WHERE id = ?`).run(id);
    this.appendChange(table.name, id, 'deleted', 1);
    this.afterWrite(table, 'delete', id, ['deleted']);
  }

  /** Records who did what to which record; also who viewed a citizen's personal data. */
  audit(
    action: AuditAction,
    tableName: string | null,
    rowId: string | null,
    detail: Record<string, unknown> | null = null,
  ): void {
    const actor = this.ctx.actor;
    this.insert(auditLogTable, {
      at: this.ctx.now().toISOString(),
      user_id: actor.kind === 'user' ? actor.userId : null,
      action,
      table_name: tableName,
      row_id: rowId,
      detail,
    });
  }

  private afterWrite(
    table: TableDeclaration,
    action: 'insert' | 'update' | 'delete',
    id: string,
    columns: string[],
  ): void {
    this.ctx.onTableWritten(table.name);
    // Column names only: values may be personal data, which never goes into the audit log.
    if (table.name !== auditLogTable.name) this.audit(action, table.name, id, { columns });
  }

  private checkedValue(
    table: TableDeclaration,
    name: string,
    value: unknown,
    rowId: string,
    mode: 'insert' | 'update' = 'update',
  ): unknown {
    const column = table.columns[name];
    if (!column) throw new AppError('VALIDATION', `unknown column ${table.name}.${name}`);
    // A null at insert writes nothing yet: a clerk's new complaint has no official number, which
    // only the server may give.
    const writesSomething = !(mode === 'insert' && value === null);
    if (writesSomething && !mayWrite(this.ctx.actor, column, rowId)) {
      throw new AppError('FORBIDDEN', `may not write ${table.name}.${name}`);
    }
    const parsed = column.schema.safeParse(value);
    if (!parsed.success) {
      throw new AppError('VALIDATION', `invalid value for ${table.name}.${name}`, {
        [name]: parsed.error.issues[0]?.code ?? 'invalid',
      });
    }
    return toStorage(column, parsed.data);
  }

  private readStored(table: TableDeclaration, id: string): Record<string, unknown> {
    const row = statement(this.ctx.db, `SELECT * FROM ${table.name} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!row) throw new AppError('NOT_FOUND', `${table.name} ${id} not found`);
    return row;
  }

  private appendChange(tableName: string, rowId: string, column: string, stored: unknown): void {
    const actor = this.ctx.actor;
    statement(
      this.ctx.db,
      'INSERT INTO changes (id, tbl, row_id, col, value, hlc, user_id, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      uuidv7(),
      tableName,
      rowId,
      column,
      JSON.stringify(stored),
      this.ctx.clock.now(),
      actor.kind === 'user' ? actor.userId : null,
      this.ctx.deviceId,
    );
  }
}

export function rowFromStorage<T extends TableDeclaration>(
  table: T,
  raw: Record<string, unknown>,
): Row<T> {
  const row: Record<string, unknown> = { id: raw.id, deleted: raw.deleted === 1 };
  for (const [name, column] of Object.entries(table.columns))
    row[name] = fromStorage(column, raw[name]);
  return row as Row<T>;
}
