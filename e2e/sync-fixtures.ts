import { test as base, type Browser, type Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type RunningHarness } from '../src/harness/harness-server';
import { buildServer } from '../src/server/app';
import { createFirstAdmin, type FirstAdminInput } from '../src/server/cli/first-admin';
import { migrateServerDb } from '../src/server/db/migrations';
import { openPgliteServerDb, type PgliteServerDb } from '../src/server/db/pglite-server-db';
import { TestDevice, protocolHeaders } from '../src/server/testing/test-clients';
import { apiPrefix } from '../src/shared/sync/protocol';
import type { Role } from '../src/shared/roles';
import { departmentsTable, usersTable } from '../src/shared/tables/platform.tables';

/**
 * Two council PCs and the commune's central server, as in an office: each PC is a harness (the
 * built renderer and a real core) on its own data folder, seen in its own browser page; the server
 * is Fastify on PGlite in a folder, on one loopback port, and the test can cut it (an outage) and
 * start it again on the same folder and port.
 */

const host = '127.0.0.1';
/** Another helper may be building out/renderer: MAKTAB_E2E_RENDERER points at a private build. */
const rendererDir = process.env.MAKTAB_E2E_RENDERER ?? 'out/renderer';

/** A port nobody listens on now; the server keeps it across restarts, as the PCs know it. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class CentralServer {
  private running: { app: FastifyInstance; db: PgliteServerDb } | null = null;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://${host}:${this.port}`;
  }

  get app(): FastifyInstance {
    if (!this.running) throw new Error('the central server is stopped');
    return this.running.app;
  }

  /** As `npm run server` does: open the folder, migrate, serve. */
  async start(): Promise<void> {
    if (this.running) return;
    const db = await openPgliteServerDb(this.dataDir);
    await migrateServerDb(db);
    const app = await buildServer({ db });
    await app.listen({ host, port: this.port });
    this.running = { app, db };
  }

  /** An outage: nothing answers on the port until `start`. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = null;
    await running.app.close();
    await running.db.close();
  }

  /** `npm run server:admin`: the first administrator, on the running server's database. */
  createFirstAdmin(input: FirstAdminInput): Promise<string> {
    if (!this.running) throw new Error('the central server is stopped');
    return createFirstAdmin(this.running.db, input);
  }

  /** The administrator's session on the server's API, for accounts set up before the story. */
  async signInAdmin(username: string, password: string): Promise<ServerAdmin> {
    return new ServerAdmin(this, await TestDevice.signIn(this.app, username, Date.now, password));
  }
}

export interface Account {
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  password: string;
}

/**
 * What the administrator's app sends the server when creating a department or an account (pushed
 * rows, validated and authorised like any change), and the account's server password.
 */
export class ServerAdmin {
  constructor(
    private readonly server: CentralServer,
    private readonly device: TestDevice,
  ) {}

  async createDepartment(nameAr: string, nameFr: string): Promise<string> {
    const changes = this.device.insert(departmentsTable, { name_ar: nameAr, name_fr: nameFr });
    return this.pushRow(changes);
  }

  async createAccount(account: Account): Promise<string> {
    const id = await this.pushRow(
      this.device.insert(usersTable, {
        username: account.username,
        display_name: account.displayName,
        roles: account.roles,
        department_id: account.departmentId,
        active: true,
        language: 'ar',
      }),
    );
    const response = await this.server.app.inject({
      method: 'POST',
      url: `${apiPrefix}/users/${id}/password`,
      headers: { ...protocolHeaders, authorization: `Bearer ${this.device.token}` },
      payload: { password: account.password },
    });
    if (response.statusCode !== 204) throw new Error(`password refused: ${response.body}`);
    return id;
  }

  private async pushRow(changes: Parameters<TestDevice['pushOk']>[0]): Promise<string> {
    this.device.app = this.server.app;
    const results = await this.device.pushOk(changes);
    const refused = results.filter((result) => result.status !== 'accepted');
    if (refused.length > 0) throw new Error(`push refused: ${JSON.stringify(refused)}`);
    return changes[0]!.rowId;
  }
}

/** One council PC: its core and window, and its own browser (no shared storage with the other). */
export interface CouncilPc {
  name: string;
  harness: RunningHarness;
  page: Page;
}

async function openPc(
  browser: Browser,
  name: string,
  use: (pc: CouncilPc) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `maktab-e2e-pc-${name}-`));
  const harness = await startHarness({ rendererDir, dataDir, port: 0 });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'ar-MA',
  });
  const page = await context.newPage();
  try {
    await use({ name, harness, page });
  } finally {
    await context.close();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const test = base.extend<{ server: CentralServer; pcA: CouncilPc; pcB: CouncilPc }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  server: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'maktab-e2e-server-'));
    const server = new CentralServer(dataDir, await freeLoopbackPort());
    await server.start();
    try {
      await use(server);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  pcA: async ({ browser }, use) => openPc(browser, 'a', use),
  pcB: async ({ browser }, use) => openPc(browser, 'b', use),
});

export { expect } from '@playwright/test';
