import type { TFunction } from 'i18next';
import { ApiCallError } from '../../api/api-error';

/** Why joining failed, in the words of the join form first, else of the app's error list. */
export function joinErrorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiCallError ? error.code : 'INTERNAL';
  return t([`sync:join.errors.${code}`, `errors:${code}`]);
}

/** What is wrong with one field of the form, the address with its own advice. */
export function joinFieldError(t: TFunction, error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiCallError)) return undefined;
  const code = error.fields[field];
  if (!code) return undefined;
  return t([`sync:join.fieldErrors.${field}.${code}`, `validation:${code}`, 'validation:invalid']);
}
