import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import type { FetchLike } from '../src/core/sync/sync-transport';
import { pullResponseSchema } from '../src/shared/sync/protocol';
import { readableCells } from '../src/shared/sync/readable-cells';
import { parseSnapshotPage, snapshotPageChanges } from '../src/shared/sync/snapshot-page';
import { complaintsTable } from '../src/shared/tables/complaints.tables';
import { ClientUnderTest, ServerUnderTest } from './sync-world';

/**
 * A PC receives what any account signed in online on it may read. IT often joins a PC with an
 * administrator's account, which may not read CIN numbers: the head who then works on that PC
 * must still see them. And a clerk promoted to head must receive the numbers never sent before.
 */

let server: ServerUnderTest;
const pcs: ClientUnderTest[] = [];
beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'hanane', roles: ['admin'] },
    { username: 'karim', roles: ['clerk'] },
    { username: 'youssef', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'samira', roles: ['info_officer'] },
  ]);
}, 60_000);
afterAll(() => server.close());
afterEach(() => {
  for (const pc of pcs.splice(0)) pc.dispose();
});

async function joined(
  name: string,
  username: string,
  options: { fetch?: FetchLike; pullLimit?: number } = {},
): Promise<ClientUnderTest> {
  const pc = new ClientUnderTest(name, options);
  pcs.push(pc);
  await pc.join(server, username);
  return pc;
}

function cinOn(pc: ClientUnderTest, caseId: string): string | null {
  const row = pc.core
    .database()
    .prepare('SELECT citizen_cin FROM complaints WHERE id = ?')
    .get(caseId) as { citizen_cin: string | null } | undefined;
  if (!row) throw new Error(`${pc.name}: no complaint ${caseId}`);
  return row.citizen_cin;
}

function pullerOf(pc: ClientUnderTest): string | null {
  return (
    pc.core.database().prepare('SELECT server_user_id FROM sync_state').get() as {
      server_user_id: string | null;
    }
  ).server_user_id;
}

async function registeredWithCin(cin: string): Promise<string> {
  const front = await joined(`scope-front-${cin}`, 'karim');
  const { id } = front.ok(
    'complaints:create',
    intakeInput(lightingCategory, { citizenCin: cin, subject: `شكاية ${cin}` }),
  );
  await front.sync();
  return id;
}

describe('a PC receives what any account signed in online on it may read', () => {
  it('a head signing in on a PC an administrator joined gets the CINs there, and new ones keep coming', async () => {
    const caseId = await registeredWithCin('AB123456');
    const office = await joined('scope-office', 'hanane');
    expect(cinOn(office, caseId)).toBeNull();

    expect(await office.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await office.sync();
    // The administrator still pulls; the head's token comes along (readers).
    expect(pullerOf(office)).toBe(server.users.get('hanane'));
    expect(cinOn(office, caseId)).toBe('AB123456');
    office.signIn('nadia');
    expect(office.ok('cases:get', { id: caseId })).toMatchObject({
      citizenCin: 'AB123456',
      citizenCinMasked: false,
    });

    // A clerk signing in afterwards changes nothing: the numbers keep coming.
    expect(await office.signInWithServer('youssef')).toMatchObject({ state: 'ready' });
    const later = await registeredWithCin('CD654321');
    await office.sync();
    expect(cinOn(office, later)).toBe('CD654321');
  });

  it('a puller promoted to head receives the CINs the server did not send before', async () => {
    const caseId = await registeredWithCin('EF112233');
    const annex = await joined('scope-annex', 'youssef');
    expect(cinOn(annex, caseId)).toBeNull();

    const admin = await joined('scope-admin', 'hanane');
    const youssef = admin
      .ok('users:list', { page: 0, pageSize: 50, search: 'youssef' })
      .rows.find((row) => row.username === 'youssef');
    if (!youssef) throw new Error('youssef not on the admin PC');
    admin.ok('users:update', {
      id: youssef.id,
      displayName: youssef.displayName,
      roles: ['head'],
      departmentId: youssef.departmentId,
    });
    await admin.sync();

    // The first run brings the new roles, the next one sees what they open and starts over.
    await annex.sync();
    await annex.sync();
    expect(cinOn(annex, caseId)).toBe('EF112233');
    // Nothing was pulled twice into a second row, and the PC is settled.
    expect(annex.status()).toMatchObject({ state: 'online', pending: 0 });
  });

  it('a PC upgraded from before migration 0009 (pulled_cells NULL), joined by an administrator: the head’s first online sign-in brings the CINs', async () => {
    const caseId = await registeredWithCin('GH445566');
    const office = await joined('scope-upgraded', 'hanane');
    expect(cinOn(office, caseId)).toBeNull();
    // As migration 0009 leaves a PC that synced before it: nothing recorded yet.
    office.core.database().prepare('UPDATE sync_state SET pulled_cells = NULL').run();

    // The first online sign-in after the upgrade is the head's (the PC was off or offline).
    expect(await office.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await office.sync();
    await office.sync();
    expect(cinOn(office, caseId)).toBe('GH445566');
  });

  it('a head signing in on the information officer’s PC receives the CINs of the complaints', async () => {
    const caseId = await registeredWithCin('JK778899');
    const desk = await joined('scope-info-desk', 'samira');
    expect(await desk.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await desk.sync();
    await desk.sync();
    // README: "The PC then receives everything its users may see (CIN numbers only for the
    // roles that may read them)": nadia may read this one, and works on this PC.
    desk.signIn('nadia');
    expect(desk.ok('cases:get', { id: caseId })).toMatchObject({ citizenCin: 'JK778899' });
  });

  it('goes on syncing with a colleague’s token when the puller’s is revoked', async () => {
    const office = await joined('scope-revoked-puller', 'hanane');
    expect(await office.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await office.sync();
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE user_id = $1', [
      server.users.get('hanane') ?? '',
    ]);
    await office.sync();
    expect(pullerOf(office)).toBe(server.users.get('nadia'));
    const caseId = await registeredWithCin('PQ405060');
    await office.sync();
    office.signIn('nadia');
    expect(office.status().state).toBe('online');
    expect(cinOn(office, caseId)).toBe('PQ405060');
  });
});

/** The real fetch, watching the pulls: each one's query, and every cell it brought (`table.column/row`). */
class PullWatch {
  readonly queries: URLSearchParams[] = [];
  readonly cells: string[] = [];
  private failBackfillAt: number | null = null;
  private backfills = 0;

  /** From the `nth` backfill request from now on, they fail as if the PC lost the network. */
  failBackfill(nth: number | null): void {
    this.failBackfillAt = nth === null ? null : this.backfills + nth;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    if (!parsed.pathname.endsWith('/sync/pull')) return fetch(url, init);
    if (parsed.searchParams.has('cells')) {
      this.backfills += 1;
      if (this.failBackfillAt !== null && this.backfills >= this.failBackfillAt)
        throw new TypeError('fetch failed');
    }
    this.queries.push(parsed.searchParams);
    const response = await fetch(url, init);
    const json: unknown = await response.clone().json();
    const page = parseSnapshotPage(json);
    const changes = page ? snapshotPageChanges(page) : pullResponseSchema.parse(json).changes;
    for (const change of changes)
      this.cells.push(`${change.table}.${change.column}/${change.rowId}`);
    return response;
  };

  reset(): void {
    this.queries.length = 0;
    this.cells.length = 0;
  }
}

function stateOf(pc: ClientUnderTest) {
  return pc.core
    .database()
    .prepare('SELECT cursor, backfill_cells, backfill_cursor FROM sync_state')
    .get() as {
    cursor: string | null;
    backfill_cells: string | null;
    backfill_cursor: string | null;
  };
}

describe('a backfill of the cells a PC may newly read, not the whole snapshot again', () => {
  const newlyForHead = new Set(
    readableCells(['clerk', 'head']).filter((cell) => !readableCells(['clerk']).includes(cell)),
  );

  it('a head signing in on a clerk’s PC gets the CINs without the PC pulling the rest again', async () => {
    const caseId = await registeredWithCin('BF102030');
    const watch = new PullWatch();
    const desk = await joined('backfill-desk', 'karim', { fetch: watch.fetch });
    expect(cinOn(desk, caseId)).toBeNull();
    const mainCursor = stateOf(desk).cursor;
    expect(mainCursor).not.toBeNull();
    watch.reset();

    expect(await desk.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await desk.sync();
    await desk.sync();
    expect(cinOn(desk, caseId)).toBe('BF102030');
    // Asked for only the newly readable cells; every cell of the complaint that came is one.
    const asked = watch.queries.filter((query) => query.has('cells'));
    expect(asked.length).toBeGreaterThan(0);
    for (const query of asked)
      expect(new Set(query.get('cells')!.split(','))).toEqual(newlyForHead);
    const ofCase = watch.cells.filter((cell) => cell.endsWith(`/${caseId}`));
    expect(ofCase).toContain(`complaints.citizen_cin/${caseId}`);
    for (const cell of ofCase) expect(newlyForHead.has(cell.split('/')[0]!)).toBe(true);
    const subjects = watch.cells.filter((cell) => cell.startsWith('complaints.subject/'));
    expect(subjects).toEqual([]);
    // The main pull never started over, and the backfill is done.
    expect(watch.queries.every((query) => query.has('after'))).toBe(false);
    expect(watch.queries.filter((query) => !query.has('cells')).every((q) => q.has('after'))).toBe(
      true,
    );
    expect(stateOf(desk)).toMatchObject({ backfill_cells: null, backfill_cursor: null });
    desk.signIn('nadia');
    expect(desk.status().state).toBe('online');
  });

  it('a pending change of a colleague without a token here is not taken for a conflict', async () => {
    const caseId = await registeredWithCin('CF405060');
    const office = await joined('backfill-office', 'hanane');
    expect(await office.signInWithServer('karim')).toMatchObject({ state: 'ready' });
    await office.sync();
    await server.db.query(
      'UPDATE devices SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [server.users.get('karim') ?? ''],
    );
    office.signIn('karim');
    office.core.runInTransaction('mutation', (ctx) =>
      ctx.write.update(complaintsTable, caseId, { resolution: 'أصلح عمال البلدية الإنارة' }),
    );
    await office.sync();
    expect(office.status().pending).toBeGreaterThan(0);

    expect(await office.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await office.sync();
    await office.sync();
    expect(cinOn(office, caseId)).toBe('CF405060');
    const conflicts = office.core
      .database()
      .prepare('SELECT count(*) AS n FROM sync_conflicts')
      .get() as { n: number };
    expect(conflicts.n).toBe(0);
    // Karim's change still waits for him, unchanged.
    const row = office.core
      .database()
      .prepare('SELECT resolution FROM complaints WHERE id = ?')
      .get(caseId) as { resolution: string };
    expect(row.resolution).toBe('أصلح عمال البلدية الإنارة');
  });

  it('a backfill cut by a crash resumes from its own cursor', async () => {
    const cases: string[] = [];
    for (const cin of ['DF100001', 'DF100002', 'DF100003', 'DF100004', 'DF100005', 'DF100006'])
      cases.push(await registeredWithCin(cin));
    const watch = new PullWatch();
    const annex = await joined('backfill-annex', 'karim', { fetch: watch.fetch, pullLimit: 4 });
    watch.failBackfill(3);
    expect(await annex.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await annex.sync();
    // Cut after two pages of the backfill: they stay applied, and its cursor with them.
    const cut = stateOf(annex);
    expect(cut.backfill_cells).not.toBeNull();
    expect(cut.backfill_cursor).not.toBeNull();
    expect(cut.cursor).not.toBeNull();

    annex.restart();
    watch.failBackfill(null);
    watch.reset();
    await annex.sync();
    const resumed = watch.queries.find((query) => query.has('cells'));
    expect(resumed?.get('after')).toBe(cut.backfill_cursor);
    for (const [i, id] of cases.entries()) expect(cinOn(annex, id)).toBe(`DF10000${i + 1}`);
    expect(stateOf(annex)).toMatchObject({ backfill_cells: null, backfill_cursor: null });
  });
  it('against a server from before backfills, starts over from a snapshot as before', async () => {
    const caseId = await registeredWithCin('EF700001');
    let refused = 0;
    // A server whose pull query is strict and knows no `cells`.
    const olderServer: FetchLike = async (url, init) => {
      if (!new URL(url).searchParams.has('cells')) return fetch(url, init);
      refused += 1;
      return new Response(
        JSON.stringify({ error: { code: 'VALIDATION', message: 'querystring: unknown key' } }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      );
    };
    const counter = await joined('backfill-older-server', 'karim', { fetch: olderServer });
    expect(await counter.signInWithServer('nadia')).toMatchObject({ state: 'ready' });
    await counter.sync();
    await counter.sync();
    expect(refused).toBe(1);
    expect(cinOn(counter, caseId)).toBe('EF700001');
    expect(stateOf(counter)).toMatchObject({ backfill_cells: null, backfill_cursor: null });
  });
});
