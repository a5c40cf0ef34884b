import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
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
 * Keep-alive connections, as the app's fetch keeps them (the server asks for 72 s). node:http
 * rather than fetch: 50 devices share the benchmark's process and the server's two cores, where a
 * device's request cost 1.9 ms of CPU with fetch and 1.3 ms with node:http (measured in the paced
 * load), work that each PC does on its own CPU.
 */
const agent = new Agent({ keepAlive: true });

/** One HTTP request on loopback: status and body text. */
function send(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One app instance speaking the sync protocol over real HTTP on loopback, without a core: 50 of
 * them fit in the benchmark process. Changes are shaped as core's change log sends them.
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
    const { status, text } = await send(
      `${this.serverUrl}${apiPrefix}/sync/push`,
      'POST',
      this.headers,
      JSON.stringify({ changes }),
    );
    if (status !== 200) throw new Error(`push ${status}: ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { results: PushResult[] }).results;
  }

  /** One pull page from this device's cursor, which it then moves. */
  async pullPage(limit?: number): Promise<{ changes: number; hasMore: boolean }> {
    const query = new URLSearchParams();
    if (this.cursor !== undefined) query.set('after', this.cursor);
    if (limit !== undefined) query.set('limit', String(limit));
    const { status, text } = await send(
      `${this.serverUrl}${apiPrefix}/sync/pull?${query}`,
      'GET',
      this.headers,
    );
    if (status !== 200) throw new Error(`pull ${status}: ${text.slice(0, 300)}`);
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
