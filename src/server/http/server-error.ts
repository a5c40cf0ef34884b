import type { ServerErrorCode } from '../../shared/sync/protocol';

const statusOf: Record<ServerErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_REVOKED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  UPDATE_REQUIRED: 426,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

/** Thrown by routes; the error handler answers it as `{ error: { code, message } }`. */
export class ServerError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ServerErrorCode,
    message: string = code,
    /** Seconds before a rate-limited caller may try again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ServerError';
    this.statusCode = statusOf[code];
  }
}

export function errorBody(code: ServerErrorCode, message: string) {
  return { error: { code, message } };
}
