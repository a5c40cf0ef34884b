import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { apiPrefix, pullResponseSchema, readersHeader } from '../../shared/sync/protocol';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import type { ServerDb } from '../db/server-db';
import { complaintValues, newId } from '../testing/complaint-rows';
import { ManualClock, seedUser, testServer, TestDevice } from '../testing/test-clients';
import { describeOnBackends, emptyServerDb } from '../testing/test-databases';
import { tokenHash } from './device-tokens';

/**
 * A PC receives what any account signed in online on it may read: its pull carries the other
 * accounts' tokens for the same PC, and each one proves its holder.
 */
describeOnBackends('pull with the tokens of a PC’s other accounts', (backend) => {
  let db: ServerDb;
  let app: FastifyInstance;
  let clerk: TestDevice;
  let headHere: TestDevice;
  let headElsewhere: TestDevice;
  let caseId: string;

  beforeAll(async () => {
    db = backend.db();
    await emptyServerDb(db);
    const clock = new ManualClock();
    app = await testServer(db, clock);
    await seedUser(db, { username: 'clerk', roles: ['clerk'] }, clock.ms);
    await seedUser(db, { username: 'head', roles: ['head'] }, clock.ms);
    clock.advance(1000);
    clerk = await TestDevice.signIn(app, 'clerk', clock.now, undefined, 'pc-office');
    headHere = await TestDevice.signIn(app, 'head', clock.now, undefined, 'pc-office');
    headElsewhere = await TestDevice.signIn(app, 'head', clock.now, undefined, 'pc-annex');
    caseId = newId();
    await clerk.pushOk(
      clerk.insert(
        complaintsTable,
        complaintValues(clerk.userId, { citizen_cin: 'AB123456' }),
        caseId,
      ),
    );
    return () => app.close();
  });

  async function cinPulledWith(readers?: string): Promise<{ status: number; cin: unknown }> {
    const response = await app.inject({
      method: 'GET',
      url: `${apiPrefix}/sync/pull`,
      headers: { ...clerk.headers, ...(readers === undefined ? {} : { [readersHeader]: readers }) },
    });
    if (response.statusCode !== 200) return { status: response.statusCode, cin: undefined };
    const { changes } = pullResponseSchema.parse(response.json());
    const cell = changes.find((c) => c.rowId === caseId && c.column === 'citizen_cin');
    return { status: 200, cin: cell?.value };
  }

  it('sends the CIN when a head of this PC vouches, and not otherwise', async () => {
    expect(await cinPulledWith()).toEqual({ status: 200, cin: undefined });
    expect(await cinPulledWith(headHere.token)).toEqual({ status: 200, cin: 'AB123456' });
    // The head's token for another PC proves nothing about this one.
    expect(await cinPulledWith(headElsewhere.token)).toEqual({ status: 200, cin: undefined });
    // An unknown token adds nothing and refuses nothing.
    expect(await cinPulledWith('x'.repeat(43))).toEqual({ status: 200, cin: undefined });
  });

  it('stops sending it once the head’s token here is revoked', async () => {
    await db.query('UPDATE devices SET revoked_at = now() WHERE token_hash = $1', [
      tokenHash(headHere.token),
    ]);
    expect(await cinPulledWith(headHere.token)).toEqual({ status: 200, cin: undefined });
  });

  it('refuses a malformed list of tokens with 400', async () => {
    for (const readers of [
      'not a token',
      `${headHere.token},`,
      Array(9).fill(headHere.token).join(','),
    ])
      expect((await cinPulledWith(readers)).status, readers).toBe(400);
  });
});
