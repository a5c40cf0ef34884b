import type { ColumnDeclaration } from '../../../../shared/tables/define-table';
import { isSyncedTableName, syncedTables } from '../../../../shared/tables/registry';

/** The records a stored id may point to, each shown by its name or as a link. */
export type ReferenceKind = 'user' | 'department' | 'category' | 'complaint';

/** How to show one cell's stored value (sync hands values over as text, in stored form). */
export type CellValueView =
  /** Sensitive (a CIN number) or of a column this app does not know: never shown. */
  | { kind: 'hidden' }
  | { kind: 'empty' }
  /** A value from a closed list, shown by its translation (i18n key). */
  | { kind: 'label'; key: string }
  | { kind: 'labels'; keys: string[] }
  | { kind: 'day'; day: string }
  | { kind: 'time'; iso: string }
  | { kind: 'reference'; to: ReferenceKind; id: string }
  | { kind: 'text'; text: string; long: boolean };

/** Closed lists, by `table.column`, and where their values are translated. */
const closedLists: Record<string, string> = {
  'complaints.status': 'complaints:statuses',
  'complaints.kind': 'complaints:kinds',
  'complaints.channel': 'complaints:channels',
  'complaint_replies.status': 'complaints:replyStatuses',
  'complaint_replies.delivery': 'complaints:deliveryMethods',
};

const referencesByColumn: Record<string, ReferenceKind> = {
  assignee_id: 'user',
  default_assignee_id: 'user',
  created_by: 'user',
  drafted_by: 'user',
  reviewed_by: 'user',
  added_by: 'user',
  user_id: 'user',
  department_id: 'department',
  category_id: 'category',
  complaint_id: 'complaint',
  merged_into: 'complaint',
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Past this, a value is shown in a block of its own rather than inline. */
const longText = 80;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Decides how to show a cell's value from the table declarations. Whatever core sends, a column
 * declared sensitive, or one this app cannot check, is never shown.
 */
export function describeCellValue(
  table: string,
  column: string,
  value: string | null,
): CellValueView {
  if (!isSyncedTableName(table)) return { kind: 'hidden' };
  if (column === 'deleted') {
    if (value === null) return { kind: 'empty' };
    return { kind: 'label', key: value === '1' ? 'sync:values.deleted' : 'sync:values.notDeleted' };
  }
  const columns: Record<string, ColumnDeclaration> = syncedTables[table].columns;
  const declaration = Object.hasOwn(columns, column) ? columns[column] : undefined;
  if (!declaration || declaration.sensitive) return { kind: 'hidden' };
  if (value === null) return { kind: 'empty' };

  if (declaration.storage === 'boolean' && (value === '0' || value === '1'))
    return { kind: 'label', key: value === '1' ? 'sync:values.yes' : 'sync:values.no' };
  const list = closedLists[`${table}.${column}`];
  if (list && declaration.schema.safeParse(value).success)
    return { kind: 'label', key: `${list}.${value}` };
  if (column === 'language' && (value === 'ar' || value === 'fr'))
    return { kind: 'label', key: `common:languages.${value}` };
  if (table === 'users' && column === 'roles') {
    const roles = parseJson(value);
    if (declaration.schema.safeParse(roles).success)
      return { kind: 'labels', keys: (roles as string[]).map((role) => `common:roles.${role}`) };
  }
  const reference = referencesByColumn[column];
  if (reference && uuidPattern.test(value)) return { kind: 'reference', to: reference, id: value };
  if (dayPattern.test(value)) return { kind: 'day', day: value };
  if (timePattern.test(value)) return { kind: 'time', iso: value };
  return { kind: 'text', text: value, long: value.length > longText || value.includes('\n') };
}
