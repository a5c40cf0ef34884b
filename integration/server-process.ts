import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { postgresBinDir, startCluster, type PostgresCluster } from '../scripts/postgres-cluster';
import { migrateServerDb } from '../src/server/db/migrations';
import { openPgServerDb } from '../src/server/db/pg-server-db';
import type { ServerDb, SqlParam } from '../src/server/db/server-db';
import { seedUser } from '../src/server/testing/test-clients';
import type { StaffSeed } from './sync-world';

/**
 * The central server as production runs it (`npm run server`: src/server/main.ts in a process of
 * its own) on a throwaway PostgreSQL cluster on loopback, so a test can kill it with SIGKILL and
 * start it again on the same database and address. Each process is spawned ahead, its code
 * loaded while the one before serves (server-standby.ts).
 */

const root = join(import.meta.dirname, '..');
/** What the server printed last, for a failure's message (its JSON logs can be long). */
const keptOutput = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  /** The next process, its code loaded, waiting to be told to start. */
  private standby: Promise<ChildProcess> | null = null;
  private output = '';
  readonly users = new Map<string, string>();
  /** Starts so far, the first one included. */
  starts = 0;

  private constructor(
    private readonly cluster: PostgresCluster,
    /** The test's own pool onto the server's database: to seed it and to check it. */
    readonly db: ServerDb,
    private readonly port: number,
  ) {}

  /**
   * Needs PostgreSQL's binaries (Debian's `postgresql` package, which .ci/run installs). The
   * database is migrated and the staff seeded before the first start.
   */
  static async start(staff: readonly StaffSeed[]): Promise<ServerProcess> {
    const bin = postgresBinDir();
    if (bin === null)
      throw new Error(
        'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install it ' +
          '(apt-get install postgresql) or set MAKTAB_SKIP_POSTGRES=1 to skip this test.',
      );
    const cluster = await startCluster(bin);
    const db = openPgServerDb(cluster.url, 4);
    const server = new ServerProcess(cluster, db, await freePort());
    try {
      await migrateServerDb(db);
      for (const person of staff)
        server.users.set(person.username, await seedUser(db, person, Date.now()));
      await server.up();
      return server;
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private keep(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-keptOutput);
  }

  /** A process with the server's code loaded, resolved once it says so. */
  private spawnStandby(): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'server-standby.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(this.port),
          DATABASE_URL: this.cluster.url,
          LOG_LEVEL: 'warn',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) => this.keep(chunk));
    return new Promise((resolve, reject) => {
      let warm = false;
      child.stdout?.on('data', (chunk: Buffer) => {
        if (warm) return this.keep(chunk);
        warm = chunk.toString().includes('warm');
        if (warm) resolve(child);
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`the server ended before it started (${code ?? signal}): ${this.output}`)),
      );
    });
  }

  /**
   * Starts the server (the standby made ready meanwhile, or a new process) and resolves once
   * /health says it and its database answer; the next standby then loads in the background.
   */
  async up(): Promise<void> {
    if (this.child) return;
    const child = await (this.standby ?? this.spawnStandby());
    this.standby = null;
    this.child = child;
    this.starts += 1;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`the server ended while starting (${code ?? signal}): ${this.output}`)),
      ),
    );
    exited.catch(() => undefined);
    child.stdin?.write('start\n');
    const deadline = performance.now() + 30_000;
    for (;;) {
      const healthy = await Promise.race([
        fetch(`${this.url}/health`).then(
          (answer) => answer.ok,
          () => false,
        ),
        exited,
      ]);
      if (healthy) break;
      if (performance.now() > deadline)
        throw new Error(`the server did not start in 30 s: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const next = this.spawnStandby();
    next.catch(() => undefined);
    this.standby = next;
  }

  /** SIGKILL: no shutdown hook runs, open transactions are cut wherever they stand. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child) await killed(child);
  }

  /** What the server printed lately (warnings and errors). */
  logs(): string {
    return this.output;
  }

  async count(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>(sql, params);
    return Number(row?.n ?? 0);
  }

  /**
   * Transactions PostgreSQL rolled back in this database so far. The server's only multi-statement
   * transactions are its writes (a push batch, a sign-in...), which commit unless cut: a kill that
   * lands inside one raises this once its backend sees the connection gone.
   */
  rollbacks(): Promise<number> {
    return this.count(
      'SELECT xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
  }

  async close(): Promise<void> {
    const standby = this.standby;
    this.standby = null;
    try {
      await this.kill();
      const waiting = await standby?.catch(() => null);
      if (waiting) await killed(waiting);
      await this.db.close();
    } finally {
      await this.cluster.stop();
    }
  }
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
