import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { ClientUnderTest, ServerUnderTest } from './sync-world';

/**
 * Resumable downloads (file-transfers.ts fetchWhole): a kept partial as long as the
 * file (or longer) but not the file — a torn last piece as NTFS leaves it after a power cut
 * (size extended, zeros inside) — must not block the download for ever.
 */

const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(size - 8),
  ]);
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let server: ServerUnderTest;
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
  ]);
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function joined(name: string, username: string): Promise<ClientUnderTest> {
  const client = new ClientUnderTest(name);
  await client.join(server, username);
  return client;
}

function attachmentOf(client: ClientUnderTest, caseId: string) {
  const [attachment] = client.ok('cases:get', { id: caseId }).attachments;
  if (!attachment) throw new Error(`${client.name}: no attachment on ${caseId}`);
  return attachment;
}

describe('a damaged partial download', () => {
  for (const [label, damage] of [
    [
      'as long as the file, its last piece zeroed',
      (scan: Buffer) => {
        const torn = Buffer.from(scan);
        torn.fill(0, torn.length - 4096);
        return torn;
      },
    ],
    ['longer than the file', (scan: Buffer) => Buffer.concat([scan, Buffer.alloc(10)])],
  ] as const) {
    it(`a kept partial ${label} is dropped and the file still arrives`, async () => {
      const a = await joined(`review-torn-a-${label.length}`, 'karim');
      const b = await joined(`review-torn-b-${label.length}`, 'nadia');
      try {
        const scan = png(50_000);
        const caseId = a.ok(
          'complaints:create',
          intakeInput(lightingCategory, {
            subject: 'شكاية مع ملف انقطع تنزيله',
            attachments: [
              { fileName: 'بطاقة.png', mimeType: 'image/png', dataBase64: scan.toString('base64') },
            ],
          }),
        ).id;
        await a.sync();
        mkdirSync(join(b.dataDir, 'files', 'incoming'), { recursive: true });
        writeFileSync(join(b.dataDir, 'files', 'incoming', `${sha256Of(scan)}.part`), damage(scan));
        // Every retry after its backoff: the server answers 416 to a range past the end each time.
        for (let attempt = 0; attempt < 4; attempt++) {
          await b.sync();
          b.clock.advance(10 * 60_000);
        }
        b.signIn('nadia');
        const why = b.core
          .database()
          .prepare('SELECT attempts, last_error FROM file_transfers')
          .all();
        expect(attachmentOf(b, caseId).available, JSON.stringify(why)).toBe(true);
      } finally {
        a.dispose();
        b.dispose();
      }
    });
  }
});
