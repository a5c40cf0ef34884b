import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuidv7';
import type { SyncChange } from '../../shared/sync/protocol';
import {
  packSnapshotPage,
  snapshotPageMediaType,
  type SnapshotPage,
} from '../../shared/sync/snapshot-page';
import { createTestCore, type TestCore } from '../testing/test-core';

/**
 * A first pull whose snapshot comes in rows (shared/sync/snapshot-page.ts), from a plain HTTP
 * listener on loopback: what the app does with a good page and with a malformed one. The real
 * server's pages in rows are proven in server/sync/pull.test.ts.
 */

let t: TestCore;
let server: Server | null = null;
let pullHeaders: IncomingHttpHeaders[] = [];
beforeEach(() => {
  t = createTestCore();
  pullHeaders = [];
});
afterEach(async () => {
  t.dispose();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const user = {
  id: uuidv7(),
  username: 'karim',
  displayName: 'كريم',
  roles: ['admin'],
  departmentId: null,
  language: 'ar',
};

function categoryCells(rowId: string, name: string, position: number): SyncChange[] {
  const values: Record<string, string | number | null> = {
    name_ar: name,
    name_fr: `Catégorie ${position}`,
    department_id: null,
    default_assignee_id: null,
    position,
    active: 1,
  };
  return Object.entries(values).map(([column, value], index) => ({
    id: uuidv7(),
    table: 'categories',
    rowId,
    column,
    value,
    hlc: `2026-11-29T10:00:0${index}.000Z-0000-be0c4000000000ff`,
    userId: user.id,
    deviceId: 'PC01',
    schemaVersion: 1,
  }));
}

/** Answers sign-in, push (all accepted) and a one-page pull with `page`, in rows by default. */
async function serverSending(
  page: (serverTime: number) => unknown,
  contentType = snapshotPageMediaType,
): Promise<string> {
  server = createServer((request, response) => {
    const body: Buffer[] = [];
    request.on('data', (chunk: Buffer) => body.push(chunk));
    request.on('end', () => {
      const now = Date.now();
      if (request.url?.endsWith('/auth/sign-in')) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ token: 'x'.repeat(43), user, serverTime: now }));
      } else if (request.url?.includes('/sync/push')) {
        const { changes } = JSON.parse(Buffer.concat(body).toString()) as { changes: SyncChange[] };
        response.setHeader('content-type', 'application/json');
        const results = changes.map((change) => ({ id: change.id, status: 'accepted' }));
        response.end(JSON.stringify({ results, serverTime: now }));
      } else {
        pullHeaders.push(request.headers);
        response.setHeader('content-type', contentType);
        response.end(JSON.stringify(page(now)));
      }
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function join(url: string): Promise<void> {
  t.ok('sync:join', { serverUrl: url, username: 'karim', password: 'a long password' });
  await t.core.sync.idle();
}

const first = uuidv7();
const second = uuidv7();
const pageOf = (serverTime: number): SnapshotPage =>
  packSnapshotPage(
    [...categoryCells(first, 'النظافة', 1), ...categoryCells(second, 'الإنارة', 2)],
    { cursor: 'l:42', hasMore: false, serverTime },
  );

const categories = () =>
  t.core
    .database()
    .prepare('SELECT id, name_ar, position FROM categories WHERE id IN (?, ?) ORDER BY position')
    .all(first, second);
const syncState = () =>
  t.core.database().prepare('SELECT state, cursor FROM sync_state').get() as {
    state: string;
    cursor: string | null;
  };

describe('a first pull in rows', () => {
  it('asks for rows and applies them with their clocks', async () => {
    await join(await serverSending(pageOf));
    expect(pullHeaders[0]?.accept).toContain(snapshotPageMediaType);
    expect(categories()).toEqual([
      { id: first, name_ar: 'النظافة', position: 1 },
      { id: second, name_ar: 'الإنارة', position: 2 },
    ]);
    expect(syncState()).toEqual({ state: 'online', cursor: 'l:42' });
    const clocks = t.core
      .database()
      .prepare("SELECT clocks FROM sync_row_clocks WHERE tbl = 'categories' AND row_id = ?")
      .get(first) as { clocks: string };
    expect(JSON.parse(clocks.clocks)).toMatchObject({
      name_ar: '2026-11-29T10:00:00.000Z-0000-be0c4000000000ff',
      active: '2026-11-29T10:00:05.000Z-0000-be0c4000000000ff',
    });
  });

  it('takes changes from a server that does not send rows', async () => {
    const changes = [...categoryCells(first, 'النظافة', 1), ...categoryCells(second, 'الإنارة', 2)];
    await join(
      await serverSending(
        (serverTime) => ({ changes, cursor: 'l:42', hasMore: false, serverTime }),
        'application/json; charset=utf-8',
      ),
    );
    expect(categories()).toHaveLength(2);
    expect(syncState()).toEqual({ state: 'online', cursor: 'l:42' });
  });

  it('refuses a page with one malformed cell whole: nothing applied, the cursor kept', async () => {
    await join(
      await serverSending((serverTime) => {
        const page = pageOf(serverTime);
        // The second row's clock of its last column: a stamp that would win every comparison.
        const row = page.tables[0]!.rows[1]!;
        row[1 + 6 + 5] = '9999-99-99 anything';
        return page;
      }),
    );
    expect(pullHeaders).toHaveLength(1);
    expect(categories()).toEqual([]);
    expect(syncState().cursor).toBeNull();
    expect(syncState().state).toBe('offline');
  });
});
