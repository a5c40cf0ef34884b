import type { z } from 'zod';
import {
  apiPrefix,
  latestProtocolVersion,
  protocolHeader,
  pullResponseSchema,
  pushResponseSchema,
  serverErrorSchema,
  signInResponseSchema,
  type ServerErrorCode,
  type SyncChange,
} from '../../shared/sync/protocol';

/**
 * What went wrong talking to the server, as sync acts on it: `offline` retries with backoff,
 * `revoked` signs the PC out, `update-required` waits for a new app, `rejected-request` means the
 * server refused this request's content (a push is then split to find the change it refuses).
 */
export type TransportFailure =
  'offline' | 'revoked' | 'update-required' | 'invalid-credentials' | 'rejected-request' | 'server';

export class SyncTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    readonly status: number | null,
    readonly code: ServerErrorCode | null,
    message: string,
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch?: FetchLike;
  /** A request taking longer than this counts as the server being unreachable. */
  timeoutMs?: number;
}

/** Server time and how long the request took, so the clock offset can use the midpoint. */
export interface Timed<T> {
  body: T;
  sentAt: number;
  receivedAt: number;
}

/** The HTTP side of sync: the three calls of src/shared/sync/protocol.ts, answers validated. */
export class SyncTransport {
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;

  constructor(
    options: TransportOptions = {},
    private readonly wallClock: () => number = () => Date.now(),
  ) {
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  signIn(
    serverUrl: string,
    request: { username: string; password: string; deviceId: string; deviceName: string },
  ): Promise<Timed<z.infer<typeof signInResponseSchema>>> {
    return this.call(serverUrl, '/auth/sign-in', signInResponseSchema, {
      method: 'POST',
      body: request,
    });
  }

  push(
    serverUrl: string,
    token: string,
    changes: SyncChange[],
  ): Promise<Timed<z.infer<typeof pushResponseSchema>>> {
    return this.call(serverUrl, '/sync/push', pushResponseSchema, {
      method: 'POST',
      token,
      body: { changes },
    });
  }

  pull(
    serverUrl: string,
    token: string,
    after: string | null,
    limit: number,
  ): Promise<Timed<z.infer<typeof pullResponseSchema>>> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (after !== null) query.set('after', after);
    return this.call(serverUrl, `/sync/pull?${query.toString()}`, pullResponseSchema, {
      method: 'GET',
      token,
    });
  }

  private async call<S extends z.ZodType>(
    serverUrl: string,
    path: string,
    schema: S,
    request: { method: 'GET' | 'POST'; token?: string; body?: unknown },
  ): Promise<Timed<z.infer<S>>> {
    const headers: Record<string, string> = { [protocolHeader]: String(latestProtocolVersion) };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const sentAt = this.wallClock();
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(endpoint(serverUrl, path), {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new SyncTransportError(
        'offline',
        null,
        null,
        error instanceof Error ? error.message : String(error),
      );
    }
    const receivedAt = this.wallClock();
    const json = parseJson(text);
    if (!response.ok) throw failureOf(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncTransportError('server', response.status, null, 'malformed answer');
    }
    return { body: parsed.data, sentAt, receivedAt };
  }
}

/** The server may live under a path (https://intranet/maktab): the API hangs below it. */
export function endpoint(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${apiPrefix}${path}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function failureOf(status: number, body: unknown): SyncTransportError {
  const parsed = serverErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : null;
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  const failure = ((): TransportFailure => {
    if (status === 426 || code === 'UPDATE_REQUIRED') return 'update-required';
    if (code === 'INVALID_CREDENTIALS') return 'invalid-credentials';
    // A revoked or unknown token, or an account the server no longer lets in.
    if (status === 401 || status === 403) return 'revoked';
    if (status === 400 || status === 413 || status === 422) return 'rejected-request';
    // Rate limits, server errors, a proxy's error page: try again later.
    return status === 429 || status >= 500 ? 'offline' : 'server';
  })();
  return new SyncTransportError(failure, status, code, message);
}
