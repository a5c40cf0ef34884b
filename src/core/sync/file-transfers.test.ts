import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { createStaff, intakeInput, signInAs } from '../complaints/complaint-fixtures';
import { hasFile, storeFile } from '../files/file-store';
import { partialSize } from '../files/partial-download';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { transferFiles, type TransferSummary } from './file-transfers';
import { maxTransferAttempts } from './file-transfers.repo';
import { DatabaseSecretStore } from './secret-store';
import { RemoteDevice, lightingCategory } from './sync-fixtures';
import { SyncTransport } from './sync-transport';

/**
 * The queue that triggers fill, and one transfer pass against a scripted HTTP server on loopback
 * (the real server's side is proven in integration/sync-files.test.ts).
 */

const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(size - 8),
  ]);
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const hour = 3_600_000;

interface SeenRequest {
  method: string;
  url: string;
  token: string;
  contentRange: string | undefined;
  range: string | undefined;
  body: Buffer;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | object;
}

let t: TestCore;
let remote: RemoteDevice;
let server: Server | null = null;
let seen: SeenRequest[] = [];
let changedTables: string[][] = [];
let answer: (request: SeenRequest) => Answer = () => ({ status: 500 });

beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  createStaff(t, 'karim', ['clerk']);
  signInAs(t, 'karim');
  remote = new RemoteDevice('00000000000000b1', uuidv7());
  seen = [];
  changedTables = [];
});
afterEach(async () => {
  t.dispose();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function scriptedServer(): Promise<string> {
  server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const got: SeenRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        token: (request.headers.authorization ?? '').replace('Bearer ', ''),
        contentRange: request.headers['content-range'],
        range: request.headers.range,
        body: Buffer.concat(chunks),
      };
      seen.push(got);
      const { status, headers = {}, body } = answer(got);
      response.statusCode = status;
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (Buffer.isBuffer(body)) response.end(body);
      else {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(body ?? { error: { code: 'NOT_FOUND', message: 'x' } }));
      }
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Serves `bytes` with Range, as the server does. */
function serving(bytes: Buffer) {
  return (request: SeenRequest): Answer => {
    const match = /^bytes=(\d+)-(\d+)$/.exec(request.range ?? '');
    if (!match) return { status: 200, body: bytes };
    const start = Number(match[1]);
    const end = Math.min(Number(match[2]), bytes.length - 1);
    return {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` },
      body: bytes.subarray(start, end + 1),
    };
  };
}

async function pass(serverUrl: string, pieceBytes = 1000): Promise<TransferSummary> {
  const db = t.core.database();
  const secrets = new DatabaseSecretStore(() => db);
  await secrets.writeToken(userId('karim'), 'karim-token');
  return transferFiles(
    {
      database: () => ({ db }),
      wallClock: t.clock.now,
      dataDir: t.dataDir,
      emit: (_event, payload) => changedTables.push(payload.tables),
    },
    { db },
    {
      serverUrl,
      puller: { userId: 'puller', token: 'puller-token' },
      secrets,
      transport: new SyncTransport({ timeoutMs: 5000 }, t.clock.now),
      pieceBytes,
    },
  );
}

function userId(username: string): string {
  const row = t.core
    .database()
    .prepare('SELECT id FROM users WHERE username = ?')
    .get(username) as {
    id: string;
  };
  return row.id;
}

interface QueueRow {
  sha256: string;
  state: string;
  asked_at: string | null;
  attempts: number;
}

function queue(): QueueRow[] {
  return t.core
    .database()
    .prepare('SELECT sha256, state, asked_at, attempts FROM file_transfers ORDER BY sha256')
    .all() as QueueRow[];
}

/** A complaint and its attachment as they arrive from the server: written on another PC. */
function pullAttachedCase(bytes: Buffer, status = 'received'): { complaintId: string; id: string } {
  const complaintId = uuidv7();
  const id = uuidv7();
  const at = () => remote.stamp(t.clock.ms, -hour);
  const attachment = {
    complaint_id: complaintId,
    sha256: sha256Of(bytes),
    file_name: 'scan.png',
    mime_type: 'image/png',
    size: bytes.length,
    added_by: remote.userId,
    added_at: '2026-11-28T10:00:00.000Z',
  };
  t.core.sync.applyPulled([
    ...remote.complaintCells(complaintId, at, { status }),
    ...Object.entries(attachment).map(([column, value]) =>
      remote.change('complaint_attachments', id, column, value, at()),
    ),
  ]);
  return { complaintId, id };
}

function attachHere(bytes: Buffer): string {
  t.ok(
    'complaints:create',
    intakeInput(lightingCategory, {
      attachments: [
        { fileName: 'scan.png', mimeType: 'image/png', dataBase64: bytes.toString('base64') },
      ],
    }),
  );
  return sha256Of(bytes);
}

describe('the transfer queue', () => {
  it('queues every file an attachment names, attached here or arriving, asleep for a finished case', () => {
    const mine = attachHere(png(500));
    const theirs = png(600);
    pullAttachedCase(theirs);
    pullAttachedCase(png(650), 'merged');
    expect(queue()).toHaveLength(3);
    expect(queue()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sha256: mine, state: 'waiting' }),
        expect.objectContaining({ sha256: sha256Of(theirs), state: 'waiting' }),
        expect.objectContaining({ state: 'dormant' }),
      ]),
    );
  });

  it('wakes a finished case’s file when the case is reopened or the file asked for', () => {
    const { complaintId, id } = pullAttachedCase(png(700), 'closed');
    expect(queue()).toEqual([expect.objectContaining({ state: 'dormant' })]);
    t.core.sync.applyPulled([
      remote.change('complaints', complaintId, 'status', 'in_progress', remote.stamp(t.clock.ms)),
    ]);
    expect(queue()).toEqual([expect.objectContaining({ state: 'waiting', asked_at: null })]);

    t.core.database().prepare("UPDATE file_transfers SET state = 'refused'").run();
    // Opening it fails (not here) but asks for it, even when the server refused it before.
    expect(t.call('cases:attachment', { id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_MISSING' },
    });
    expect(queue()).toEqual([
      expect.objectContaining({ state: 'waiting', asked_at: new Date(t.clock.ms).toISOString() }),
    ]);
  });

  it('sends a file attached here to a closed case', () => {
    const { id } = t.ok('complaints:create', intakeInput(lightingCategory));
    t.core.database().prepare("UPDATE complaints SET status = 'closed' WHERE id = ?").run(id);
    const scan = png(900);
    t.ok('cases:addAttachment', {
      id,
      file: { fileName: 'scan.png', mimeType: 'image/png', dataBase64: scan.toString('base64') },
    });
    expect(queue()).toEqual([
      expect.objectContaining({ sha256: sha256Of(scan), state: 'waiting' }),
    ]);
  });
});

describe('a transfer pass', () => {
  it('refuses a download whose bytes are not its SHA-256, then fetches it again after a wait', async () => {
    const bytes = png(2500);
    const sha256 = sha256Of(bytes);
    const { id } = pullAttachedCase(bytes);
    const url = await scriptedServer();
    const damaged = Buffer.from(bytes);
    damaged[100] = damaged[100]! ^ 0xff;
    answer = serving(damaged);

    expect(await pass(url)).toEqual({ uploaded: 0, downloaded: 0, failed: 1 });
    expect(hasFile(t.dataDir, sha256)).toBe(false);
    expect(queue()).toEqual([expect.objectContaining({ state: 'waiting', attempts: 1 })]);
    expect(changedTables).toEqual([]);
    // Backing off: not tried again at once.
    seen = [];
    await pass(url);
    expect(seen).toEqual([]);

    answer = serving(bytes);
    t.clock.advance(31_000);
    expect(await pass(url)).toEqual({ uploaded: 0, downloaded: 1, failed: 0 });
    // In pieces, each from where the last ended, with the puller's token.
    expect(seen.map((request) => request.range)).toEqual([
      'bytes=0-999',
      'bytes=1000-1999',
      'bytes=2000-2999',
    ]);
    expect(seen.every((request) => request.url === `/api/v1/files/${sha256}`)).toBe(true);
    expect(seen.every((request) => request.token === 'puller-token')).toBe(true);
    expect(queue()).toEqual([]);
    expect(changedTables).toEqual([['complaint_attachments']]);
    const file = t.ok('cases:attachment', { id });
    expect(Buffer.from(file.dataBase64, 'base64').equals(bytes)).toBe(true);
  });

  it('gives up on a file the server does not have after many tries, until asked again', async () => {
    const { id } = pullAttachedCase(png(800));
    const url = await scriptedServer();
    answer = () => ({ status: 404 });
    for (let attempt = 1; attempt <= maxTransferAttempts; attempt += 1) {
      expect((await pass(url)).failed).toBe(1);
      t.clock.advance(7 * hour);
    }
    expect(queue()).toEqual([
      expect.objectContaining({ state: 'refused', attempts: maxTransferAttempts }),
    ]);
    seen = [];
    await pass(url);
    expect(seen).toEqual([]);
    // Days went by: the screen locked meanwhile.
    signInAs(t, 'karim');
    expect(t.call('cases:attachment', { id })).toMatchObject({ error: { code: 'FILE_MISSING' } });
    await pass(url);
    expect(seen).toHaveLength(1);
  });

  it('resumes an upload where the server says its copy ends, with the author’s token first', async () => {
    const bytes = png(2500);
    const sha256 = attachHere(bytes);
    const url = await scriptedServer();
    let held = 1000;
    answer = (request) => {
      if (request.method === 'HEAD') return { status: 404 };
      // The author's account may no longer add attachments: the puller's is tried next.
      if (request.token === 'karim-token') return { status: 403 };
      if (request.contentRange !== 'bytes */2500') held += request.body.length;
      const complete = held === 2500;
      return {
        status: complete ? 201 : 202,
        body: { sha256, received: held, size: 2500, complete },
      };
    };
    expect(await pass(url)).toEqual({ uploaded: 1, downloaded: 0, failed: 0 });
    const puts = seen.filter(
      (request) => request.method === 'PUT' && request.token === 'puller-token',
    );
    expect(seen[0]).toMatchObject({ method: 'HEAD', token: 'puller-token' });
    expect(seen[1]).toMatchObject({ method: 'PUT', token: 'karim-token' });
    expect(puts.map((request) => request.contentRange)).toEqual([
      'bytes */2500',
      'bytes 1000-1999/2500',
      'bytes 2000-2499/2500',
    ]);
    expect(Buffer.concat(puts.map((request) => request.body)).equals(bytes.subarray(1000))).toBe(
      true,
    );
    expect(queue()).toEqual([]);
  });

  it('stops at a server out of reach without counting it against the file', async () => {
    pullAttachedCase(png(900));
    const url = await scriptedServer();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    expect(await pass(url)).toEqual({ uploaded: 0, downloaded: 0, failed: 0 });
    expect(queue()).toEqual([expect.objectContaining({ state: 'waiting', attempts: 0 })]);
  });

  it('makes sure the server has a file that is here, and puts a finished case’s file to sleep', async () => {
    const bytes = png(1200);
    const { complaintId } = pullAttachedCase(bytes);
    // The same scan, attached here too.
    storeFile(t.dataDir, bytes);
    pullAttachedCase(png(1300));
    t.core
      .database()
      .prepare("UPDATE complaints SET status = 'closed' WHERE id <> ?")
      .run(complaintId);
    const url = await scriptedServer();
    // Another PC sent it: a HEAD says so, and nothing is sent (nor any right to send needed).
    answer = () => ({ status: 200, body: Buffer.alloc(0) });
    expect(await pass(url)).toEqual({ uploaded: 0, downloaded: 0, failed: 0 });
    expect(seen).toEqual([expect.objectContaining({ method: 'HEAD', token: 'puller-token' })]);
    expect(queue()).toEqual([expect.objectContaining({ state: 'dormant' })]);
  });
});

describe('a download put to sleep', () => {
  it('drops the pieces that had arrived, and starts over when asked again', async () => {
    const bytes = png(2500);
    const sha = sha256Of(bytes);
    const { complaintId } = pullAttachedCase(bytes);
    const url = await scriptedServer();
    // Cut after its first piece: the piece is kept for the next pass.
    answer = (request) =>
      request.range === 'bytes=0-999' ? serving(bytes)(request) : { status: 503 };
    await pass(url);
    expect(partialSize(t.dataDir, sha)).toBe(1000);
    t.core
      .database()
      .prepare("UPDATE complaints SET status = 'closed' WHERE id = ?")
      .run(complaintId);
    seen = [];
    await pass(url);
    expect(seen).toEqual([]);
    expect(queue()).toEqual([expect.objectContaining({ state: 'dormant' })]);
    expect(partialSize(t.dataDir, sha)).toBe(0);
    // Asked for: fetched from its first byte.
    t.core
      .database()
      .prepare("UPDATE complaints SET status = 'received' WHERE id = ?")
      .run(complaintId);
    answer = serving(bytes);
    expect(await pass(url)).toEqual({ uploaded: 0, downloaded: 1, failed: 0 });
    expect(seen[0]?.range).toBe('bytes=0-999');
    expect(hasFile(t.dataDir, sha)).toBe(true);
  });
});

/** One pass with the tokens `secrets` holds (none unless a test writes one). */
function passWith(serverUrl: string, secrets: DatabaseSecretStore): Promise<TransferSummary> {
  const db = t.core.database();
  return transferFiles(
    { database: () => ({ db }), wallClock: t.clock.now, dataDir: t.dataDir, emit: () => {} },
    { db },
    {
      serverUrl,
      puller: { userId: 'puller', token: 'puller-token' },
      secrets,
      transport: new SyncTransport({ timeoutMs: 5000 }, t.clock.now),
    },
  );
}

/** The server does not have the file; only karim's (current) token may add it. */
function takingFrom(goodToken: string, sha256: string, size: number) {
  return (request: SeenRequest): Answer => {
    if (request.method === 'HEAD') return { status: 404 };
    if (request.token === 'karim-old')
      return { status: 401, body: { error: { code: 'TOKEN_REVOKED', message: 'revoked' } } };
    if (request.token !== goodToken)
      return { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no attachments' } } };
    return { status: 201, body: { sha256, received: size, size, complete: true } };
  };
}

/**
 * A file attached here whose author holds no token here yet (created on this PC, or revoked) is
 * offered with the puller's token, which a director or the administrator who joined the PC may not
 * use to add attachments: the file exists only here, so it must never be given up.
 */
describe('an upload refused to every token here', () => {
  it('is not counted, and goes up once its author’s token arrives, however long it waited', async () => {
    const bytes = png(3000);
    const sha256 = attachHere(bytes);
    const url = await scriptedServer();
    answer = takingFrom('karim-token', sha256, bytes.length);
    const db = t.core.database();
    const secrets = new DatabaseSecretStore(() => db);

    // Karim has not signed in online here yet: sync runs through the weekend.
    for (let attempt = 1; attempt <= maxTransferAttempts + 2; attempt += 1) {
      await passWith(url, secrets);
      t.clock.advance(7 * hour);
    }
    expect(seen.some((request) => request.token === 'karim-token')).toBe(false);
    expect(queue()).toEqual([expect.objectContaining({ state: 'waiting', attempts: 0 })]);

    // Monday: karim signs in online on this PC; the next run sends it, without waiting its turn.
    await secrets.writeToken(userId('karim'), 'karim-token');
    await passWith(url, secrets);
    expect(seen.filter((request) => request.token === 'karim-token')).toContainEqual(
      expect.objectContaining({ method: 'PUT', token: 'karim-token' }),
    );
    expect(queue()).toEqual([]);
  });

  it('forgets an author’s revoked token, and waits for the next one', async () => {
    const bytes = png(2000);
    const sha256 = attachHere(bytes);
    const url = await scriptedServer();
    answer = takingFrom('karim-new', sha256, bytes.length);
    const db = t.core.database();
    const secrets = new DatabaseSecretStore(() => db);
    await secrets.writeToken(userId('karim'), 'karim-old');
    expect(await passWith(url, secrets)).toMatchObject({ uploaded: 0 });
    expect(await secrets.readToken(userId('karim'))).toBeNull();
    seen = [];
    await passWith(url, secrets);
    // Nothing changed: not tried again before its wait is over.
    expect(seen).toEqual([]);
    await secrets.writeToken(userId('karim'), 'karim-new');
    expect(await passWith(url, secrets)).toMatchObject({ uploaded: 1 });
    expect(queue()).toEqual([]);
  });

  it('lets a file refused for the account’s cap on unfinished uploads wait while the others go up', async () => {
    const capped = png(1100);
    const other = png(1200);
    const cappedSha = attachHere(capped);
    const otherSha = attachHere(other);
    const url = await scriptedServer();
    answer = (request) => {
      if (request.method === 'HEAD') return { status: 404 };
      if (request.url.endsWith(cappedSha))
        return {
          status: 429,
          body: { error: { code: 'RATE_LIMITED', message: 'unfinished uploads' } },
        };
      return {
        status: 201,
        body: { sha256: otherSha, received: other.length, size: other.length, complete: true },
      };
    };
    expect(await pass(url, 5000)).toEqual({ uploaded: 1, downloaded: 0, failed: 0 });
    expect(queue()).toEqual([
      expect.objectContaining({ sha256: cappedSha, state: 'waiting', attempts: 1 }),
    ]);
  });

  it('keeps trying, at the longest wait, a file the server keeps failing to take', async () => {
    const bytes = png(1500);
    attachHere(bytes);
    const url = await scriptedServer();
    answer = (request) =>
      request.method === 'HEAD'
        ? { status: 404 }
        : { status: 400, body: { error: { code: 'VALIDATION', message: 'content-range' } } };
    const db = t.core.database();
    const secrets = new DatabaseSecretStore(() => db);
    for (let attempt = 1; attempt <= maxTransferAttempts + 2; attempt += 1) {
      expect((await passWith(url, secrets)).failed).toBe(1);
      t.clock.advance(7 * hour);
    }
    expect(queue()).toEqual([
      expect.objectContaining({ state: 'waiting', attempts: maxTransferAttempts + 2 }),
    ]);
  });
});
