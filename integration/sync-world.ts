import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { InputOf, OutputOf } from '../src/shared/api/contract';
import type { ProcedureName } from '../src/shared/api/procedure-names';
import type { Role } from '../src/shared/roles';
import { syncedTables } from '../src/shared/tables/registry';
import { Core } from '../src/core/core';
import type { FetchLike } from '../src/core/sync/sync-transport';
import { ManualClock } from '../src/core/testing/test-core';
import { buildServer } from '../src/server/app';
import { migrateServerDb } from '../src/server/db/migrations';
import { openPgliteServerDb } from '../src/server/db/pglite-server-db';
import type { ServerDb, SqlParam } from '../src/server/db/server-db';
import { seedUser, testPassword } from '../src/server/testing/test-clients';

/**
 * End-to-end sync: a real central server (Fastify on an in-memory PGlite, listening on loopback)
 * and real app cores, each on its own SQLite file, talking HTTP through core's own sync client.
 */

export { testPassword };

export interface StaffSeed {
  username: string;
  roles: Role[];
}

/** The central server, which tests can stop (an outage) and start again on the same address. */
export class ServerUnderTest {
  private app: FastifyInstance | null = null;
  private port = 0;
  readonly users = new Map<string, string>();

  private constructor(readonly db: ServerDb) {}

  static async start(staff: readonly StaffSeed[]): Promise<ServerUnderTest> {
    const db = await openPgliteServerDb(undefined);
    await migrateServerDb(db);
    const server = new ServerUnderTest(db);
    for (const person of staff)
      server.users.set(person.username, await seedUser(db, person, Date.now()));
    await server.up();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.app) return;
    const app = await buildServer({ db: this.db });
    await app.listen({ host: '127.0.0.1', port: this.port });
    const address = app.server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.app = app;
  }

  async down(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  async close(): Promise<void> {
    await this.down();
    await this.db.close();
  }

  async count(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>(sql, params);
    return Number(row?.n ?? 0);
  }
}

export interface ClientOptions {
  /** Sync's HTTP; tests wrap it to cut a run at a chosen point. */
  fetch?: FetchLike;
  pullLimit?: number;
}

/** One office PC: a core on its own data folder, with its own (wrong) wall clock. */
export class ClientUnderTest {
  core: Core;
  readonly clock = new ManualClock();

  constructor(
    readonly name: string,
    private readonly options: ClientOptions = {},
    readonly dataDir: string = mkdtempSync(join(tmpdir(), `maktab-${name}-`)),
  ) {
    this.core = this.open();
  }

  private open(): Core {
    return new Core({
      dataDir: this.dataDir,
      wallClock: this.clock.now,
      fetch: this.options.fetch,
      syncPullLimit: this.options.pullLimit,
    });
  }

  call<N extends ProcedureName>(name: N, input: InputOf<N>) {
    return this.core.dispatch(name, input);
  }

  ok<N extends ProcedureName>(name: N, input: InputOf<N>): OutputOf<N> {
    const result = this.core.dispatch(name, input);
    if (!result.ok)
      throw new Error(`${this.name} ${name}: ${result.error.code} ${result.error.message}`);
    return result.value as OutputOf<N>;
  }

  /**
   * Joins the server from the first-run screen, then signs in here with the same password. Any
   * server with an address will do: one in this process or one in a process of its own.
   */
  async join(server: { readonly url: string }, username: string): Promise<void> {
    this.ok('sync:join', { serverUrl: server.url, username, password: testPassword });
    await this.core.sync.idle();
    this.signIn(username);
  }

  signIn(username: string): void {
    if (this.core.session.current()) this.ok('session:signOut', {});
    this.ok('session:signIn', { username, password: testPassword });
  }

  /**
   * What the sign-in screen does after ONLINE_SIGN_IN_REQUIRED, or its "sign in with the server",
   * until the attempt settles.
   */
  async signInWithServer(
    username: string,
    password: string = testPassword,
  ): Promise<OutputOf<'sync:onlineSignIn'>> {
    // The sign-in screen is there only when nobody is signed in.
    if (this.core.session.current()) this.ok('session:signOut', {});
    const { attemptId } = this.ok('sync:signInOnline', { username, password });
    for (let wait = 0; wait < 200; wait++) {
      await this.core.sync.idle();
      const state = this.ok('sync:onlineSignIn', { attemptId });
      if (state.state !== 'working') return state;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('online sign-in never settled');
  }

  sync(): Promise<void> {
    return this.core.sync.runNow();
  }

  status(): OutputOf<'sync:status'> {
    return this.ok('sync:status', {});
  }

  /** As if the process were killed and started again: a new core on the same file. */
  restart(): void {
    this.core.close();
    this.core = this.open();
  }

  /** Every synced table's rows, by id: what must end identical on every PC. */
  syncedRows(): Record<string, unknown[]> {
    const db = this.core.database();
    const rows: Record<string, unknown[]> = {};
    for (const table of Object.keys(syncedTables))
      rows[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    return rows;
  }

  dispose(): void {
    this.core.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Sync rounds until nobody has anything left to send: everyone has seen everyone's work. */
export async function syncAll(clients: readonly ClientUnderTest[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round += 1) for (const client of clients) await client.sync();
}
