/**
 * Every error a procedure can return carries one of these codes; the renderer translates the code
 * (errors.<CODE> in the ar and fr files), never a message or a stack trace.
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LOCKED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_INACTIVE',
  'SETUP_DONE',
  'NOT_FOUND',
  'USERNAME_TAKEN',
  'WEAK_PASSWORD',
  'LAST_ADMIN',
  'SELF_DEACTIVATION',
  'APPEND_ONLY',
  'DATABASE_DAMAGED',
  'DATABASE_TOO_NEW',
  'DATABASE_UNAVAILABLE',
  'DATABASE_OK',
  'BACKUP_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  /** English, for logs and developers; the UI shows the translation of `code`. */
  message: string;
  /** Per-field problems for VALIDATION, keyed by the dotted path of the field. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers and the mutation path; the dispatcher turns it into an ApiResult. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
