import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { uuidv7 } from '../../shared/ids/uuidv7';
import type { Role } from '../../shared/roles';
import { HybridLogicalClock } from '../../shared/sync/hlc';
import {
  apiPrefix,
  latestProtocolVersion,
  protocolHeader,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  type PushResult,
  type SyncChange,
} from '../../shared/sync/protocol';
import { deletedColumn, toStoredValue } from '../../shared/sync/stored-values';
import type { TableDeclaration } from '../../shared/tables/define-table';
import { usersTable } from '../../shared/tables/platform.tables';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import { buildServer } from '../app';
import { setPassword } from '../auth/auth-routes';
import type { ServerDb } from '../db/server-db';
import { writeAsServer } from '../sync/server-writes';

/** The server's clock in tests: it only moves when told to. */
export class ManualClock {
  constructor(public ms: number = Date.parse('2026-03-10T09:00:00.000Z')) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const protocolHeaders = { [protocolHeader]: String(latestProtocolVersion) };
export const testPassword = 'a long test password';

export async function testServer(
  db: ServerDb,
  clock: ManualClock = new ManualClock(),
): Promise<FastifyInstance> {
  const app = await buildServer({ db, now: clock.now });
  await app.ready();
  return app;
}

export interface SeedUser {
  username: string;
  roles: Role[];
  departmentId?: string | null;
  active?: boolean;
  password?: string;
}

/** A user as an administrator's app would have pushed it, with a server password. */
export async function seedUser(db: ServerDb, user: SeedUser, nowMs: number): Promise<string> {
  const id = uuidv7(nowMs);
  await db.transaction((tx) =>
    writeAsServer(
      tx,
      usersTable,
      id,
      {
        username: user.username,
        display_name: `User ${user.username}`,
        roles: user.roles,
        department_id: user.departmentId ?? null,
        active: user.active ?? true,
        language: 'fr',
      },
      nowMs,
    ),
  );
  await setPassword({ db, now: () => nowMs }, id, user.password ?? testPassword);
  return id;
}

/** One app instance talking to a server (or, for scale-out tests, to one of several). */
export class TestDevice {
  readonly clock: HybridLogicalClock;

  constructor(
    public app: FastifyInstance,
    readonly token: string,
    readonly userId: string,
    readonly deviceId: string,
    wallClock: () => number,
  ) {
    this.clock = new HybridLogicalClock({
      node: randomBytes(8).toString('hex'),
      wallClock,
    });
  }

  static async signIn(
    app: FastifyInstance,
    username: string,
    wallClock: () => number,
    password: string = testPassword,
    deviceId: string = `pc-${randomBytes(4).toString('hex')}`,
  ): Promise<TestDevice> {
    const response = await app.inject({
      method: 'POST',
      url: `${apiPrefix}/auth/sign-in`,
      headers: protocolHeaders,
      payload: { username, password, deviceId, deviceName: `Test ${deviceId}` },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
    const body = signInResponseSchema.parse(response.json());
    return new TestDevice(app, body.token, body.user.id, deviceId, wallClock);
  }

  get headers() {
    return { ...protocolHeaders, authorization: `Bearer ${this.token}` };
  }

  /** One changed cell, as core's change log would send it (value in application form). */
  change(table: TableDeclaration, rowId: string, column: string, value: unknown): SyncChange {
    const declaration = table.columns[column];
    const stored =
      column === deletedColumn
        ? (value as number)
        : declaration
          ? toStoredValue(declaration, value)
          : (value as string);
    return {
      id: uuidv7(),
      table: table.name,
      rowId,
      column,
      value: stored,
      hlc: this.clock.now(),
      userId: this.userId,
      deviceId: this.deviceId,
      schemaVersion: appSchemaVersion,
    };
  }

  /** A new row: one change per column, in declaration order, as core's insert writes them. */
  insert(
    table: TableDeclaration,
    values: Readonly<Record<string, unknown>>,
    rowId: string = uuidv7(),
  ): SyncChange[] {
    return Object.keys(table.columns).map((column) =>
      this.change(table, rowId, column, values[column] ?? null),
    );
  }

  async push(changes: readonly SyncChange[]) {
    return this.app.inject({
      method: 'POST',
      url: `${apiPrefix}/sync/push`,
      headers: this.headers,
      payload: { changes },
    });
  }

  async pushOk(changes: readonly SyncChange[]): Promise<PushResult[]> {
    const response = await this.push(changes);
    if (response.statusCode !== 200) throw new Error(`push failed: ${response.body}`);
    return pushResponseSchema.parse(response.json()).results;
  }

  async pull(after?: string, limit?: number) {
    const query: Record<string, string> = {};
    if (after !== undefined) query.after = after;
    if (limit !== undefined) query.limit = String(limit);
    return this.app.inject({
      method: 'GET',
      url: `${apiPrefix}/sync/pull`,
      headers: this.headers,
      query,
    });
  }

  async pullPage(after?: string, limit?: number): Promise<z.infer<typeof pullResponseSchema>> {
    const response = await this.pull(after, limit);
    if (response.statusCode !== 200) throw new Error(`pull failed: ${response.body}`);
    return pullResponseSchema.parse(response.json());
  }

  /** Pulls until the server has nothing more; returns every change received and the cursor. */
  async pullAll(
    after?: string,
    limit?: number,
  ): Promise<{ changes: SyncChange[]; cursor: string; pages: number }> {
    const changes: SyncChange[] = [];
    let cursor = after;
    let pages = 0;
    for (;;) {
      const page = await this.pullPage(cursor, limit);
      pages += 1;
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor, pages };
    }
  }
}

/** Applies pulled changes by per-cell last-writer-wins, as a client does: the cells it ends with. */
export function applyLww(
  changes: readonly SyncChange[],
  into: Map<string, { value: SyncChange['value']; hlc: string }> = new Map(),
): Map<string, { value: SyncChange['value']; hlc: string }> {
  for (const change of changes) {
    const key = `${change.table}/${change.rowId}/${change.column}`;
    const current = into.get(key);
    if (!current || change.hlc > current.hlc)
      into.set(key, { value: change.value, hlc: change.hlc });
  }
  return into;
}
