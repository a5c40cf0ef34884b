import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { maxFileBytes, uploadOffsetHeader } from '../../shared/sync/files-protocol';
import { apiPrefix, protocolHeader } from '../../shared/sync/protocol';
import { complaintAttachmentsTable } from '../../shared/tables/complaints.tables';
import { newId } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { sha256Of } from './file-store';

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size: number) => Buffer.concat([Buffer.from(pngSignature), randomBytes(size - 8)]);
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
const fileUrl = (sha256: string) => `${apiPrefix}/files/${sha256}`;

describeOnBackends('files', (backend) => {
  let app: FastifyInstance;
  let clock: ManualClock;
  let clerk: TestDevice;
  let head: TestDevice;
  let admin: TestDevice;

  beforeAll(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    await db.query('TRUNCATE files, file_uploads');
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'] }, clock.ms);
    await seedUser(db, { username: 'admin', roles: ['admin'] }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    head = await TestDevice.signIn(app, 'head', clock.now);
    admin = await TestDevice.signIn(app, 'admin', clock.now);
    return () => app.close();
  });

  const put = (
    device: TestDevice,
    sha256: string,
    body: Buffer,
    type: string,
    extra: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'PUT',
      url: fileUrl(sha256),
      headers: { ...device.headers, 'content-type': type, ...extra },
      payload: body,
    });

  const get = (device: TestDevice, sha256: string, extra: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: fileUrl(sha256), headers: { ...device.headers, ...extra } });

  /** The clerk's app pushes an attachment row naming the file: from then on it may be read. */
  async function attach(sha256: string, size: number, mimeType = 'image/png'): Promise<string> {
    const id = newId();
    const results = await clerk.pushOk(
      clerk.insert(
        complaintAttachmentsTable,
        {
          complaint_id: newId(),
          sha256,
          file_name: 'scan.png',
          mime_type: mimeType,
          size,
          added_by: clerk.userId,
          added_at: '2026-03-10T09:00:00.000Z',
        },
        id,
      ),
    );
    expect(results.every((result) => result.status === 'accepted')).toBe(true);
    return id;
  }

  async function storedCount(sha256: string): Promise<number> {
    const [row] = await backend
      .db()
      .query<{ n: number }>('SELECT COUNT(*)::int AS n FROM files WHERE sha256 = $1', [sha256]);
    return row?.n ?? 0;
  }

  it('stores a whole file once, idempotently, and serves it only once attached', async () => {
    const bytes = png(50_000);
    const sha256 = sha256Of(bytes);
    const first = await put(clerk, sha256, bytes, 'image/png');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ sha256, received: 50_000, size: 50_000, complete: true });
    const [before] = await backend
      .db()
      .query<{ stored_at: Date }>('SELECT stored_at FROM files WHERE sha256 = $1', [sha256]);
    clock.advance(5000);
    const again = await put(head, sha256, bytes, 'image/png');
    expect(again.statusCode).toBe(200);
    const [after] = await backend
      .db()
      .query<{ stored_at: Date }>('SELECT stored_at FROM files WHERE sha256 = $1', [sha256]);
    // Not rewritten: the first upload's row is the one kept.
    expect(after?.stored_at.getTime()).toBe(before?.stored_at.getTime());
    expect(await storedCount(sha256)).toBe(1);

    // Uploaded, but no attachment names it yet: nobody may read it.
    expect((await get(head, sha256)).statusCode).toBe(404);
    await attach(sha256, bytes.length);
    const response = await get(head, sha256);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers.etag).toBe(`"${sha256}"`);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['content-disposition']).toBe('attachment');
    // Every reader role reads attachments today, the administrator included.
    expect((await get(admin, sha256)).statusCode).toBe(200);

    const head_ = await app.inject({
      method: 'HEAD',
      url: fileUrl(sha256),
      headers: clerk.headers,
    });
    expect(head_.statusCode).toBe(200);
    expect(head_.headers['content-length']).toBe('50000');
    expect(head_.rawPayload.length).toBe(0);
  });

  it('refuses a file whose hash, type or size is not what the request says', async () => {
    const bytes = png(2000);
    const sha256 = sha256Of(bytes);
    const wrongName = await put(clerk, sha256Of(png(2000)), bytes, 'image/png');
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    // PNG bytes declared as a PDF, and a PDF's header on what claims to be a JPEG.
    expect((await put(clerk, sha256, bytes, 'application/pdf')).statusCode).toBe(400);
    const fakeJpeg = pdf(3000);
    expect((await put(clerk, sha256Of(fakeJpeg), fakeJpeg, 'image/jpeg')).statusCode).toBe(400);
    // A type that is not an attachment type is not even read.
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(500)]);
    expect((await put(clerk, sha256Of(exe), exe, 'application/octet-stream')).statusCode).toBe(415);
    const tooLarge = png(maxFileBytes + 1);
    const large = await put(clerk, sha256Of(tooLarge), tooLarge, 'image/png');
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    // The largest allowed file is taken.
    const largest = png(maxFileBytes);
    expect((await put(clerk, sha256Of(largest), largest, 'image/png')).statusCode).toBe(201);
    expect((await put(clerk, 'ABC', bytes, 'image/png')).statusCode).toBe(400);
    expect((await put(clerk, sha256, Buffer.alloc(0), 'image/png')).statusCode).toBe(400);
    expect(await storedCount(sha256)).toBe(0);
  });

  it('lets only case workers upload, and only signed-in users download', async () => {
    const bytes = png(1000);
    const sha256 = sha256Of(bytes);
    expect((await put(admin, sha256, bytes, 'image/png')).statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'PUT',
      url: fileUrl(sha256),
      headers: { [protocolHeader]: '1', 'content-type': 'image/png' },
      payload: bytes,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await put(clerk, sha256, bytes, 'image/png')).statusCode).toBe(201);
    await attach(sha256, bytes.length);
    const noToken = await app.inject({
      method: 'GET',
      url: fileUrl(sha256),
      headers: { [protocolHeader]: '1' },
    });
    expect(noToken.statusCode).toBe(401);
  });

  it('no longer serves a file whose attachment was deleted', async () => {
    const bytes = png(1200);
    const sha256 = sha256Of(bytes);
    await put(clerk, sha256, bytes, 'image/png');
    const attachmentId = await attach(sha256, bytes.length);
    expect((await get(clerk, sha256)).statusCode).toBe(200);
    const results = await head.pushOk([
      head.change(complaintAttachmentsTable, attachmentId, 'deleted', 1),
    ]);
    expect(results[0]?.status).toBe('accepted');
    expect((await get(clerk, sha256)).statusCode).toBe(404);
  });

  it('resumes downloads with Range', async () => {
    const bytes = pdf(100_000);
    const sha256 = sha256Of(bytes);
    expect((await put(clerk, sha256, bytes, 'application/pdf')).statusCode).toBe(201);
    await attach(sha256, bytes.length, 'application/pdf');
    const middle = await get(clerk, sha256, { range: 'bytes=1000-1999' });
    expect(middle.statusCode).toBe(206);
    expect(middle.headers['content-range']).toBe('bytes 1000-1999/100000');
    expect(middle.headers['content-length']).toBe('1000');
    expect(middle.rawPayload.equals(bytes.subarray(1000, 2000))).toBe(true);
    const rest = await get(clerk, sha256, { range: 'bytes=99990-' });
    expect(rest.rawPayload.equals(bytes.subarray(99_990))).toBe(true);
    const tail = await get(clerk, sha256, { range: 'bytes=-10' });
    expect(tail.headers['content-range']).toBe('bytes 99990-99999/100000');
    expect(tail.rawPayload.equals(bytes.subarray(99_990))).toBe(true);
    const past = await get(clerk, sha256, { range: 'bytes=100000-' });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */100000');
    // Several ranges or nonsense: the whole file, as RFC 9110 allows.
    for (const range of ['bytes=0-1,5-6', 'pages=1-2', 'bytes=5-1']) {
      const whole = await get(clerk, sha256, { range });
      expect(whole.statusCode, range).toBe(200);
      expect(whole.rawPayload.equals(bytes)).toBe(true);
    }
  });

  it('takes a file in pieces with Content-Range, resuming where the server stopped', async () => {
    const bytes = png(300_000);
    const sha256 = sha256Of(bytes);
    const piece = (first: number, last: number) =>
      put(clerk, sha256, bytes.subarray(first, last + 1), 'image/png', {
        'content-range': `bytes ${first}-${last}/300000`,
      });
    const one = await piece(0, 99_999);
    expect(one.statusCode, one.body).toBe(202);
    expect(one.headers[uploadOffsetHeader]).toBe('100000');
    expect(one.json()).toMatchObject({ received: 100_000, complete: false });
    // A piece from the wrong place is refused with where to resume.
    const skipped = await piece(200_000, 299_999);
    expect(skipped.statusCode).toBe(409);
    expect(skipped.headers[uploadOffsetHeader]).toBe('100000');
    // The app restarted and asks where it stands.
    const asked = await put(clerk, sha256, Buffer.alloc(0), 'image/png', {
      'content-range': 'bytes */300000',
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.headers[uploadOffsetHeader]).toBe('100000');
    expect((await piece(100_000, 199_999)).statusCode).toBe(202);
    const last = await piece(200_000, 299_999);
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json()).toMatchObject({ received: 300_000, complete: true });
    // Sent again, whole or in pieces: already there.
    expect((await piece(0, 99_999)).statusCode).toBe(200);
    expect((await put(clerk, sha256, bytes, 'image/png')).statusCode).toBe(200);
    expect(await backend.db().query('SELECT 1 FROM file_uploads')).toEqual([]);
    await attach(sha256, bytes.length);
    expect((await get(clerk, sha256)).rawPayload.equals(bytes)).toBe(true);
  });

  it('drops a pieced upload whose whole is not its name, and refuses bad pieces', async () => {
    const bytes = png(20_000);
    const sha256 = sha256Of(bytes);
    const tampered = Buffer.from(bytes);
    tampered[15_000] = (tampered[15_000] ?? 0) ^ 0xff;
    const send = (body: Buffer, range: string) =>
      put(clerk, sha256, body, 'image/png', { 'content-range': range });
    expect((await send(tampered.subarray(0, 10_000), 'bytes 0-9999/20000')).statusCode).toBe(202);
    const end = await send(tampered.subarray(10_000), 'bytes 10000-19999/20000');
    expect(end.statusCode).toBe(400);
    expect(await backend.db().query('SELECT 1 FROM file_uploads')).toEqual([]);
    expect(await storedCount(sha256)).toBe(0);
    for (const range of [
      'bytes 0-99/20000',
      'bytes 0-9999/99999999999',
      `bytes 0-9999/${maxFileBytes + 1}`,
      'bytes 10-5/20000',
      'bytes */0',
      'items 0-9999/20000',
    ]) {
      const response = await send(bytes.subarray(0, 10_000), range);
      expect(response.statusCode, range).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, range).toBeLessThan(500);
    }
    // A first piece that is not the type it claims is refused at once.
    const notPng = pdf(10_000);
    expect((await send(notPng, 'bytes 0-9999/20000')).statusCode).toBe(400);
  });

  it('answers 4xx to any name, header and body, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PUT', 'GET', 'HEAD'),
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
          fc.stringMatching(/^[0-9a-f]{64}$/),
        ),
        fc.option(fc.string({ maxLength: 40 })),
        fc.option(fc.string({ maxLength: 40 })),
        fc.constantFrom('image/png', 'application/pdf', 'text/plain', ''),
        fc.uint8Array({ maxLength: 300 }),
        async (method, name, contentRange, range, type, body) => {
          const headers: Record<string, string> = { ...clerk.headers };
          if (type !== '') headers['content-type'] = type;
          if (contentRange !== null) headers['content-range'] = contentRange;
          if (range !== null) headers.range = range;
          const response = await app.inject({
            method,
            url: fileUrl(encodeURIComponent(name)),
            headers,
            payload: method === 'PUT' ? Buffer.from(body) : undefined,
          });
          expect(
            response.statusCode,
            JSON.stringify({ method, name, headers }),
          ).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
