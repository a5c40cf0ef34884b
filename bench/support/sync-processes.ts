import { fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ClientRun } from './sync-client-child';
import type { SyncServerMessage } from './sync-server-child';
import { projectRoot } from './report';

export interface SyncServerProcess {
  url: string;
  pid: number;
  /** RSS now and at its peak, and the CPU time (user + system) the process has used so far. */
  memory(): Promise<{ rss: number; peakRss: number; heapUsed: number; cpuMs: number }>;
  stop(): Promise<void>;
}

/** The central server (support/sync-server-child.ts) in its own Node process. */
export function startSyncServer(target: string): Promise<SyncServerProcess> {
  const child = fork(join(projectRoot, 'bench/support/sync-server-child.ts'), [target], {
    cwd: projectRoot,
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      // MAKTAB_BENCH_SERVER_CPU_PROF=dir: a V8 CPU profile of the server's process (diagnosis).
      ...(process.env.MAKTAB_BENCH_SERVER_CPU_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.MAKTAB_BENCH_SERVER_CPU_PROF]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends SyncServerMessage['type']>(
    type: T,
  ): Promise<Extract<SyncServerMessage, { type: T }>> =>
    new Promise((resolveMessage, reject) => {
      const onMessage = (message: SyncServerMessage): void => {
        if (message.type !== type) return;
        cleanUp();
        resolveMessage(message as Extract<SyncServerMessage, { type: T }>);
      };
      const onExit = (code: number | null): void => {
        cleanUp();
        reject(new Error(`sync server exited (${code}) before sending ${type}`));
      };
      const cleanUp = (): void => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  return next('ready').then(({ url }) => ({
    url,
    pid: child.pid ?? 0,
    memory: async () => {
      const reply = next('memory');
      child.send({ type: 'memory' });
      const { rss, peakRss, heapUsed, cpuMs } = await reply;
      return { rss, peakRss, heapUsed, cpuMs };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.send({ type: 'stop' });
      await exited;
    },
  }));
}

/** Runs support/sync-client-child.ts to completion and returns what it printed last. */
export function runSyncClient(args: readonly string[]): Promise<ClientRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        // MAKTAB_BENCH_CPU_PROF=dir: a V8 CPU profile of the app's process (diagnosis).
        ...(process.env.MAKTAB_BENCH_CPU_PROF
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.MAKTAB_BENCH_CPU_PROF]
          : []),
        join(projectRoot, 'bench/support/sync-client-child.ts'),
        ...args,
      ],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`sync client exited ${code}: ${out.slice(-2000)}`));
      try {
        resolveRun(JSON.parse(last) as ClientRun);
      } catch {
        reject(new Error(`sync client printed no result: ${out.slice(-2000)}`));
      }
    });
  });
}
