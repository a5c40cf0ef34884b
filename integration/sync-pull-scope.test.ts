import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
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

async function joined(name: string, username: string): Promise<ClientUnderTest> {
  const pc = new ClientUnderTest(name);
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
