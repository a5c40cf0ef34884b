import type { ColumnDeclaration } from '../../shared/tables/define-table';

export type SqlValue = string | number | bigint | null;

/** Application value -> SQLite value, by the column's declared storage. */
export function toStorage(column: ColumnDeclaration, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (column.storage) {
    case 'boolean':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case 'integer':
    case 'real':
      return value as number;
    case 'text':
      return value as string;
  }
}

/** SQLite value -> application value. */
export function fromStorage(column: ColumnDeclaration, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.storage) {
    case 'boolean':
      return value === 1 || value === 1n;
    case 'json':
      return JSON.parse(value as string) as unknown;
    default:
      return value;
  }
}
