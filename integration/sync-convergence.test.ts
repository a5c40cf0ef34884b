import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { complaintsTable } from '../src/shared/tables/complaints.tables';
import { ClientUnderTest, ServerUnderTest, syncAll } from './sync-world';

let server: ServerUnderTest;
const clients: ClientUnderTest[] = [];

beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'karim', roles: ['clerk'] },
    { username: 'nadia', roles: ['head'] },
    { username: 'omar', roles: ['head'] },
  ]);
}, 60_000);
afterAll(() => server.close());
afterEach(async () => {
  await server.up();
  for (const client of clients.splice(0)) client.dispose();
});

function client(name: string): ClientUnderTest {
  const created = new ClientUnderTest(name);
  clients.push(created);
  return created;
}

function complaintRow(pc: ClientUnderTest, id: string): Record<string, unknown> {
  return pc.core.database().prepare('SELECT * FROM complaints WHERE id = ?').get(id) as Record<
    string,
    unknown
  >;
}

function edit(pc: ClientUnderTest, id: string, patch: Record<string, unknown>): void {
  pc.core.runInTransaction('mutation', (ctx) => ctx.write.update(complaintsTable, id, patch));
}

describe('two PCs and the central server', () => {
  it('join from the first-run screen, then sign in offline with the same password', async () => {
    const a = client('a');
    expect(a.ok('session:status', {}).setupRequired).toBe(true);
    await a.join(server, 'karim');
    expect(a.status()).toMatchObject({ state: 'online', serverUrl: server.url });
    expect(a.core.session.current()).toMatchObject({ username: 'karim', roles: ['clerk'] });
    // Offline: the verifier kept at join unlocks the account without the server.
    await server.down();
    a.ok('session:signOut', {});
    a.signIn('karim');
    expect(
      a.call('session:signIn', { username: 'karim', password: 'wrong password here' }),
    ).toMatchObject({ ok: false });
  });

  it('exchange work made offline, with official numbers, and end identical', async () => {
    const a = client('a');
    const b = client('b');
    await a.join(server, 'karim');
    await b.join(server, 'nadia');

    const first = a.ok('complaints:create', intakeInput(lightingCategory)).id;
    await a.sync();
    await b.sync();
    await a.sync();
    const official = complaintRow(a, first).official_number;
    expect(official).toMatch(/^\d{4}\/\d{4,6}$/);
    expect(complaintRow(b, first).official_number).toBe(official);

    // The server goes down; both PCs keep working.
    await server.down();
    const second = a.ok(
      'complaints:create',
      intakeInput(lightingCategory, { subject: 'تراكم النفايات أمام السوق' }),
    ).id;
    edit(a, first, { subject: 'حفرة عميقة وسط الطريق الرئيسي', status: 'routed' });
    b.clock.advance(1_000);
    edit(b, first, { district: 'حي الأندلس', status: 'in_progress' });
    await a.sync();
    await b.sync();
    expect(a.status().state).toBe('offline');
    expect(b.status().pending).toBeGreaterThan(0);

    await server.up();
    await syncAll([a, b]);
    expect(a.syncedRows()).toEqual(b.syncedRows());
    expect(complaintRow(b, second).official_number).toMatch(/^\d{4}\/\d{4,6}$/);
    expect(complaintRow(a, first)).toMatchObject({
      subject: 'حفرة عميقة وسط الطريق الرئيسي',
      district: 'حي الأندلس',
      status: 'in_progress',
    });
    for (const pc of [a, b]) expect(pc.status()).toMatchObject({ state: 'online', pending: 0 });
    // Both changed the status without knowing of the other: recorded where the head reviews it.
    expect(b.ok('sync:conflicts', {})).toEqual([
      expect.objectContaining({
        rowId: first,
        column: 'status',
        keptValue: 'in_progress',
        lostValue: 'routed',
      }),
    ]);
  });

  it('keeps work stamped by a PC whose clock jumped a day ahead while offline', async () => {
    const a = client('a');
    const b = client('b');
    await a.join(server, 'karim');
    await b.join(server, 'nadia');
    const id = a.ok('complaints:create', intakeInput(lightingCategory)).id;
    await syncAll([a, b]);

    // Offline, the PC's clock is set a day ahead: its edits are stamped in the server's future.
    await server.down();
    a.clock.advance(24 * 60 * 60_000);
    edit(a, id, { subject: 'حفرة عميقة بعد تغيير الساعة', status: 'routed' });
    await server.up();
    await a.sync();
    await syncAll([b, a]);

    expect(a.core.database().prepare('SELECT count(*) AS n FROM sync_rejections').get()).toEqual({
      n: 0,
    });
    expect(complaintRow(b, id)).toMatchObject({
      subject: 'حفرة عميقة بعد تغيير الساعة',
      status: 'routed',
    });
    expect(a.syncedRows()).toEqual(b.syncedRows());
    // And the clock is back on corrected time: a later edit elsewhere still wins over it.
    b.clock.advance(5_000);
    edit(b, id, { district: 'حي السلام' });
    await syncAll([b, a]);
    expect(complaintRow(a, id).district).toBe('حي السلام');
    expect(
      a.core.database().prepare("SELECT count(*) AS n FROM changes WHERE state = 'pending'").get(),
    ).toEqual({ n: 0 });
  });
});
