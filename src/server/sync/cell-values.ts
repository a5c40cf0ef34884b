import type { StoredValue } from '../../shared/sync/stored-values';

/** Cells and log entries keep the stored value as JSON text: a number stays a number, null null. */
export function encodeCellValue(value: StoredValue): string {
  return JSON.stringify(value);
}

export function decodeCellValue(text: string): StoredValue {
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new Error('a cell holds something other than a stored value');
}
