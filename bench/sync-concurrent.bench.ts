/**
 * Issue 4, item 15 (c): 50 clients at once, each with its own account and token, each in a loop of
 * push (5 edits of its own cases) then pull from its cursor, over HTTP on loopback; latency of
 * every request and every cycle, errors, and the server process's RSS (sampled, and its peak).
 * Baseline in the same run: the same loop with one client alone.
 *
 *   npx tsx bench/sync-concurrent.bench.ts [clients] [seconds]   (default 50 and 20)
 */
import { percentile } from './support/latency';
import { mb, ms, printTable, ratio, verdict, writeResult } from './support/report';
import { benchPassword, startBenchServer } from './support/sync-bench-server';
import { HttpDevice } from './support/sync-http-device';
import { locationEdit, registerComplaints } from './support/sync-seed';

interface Percentiles {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

interface LoadRun {
  clients: number;
  seconds: number;
  cycles: number;
  request: Percentiles;
  push: Percentiles;
  pull: Percentiles;
  cycle: Percentiles;
  errors: string[];
}

export interface SyncConcurrentResult {
  backend: 'postgres' | 'pglite';
  concurrent: LoadRun;
  alone: LoadRun;
  serverRss: { idleBefore: number; maxSampled: number; peak: number };
  targets: { p99Ms: number; serverRssMb: number };
}

const targets = { p99Ms: 250, serverRssMb: 300 };
const casesPerClient = 20;
const editsPerPush = 5;

async function load(
  devices: readonly { device: HttpDevice; cases: string[] }[],
  seconds: number,
): Promise<LoadRun> {
  const push: number[] = [];
  const pull: number[] = [];
  const cycle: number[] = [];
  const errors: string[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    devices.map(async ({ device, cases }, index) => {
      let turn = index;
      while (performance.now() < until) {
        const cycleStart = performance.now();
        try {
          const edits = Array.from({ length: editsPerPush }, (_, k) =>
            locationEdit(device, cases[(turn + k) % cases.length]!),
          );
          turn += editsPerPush;
          let started = performance.now();
          const results = await device.push(edits);
          push.push(performance.now() - started);
          const refused = results.filter((r) => r.status !== 'accepted');
          if (refused.length > 0) errors.push(`refused: ${JSON.stringify(refused[0])}`);
          started = performance.now();
          let page;
          do {
            page = await device.pullPage();
            pull.push(performance.now() - started);
            started = performance.now();
          } while (page.hasMore);
        } catch (error) {
          errors.push(String(error));
        }
        cycle.push(performance.now() - cycleStart);
      }
    }),
  );
  return {
    clients: devices.length,
    seconds,
    cycles: cycle.length,
    request: percentiles([...push, ...pull]),
    push: percentiles(push),
    pull: percentiles(pull),
    cycle: percentiles(cycle),
    errors: errors.slice(0, 20),
  };
}

async function main(): Promise<void> {
  const clients = Number(process.argv[2] ?? 50);
  const seconds = Number(process.argv[3] ?? 20);
  const users = Array.from({ length: clients }, (_, n) => ({
    username: `benchclerk${String(n).padStart(2, '0')}`,
    roles: ['clerk' as const],
  }));
  const server = await startBenchServer({ users });
  try {
    const devices: { device: HttpDevice; cases: string[] }[] = [];
    for (const user of users) {
      const device = await HttpDevice.signIn(server.process.url, user.username, benchPassword);
      devices.push({ device, cases: await registerComplaints(device, casesPerClient) });
    }
    // Each starts from the log, as a PC that has already had its first pull.
    for (const { device } of devices) await device.pullAll();
    const idleBefore = (await server.process.memory()).rss;
    const alone = await load(devices.slice(0, 1), Math.max(3, Math.round(seconds / 4)));
    let maxSampled = 0;
    const sampler = setInterval(() => {
      void server.process.memory().then((m) => {
        maxSampled = Math.max(maxSampled, m.rss);
      });
    }, 250);
    const concurrent = await load(devices, seconds);
    clearInterval(sampler);
    const { peakRss } = await server.process.memory();
    const result: SyncConcurrentResult = {
      backend: server.backend,
      concurrent,
      alone,
      serverRss: { idleBefore, maxSampled, peak: peakRss },
      targets,
    };
    const row = (label: string, run: LoadRun, key: 'request' | 'push' | 'pull' | 'cycle') => [
      label,
      ms(run[key].p50),
      ms(run[key].p99),
      ms(run[key].max),
      `${ms(alone[key].p99)} alone`,
      ratio(run[key].p99, alone[key].p99),
    ];
    printTable(
      `Sync (c): ${clients} clients for ${seconds} s, push ${editsPerPush} edits + pull, server on ${server.backend}`,
      ['measure', 'p50', 'p99', 'max', 'baseline p99', 'ratio'],
      [
        row('every request (push or pull page)', concurrent, 'request'),
        row('push', concurrent, 'push'),
        row('pull page', concurrent, 'pull'),
        row('cycle (push + pull)', concurrent, 'cycle'),
      ],
    );
    printTable(
      'verdicts',
      ['measure', 'value', 'target'],
      [
        [
          'request p99',
          ms(concurrent.request.p99),
          `<= ${targets.p99Ms} ms: ${verdict(concurrent.request.p99, targets.p99Ms)}`,
        ],
        [
          'cycle p99',
          ms(concurrent.cycle.p99),
          `<= ${targets.p99Ms} ms: ${verdict(concurrent.cycle.p99, targets.p99Ms)}`,
        ],
        ['errors', String(concurrent.errors.length), 'none'],
        ['cycles done', String(concurrent.cycles), ''],
        [
          'server peak RSS',
          `${mb(peakRss)} (sampled max ${mb(maxSampled)}, idle ${mb(idleBefore)})`,
          `<= ${targets.serverRssMb} MB: ${verdict(peakRss / 1048576, targets.serverRssMb)}`,
        ],
      ],
    );
    if (concurrent.errors.length > 0) console.log(concurrent.errors.slice(0, 5).join('\n'));
    console.log(`written to ${writeResult('sync-concurrent', result)}`);
  } finally {
    await server.stop();
  }
}

await main();
