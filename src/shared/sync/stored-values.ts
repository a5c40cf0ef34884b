import type { ColumnDeclaration } from '../tables/define-table';

/**
 * A cell's value as it travels in a change (protocol.ts): the column's STORED form. Text as text,
 * integers and reals as numbers, booleans as 0/1, json columns as JSON text, or null.
 */
export type StoredValue = string | number | null;

/** The tombstone pseudo-column every non-append-only synced table has (DESIGN.md, Local data). */
export const deletedColumn = 'deleted';

/** Application value -> stored form, by the column's declared storage. */
export function toStoredValue(column: ColumnDeclaration, value: unknown): StoredValue {
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

type Decoded = { ok: true; value: unknown } | { ok: false };

function decode(column: ColumnDeclaration, stored: StoredValue): Decoded {
  if (stored === null) return { ok: true, value: null };
  switch (column.storage) {
    case 'text':
      return typeof stored === 'string' ? { ok: true, value: stored } : { ok: false };
    case 'integer':
      return Number.isSafeInteger(stored) ? { ok: true, value: stored } : { ok: false };
    case 'real':
      return typeof stored === 'number' && Number.isFinite(stored)
        ? { ok: true, value: stored }
        : { ok: false };
    case 'boolean':
      return stored === 0 || stored === 1 ? { ok: true, value: stored === 1 } : { ok: false };
    case 'json':
      if (typeof stored !== 'string') return { ok: false };
      try {
        return { ok: true, value: JSON.parse(stored) as unknown };
      } catch {
        return { ok: false };
      }
  }
}

/**
 * Stored form -> application value, checked against the column's schema. Only a value in the form
 * the app itself would store is accepted: a value the schema would rewrite (untrimmed text, a
 * username in capitals) is refused rather than rewritten, or the sender and the receiver would hold
 * different values under the same clock and never converge.
 */
export function parseStoredValue(
  column: ColumnDeclaration,
  stored: StoredValue,
): { ok: true; value: unknown } | { ok: false } {
  try {
    const decoded = decode(column, stored);
    if (!decoded.ok) return decoded;
    const parsed = column.schema.safeParse(decoded.value);
    if (!parsed.success) return { ok: false };
    const canonical = toStoredValue(column, parsed.data);
    // JSON is compared by meaning, not spelling: whitespace is not a different value.
    const same =
      column.storage === 'json' && typeof stored === 'string'
        ? canonical === JSON.stringify(JSON.parse(stored))
        : canonical === stored;
    return same ? { ok: true, value: parsed.data } : { ok: false };
  } catch {
    // JSON nested too deep to write back, and the like: not a value the app could have stored.
    return { ok: false };
  }
}
