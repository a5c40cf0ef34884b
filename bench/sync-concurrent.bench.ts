/**
 * Issue 4, item 15 (c): 50 clients at once, each with its own account and token, each cycling
 * push (5 edits of its own cases) then pull from its cursor, over HTTP on loopback; latency of
 * every request and every cycle, errors, the server process's RSS (sampled, and its peak) and the
 * share of a core it used. Three loads, one after the other:
 *
 * - paced, aligned (the goal is judged on this one): each client syncs every 5 s, as the app does,
 *   and all 50 start each round at the same instant, as after an outage, so every request meets
 *   the 49 others;
 * - paced, random phases: the same every 5 s, each client at its own phase (seeded), as the PCs'
 *   timers fall in a real office: the everyday load;
 * - closed loop: no pause at all, a saturation test: there latency is clients / throughput
 *   (Little's law), a figure of this machine's capacity rather than of a commune's load.
 *
 * Paced loads start with one round that is not counted: it opens the server's pool connections
 * (a server under everyday load keeps them); its slowest request is reported apart.
 *
 * Baseline in the same run: the closed loop with one client alone.
 *
 *   npx tsx bench/sync-concurrent.bench.ts [clients] [seconds]   (default 50 and 20; paced
 *   loads run three times as long, for as many samples)
 */
import { Random } from './generate/random';
import { percentile } from './support/latency';
import { mb, ms, printTable, ratio, verdict, writeResult } from './support/report';
import { benchPassword, startBenchServer, type BenchServer } from './support/sync-bench-server';
import { HttpDevice } from './support/sync-http-device';
import type { SyncServerProcess } from './support/sync-processes';
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

/** A cycle every `periodMs`: at the same instant for all (aligned) or at each one's phase. */
interface Pace {
  periodMs: number;
  phase: 'aligned' | 'random';
}

interface LoadRun {
  clients: number;
  seconds: number;
  pace: Pace | null;
  /** Paced loads: the slowest request of the uncounted first round. */
  warmUpMax: number | null;
  /** The server process's CPU time over the wall time of the load: 1.0 is one core busy. */
  serverCores: number;
  cycles: number;
  request: Percentiles;
  push: Percentiles;
  pull: Percentiles;
  cycle: Percentiles;
  errors: string[];
}

export interface SyncConcurrentResult {
  backend: 'postgres' | 'pglite';
  connection: BenchServer['connection'];
  /** What the goal is judged on (see the head of this file). */
  pacedAligned: LoadRun;
  pacedRandom: LoadRun;
  /** The original closed loop, kept for comparison with earlier runs. */
  concurrent: LoadRun;
  alone: LoadRun;
  serverRss: { idleBefore: number; maxSampled: number; peak: number };
  targets: { p99Ms: number; serverRssMb: number };
}

const targets = { p99Ms: 250, serverRssMb: 300 };
const casesPerClient = 20;
const editsPerPush = 5;
/** The app's background sync interval (core.ts, syncIntervalMs). */
const appSyncIntervalMs = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function load(
  devices: readonly { device: HttpDevice; cases: string[] }[],
  seconds: number,
  server: SyncServerProcess,
  pace: Pace | null = null,
): Promise<LoadRun> {
  const pushes: number[] = [];
  const pulls: number[] = [];
  const cycles: number[] = [];
  const errors: string[] = [];
  const warmUp: number[] = [];
  const random = new Random(4);
  const phases = devices.map(() => (pace?.phase === 'random' ? random.next() * pace.periodMs : 0));
  const cpuBefore = (await server.memory()).cpuMs;
  const begun = performance.now();
  // The uncounted round: one period before the measured ones.
  const started = begun + (pace?.periodMs ?? 0);
  const until = started + seconds * 1000;
  await Promise.all(
    devices.map(async ({ device, cases }, index) => {
      let turn = index;
      for (let round = pace ? -1 : 0; ; round++) {
        if (pace) await sleep(started + phases[index]! + round * pace.periodMs - performance.now());
        if (performance.now() >= until) break;
        // Requests of the uncounted round go aside.
        const counted = round >= 0;
        const cycleStart = performance.now();
        try {
          const edits = Array.from({ length: editsPerPush }, (_, k) =>
            locationEdit(device, cases[(turn + k) % cases.length]!),
          );
          turn += editsPerPush;
          let requestStart = performance.now();
          const results = await device.push(edits);
          (counted ? pushes : warmUp).push(performance.now() - requestStart);
          const refused = results.filter((r) => r.status !== 'accepted');
          if (refused.length > 0) errors.push(`refused: ${JSON.stringify(refused[0])}`);
          requestStart = performance.now();
          let page;
          do {
            page = await device.pullPage();
            (counted ? pulls : warmUp).push(performance.now() - requestStart);
            requestStart = performance.now();
          } while (page.hasMore);
        } catch (error) {
          errors.push(String(error));
        }
        if (counted) cycles.push(performance.now() - cycleStart);
      }
    }),
  );
  const wallMs = performance.now() - begun;
  const cpuAfter = (await server.memory()).cpuMs;
  return {
    clients: devices.length,
    seconds,
    pace,
    serverCores: (cpuAfter - cpuBefore) / wallMs,
    warmUpMax: pace ? Math.max(...warmUp) : null,
    cycles: cycles.length,
    request: percentiles([...pushes, ...pulls]),
    push: percentiles(pushes),
    pull: percentiles(pulls),
    cycle: percentiles(cycles),
    errors: errors.slice(0, 20),
  };
}

/** Runs a load while sampling the server's RSS every 250 ms; returns the load and the max. */
async function sampled(
  server: SyncServerProcess,
  run: () => Promise<LoadRun>,
): Promise<{ run: LoadRun; maxRss: number }> {
  let maxRss = 0;
  const sampler = setInterval(() => {
    void server.memory().then((m) => {
      maxRss = Math.max(maxRss, m.rss);
    });
  }, 250);
  try {
    return { run: await run(), maxRss };
  } finally {
    clearInterval(sampler);
  }
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
    const alone = await load(
      devices.slice(0, 1),
      Math.max(3, Math.round(seconds / 4)),
      server.process,
    );
    const pacedSeconds = seconds * 3;
    const aligned = await sampled(server.process, () =>
      load(devices, pacedSeconds, server.process, {
        periodMs: appSyncIntervalMs,
        phase: 'aligned',
      }),
    );
    const randomPhases = await sampled(server.process, () =>
      load(devices, pacedSeconds, server.process, { periodMs: appSyncIntervalMs, phase: 'random' }),
    );
    const closed = await sampled(server.process, () => load(devices, seconds, server.process));
    const { peakRss } = await server.process.memory();
    const maxSampled = Math.max(aligned.maxRss, randomPhases.maxRss, closed.maxRss);
    const judged = aligned.run;
    const result: SyncConcurrentResult = {
      backend: server.backend,
      connection: server.connection,
      pacedAligned: aligned.run,
      pacedRandom: randomPhases.run,
      concurrent: closed.run,
      alone,
      serverRss: { idleBefore, maxSampled, peak: peakRss },
      targets,
    };
    const row = (label: string, run: LoadRun, key: 'request' | 'push' | 'pull' | 'cycle') => [
      label,
      ms(run[key].p50),
      ms(run[key].p95),
      ms(run[key].p99),
      ms(run[key].max),
      `${ms(alone[key].p99)} alone`,
      ratio(run[key].p99, alone[key].p99),
    ];
    const loads: [string, LoadRun, number][] = [
      [`paced every ${appSyncIntervalMs / 1000} s, aligned (judged)`, aligned.run, aligned.maxRss],
      [
        `paced every ${appSyncIntervalMs / 1000} s, random phases`,
        randomPhases.run,
        randomPhases.maxRss,
      ],
      ['closed loop, no pause (saturation)', closed.run, closed.maxRss],
    ];
    for (const [label, run, maxRss] of loads) {
      printTable(
        `Sync (c): ${clients} clients, ${label}, ${run.seconds} s, push ${editsPerPush} edits + pull, server on ${server.backend} (${server.connection}): ${run.cycles} cycles, server ${(run.serverCores * 100).toFixed(0)}% of a core, RSS max ${mb(maxRss)}, ${run.errors.length} errors${run.warmUpMax === null ? '' : `, uncounted first round's slowest request ${ms(run.warmUpMax)}`}`,
        ['measure', 'p50', 'p95', 'p99', 'max', 'baseline p99', 'ratio'],
        [
          row('every request (push or pull page)', run, 'request'),
          row('push', run, 'push'),
          row('pull page', run, 'pull'),
          row('cycle (push + pull)', run, 'cycle'),
        ],
      );
    }
    printTable(
      'verdicts (paced, aligned)',
      ['measure', 'value', 'target'],
      [
        [
          'request p99',
          ms(judged.request.p99),
          `<= ${targets.p99Ms} ms: ${verdict(judged.request.p99, targets.p99Ms)}`,
        ],
        [
          'cycle p99',
          ms(judged.cycle.p99),
          `<= ${targets.p99Ms} ms: ${verdict(judged.cycle.p99, targets.p99Ms)}`,
        ],
        ['errors', String(judged.errors.length), 'none'],
        ['cycles done', String(judged.cycles), ''],
        [
          'server peak RSS (all loads)',
          `${mb(peakRss)} (sampled max ${mb(maxSampled)}, idle ${mb(idleBefore)})`,
          `<= ${targets.serverRssMb} MB: ${verdict(peakRss / 1048576, targets.serverRssMb)}`,
        ],
      ],
    );
    for (const [label, run] of loads)
      if (run.errors.length > 0) console.log(`${label}:\n${run.errors.slice(0, 5).join('\n')}`);
    console.log(`written to ${writeResult('sync-concurrent', result)}`);
  } finally {
    await server.stop();
  }
}

await main();
