/**
 * The change log keeps a cell's stored value as JSON text (mutations.ts); screens show it as
 * plain text: the string itself, a number's digits, null for no value.
 */
export function storedValueAsText(json: string | null): string | null {
  if (json === null) return null;
  const value = JSON.parse(json) as unknown;
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The stored value a change log entry holds (string, number or null). */
export function storedValueOf(json: string | null): string | number | null {
  if (json === null) return null;
  return JSON.parse(json) as string | number | null;
}
