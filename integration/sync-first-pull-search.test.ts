import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { readMeta } from '../src/core/settings/local-settings';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { ClientUnderTest, ServerUnderTest } from './sync-world';

/**
 * A first pull inserts the snapshot's rows in bulk and builds the search index once at its end
 * (src/core/sync/apply-snapshot.ts, deferred-search.ts): the PC that pulled finds what the PC
 * that typed the complaints finds, and a PC joining again later (not a first pull) too.
 */

let server: ServerUnderTest;
const clients: ClientUnderTest[] = [];

beforeAll(async () => {
  server = await ServerUnderTest.start([
    { username: 'nadia', roles: ['head'] },
    { username: 'omar', roles: ['head'] },
  ]);
}, 60_000);
afterAll(() => server.close());
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function client(name: string, pullLimit?: number): ClientUnderTest {
  const created = new ClientUnderTest(name, pullLimit ? { pullLimit } : {});
  clients.push(created);
  return created;
}

function search(pc: ClientUnderTest, text: string): string[] {
  return pc
    .ok('complaints:queue', {
      view: 'all',
      page: 0,
      pageSize: 50,
      sort: { field: 'daysLeft', direction: 'asc' },
      filters: {},
      search: text,
    })
    .rows.map((row) => row.id)
    .sort();
}

const subjects = [
  'انقطاع الإنارة في زنقة الأندلس',
  'حفرة كبيرة وسط الطريق قرب المدرسة',
  'تراكم الأزبال أمام السوق',
  'عمود كهربائي مكسور',
];
const queries = ['الإنارة', 'حفرة', 'الأزبال السوق', 'عمود', 'زنقة', 'Benali', 'فاطمة'];

describe('the first pull of a PC', () => {
  it('ends with the same search answers as the PC that typed the complaints', async () => {
    const a = client('a');
    await a.join(server, 'nadia');
    for (let index = 0; index < 40; index += 1)
      a.ok(
        'complaints:create',
        intakeInput(lightingCategory, {
          subject: subjects[index % subjects.length]!,
          citizenName: index % 3 === 0 ? 'Youssef Benali' : 'فاطمة الزهراء العلمي',
        }),
      );
    await a.sync();
    await a.sync();

    // Small pages: the snapshot arrives over many batches, each its own transaction.
    const b = client('b', 200);
    await b.join(server, 'omar');
    expect(b.core.database().prepare('SELECT count(*) AS n FROM complaints').pluck().get()).toBe(
      40,
    );
    expect(readMeta(b.core.database(), 'sync_search_rebuild')).toBeNull();
    for (const query of queries) expect(search(b, query), query).toEqual(search(a, query));
    expect(search(b, 'Benali').length).toBe(14);

    // A later pull is not a first one: its rows are indexed as they arrive.
    const late = a.ok(
      'complaints:create',
      intakeInput(lightingCategory, { subject: 'تسرب المياه في الحي الجديد' }),
    ).id;
    await a.sync();
    await b.sync();
    expect(search(b, 'تسرب المياه')).toEqual([late]);
  });
});
