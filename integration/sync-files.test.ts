import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import type { FetchLike } from '../src/core/sync/sync-transport';
import { ClientUnderTest, ServerUnderTest } from './sync-world';

/**
 * Attachment files between PCs through the central server (issue 4 item 8): a scan attached
 * offline goes up once the server is back, comes down to the other PCs for open cases (checked
 * against its SHA-256), and for finished cases only when someone opens it.
 */

const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(size - 8),
  ]);
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const isFileRequest = (url: string) => url.includes('/api/v1/files/');

interface SeenRequest {
  method: string;
  sha256: string;
  contentRange: string | null;
  range: string | null;
}

/** The real fetch, watched on its file requests, which a test may fail, cut or damage once. */
class FileFetch {
  seen: SeenRequest[] = [];
  private trouble: {
    when: (request: SeenRequest) => boolean;
    what: 'refuse' | 'lose-answer' | 'damage';
  } | null = null;

  readonly fetch: FetchLike = async (url, init) => {
    if (!isFileRequest(url)) return globalThis.fetch(url, init);
    const headers = new Headers(init.headers);
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      sha256: url.slice(url.lastIndexOf('/') + 1),
      contentRange: headers.get('content-range'),
      range: headers.get('range'),
    };
    this.seen.push(request);
    const trouble = this.trouble;
    if (trouble?.what === 'refuse' && trouble.when(request))
      throw new TypeError('connection refused');
    const answer = await globalThis.fetch(url, init);
    if (!trouble?.when(request)) return answer;
    this.trouble = null;
    const body = Buffer.from(await answer.arrayBuffer());
    if (trouble.what === 'lose-answer') throw new TypeError('killed before reading the answer');
    body[body.length - 1] = body[body.length - 1]! ^ 0xff;
    return new Response(body, { status: answer.status, headers: answer.headers });
  };

  /** Until cleared (refuse) or once (the others). */
  cause(what: 'refuse' | 'lose-answer' | 'damage', when: (request: SeenRequest) => boolean) {
    this.trouble = { what, when };
  }

  clear(): void {
    this.trouble = null;
    this.seen = [];
  }

  /** Every PC shares one server: other tests' files come and go too. */
  of(sha256: string, method: 'GET' | 'PUT'): SeenRequest[] {
    return this.seen.filter((request) => request.sha256 === sha256 && request.method === method);
  }
}

let server: ServerUnderTest;
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'driss', roles: ['director'] },
  ]);
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function pc(
  name: string,
  username: string,
): Promise<{ pc: ClientUnderTest; net: FileFetch }> {
  const net = new FileFetch();
  const client = new ClientUnderTest(name, { fetch: net.fetch });
  await client.join(server, username);
  return { pc: client, net };
}

function attachScan(client: ClientUnderTest, scan: Buffer, subject: string): string {
  return client.ok(
    'complaints:create',
    intakeInput(lightingCategory, {
      subject,
      attachments: [
        { fileName: 'بطاقة.png', mimeType: 'image/png', dataBase64: scan.toString('base64') },
      ],
    }),
  ).id;
}

function attachmentOf(client: ClientUnderTest, caseId: string) {
  const [attachment] = client.ok('cases:get', { id: caseId }).attachments;
  if (!attachment) throw new Error(`${client.name}: no attachment on ${caseId}`);
  return attachment;
}

function readBack(client: ClientUnderTest, attachmentId: string): Buffer {
  return Buffer.from(client.ok('cases:attachment', { id: attachmentId }).dataBase64, 'base64');
}

function serverHolds(sha256: string): Promise<number> {
  return server.count('SELECT count(*) AS n FROM files WHERE sha256 = $1', [sha256]);
}

describe('attachment files through the server', () => {
  it('a scan attached offline goes up when the server is back; the other PC gets it for an open case', async () => {
    const { pc: a, net: aNet } = await pc('files-a', 'karim');
    const { pc: b } = await pc('files-b', 'nadia');
    const landed: string[][] = [];
    b.core.on((event, payload) => {
      if (event === 'data:changed') landed.push((payload as { tables: string[] }).tables);
    });
    try {
      await server.down();
      const scan = png(40_000);
      const caseId = attachScan(a, scan, 'شكاية مع صورة البطاقة');
      await a.sync();
      expect(a.status().state).toBe('offline');
      await server.up();

      // The rows go out, the file not yet (its upload fails): B sees the attachment, not its bytes.
      aNet.cause('refuse', (request) => request.method === 'PUT');
      await a.sync();
      expect(a.status()).toMatchObject({ state: 'online', pending: 0 });
      expect(await serverHolds(sha256Of(scan))).toBe(0);
      await b.sync();
      const seenByB = attachmentOf(b, caseId);
      expect(seenByB).toMatchObject({ sha256: sha256Of(scan), available: false });

      aNet.clear();
      await a.sync();
      expect(await serverHolds(sha256Of(scan))).toBe(1);
      // B tried while the server had no file: it waits a little before trying again.
      b.clock.advance(31_000);
      landed.length = 0;
      await b.sync();
      expect(attachmentOf(b, caseId).available).toBe(true);
      expect(landed).toContainEqual(['complaint_attachments']);
      expect(readBack(b, seenByB.id).equals(scan)).toBe(true);
      // Nothing left to move on either PC.
      for (const client of [a, b])
        expect(client.core.database().prepare('SELECT * FROM file_transfers').all()).toEqual([]);
    } finally {
      await server.up();
      a.dispose();
      b.dispose();
    }
  });

  it('fetches the file of a closed case only when someone opens it', async () => {
    const { pc: a } = await pc('files-closed-a', 'karim');
    const { pc: director } = await pc('files-closed-d', 'driss');
    let c: ClientUnderTest | null = null;
    try {
      const scan = png(30_000);
      const caseId = attachScan(a, scan, 'شكاية أغلقت');
      await a.sync();
      await director.sync();
      director.ok('cases:close', { id: caseId, resolution: 'سحب المواطن شكايته.' });
      await director.sync();
      expect(director.status()).toMatchObject({ pending: 0, rejections: 0 });

      const joined = await pc('files-closed-c', 'karim');
      c = joined.pc;
      expect(c.ok('cases:get', { id: caseId }).status).toBe('closed');
      const attachment = attachmentOf(c, caseId);
      expect(attachment.available).toBe(false);
      await c.sync();
      expect(joined.net.of(sha256Of(scan), 'GET')).toEqual([]);

      expect(c.call('cases:attachment', { id: attachment.id })).toMatchObject({
        ok: false,
        error: { code: 'FILE_MISSING' },
      });
      await c.sync();
      expect(joined.net.of(sha256Of(scan), 'GET')).toHaveLength(1);
      expect(readBack(c, attachment.id).equals(scan)).toBe(true);
    } finally {
      a.dispose();
      director.dispose();
      c?.dispose();
    }
  });

  it('refuses a download damaged on the way and fetches it again', async () => {
    const { pc: a } = await pc('files-damaged-a', 'karim');
    const { pc: b, net: bNet } = await pc('files-damaged-b', 'nadia');
    try {
      const scan = png(20_000);
      const caseId = attachScan(a, scan, 'شكاية مع ملف تالف في الطريق');
      await a.sync();
      bNet.cause('damage', (request) => request.sha256 === sha256Of(scan));
      await b.sync();
      expect(bNet.of(sha256Of(scan), 'GET')).toHaveLength(1);
      expect(attachmentOf(b, caseId).available).toBe(false);
      // Not again at once (backoff), then again once the wait is over.
      await b.sync();
      expect(bNet.of(sha256Of(scan), 'GET')).toHaveLength(1);
      b.clock.advance(31_000);
      await b.sync();
      expect(bNet.of(sha256Of(scan), 'GET')).toHaveLength(2);
      const attachment = attachmentOf(b, caseId);
      expect(attachment.available).toBe(true);
      expect(readBack(b, attachment.id).equals(scan)).toBe(true);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('resumes a download cut in the middle from the pieces already on disk', async () => {
    const { pc: a } = await pc('files-cut-down-a', 'karim');
    const { pc: b, net: bNet } = await pc('files-cut-down-b', 'nadia');
    try {
      const mebibyte = 1024 * 1024;
      const scan = png(2 * mebibyte + 200_000);
      const caseId = attachScan(a, scan, 'شكاية مع ملف كبير ينقطع تنزيله');
      await a.sync();
      // The second piece leaves the server; the network drops before it reaches B.
      bNet.cause(
        'lose-answer',
        (request) => request.range === `bytes=${mebibyte}-${2 * mebibyte - 1}`,
      );
      await b.sync();
      const asked = () => bNet.of(sha256Of(scan), 'GET').map((request) => request.range);
      expect(asked()).toEqual([`bytes=0-${mebibyte - 1}`, `bytes=${mebibyte}-${2 * mebibyte - 1}`]);
      expect(attachmentOf(b, caseId).available).toBe(false);

      bNet.clear();
      b.clock.advance(31_000);
      await b.sync();
      // The first mebibyte is not asked for again.
      expect(asked()).toEqual([
        `bytes=${mebibyte}-${2 * mebibyte - 1}`,
        `bytes=${2 * mebibyte}-${3 * mebibyte - 1}`,
      ]);
      const attachment = attachmentOf(b, caseId);
      expect(attachment.available).toBe(true);
      expect(readBack(b, attachment.id).equals(scan)).toBe(true);
      expect(existsSync(join(b.dataDir, 'files', 'incoming', `${sha256Of(scan)}.part`))).toBe(
        false,
      );
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('takes a download cut after its last piece landed without asking the server again', async () => {
    const { pc: a } = await pc('files-whole-part-a', 'karim');
    const { pc: b, net: bNet } = await pc('files-whole-part-b', 'nadia');
    try {
      const scan = png(50_000);
      const caseId = attachScan(a, scan, 'شكاية انقطع الحاسوب بعد تنزيل ملفها');
      await a.sync();
      // As a power cut leaves it: every byte on disk, the file not yet moved into place.
      mkdirSync(join(b.dataDir, 'files', 'incoming'), { recursive: true });
      writeFileSync(join(b.dataDir, 'files', 'incoming', `${sha256Of(scan)}.part`), scan);
      await b.sync();
      expect(bNet.of(sha256Of(scan), 'GET')).toEqual([]);
      const attachment = attachmentOf(b, caseId);
      expect(attachment.available).toBe(true);
      expect(readBack(b, attachment.id).equals(scan)).toBe(true);
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('resumes an upload cut in the middle from the server’s offset', async () => {
    const { pc: a, net: aNet } = await pc('files-cut-a', 'karim');
    try {
      const mebibyte = 1024 * 1024;
      const scan = png(2 * mebibyte + 300_000);
      const size = scan.length;
      attachScan(a, scan, 'شكاية مع ملف كبير');
      // The second piece reaches the server, its answer never reaches the PC.
      aNet.cause(
        'lose-answer',
        (request) => request.contentRange === `bytes ${mebibyte}-${2 * mebibyte - 1}/${size}`,
      );
      await a.sync();
      const sent = () => aNet.of(sha256Of(scan), 'PUT').map((request) => request.contentRange);
      expect(sent()).toEqual([
        `bytes */${size}`,
        `bytes 0-${mebibyte - 1}/${size}`,
        `bytes ${mebibyte}-${2 * mebibyte - 1}/${size}`,
      ]);
      expect(await serverHolds(sha256Of(scan))).toBe(0);

      aNet.clear();
      await a.sync();
      expect(sent()).toEqual([`bytes */${size}`, `bytes ${2 * mebibyte}-${size - 1}/${size}`]);
      expect(await serverHolds(sha256Of(scan))).toBe(1);
      // Whole and the same bytes: the server stores a file only once its SHA-256 is its name.
      expect(await server.count('SELECT count(*) AS n FROM file_uploads')).toBe(0);
      expect(
        await server.count('SELECT size AS n FROM files WHERE sha256 = $1', [sha256Of(scan)]),
      ).toBe(size);
    } finally {
      a.dispose();
    }
  });
});
