/**
 * The central server in its own Node process, so its memory is its own (sync benchmarks):
 *
 *   sync-server-child.ts <databaseUrl | pglite:dataDir>
 *
 * Started by support/sync-processes.ts with `node --import tsx --expose-gc`; answers `memory`
 * with its RSS now and its peak so far, and stops on `stop`.
 */
import { buildServer } from '../../src/server/app';
import { openServerDb } from '../../src/server/db/open-server-db';
import { openPgServerDb } from '../../src/server/db/pg-server-db';

export type SyncServerMessage =
  | { type: 'ready'; url: string }
  | { type: 'memory'; rss: number; peakRss: number; heapUsed: number; cpuMs: number };

const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: sync-server-child.ts <databaseUrl | pglite:dataDir>');
// MAKTAB_BENCH_POOL=n: a pool of n connections instead of the server's default (diagnosis).
const pool = Number(process.env.MAKTAB_BENCH_POOL ?? 0);
const db =
  pool > 0 && !target.startsWith('pglite:')
    ? openPgServerDb(target, pool)
    : await openServerDb(
        target.startsWith('pglite:')
          ? { databaseUrl: undefined, dataDir: target.slice('pglite:'.length) }
          : { databaseUrl: target, dataDir: '' },
      );
const app = await buildServer({ db });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const cpuMsOf = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

function send(message: SyncServerMessage): void {
  process.send?.(message);
}

process.on('message', (message: { type: 'memory' | 'stop' }) => {
  if (message.type === 'memory') {
    const usage = process.memoryUsage();
    send({
      type: 'memory',
      rss: usage.rss,
      peakRss: process.resourceUsage().maxRSS * 1024,
      heapUsed: usage.heapUsed,
      cpuMs: cpuMsOf(process.cpuUsage()),
    });
  } else if (message.type === 'stop') {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  }
});
send({ type: 'ready', url: `http://127.0.0.1:${port}` });
