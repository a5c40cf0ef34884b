import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/api-error';

/** The translated problem with one field of a failed call, or undefined. */
export function fieldError(error: unknown, field: string, t: TFunction): string | undefined {
  if (!(error instanceof ApiCallError)) return undefined;
  const code = error.fields[field];
  return code ? t(`validation:${code}`, { defaultValue: t('validation:invalid') }) : undefined;
}
