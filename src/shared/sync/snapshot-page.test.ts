import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSchema, type SyncChange } from './protocol';
import {
  packSnapshotPage,
  parseSnapshotPage,
  snapshotPageChanges,
  type SnapshotPage,
} from './snapshot-page';

const rest = { cursor: 's:12:complaints:c2', hasMore: true, serverTime: 1_764_000_000_000 };
const hlc = (n: number) =>
  `2026-11-29T10:00:00.${String(n).padStart(3, '0')}Z-0000-be0c4000000000ff`;
const id = (n: number) => `0192f3a4-5b6c-7d8e-9f00-${String(n).padStart(12, '0')}`;
const userA = '0192f3a4-5b6c-7d8e-9f00-aaaaaaaaaaaa';

let next = 0;
function cell(
  table: string,
  rowId: string,
  column: string,
  value: SyncChange['value'],
  author = 0,
) {
  next += 1;
  const authors = [
    { userId: userA, deviceId: 'PC03', schemaVersion: 9 },
    { userId: null, deviceId: 'server', schemaVersion: 9 },
    { userId: userA, deviceId: 'PC07', schemaVersion: 8 },
  ] as const;
  return { id: id(next), table, rowId, column, value, hlc: hlc(next), ...authors[author]! };
}

/** Rows of two tables, one with a column fewer (a sensitive one not readable), authors mixed. */
const changes: SyncChange[] = [
  cell('categories', 'k1', 'name_ar', 'صحة'),
  cell('categories', 'k1', 'position', 3, 1),
  cell('categories', 'k1', 'active', 1),
  cell('complaints', 'c1', 'subject', 'إنارة عمومية', 2),
  cell('complaints', 'c1', 'citizen_cin', 'AB123456'),
  cell('complaints', 'c1', 'official_number', null, 1),
  cell('complaints', 'c2', 'subject', 'Voirie "quartier"\n\\ nord'),
  cell('complaints', 'c2', 'citizen_cin', null),
  cell('complaints', 'c2', 'official_number', '2026/0001', 1),
  cell('complaints', 'c3', 'subject', 'ماء'),
  cell('complaints', 'c3', 'official_number', null),
];

const roundTrip = (page: SnapshotPage) => parseSnapshotPage(JSON.parse(JSON.stringify(page)));

describe('snapshot pages in rows', () => {
  it('carry the same changes, in the same order, with columns and authors named once', () => {
    const page = packSnapshotPage(changes, rest);
    expect(page.authors).toHaveLength(3);
    expect(page.tables.map((run) => [run.table, run.columns.length, run.rows.length])).toEqual([
      ['categories', 3, 1],
      ['complaints', 3, 2],
      ['complaints', 2, 1],
    ]);
    const parsed = roundTrip(page);
    expect(parsed).not.toBeNull();
    expect(parsed).toMatchObject(rest);
    expect(snapshotPageChanges(parsed!)).toEqual(changes);
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(changes).length * 0.6);
  });

  it('carries a row holding a column twice as one row per cell', () => {
    const twice = [
      cell('complaints', 'c9', 'status', 'new'),
      cell('complaints', 'c9', 'status', 'closed'),
    ];
    const parsed = roundTrip(packSnapshotPage(twice, rest));
    expect(snapshotPageChanges(parsed!)).toEqual(twice);
  });

  it('gives back only changes changeSchema accepts, whatever it was sent', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
      fc.constant(null),
    );
    const anyChange = fc.record({
      id: fc.uuid(),
      table: fc.constantFrom('complaints', 'complaint_events', 'users'),
      rowId: fc.string({ minLength: 1, maxLength: 8 }),
      column: fc.constantFrom('subject', 'status', 'citizen_cin', 'deleted'),
      value,
      hlc: fc.integer({ min: 0, max: 999 }).map(hlc),
      userId: fc.option(fc.uuid(), { nil: null }),
      deviceId: fc.constantFrom('PC01', 'PC02', 'server'),
      schemaVersion: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(fc.array(anyChange, { maxLength: 30 }), (sent) => {
        const parsed = roundTrip(packSnapshotPage(sent, rest));
        expect(parsed).not.toBeNull();
        const received = snapshotPageChanges(parsed!);
        expect(received).toEqual(sent.map((change) => changeSchema.parse(change)));
      }),
    );
  });

  it('refuses a page with anything amiss, whole', () => {
    const good = () =>
      JSON.parse(JSON.stringify(packSnapshotPage(changes, rest))) as {
        authors: unknown[][];
        tables: { table: unknown; columns: unknown[]; rows: unknown[][] }[];
        [key: string]: unknown;
      };
    const row = () => good().tables[1]!.rows[0]!;
    const n = 3;
    const broken: [string, (page: ReturnType<typeof good>) => void][] = [
      ['no cursor', (page) => delete page.cursor],
      ['a long cursor', (page) => (page.cursor = 'x'.repeat(201))],
      ['hasMore as text', (page) => (page.hasMore = 'true')],
      ['serverTime fractional', (page) => (page.serverTime = 1.5)],
      ['tables not an array', (page) => ((page as Record<string, unknown>).tables = {})],
      ['a bad table name', (page) => (page.tables[0]!.table = 'Complaints; DROP')],
      ['no columns', (page) => (page.tables[0]!.columns = [])],
      ['a bad column name', (page) => (page.tables[0]!.columns[0] = 'name-ar')],
      ['a column twice', (page) => (page.tables[1]!.columns[1] = 'subject')],
      ['a row too short', (page) => page.tables[1]!.rows[0]!.pop()],
      ['a row too long', (page) => page.tables[1]!.rows[0]!.push(0)],
      ['a row not an array', (page) => (page.tables[1]!.rows[0] = { ...row() })],
      ['an empty row id', (page) => (page.tables[1]!.rows[0]![0] = '')],
      ['a row id too long', (page) => (page.tables[1]!.rows[0]![0] = 'r'.repeat(61))],
      ['a numeric row id', (page) => (page.tables[1]!.rows[0]![0] = 7)],
      ['an object value', (page) => (page.tables[1]!.rows[0]![1] = { a: 1 })],
      ['a boolean value', (page) => (page.tables[1]!.rows[0]![1] = true)],
      ['a value too long', (page) => (page.tables[1]!.rows[0]![1] = 'x'.repeat(20_001))],
      ['a malformed clock', (page) => (page.tables[1]!.rows[0]![1 + n] = '2026-11-29 10:00')],
      ['a clock as a number', (page) => (page.tables[1]!.rows[0]![1 + n] = 17)],
      ['a malformed change id', (page) => (page.tables[1]!.rows[0]![1 + 2 * n] = 'not-a-uuid')],
      ['an author out of range', (page) => (page.tables[1]!.rows[0]![1 + 3 * n] = 3)],
      ['a negative author', (page) => (page.tables[1]!.rows[0]![1 + 3 * n] = -1)],
      ['a fractional author', (page) => (page.tables[1]!.rows[0]![1 + 3 * n] = 0.5)],
      ['an author with a bad user', (page) => (page.authors[0]![0] = 'someone')],
      ['an author without device', (page) => (page.authors[0]![1] = '')],
      ['an author of schema 0', (page) => (page.authors[0]![2] = 0)],
      ['an author too short', (page) => page.authors[0]!.pop()],
    ];
    expect(parseSnapshotPage(good())).not.toBeNull();
    for (const [what, breakIt] of broken) {
      const page = good();
      breakIt(page);
      expect(parseSnapshotPage(page), what).toBeNull();
    }
    expect(parseSnapshotPage(null)).toBeNull();
    expect(parseSnapshotPage([])).toBeNull();
  });
});
