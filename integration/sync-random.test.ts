import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { complaintsTable } from '../src/shared/tables/complaints.tables';
import { ClientUnderTest, ServerUnderTest, syncAll } from './sync-world';
import { seededRandom } from './seeded-random';

let server: ServerUnderTest;
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'omar', roles: ['head'] },
  ]);
}, 60_000);
afterAll(() => server.close());

/** A small seeded generator (mulberry32), so a failing seed can be replayed. */

const choices: Record<string, readonly unknown[]> = {
  subject: ['حفرة في الطريق', 'انقطاع الإنارة العمومية', 'تراكم النفايات', 'Fuite d’eau rue 12'],
  district: ['حي الأندلس', 'حي السلام', 'حي المنصور', 'Centre-ville'],
  location: [null, 'قرب المسجد', 'أمام المدرسة'],
  urgent: [true, false],
  status: ['received', 'routed', 'in_progress'],
  citizen_phone: [null, '0612345678', '0539917700'],
};
// Status, a legally significant column, comes up more often: its concurrent edits are recorded.
const columns = [...Object.keys(choices), 'status', 'status'];
let conflictsSeen = 0;

describe('three PCs editing the same cases offline, the server coming and going', () => {
  for (const seed of [11, 42, 2026]) {
    it(`end identical (seed ${seed})`, async () => {
      const next = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const pcs = [new ClientUnderTest('a'), new ClientUnderTest('b'), new ClientUnderTest('c')];
      try {
        await server.up();
        await pcs[0]!.join(server, 'karim');
        await pcs[1]!.join(server, 'nadia');
        await pcs[2]!.join(server, 'omar');
        const cases: string[] = [];
        for (let i = 0; i < 3; i += 1)
          cases.push(pcs[0]!.ok('complaints:create', intakeInput(lightingCategory)).id);
        await syncAll(pcs);

        for (let step = 0; step < 60; step += 1) {
          const pc = pick(pcs);
          const roll = next();
          if (roll < 0.55) {
            const column = pick(columns);
            // Only a case this PC has already received can be edited here.
            const here = pc.core
              .database()
              .prepare('SELECT id FROM complaints WHERE deleted = 0 ORDER BY id')
              .all() as { id: string }[];
            const id = pick(here).id;
            pc.core.runInTransaction('mutation', (ctx) =>
              ctx.write.update(complaintsTable, id, { [column]: pick(choices[column]!) }),
            );
          } else if (roll < 0.6) {
            cases.push(pc.ok('complaints:create', intakeInput(lightingCategory)).id);
          } else if (roll < 0.9) {
            await pc.sync();
          } else if (roll < 0.95) {
            await server.down();
          } else {
            await server.up();
          }
          pc.clock.advance(Math.floor(next() * 3_000));
        }

        await server.up();
        await syncAll(pcs, 3);
        const [first, ...others] = pcs.map((pc) => pc.syncedRows());
        for (const other of others) expect(other).toEqual(first);
        for (const pc of pcs) expect(pc.status()).toMatchObject({ state: 'online', pending: 0 });
        // Recorded on the PCs, whoever is signed in there (a clerk is shown none: not theirs).
        conflictsSeen += pcs.reduce(
          (sum, pc) =>
            sum +
            (
              pc.core.database().prepare('SELECT count(*) AS n FROM sync_conflicts').get() as {
                n: number;
              }
            ).n,
          0,
        );
        // Every case got its official number, and the same one everywhere.
        const numbers = (first!.complaints as { official_number: string | null }[]).map(
          (row) => row.official_number,
        );
        expect(numbers.every((number) => number !== null)).toBe(true);
        expect(new Set(numbers).size).toBe(numbers.length);
      } finally {
        for (const pc of pcs) pc.dispose();
      }
    });
  }

  it('recorded the concurrent status edits among them as conflicts', () => {
    expect(conflictsSeen).toBeGreaterThan(0);
  });
});
