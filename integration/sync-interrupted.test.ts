import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import type { FetchLike } from '../src/core/sync/sync-transport';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { readMeta } from '../src/core/settings/local-settings';
import { complaintsTable } from '../src/shared/tables/complaints.tables';
import { ClientUnderTest, ServerUnderTest, syncAll } from './sync-world';

/**
 * A run cut at every point of its conversation with the server: the request lost on the way, or
 * the server's answer lost after it committed (the PC killed while waiting). The PC then starts
 * again on the same file. Nothing may be lost, nothing applied or stored twice.
 */

let server: ServerUnderTest;
let head: ClientUnderTest;
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
  ]);
  head = new ClientUnderTest('head');
  await head.join(server, 'nadia');
}, 60_000);
afterAll(async () => {
  head.dispose();
  await server.close();
});

/** The real fetch, cut once at its `at`-th call. */
class CuttableFetch {
  calls = 0;
  happened = false;
  private cut: { at: number; lose: 'request' | 'answer' } | null = null;

  readonly fetch: FetchLike = async (url, init) => {
    this.calls += 1;
    const cut = this.cut;
    if (cut && this.calls === cut.at) {
      this.cut = null;
      this.happened = true;
      if (cut.lose === 'request') throw new TypeError('connection reset before the request');
      const answer = await globalThis.fetch(url, init);
      await answer.text();
      throw new TypeError('killed before reading the answer');
    }
    return globalThis.fetch(url, init);
  };

  cutAt(at: number, lose: 'request' | 'answer'): void {
    this.calls = 0;
    this.cut = { at, lose };
  }
}

function deviceId(pc: ClientUnderTest): string {
  return readMeta(pc.core.database(), 'device_id')!;
}

function localChangesOf(pc: ClientUnderTest, device: string): { total: number; ids: number } {
  return pc.core
    .database()
    .prepare('SELECT count(*) AS total, count(DISTINCT id) AS ids FROM changes WHERE device_id = ?')
    .get(device) as { total: number; ids: number };
}

describe('a sync run cut anywhere', () => {
  // Cuts land in the first push, the second push (over 500 changes) and the pull pages after.
  const points = [1, 2, 3, 4, 5, 6, 8, 10, 12].flatMap((at) =>
    (['request', 'answer'] as const).map((lose) => ({ at, lose })),
  );
  for (const { at, lose } of points) {
    it(`loses and duplicates nothing (call ${at}, ${lose} lost)`, async () => {
      const cutter = new CuttableFetch();
      const pc = new ClientUnderTest(`cut-${at}-${lose}`, { fetch: cutter.fetch, pullLimit: 60 });
      try {
        await pc.join(server, 'karim');
        await pc.sync();
        const ids: string[] = [];
        for (let i = 0; i < 16; i += 1) {
          ids.push(
            pc.ok(
              'complaints:create',
              intakeInput(lightingCategory, { subject: `شكاية رقم ${i + 1}` }),
            ).id,
          );
        }
        pc.core.runInTransaction('mutation', (ctx) =>
          ctx.write.update(complaintsTable, ids[0]!, { district: 'حي المنصور' }),
        );
        cutter.cutAt(at, lose);
        await pc.sync();
        expect(cutter.happened).toBe(true);
        expect(pc.status().state).toBe('offline');
        pc.restart();
        pc.signIn('karim');
        await syncAll([pc, head]);

        const device = deviceId(pc);
        const mine = localChangesOf(pc, device);
        expect(pc.status()).toMatchObject({ state: 'online', pending: 0, rejections: 0 });
        expect(mine.total).toBe(mine.ids);
        // The server logged each of this PC's changes once; the head's PC kept none twice.
        expect(
          await server.count('SELECT count(*) AS n FROM change_log WHERE device_id = $1', [device]),
        ).toBe(mine.total);
        const received = localChangesOf(head, device);
        expect(received.total).toBe(received.ids);
        const rows = (pc2: ClientUnderTest) =>
          pc2.core
            .database()
            .prepare(
              `SELECT * FROM complaints WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
            )
            .all(JSON.stringify(ids));
        expect(rows(head)).toHaveLength(ids.length);
        expect(rows(head)).toEqual(rows(pc));
      } finally {
        pc.dispose();
      }
    });
  }
});
