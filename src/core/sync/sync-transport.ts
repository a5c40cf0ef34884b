import type { z } from 'zod';
import {
  apiPrefix,
  latestProtocolVersion,
  maxReaderTokens,
  protocolHeader,
  readersHeader,
  pullResponseSchema,
  pushResponseSchema,
  serverErrorSchema,
  setCredentialResponseSchema,
  signInResponseSchema,
  type setCredentialRequestSchema,
  type ServerErrorCode,
  type SyncChange,
} from '../../shared/sync/protocol';
import {
  filesPath,
  maxFileBytes,
  uploadOffsetHeader,
  uploadResponseSchema,
  type UploadResponse,
} from '../../shared/sync/files-protocol';
import {
  parseSnapshotPage,
  snapshotPageMediaType,
  type SnapshotPage,
} from '../../shared/sync/snapshot-page';

/**
 * What went wrong talking to the server, as sync acts on it: `offline` retries with backoff,
 * `revoked` signs the PC out, `update-required` waits for a new app, `rejected-request` means the
 * server refused this request's content (a push is then split to find the change it refuses).
 */
export type TransportFailure =
  'offline' | 'revoked' | 'update-required' | 'invalid-credentials' | 'rejected-request' | 'server';

/** Who pulls, and the tokens of the PC's other accounts (pull-scope.ts). */
export interface PullCredentials {
  token: string;
  readers: readonly string[];
}

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

interface Exchange {
  method: 'GET' | 'POST' | 'PUT';
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TransportOptions {
  fetch?: FetchLike;
  /** A request taking longer than this counts as the server being unreachable. */
  timeoutMs?: number;
}

/** A pull page's cells: changes, or the rows of a snapshot page (shared/sync/snapshot-page.ts). */
export type PulledCells = { changes: readonly SyncChange[] } | { rows: SnapshotPage };

export interface PullAnswer {
  cells: PulledCells;
  cursor: string;
  hasMore: boolean;
  serverTime: number;
}

/** How many cells a pull page brought. */
export function cellCount(cells: PulledCells): number {
  if ('changes' in cells) return cells.changes.length;
  return cells.rows.tables.reduce((sum, run) => sum + run.columns.length * run.rows.length, 0);
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

  /**
   * `readers`: the tokens of the PC's other accounts, whose readable cells come too. A snapshot
   * page may come in rows (shared/sync/snapshot-page.ts) from a server that knows them, checked
   * as strictly as changes are; an older server, and every page of the log, send changes.
   * `cells`: a backfill's (pull-scope.ts), repeated on each of its pages.
   */
  async pull(
    serverUrl: string,
    credentials: PullCredentials,
    after: string | null,
    limit: number,
    cells: readonly string[] | null = null,
  ): Promise<Timed<PullAnswer>> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (after !== null) query.set('after', after);
    if (cells !== null) query.set('cells', cells.join(','));
    const readers = credentials.readers.slice(0, maxReaderTokens);
    const answer = await this.exchange(serverUrl, `/sync/pull?${query.toString()}`, {
      method: 'GET',
      token: credentials.token,
      headers: {
        accept: `${snapshotPageMediaType}, application/json`,
        ...(readers.length > 0 ? { [readersHeader]: readers.join(',') } : {}),
      },
    });
    const { json, status, contentType, sentAt, receivedAt } = answer;
    if (contentType.startsWith(snapshotPageMediaType)) {
      const page = parseSnapshotPage(json);
      if (!page) throw new SyncTransportError('server', status, null, 'malformed answer');
      const { cursor, hasMore, serverTime } = page;
      return { body: { cells: { rows: page }, cursor, hasMore, serverTime }, sentAt, receivedAt };
    }
    const parsed = pullResponseSchema.safeParse(json);
    if (!parsed.success) throw new SyncTransportError('server', status, null, 'malformed answer');
    const { changes, cursor, hasMore, serverTime } = parsed.data;
    return { body: { cells: { changes }, cursor, hasMore, serverTime }, sentAt, receivedAt };
  }

  private async call<S extends z.ZodType>(
    serverUrl: string,
    path: string,
    schema: S,
    request: Exchange,
  ): Promise<Timed<z.infer<S>>> {
    const { json, status, sentAt, receivedAt } = await this.exchange(serverUrl, path, request);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncTransportError('server', status, null, 'malformed answer');
    }
    return { body: parsed.data, sentAt, receivedAt };
  }

  /** One request, its answer's JSON when it succeeded; a failure thrown as sync acts on it. */
  private async exchange(
    serverUrl: string,
    path: string,
    request: Exchange,
  ): Promise<{
    json: unknown;
    status: number;
    contentType: string;
    sentAt: number;
    receivedAt: number;
  }> {
    const headers: Record<string, string> = {
      ...request.headers,
      [protocolHeader]: String(latestProtocolVersion),
    };
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
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    return { json, status: response.status, contentType, sentAt, receivedAt };
  }

  // --- Attachment files by SHA-256 (shared/sync/files-protocol.ts, sync/file-transfers.ts) ---

  /** Whether the server holds the file and an attachment naming it that this account may read. */
  async hasFileOnServer(serverUrl: string, token: string, sha256: string): Promise<boolean> {
    const response = await this.fileRequest(serverUrl, sha256, {
      method: 'HEAD',
      token,
      headers: {},
    });
    if (response.status === 404) return false;
    if (!response.ok) throw failureOf(response.status, null);
    return true;
  }

  /**
   * Sends one piece of a file, `Content-Range: bytes <first>-<last>/<total>`; with no piece, asks
   * where the server's copy ends (`bytes *\/<total>`), which also says whether it is complete. A
   * piece refused for its place (409) answers like a partial one: resume at `received`.
   */
  async uploadFilePiece(
    serverUrl: string,
    token: string,
    file: { sha256: string; mimeType: string; size: number },
    piece: { first: number; bytes: Uint8Array } | null,
  ): Promise<UploadResponse> {
    const range = piece
      ? `bytes ${piece.first}-${piece.first + piece.bytes.length - 1}/${file.size}`
      : `bytes */${file.size}`;
    const response = await this.fileRequest(serverUrl, file.sha256, {
      method: 'PUT',
      token,
      headers: { 'content-type': file.mimeType, 'content-range': range },
      body: piece ? new Uint8Array(piece.bytes) : new Uint8Array(0),
    });
    const json = parseJson(await this.readText(response));
    if (response.status === 409) {
      const received = Number(response.headers.get(uploadOffsetHeader));
      if (Number.isSafeInteger(received) && received >= 0 && received <= file.size)
        return { sha256: file.sha256, received, size: file.size, complete: false };
    }
    if (!response.ok) throw failureOf(response.status, json);
    const parsed = uploadResponseSchema.safeParse(json);
    if (!parsed.success || parsed.data.sha256 !== file.sha256 || parsed.data.size !== file.size)
      throw new SyncTransportError('server', response.status, null, 'malformed answer');
    return parsed.data;
  }

  /**
   * Up to `length` bytes of a file from byte `first` (`Range`), with the file's whole size: a
   * large file comes in pieces, each well within the request timeout on a slow line.
   */
  async downloadFilePart(
    serverUrl: string,
    token: string,
    sha256: string,
    first: number,
    length: number,
  ): Promise<{ first: number; size: number; bytes: Uint8Array }> {
    const response = await this.fileRequest(serverUrl, sha256, {
      method: 'GET',
      token,
      headers: { range: `bytes=${first}-${first + length - 1}` },
    });
    if (!response.ok) throw failureOf(response.status, parseJson(await this.readText(response)));
    // A server or proxy ignoring Range sends the whole file (200): never more than a file may be.
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxFileBytes || (response.status === 206 && declared > length))
      throw new SyncTransportError('server', response.status, null, 'answer too long');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new SyncTransportError('offline', null, null, messageOf(error));
    }
    if (response.status === 200 && bytes.length <= maxFileBytes)
      return { first: 0, size: bytes.length, bytes };
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    const [start, end, size] = range ? range.slice(1).map(Number) : [];
    if (
      response.status !== 206 ||
      start === undefined ||
      end === undefined ||
      size === undefined ||
      bytes.length !== end - start + 1 ||
      bytes.length > length
    )
      throw new SyncTransportError('server', response.status, null, 'malformed answer');
    return { first: start, size, bytes };
  }

  private async fileRequest(
    serverUrl: string,
    sha256: string,
    request: {
      method: 'GET' | 'HEAD' | 'PUT';
      token: string;
      headers: Record<string, string>;
      body?: Uint8Array<ArrayBuffer>;
    },
  ): Promise<Response> {
    try {
      return await this.fetch(endpoint(serverUrl, `${filesPath}/${sha256}`), {
        method: request.method,
        headers: {
          [protocolHeader]: String(latestProtocolVersion),
          authorization: `Bearer ${request.token}`,
          ...request.headers,
        },
        ...(request.body ? { body: request.body } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SyncTransportError('offline', null, null, messageOf(error));
    }
  }

  private async readText(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw new SyncTransportError('offline', null, null, messageOf(error));
    }
  }

  /** A password set in the app, as its verifier (sync/credential-outbox.ts). */
  putCredential(
    serverUrl: string,
    token: string,
    userId: string,
    credential: z.input<typeof setCredentialRequestSchema>,
  ): Promise<Timed<z.infer<typeof setCredentialResponseSchema>>> {
    return this.call(
      serverUrl,
      `/users/${encodeURIComponent(userId)}/credential`,
      setCredentialResponseSchema,
      { method: 'PUT', token, body: credential },
    );
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
