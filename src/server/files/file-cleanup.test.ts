import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { maxFileBytes, uploadOffsetHeader } from '../../shared/sync/files-protocol';
import { apiPrefix } from '../../shared/sync/protocol';
import { complaintAttachmentsTable } from '../../shared/tables/complaints.tables';
import type { ServerDb } from '../db/server-db';
import { newId } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { cleanUpFiles, defaultFileCleanupRules } from './file-cleanup';
import { scheduleFileCleanup } from './file-cleanup-timer';
import { sha256Of } from './file-store';
import { maxUnfinishedUploadBytes } from './file-uploads';

const hour = 3_600_000;
const day = 24 * hour;
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size: number) => Buffer.concat([Buffer.from(pngSignature), randomBytes(size - 8)]);
const fileUrl = (sha256: string) => `${apiPrefix}/files/${sha256}`;

describeOnBackends('file cleanup', (backend) => {
  let app: FastifyInstance;
  let clock: ManualClock;
  let clerk: TestDevice;
  let head: TestDevice;

  beforeAll(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'] }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    head = await TestDevice.signIn(app, 'head', clock.now);
    return () => app.close();
  });

  beforeEach(async () => {
    await backend.db().query('TRUNCATE files, file_uploads');
  });

  const putWhole = (device: TestDevice, bytes: Buffer) =>
    app.inject({
      method: 'PUT',
      url: fileUrl(sha256Of(bytes)),
      headers: { ...device.headers, 'content-type': 'image/png' },
      payload: bytes,
    });

  /** One piece of `bytes`, or with `first` null the app's question: where do I resume? */
  const putPiece = (device: TestDevice, bytes: Buffer, first: number | null, length = 0) =>
    app.inject({
      method: 'PUT',
      url: fileUrl(sha256Of(bytes)),
      headers: {
        ...device.headers,
        'content-type': 'image/png',
        'content-range':
          first === null
            ? `bytes */${bytes.length}`
            : `bytes ${first}-${first + length - 1}/${bytes.length}`,
      },
      payload: first === null ? Buffer.alloc(0) : bytes.subarray(first, first + length),
    });

  /** A declared size without sending it: the first piece alone, as a cut upload leaves it. */
  const startUpload = (device: TestDevice, declared: number) => {
    const first = png(100);
    const sha256 = sha256Of(randomBytes(32));
    return app.inject({
      method: 'PUT',
      url: fileUrl(sha256),
      headers: {
        ...device.headers,
        'content-type': 'image/png',
        'content-range': `bytes 0-99/${declared}`,
      },
      payload: first,
    });
  };

  async function attach(sha256: string, size: number): Promise<string> {
    const id = newId();
    const results = await clerk.pushOk(
      clerk.insert(
        complaintAttachmentsTable,
        {
          complaint_id: newId(),
          sha256,
          file_name: 'scan.png',
          mime_type: 'image/png',
          size,
          added_by: clerk.userId,
          added_at: new Date(clock.ms).toISOString(),
        },
        id,
      ),
    );
    expect(results.every((result) => result.status === 'accepted')).toBe(true);
    return id;
  }

  async function stored(db: ServerDb = backend.db()): Promise<string[]> {
    const rows = await db.query<{ sha256: string }>('SELECT sha256 FROM files ORDER BY sha256');
    return rows.map((row) => row.sha256);
  }

  async function uploadsLeft(): Promise<number> {
    const [row] = await backend
      .db()
      .query<{ n: number }>('SELECT COUNT(*)::int AS n FROM file_uploads');
    return row?.n ?? 0;
  }

  it('removes a half upload untouched for a day, and the app then starts it over', async () => {
    const abandoned = png(30_000);
    const alive = png(30_000);
    expect((await putPiece(clerk, abandoned, 0, 10_000)).statusCode).toBe(202);
    expect((await putPiece(clerk, alive, 0, 10_000)).statusCode).toBe(202);
    clock.advance(20 * hour);
    // Touched again: its day starts over.
    expect((await putPiece(clerk, alive, 10_000, 10_000)).statusCode).toBe(202);
    clock.advance(3 * hour);
    expect(await cleanUpFiles(backend.db(), clock.ms)).toMatchObject({ uploads: 0 });
    expect(await uploadsLeft()).toBe(2);

    clock.advance(2 * hour);
    const counts = await cleanUpFiles(backend.db(), clock.ms);
    expect(counts).toEqual({ ran: true, uploads: 1, files: 0, bytes: 10_000 });
    const asked = await putPiece(clerk, abandoned, null);
    expect(asked.statusCode).toBe(202);
    expect(asked.headers[uploadOffsetHeader]).toBe('0');
    // The one still moving resumes where it was and completes.
    const resumed = await putPiece(clerk, alive, null);
    expect(resumed.headers[uploadOffsetHeader]).toBe('20000');
    expect((await putPiece(clerk, alive, 20_000, 10_000)).statusCode).toBe(201);
    expect(await stored()).toEqual([sha256Of(alive)]);
  });

  it('removes a file no attachment names after 30 days, and keeps every named one', async () => {
    const orphan = png(4000);
    const named = png(5000);
    const deletedOnes = png(6000);
    const deferredOnes = png(7000);
    const replaced = png(8000);
    for (const bytes of [orphan, named, deletedOnes, deferredOnes, replaced])
      expect((await putWhole(clerk, bytes)).statusCode).toBe(201);
    const namedId = await attach(sha256Of(named), named.length);
    // Its log entries gone, as a compaction of the log will: the current cells still name it.
    await backend.db().query('DELETE FROM change_log WHERE row_id = $1', [namedId]);
    // An attachment whose file was replaced: the log still names the first one.
    const replacedId = await attach(sha256Of(replaced), replaced.length);
    const replacement = await clerk.pushOk([
      clerk.change(complaintAttachmentsTable, replacedId, 'sha256', sha256Of(deletedOnes)),
    ]);
    expect(replacement[0]?.status).toBe('accepted');
    const attachmentId = await attach(sha256Of(deletedOnes), deletedOnes.length);
    const deletion = await head.pushOk([
      head.change(complaintAttachmentsTable, attachmentId, 'deleted', 1),
    ]);
    expect(deletion[0]?.status).toBe('accepted');
    // A newer app's attachment, kept until this server is updated.
    await backend.db().query(
      `INSERT INTO deferred_changes (id, change, user_id, device_id, schema_version, received_at)
       VALUES ($1, $2, $3, 'pc-future', 99, $4)`,
      [
        newId(),
        JSON.stringify({ table: 'complaint_attachments', value: sha256Of(deferredOnes) }),
        clerk.userId,
        new Date(clock.ms),
      ],
    );

    clock.advance(29 * day);
    expect(await cleanUpFiles(backend.db(), clock.ms)).toMatchObject({ files: 0 });
    expect(await stored()).toHaveLength(5);

    clock.advance(2 * day);
    const counts = await cleanUpFiles(backend.db(), clock.ms);
    expect(counts).toEqual({ ran: true, uploads: 0, files: 1, bytes: 4000 });
    expect(await stored()).toEqual(
      [named, deletedOnes, deferredOnes, replaced].map((bytes) => sha256Of(bytes)).sort(),
    );
    const served = await app.inject({
      method: 'GET',
      url: fileUrl(sha256Of(named)),
      headers: head.headers,
    });
    expect(served.rawPayload.equals(named)).toBe(true);
    // Idempotent: nothing more to remove.
    expect(await cleanUpFiles(backend.db(), clock.ms)).toMatchObject({ uploads: 0, files: 0 });
  });

  it('keeps a file whose attachment arrives weeks after it, within the 30 days', async () => {
    const early = png(3000);
    const never = png(3000);
    expect((await putWhole(clerk, early)).statusCode).toBe(201);
    expect((await putWhole(clerk, never)).statusCode).toBe(201);
    // The colleague who attached it signs in online on that PC three weeks later.
    clock.advance(21 * day);
    expect(await cleanUpFiles(backend.db(), clock.ms)).toMatchObject({ files: 0 });
    await attach(sha256Of(early), early.length);
    clock.advance(60 * day);
    expect(await cleanUpFiles(backend.db(), clock.ms)).toMatchObject({ files: 1 });
    expect(await stored()).toEqual([sha256Of(early)]);
  });

  it("caps one account's unfinished uploads, counted on their declared sizes", async () => {
    const fits = Math.floor(maxUnfinishedUploadBytes / maxFileBytes);
    for (let i = 0; i < fits; i += 1)
      expect((await startUpload(clerk, maxFileBytes)).statusCode).toBe(202);
    const refused = await startUpload(clerk, maxFileBytes);
    expect(refused.statusCode).toBe(429);
    const { error } = refused.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/unfinished uploads/);
    expect(refused.headers['retry-after']).toBe('3600');
    expect(await uploadsLeft()).toBe(fits);
    // Even a small one: the room is taken.
    expect((await startUpload(clerk, 1000)).statusCode).toBe(429);

    // Another account is not held up, and a whole file is no half upload.
    expect((await startUpload(head, maxFileBytes)).statusCode).toBe(202);
    expect((await putWhole(clerk, png(2000))).statusCode).toBe(201);

    // Restarting or resuming one of its own uploads takes no new room.
    const own = png(40_000);
    await backend.db().query('TRUNCATE file_uploads');
    for (let i = 0; i < fits - 1; i += 1) await startUpload(clerk, maxFileBytes);
    expect((await putPiece(clerk, own, 0, 10_000)).statusCode).toBe(202);
    expect((await startUpload(clerk, maxFileBytes)).statusCode).toBe(429);
    expect((await putPiece(clerk, own, 0, 10_000)).statusCode).toBe(202);
    expect((await putPiece(clerk, own, 10_000, 30_000)).statusCode).toBe(201);
    // Finished, it no longer counts.
    expect((await startUpload(clerk, maxFileBytes)).statusCode).toBe(202);

    // Stale ones go, and the room comes back.
    clock.advance(25 * hour);
    expect((await startUpload(clerk, maxFileBytes)).statusCode).toBe(429);
    await cleanUpFiles(backend.db(), clock.ms);
    expect((await startUpload(clerk, maxFileBytes)).statusCode).toBe(202);
  });

  it('holds to the cap when one account starts many uploads at once', async () => {
    const fits = Math.floor(maxUnfinishedUploadBytes / maxFileBytes);
    const answers = await Promise.all(
      Array.from({ length: fits + 6 }, () => startUpload(clerk, maxFileBytes)),
    );
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes.filter((code) => code === 202)).toHaveLength(fits);
    expect(codes.filter((code) => code === 429)).toHaveLength(6);
    expect(await uploadsLeft()).toBe(fits);
  });

  it('lets several cleanups run at once, each file removed once', async () => {
    for (let round = 0; round < 3; round += 1) {
      await backend.db().query('TRUNCATE files, file_uploads');
      const orphans = Array.from({ length: 12 }, () => png(1000 + round));
      for (const bytes of orphans) expect((await putWhole(clerk, bytes)).statusCode).toBe(201);
      for (let i = 0; i < 5; i += 1) await startUpload(clerk, 50_000);
      clock.advance(31 * day);
      const rules = { ...defaultFileCleanupRules, batchSize: 2 };
      const runs = await Promise.all([
        cleanUpFiles(backend.db(), clock.ms, rules),
        cleanUpFiles(backend.another(), clock.ms, rules),
        cleanUpFiles(backend.another(), clock.ms, rules),
      ]);
      // Whichever held the lock last finished the work; the others left it to that one.
      expect(await stored()).toEqual([]);
      expect(await uploadsLeft()).toBe(0);
      expect(runs.reduce((sum, run) => sum + run.files, 0)).toBe(12);
      expect(runs.reduce((sum, run) => sum + run.uploads, 0)).toBe(5);
      expect(await cleanUpFiles(backend.db(), clock.ms, rules)).toEqual({
        ran: true,
        uploads: 0,
        files: 0,
        bytes: 0,
      });
    }
  });

  it('runs on a timer that logs counts only and stops when the server closes', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const timed = Fastify({ logger: { level: 'info', stream } });
    scheduleFileCleanup(timed, { db: backend.db(), now: clock.now }, { intervalMs: 20 });
    await timed.ready();
    const bytes = png(2000);
    expect((await putWhole(clerk, bytes)).statusCode).toBe(201);
    clock.advance(31 * day);
    await expect.poll(() => stored(), { timeout: 20_000, interval: 20 }).toEqual([]);
    await timed.close();

    const reports = lines
      .map((line) => JSON.parse(line) as { msg?: string; fileCleanup?: unknown })
      .filter((entry) => entry.msg === 'file cleanup');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.some((entry) => JSON.stringify(entry.fileCleanup).includes('"files":1'))).toBe(
      true,
    );
    expect(lines.join('')).not.toContain(sha256Of(bytes));

    // Closed: no run any more, so a file left now stays.
    expect((await putWhole(clerk, png(2000))).statusCode).toBe(201);
    clock.advance(31 * day);
    const count = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await stored()).toHaveLength(1);
    expect(lines.length).toBe(count);
  });
});
