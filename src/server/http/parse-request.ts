import type { z } from 'zod';
import { ServerError } from './server-error';

/** PostgreSQL text cannot hold U+0000; no real input contains it. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsNul);
  return false;
}

/**
 * Every body, query and header is parsed with the shared zod schemas: a malformed request is a
 * 400 VALIDATION naming the first problem (a path and a zod code), never a 500. Text holding
 * U+0000 is refused here too, unless the caller judges it item by item (a push).
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { allowNul?: boolean } = {},
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    if (!options.allowNul && containsNul(parsed.data))
      throw new ServerError('VALIDATION', 'request: text holds U+0000');
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
  throw new ServerError('VALIDATION', `${where}: ${issue?.code ?? 'invalid'}`);
}
