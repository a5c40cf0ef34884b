import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { maxPullBatch, pullResponseSchema, type SyncChange } from '../../shared/sync/protocol';
import {
  parseSnapshotPage,
  snapshotPageChanges,
  snapshotPageMediaType,
} from '../../shared/sync/snapshot-page';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { complaintValues, newId } from '../testing/complaint-rows';
import {
  applyLww,
  ManualClock,
  protocolHeaders,
  seedUser,
  testServer,
  TestDevice,
} from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { decodeCursor, encodeCursor } from './pull-cursor';

const rowsOf = (changes: readonly SyncChange[]) =>
  new Set(changes.map((change) => `${change.table}/${change.rowId}`));

it('encodes cursors that decode to themselves, and refuses any other text', () => {
  const cursors = [
    { phase: 'log', after: 0 },
    { phase: 'log', after: 123_456_789 },
    { phase: 'snapshot', at: 42, after: null },
    { phase: 'snapshot', at: 42, after: { tbl: 'complaints', rowId: 'a:b:c' } },
  ] as const;
  for (const cursor of cursors) expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  for (const text of [
    '',
    'l:',
    'l:-1',
    'x:1',
    's:1:Bad:row',
    'l:1 ',
    's:1:t:',
    `l:${'9'.repeat(16)}`,
  ])
    expect(decodeCursor(text)).toBeNull();
});

describeOnBackends('pull', (backend) => {
  let clock: ManualClock;
  let app: FastifyInstance;
  let clerk: TestDevice;
  let head: TestDevice;
  const complaints: string[] = [];

  beforeAll(async () => {
    const db = backend.db();
    await emptyServerDb(db);
    clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'] }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now);
    head = await TestDevice.signIn(app, 'head', clock.now);
    for (let i = 0; i < 12; i++) {
      const id = newId();
      complaints.push(id);
      await clerk.pushOk(
        clerk.insert(
          complaintsTable,
          complaintValues(clerk.userId, {
            local_number: `PC03-2026-${String(i + 1).padStart(4, '0')}`,
            citizen_cin: 'AB123456',
          }),
          id,
        ),
      );
    }
    return () => app.close();
  });

  it('starts an empty client with a snapshot of whole rows, then follows the log', async () => {
    const pageSize = 70;
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    const received: SyncChange[] = [];
    for (;;) {
      const page = await head.pullPage(cursor, pageSize);
      pages += 1;
      // No row is cut across pages: a row's cells all come in the page that starts it.
      for (const row of rowsOf(page.changes)) {
        expect(seen.has(row), `row ${row} split across pages`).toBe(false);
        seen.add(row);
      }
      expect(page.changes.length).toBeLessThanOrEqual(pageSize);
      received.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toBeGreaterThan(3);
    // Each complaint arrives with every column the head may read, CIN included.
    const columns = Object.keys(complaintsTable.columns).length;
    for (const id of complaints) {
      expect(received.filter((change) => change.rowId === id)).toHaveLength(columns);
    }
    // Then only what happens after.
    const edit = clerk.change(complaintsTable, complaints[0] ?? '', 'district', 'حي المسيرة');
    clock.advance(5);
    await clerk.pushOk([edit]);
    const next = await head.pullAll(cursor);
    expect(next.changes.map((change) => change.id)).toEqual([edit.id]);
    expect(await head.pullAll(next.cursor)).toMatchObject({ changes: [] });
  });

  it('ends a snapshot taken during writes with the same cells as the server', async () => {
    const first = await head.pullPage(undefined, 40);
    // Writes between snapshot pages: the log after the snapshot's position brings them.
    clock.advance(5);
    await clerk.pushOk(
      complaints.map((id, i) => clerk.change(complaintsTable, id, 'district', `حي رقم ${i + 10}`)),
    );
    const rest = await head.pullAll(first.cursor, 40);
    const cells = applyLww([...first.changes, ...rest.changes]);
    const server = await backend
      .db()
      .query<{ tbl: string; row_id: string; col: string; value: string; hlc: string }>(
        'SELECT tbl, row_id, col, value, hlc FROM cells',
      );
    expect(cells.size).toBe(server.length);
    for (const row of server)
      expect(cells.get(`${row.tbl}/${row.row_id}/${row.col}`)).toEqual({
        value: JSON.parse(row.value) as unknown,
        hlc: row.hlc,
      });
  });

  it('sends the snapshot in rows to an app that accepts them, and the log in changes', async () => {
    const inRows: SyncChange[] = [];
    const pullInRows = async (after: string | undefined) => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/sync/pull',
        headers: { ...head.headers, accept: `${snapshotPageMediaType}, application/json` },
        query: { limit: '70', ...(after === undefined ? {} : { after }) },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers.vary).toBe('accept');
      return response;
    };
    let cursor: string | undefined;
    for (;;) {
      const response = await pullInRows(cursor);
      expect(response.headers['content-type']).toContain(snapshotPageMediaType);
      const page = parseSnapshotPage(response.json());
      expect(page).not.toBeNull();
      // Rows by runs of one table and the same columns, not one entry a cell.
      expect(page!.tables.length).toBeLessThan(10);
      inRows.push(...snapshotPageChanges(page!));
      cursor = page!.cursor;
      if (!page!.hasMore) break;
    }
    // An app from before rows (no Accept) is served the very same cells, in changes.
    const old = await head.pull(undefined, 70);
    expect(old.headers['content-type']).toMatch(/^application\/json/);
    expect(old.json()).not.toHaveProperty('tables');
    const inChanges = await head.pullAll(undefined, 70);
    expect(inRows).toEqual(inChanges.changes);
    expect(cursor).toBe(inChanges.cursor);
    // The log after the snapshot comes in changes, whatever the app accepts.
    clock.advance(5);
    const edit = clerk.change(complaintsTable, complaints[1] ?? '', 'district', 'حي السلام');
    await clerk.pushOk([edit]);
    const logged = await pullInRows(cursor);
    expect(logged.headers['content-type']).toMatch(/^application\/json/);
    expect(pullResponseSchema.parse(logged.json()).changes).toEqual([edit]);
    // Both forms are in the OpenAPI document.
    const docs = await app.inject({ method: 'GET', url: '/docs/json' });
    const { paths } = docs.json<{
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    }>();
    expect(Object.keys(paths['/api/v1/sync/pull']!.get.responses['200']!.content)).toEqual([
      'application/json',
      snapshotPageMediaType,
    ]);
  });

  it('restricts a snapshot to the cells a backfill asks for, within what the readers may read', async () => {
    const restricted = async (
      device: TestDevice,
      cells: string,
      accept?: string,
    ): Promise<SyncChange[]> => {
      const received: SyncChange[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 50; pages++) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/v1/sync/pull',
          headers: { ...device.headers, ...(accept ? { accept } : {}) },
          query: { limit: '20', cells, ...(after === undefined ? {} : { after }) },
        });
        expect(response.statusCode).toBe(200);
        const page = accept
          ? parseSnapshotPage(response.json())
          : pullResponseSchema.parse(response.json());
        if (!page) throw new Error('malformed page');
        received.push(...('tables' in page ? snapshotPageChanges(page) : page.changes));
        after = page.cursor;
        if (!page.hasMore) return received;
      }
      throw new Error('never ended');
    };
    const cin = await restricted(head, 'complaints.citizen_cin,complaints.district');
    expect(new Set(cin.map((change) => change.column))).toEqual(
      new Set(['citizen_cin', 'district']),
    );
    for (const id of complaints)
      expect(cin.filter((change) => change.rowId === id)).toHaveLength(2);
    // In rows too: a run of two columns, every row of it.
    const inRows = await restricted(
      head,
      'complaints.citizen_cin',
      `${snapshotPageMediaType}, application/json`,
    );
    expect(inRows.filter((change) => change.column === 'citizen_cin')).toHaveLength(
      complaints.length,
    );
    expect(inRows.every((change) => change.column === 'citizen_cin')).toBe(true);
    // Never wider than the readers: a clerk asking for the CINs gets none.
    const clerkCin = await restricted(clerk, 'complaints.citizen_cin,complaints.district');
    expect(clerkCin.length).toBeGreaterThan(0);
    expect(clerkCin.some((change) => change.column === 'citizen_cin')).toBe(false);
    // A cell of no synced table, or not a cell at all, is refused.
    for (const cells of ['complaints.nope', 'secrets.token', 'complaints', '', 'a.b,,c.d']) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/sync/pull',
        headers: head.headers,
        query: { cells },
      });
      expect(response.statusCode, cells).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    }
  });

  it('sends a row wider than the page whole, alone', async () => {
    const page = await head.pullPage(undefined, 1);
    expect(rowsOf(page.changes).size).toBe(1);
    expect(page.changes.length).toBeGreaterThan(1);
    expect(page.hasMore).toBe(true);
  });

  it('refuses a cursor it did not make and a limit out of bounds with 400', async () => {
    const queries: Record<string, string>[] = [
      { after: 'garbage' },
      { after: 'l:1', limit: '0' },
      { limit: String(maxPullBatch + 1) },
      { limit: 'ten' },
      { after: 'l:1', extra: '1' },
    ];
    for (const query of queries) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/sync/pull',
        headers: head.headers,
        query,
      });
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    }
  });

  it('answers a cursor from beyond its log (a restored backup) with a fresh snapshot', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?after=l:999999&limit=2000',
      headers: { ...protocolHeaders, authorization: `Bearer ${head.token}` },
    });
    const page = pullResponseSchema.parse(response.json());
    expect(rowsOf(page.changes)).toEqual(rowsOf((await head.pullAll()).changes));
  });
});
