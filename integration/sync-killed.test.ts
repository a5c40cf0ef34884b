import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeta } from '../src/core/settings/local-settings';
import { ClientUnderTest, ServerUnderTest, syncAll, testPassword } from './sync-world';
import { seededRandom } from './seeded-random';

/**
 * The PC's process killed with SIGKILL at random moments while it registers cases and syncs
 * (inside a local transaction, a push, a pull batch...), then started again on the same file:
 * every case it had saved reaches the server and the other PC once, and nothing is duplicated.
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

/** Runs the PC in a child process and kills it `afterMs` after it is ready. */
function runAndKill(pc: ClientUnderTest, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'sync-child.ts'),
        pc.dataDir,
        String(pc.clock.ms),
        'karim',
        testPassword,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended on its own: ${errors}`)),
    );
  });
}

describe('the PC killed (SIGKILL) while it works and syncs', () => {
  const next = seededRandom(2026);
  const kills = Array.from({ length: 24 }, () => 150 + Math.floor(next() * 1_500));
  it(`loses and duplicates nothing across ${kills.length} kills`, async () => {
    const pc = new ClientUnderTest('killed');
    try {
      await pc.join(server, 'karim');
      const device = readMeta(pc.core.database(), 'device_id')!;
      pc.core.close();
      for (const afterMs of kills) await runAndKill(pc, afterMs);
      pc.restart();
      pc.signIn('karim');
      await syncAll([pc, head]);

      expect(pc.status()).toMatchObject({ state: 'online', pending: 0, rejections: 0 });
      const mine = pc.core
        .database()
        .prepare(
          'SELECT count(*) AS total, count(DISTINCT id) AS ids FROM changes WHERE device_id = ?',
        )
        .get(device) as { total: number; ids: number };
      expect(mine.total).toBe(mine.ids);
      expect(
        await server.count('SELECT count(*) AS n FROM change_log WHERE device_id = $1', [device]),
      ).toBe(mine.total);
      const cases = (at: ClientUnderTest) =>
        at.core
          .database()
          .prepare(
            "SELECT * FROM complaints WHERE subject LIKE 'شكاية من عملية مستقلة%' ORDER BY id",
          )
          .all();
      expect(cases(pc).length).toBeGreaterThanOrEqual(kills.length);
      expect(cases(head)).toEqual(cases(pc));
    } finally {
      pc.dispose();
    }
    // Each of the 24 runs starts a Node process of its own (about 1.5 s on a quiet machine).
  }, 360_000);
});
