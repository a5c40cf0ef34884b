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
  /** This PC is joined to a server and has never seen this name sign in: the server must check. */
  'ONLINE_SIGN_IN_REQUIRED',
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
  'CASE_NOT_PENDING',
  'CASE_ALREADY_ROUTED',
  'NOT_YOUR_DEPARTMENT',
  'NOT_CASE_LEAD',
  'ASSIGNEE_NOT_ELIGIBLE',
  'CASE_NOT_CLOSABLE',
  'CASE_NOT_REOPENABLE',
  'REPLY_NOT_EDITABLE',
  'REPLY_NOT_SUBMITTED',
  'REPLY_NOT_APPROVED',
  'REPLY_UNDER_WAY',
  'CATEGORY_INACTIVE',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_MISSING',
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
