/** Where an action's label lives in admin.json; dots in the code would read as nesting. */
export function auditActionKey(action: string): string {
  return `auditActions.${action.replaceAll('.', '_')}`;
}

export interface AuditDetailEntry {
  key: string;
  value: string;
}

/** An entry's detail as short pairs: lists joined with commas, other values as compact JSON. */
export function auditDetailEntries(detail: Record<string, unknown> | null): AuditDetailEntry[] {
  if (!detail) return [];
  return Object.entries(detail).map(([key, value]) => ({
    key,
    value: Array.isArray(value)
      ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value),
  }));
}

export interface AuditFilterValues {
  userId: string;
  action: string;
  tableName: string;
  rowId: string;
  /** Calendar days, YYYY-MM-DD, as date inputs give them. */
  from: string;
  to: string;
}

export const noAuditFilters: AuditFilterValues = {
  userId: '',
  action: '',
  tableName: '',
  rowId: '',
  from: '',
  to: '',
};
