import type { ApiError, ErrorCode } from '../../../shared/errors';

/** A failed call, carrying the code the UI translates (errors.<CODE>) and per-field problems. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiCallError ? error.code : 'INTERNAL';
}
