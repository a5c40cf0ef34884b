import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../src/shared/ids/uuidv7';
import { HybridLogicalClock } from '../../src/shared/sync/hlc';
import {
  apiPrefix,
  latestProtocolVersion,
  protocolHeader,
  type PushResult,
  type SyncChange,
} from '../../src/shared/sync/protocol';
import { toStoredValue } from '../../src/shared/sync/stored-values';
import type { TableDeclaration } from '../../src/shared/tables/define-table';
import { appSchemaVersion } from '../../src/shared/tables/schema-version';

/**
 * One app instance speaking the sync protocol over real HTTP on loopback (fetch), without a core:
 * 50 of them fit in the benchmark process. Changes are shaped as core's change log sends them.
 */
export class HttpDevice {
  private readonly clock = new HybridLogicalClock({
    node: randomBytes(8).toString('hex'),
    wallClock: () => Date.now(),
  });
  cursor: string | undefined;

  private constructor(
    readonly serverUrl: string,
    readonly token: string,
    readonly userId: string,
    readonly deviceId: string,
  ) {}

  static async signIn(serverUrl: string, username: string, password: string): Promise<HttpDevice> {
    const deviceId = `bench-${randomBytes(6).toString('hex')}`;
    const response = await fetch(`${serverUrl}${apiPrefix}/auth/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [protocolHeader]: String(latestProtocolVersion),
      },
      body: JSON.stringify({ username, password, deviceId, deviceName: deviceId }),
    });
    if (response.status !== 200) throw new Error(`sign-in ${username}: ${await response.text()}`);
    const body = (await response.json()) as { token: string; user: { id: string } };
    return new HttpDevice(serverUrl, body.token, body.user.id, deviceId);
  }

  private get headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      authorization: `Bearer ${this.token}`,
      [protocolHeader]: String(latestProtocolVersion),
    };
  }

  change(table: TableDeclaration, rowId: string, column: string, value: unknown): SyncChange {
    const declaration = table.columns[column];
    if (!declaration) throw new Error(`unknown column ${column}`);
    return {
      id: uuidv7(),
      table: table.name,
      rowId,
      column,
      value: toStoredValue(declaration, value),
      hlc: this.clock.now(),
      userId: this.userId,
      deviceId: this.deviceId,
      schemaVersion: appSchemaVersion,
    };
  }

  insert(table: TableDeclaration, values: Readonly<Record<string, unknown>>): SyncChange[] {
    const rowId = uuidv7();
    return Object.keys(table.columns).map((column) =>
      this.change(table, rowId, column, values[column] ?? null),
    );
  }

  /** One push request; throws on anything but 200. */
  async push(changes: readonly SyncChange[]): Promise<PushResult[]> {
    const response = await fetch(`${this.serverUrl}${apiPrefix}/sync/push`, {
      method: 'POST',
      headers: this.headers,
      body: JSON.stringify({ changes }),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`push ${response.status}: ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { results: PushResult[] }).results;
  }

  /** One pull page from this device's cursor, which it then moves. */
  async pullPage(limit?: number): Promise<{ changes: number; hasMore: boolean }> {
    const query = new URLSearchParams();
    if (this.cursor !== undefined) query.set('after', this.cursor);
    if (limit !== undefined) query.set('limit', String(limit));
    const response = await fetch(`${this.serverUrl}${apiPrefix}/sync/pull?${query}`, {
      headers: this.headers,
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`pull ${response.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { changes: unknown[]; cursor: string; hasMore: boolean };
    this.cursor = body.cursor;
    return { changes: body.changes.length, hasMore: body.hasMore };
  }

  async pullAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const page = await this.pullPage();
      total += page.changes;
      if (!page.hasMore) return total;
    }
  }
}

/** Pushes in batches of at most `size`; returns how many were not accepted. */
export async function pushInBatches(
  device: HttpDevice,
  changes: readonly SyncChange[],
  size = 500,
): Promise<{ refused: PushResult[] }> {
  const refused: PushResult[] = [];
  for (let at = 0; at < changes.length; at += size) {
    const results = await device.push(changes.slice(at, at + size));
    for (const result of results) if (result.status !== 'accepted') refused.push(result);
  }
  return { refused };
}
