import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { readMeta } from '../src/core/settings/local-settings';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { serverDeviceId } from '../src/server/sync/server-stamp';
import { complaintsTable } from '../src/shared/tables/complaints.tables';
import { InFlightFetch, type RequestKind } from './in-flight-fetch';
import { seededRandom, sleep } from './seeded-random';
import { ServerProcess } from './server-process';
import { ClientUnderTest, syncAll } from './sync-world';

/**
 * The central server killed (SIGKILL) at random moments, most of them while it works on a push or
 * pull batch, then started again on the same PostgreSQL database, while three PCs register and
 * edit cases and sync in loops. Nothing may be lost or stored twice, every PC ends with the same
 * rows, and the official numbers stay gapless. MAKTAB_KILL_SEED replays another seed. It starts
 * its own PostgreSQL (Debian's `postgresql`, which .ci/run installs); MAKTAB_SKIP_POSTGRES=1
 * skips it.
 */

const seed = Number(process.env.MAKTAB_KILL_SEED ?? 414);
/**
 * At least this many kills; more while too few of them have cut a transaction or caught a request
 * in flight.
 */
const kills = 24;
/**
 * Kills that must land inside a transaction the server had open, and more than half of all kills
 * with a request in flight. Where a kill lands depends on the machine's timing, so the test kills
 * again (up to `maxKills`) until both hold, rather than hoping a fixed number of kills is enough.
 */
const cutsWanted = Math.ceil(kills / 4);
const maxKills = kills * 3;
/** Low, so a PC's pull takes many batches and a kill finds one in flight more often. */
const pullLimit = 40;
/**
 * What each kill waits for before it strikes; undefined: any request. Pushes come first: a push
 * is the server's write transaction (judging, the log, official numbers), a pull only reads.
 */
const targets: readonly (RequestKind | undefined)[] = ['push', 'push', 'pull', undefined];

interface Office {
  username: string;
  pc: ClientUnderTest;
  /** Every case this PC saved (each create committed locally before it returned). */
  created: string[];
}

const watcher = new InFlightFetch();
const skip = process.env.MAKTAB_SKIP_POSTGRES === '1';
let server: ServerProcess;
let offices: Office[] = [];

beforeAll(async () => {
  if (skip) return;
  server = await ServerProcess.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'omar', roles: ['head'] },
  ]);
  offices = ['karim', 'nadia', 'omar'].map((username) => ({
    username,
    pc: new ClientUnderTest(username, { fetch: watcher.fetch, pullLimit }),
    created: [],
  }));
  for (const office of offices) await office.pc.join(server, office.username);
}, 60_000);

afterAll(async () => {
  for (const office of offices) office.pc.dispose();
  await server?.close();
});

const editable: Record<string, readonly unknown[]> = {
  district: ['حي الأندلس', 'حي السلام', 'حي المنصور', 'Centre-ville'],
  location: [null, 'قرب المسجد', 'أمام المدرسة'],
  urgent: [true, false],
  citizen_phone: [null, '0612345678', '0539917700'],
};

/**
 * One PC at work until told to stop: registers cases, edits cases it holds (its own and those
 * pulled from the others), syncs. While the server is down it keeps a little work coming, so the
 * first pushes after a restart are large batches.
 */
async function work(office: Office, next: () => number, working: () => boolean): Promise<void> {
  const { pc } = office;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let online = true;
  for (let round = 0; working(); round += 1) {
    const creates = online ? 1 + Math.floor(next() * 6) : next() < 0.4 ? 1 : 0;
    for (let i = 0; i < creates; i += 1) {
      const subject = `${office.username} ${round}-${i}`;
      office.created.push(
        pc.ok('complaints:create', intakeInput(lightingCategory, { subject })).id,
      );
    }
    const here = pc.core
      .database()
      .prepare('SELECT id FROM complaints WHERE deleted = 0')
      .all() as { id: string }[];
    for (let i = Math.floor(next() * 6); i > 0 && here.length > 0; i -= 1) {
      const column = pick(Object.keys(editable));
      const id = pick(here).id;
      pc.core.runInTransaction('mutation', (ctx) =>
        ctx.write.update(complaintsTable, id, { [column]: pick(editable[column]!) }),
      );
    }
    pc.clock.advance(1 + Math.floor(next() * 400));
    await pc.sync();
    online = pc.status().state === 'online';
    if (!online) await sleep(80 + Math.floor(next() * 80));
  }
}

function localChanges(pc: ClientUnderTest, device: string): { total: number; ids: number } {
  return pc.core
    .database()
    .prepare('SELECT count(*) AS total, count(DISTINCT id) AS ids FROM changes WHERE device_id = ?')
    .get(device) as { total: number; ids: number };
}

describe.skipIf(skip)('the central server killed (SIGKILL) during batches', () => {
  it(`loses and duplicates nothing across ${kills} kills or more (seed ${seed})`, async () => {
    const next = seededRandom(seed);
    let working = true;
    const loops = offices.map((office, index) =>
      work(office, seededRandom(seed * 7 + index + 1), () => working),
    );
    const hits: Record<RequestKind, number> = { push: 0, pull: 0, other: 0 };
    let inFlight = 0;
    /** Kills after which PostgreSQL rolled back a transaction the server had open. */
    let cutTransactions = 0;
    let rollbacks = await server.rollbacks();
    const started = performance.now();
    let kill = 0;
    const enough = () => cutTransactions >= cutsWanted && inFlight > kill / 2;
    try {
      for (; kill < kills || (!enough() && kill < maxKills); kill += 1) {
        // Let the PCs work a while, wait for a push (or a pull, or any request) to go out, then
        // strike somewhere within the time such a request takes: while the server reads it,
        // judges it, writes, commits or answers.
        await sleep(150 + Math.floor(next() * 450));
        const target = targets[kill % targets.length];
        await watcher.whenFlying(2_000, target);
        await sleep(Math.floor(next() * 1.5 * watcher.medianMs(target ?? 'pull')));
        const flying = watcher.inFlight();
        await server.kill();
        if (flying.length > 0) inFlight += 1;
        for (const kind of new Set(flying)) hits[kind] += 1;
        // Down for a moment: the PCs find it unreachable and keep working offline.
        await sleep(Math.floor(next() * 300));
        await server.up();
        const rolledBack = await server.rollbacks();
        if (rolledBack > rollbacks) cutTransactions += 1;
        rollbacks = rolledBack;
      }
    } finally {
      working = false;
      await Promise.all(loops);
    }

    await server.up();
    const pcs = offices.map((office) => office.pc);
    await syncAll(pcs, 3);
    console.info(
      `[server kills] ${kill} kills (seed ${seed}), ${inFlight} with a request in flight ` +
        `(push ${hits.push}, pull ${hits.pull}), ${cutTransactions} cut a transaction; cases ` +
        `${offices.map((office) => `${office.username} ${office.created.length}`).join(', ')}; ` +
        `median push ${Math.round(watcher.medianMs('push'))} ms, ` +
        `pull ${Math.round(watcher.medianMs('pull'))} ms; ` +
        `${Math.round((performance.now() - started) / 1000)} s`,
    );
    expect(watcher.serverErrors, server.logs()).toEqual([]);
    // Each kill ended a process and a new one served the same database.
    expect(server.starts).toBe(kill + 1);
    expect(inFlight).toBeGreaterThan(kill / 2);
    expect(cutTransactions).toBeGreaterThanOrEqual(cutsWanted);

    for (const pc of pcs)
      expect(pc.status()).toMatchObject({ state: 'online', pending: 0, rejections: 0 });

    // Each PC's changes reached the server once each; no PC keeps one twice.
    for (const { pc } of offices) {
      const device = readMeta(pc.core.database(), 'device_id')!;
      const mine = localChanges(pc, device);
      expect(mine.total).toBe(mine.ids);
      expect(
        await server.count('SELECT count(*) AS n FROM change_log WHERE device_id = $1', [device]),
      ).toBe(mine.total);
      for (const other of pcs) {
        const received = localChanges(other, device);
        expect(received.total).toBe(received.ids);
      }
    }

    // Every case saved on a PC is on the server once: its subject (never edited) logged once.
    const saved = offices.flatMap((office) => office.created).sort();
    expect(new Set(saved).size).toBe(saved.length);
    const subjects = await server.db.query<{ row_id: string; n: number }>(
      `SELECT row_id, count(*)::int AS n FROM change_log
       WHERE tbl = 'complaints' AND col = 'subject' GROUP BY row_id ORDER BY row_id`,
    );
    expect(subjects.map((row) => row.row_id)).toEqual(saved);
    expect(subjects.every((row) => row.n === 1)).toBe(true);

    // Official numbers, the server's changes (a PC's own say null): one per case, given once,
    // 2026/0001 up to the count with no gap.
    const numbers = await server.db.query<{ row_id: string; n: number; number: string }>(
      `SELECT row_id, count(*)::int AS n, max(value::jsonb #>> '{}') AS number FROM change_log
       WHERE tbl = 'complaints' AND col = 'official_number' AND device_id = $1
       GROUP BY row_id`,
      [serverDeviceId],
    );
    expect(numbers).toHaveLength(saved.length);
    expect(numbers.filter((row) => row.n !== 1)).toEqual([]);
    const expected = saved.map((_, index) => `2026/${String(index + 1).padStart(4, '0')}`);
    expect(numbers.map((row) => row.number).sort()).toEqual(expected);
    expect(
      await server.count(
        "SELECT last AS n FROM register_counters WHERE register = 'complaints' AND year = 2026",
      ),
    ).toBe(saved.length);

    // Every PC holds the same rows and cells, numbers included.
    const [first, ...others] = pcs.map((pc) => pc.syncedRows());
    for (const other of others) expect(other).toEqual(first);
    const held = (first!.complaints as { id: string; official_number: string | null }[]).map(
      (row) => [row.id, row.official_number],
    );
    expect(held.map(([id]) => id)).toEqual(saved);
    expect(held.map(([, number]) => number).sort()).toEqual(expected);
    // About a second a kill on a quiet machine; up to `maxKills` of them on a slow one, which is
    // exactly when the loop goes on past `kills`.
  }, 600_000);
});
