import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { HybridLogicalClock } from '../../shared/sync/hlc';
import type { SyncChange } from '../../shared/sync/protocol';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { createStaff, intakeInput, signInAs } from '../complaints/complaint-fixtures';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { packSnapshotPage } from '../../shared/sync/snapshot-page';
import { applyPulledChanges, applyPulledRows, type SyncDatabase } from './apply-pull';
import {
  markSearchDeferred,
  rebuildSearchStep,
  searchIndexes,
  searchRebuildDue,
  withSearchDeferred,
} from './deferred-search';
import {
  RemoteDevice,
  cell,
  lightingCategory,
  localDeviceId,
  loggedChanges,
} from './sync-fixtures';

let t: TestCore;
let remote: RemoteDevice;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  createStaff(t, 'nadia', ['head']);
  signInAs(t, 'nadia');
  remote = new RemoteDevice('00000000000000b2', uuidv7());
});
afterEach(() => t.dispose());

const minute = 60_000;
const districts = ['حي الأندلس', 'حي السلام', 'حي المنصور', 'حي الأمل'];

function target(of: TestCore = t): SyncDatabase {
  return {
    db: of.core.database(),
    clock: new HybridLogicalClock({ node: '00000000000000a1', wallClock: of.clock.now }),
    deviceId: localDeviceId(of),
  };
}

/** A snapshot page of whole complaints, as the server sends them: row after row. */
let numbered = 0;
beforeEach(() => {
  numbered = 0;
});

function snapshotRows(count: number, offsetMs = -minute): SyncChange[] {
  const cells: SyncChange[] = [];
  for (let made = 0; made < count; made += 1) {
    const index = numbered++;
    const id = uuidv7();
    cells.push(
      ...remote.complaintCells(id, () => remote.stamp(t.clock.ms, offsetMs), {
        local_number: `PC02-2026-${String(index + 1).padStart(4, '0')}`,
        subject: `عمود إنارة رقم ${index + 1} مطفأ`,
        district: districts[index % districts.length]!,
        citizen_name: index % 2 === 0 ? 'فاطمة الزهراء العلمي' : 'Youssef Benali',
      }),
    );
  }
  return cells;
}

function apply(cells: readonly SyncChange[], of: TestCore = t) {
  const db = of.core.database();
  return db.transaction(() =>
    applyPulledChanges(target(of), cells, new Date(of.clock.ms), { wholeRows: true }),
  )();
}

function rowIds(cells: readonly SyncChange[]): string[] {
  return [...new Set(cells.map((change) => change.rowId))];
}

function count(sql: string, of: TestCore = t): number {
  return (of.core.database().prepare(sql).get() as { n: number }).n;
}

function search(text: string, of: TestCore = t): string[] {
  return of
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

describe('whole rows of a first pull inserted in bulk', () => {
  it('inserts the rows with their clocks, and a page fetched again changes nothing', () => {
    const page = snapshotRows(250);
    const outcome = apply(page);
    expect(outcome).toMatchObject({ recorded: page.length, parked: 0 });
    expect(outcome.tables).toEqual(new Set(['complaints']));
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(250);
    const [first] = page;
    expect(cell(t, 'complaints', first!.rowId, 'subject')).toBe('عمود إنارة رقم 1 مطفأ');
    const clocks = t.core
      .database()
      .prepare("SELECT clocks FROM sync_row_clocks WHERE tbl = 'complaints' AND row_id = ?")
      .pluck()
      .get(first!.rowId) as string;
    const subject = page.find((change) => change.column === 'subject')!;
    expect(JSON.parse(clocks)).toMatchObject({ subject: subject.hlc });
    // Rows pulled whole leave no change log entry.
    expect(loggedChanges(t, first!.rowId)).toEqual([]);

    const before = t.core.database().prepare('SELECT * FROM complaints ORDER BY id').all();
    const again = apply(page);
    expect(again.tables.size).toBe(0);
    expect(again.parked).toBe(0);
    expect(t.core.database().prepare('SELECT * FROM complaints ORDER BY id').all()).toEqual(before);
    expect(count('SELECT count(*) AS n FROM sync_inbox')).toBe(0);
  });

  it('leaves a row made here to last-writer-wins, and inserts the rest of its chunk', () => {
    const local = t.ok('complaints:create', intakeInput(lightingCategory, { subject: 'محلي' })).id;
    const page = snapshotRows(30);
    // The server's older version of the local row, in the middle of the page.
    const older = remote.complaintCells(local, () => remote.stamp(t.clock.ms, -10 * minute), {
      local_number: 'PC02-2026-9999',
      subject: 'نسخة قديمة',
    });
    const newer = remote.change(
      'complaints',
      local,
      'district',
      'حي الأمل',
      remote.stamp(t.clock.ms, 2 * minute),
    );
    const mixed = [...page.slice(0, 15 * older.length), ...older, ...page.slice(15 * older.length)];
    apply([...mixed, newer]);
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(31);
    expect(cell(t, 'complaints', local, 'subject')).toBe('محلي');
    expect(cell(t, 'complaints', local, 'district')).toBe('حي الأمل');
    for (const id of rowIds(page)) expect(cell(t, 'complaints', id, 'status')).toBe('received');
  });

  it('sends a row that breaks a constraint to the inbox, not its whole chunk', () => {
    const page = snapshotRows(20);
    const clash = remote.complaintCells(uuidv7(), () => remote.stamp(t.clock.ms, -minute), {
      local_number: 'PC02-2026-0003',
    });
    const outcome = apply([
      ...page.slice(0, 10 * clash.length),
      ...clash,
      ...page.slice(10 * clash.length),
    ]);
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(20);
    expect(outcome.parked).toBe(clash.length);
    expect(count("SELECT count(*) AS n FROM sync_inbox WHERE reason = 'constraint'")).toBe(
      clash.length,
    );
  });

  it('waits for a row cut in two, and inserts it whole when the rest arrives', () => {
    const [row] = [snapshotRows(1)];
    const half = Math.floor(row.length / 2);
    apply(row.slice(0, half));
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(0);
    expect(count("SELECT count(*) AS n FROM sync_inbox WHERE reason = 'incomplete'")).toBe(half);
    apply(row.slice(half));
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(1);
    expect(count('SELECT count(*) AS n FROM sync_inbox')).toBe(0);
  });

  it('keeps nothing of a page whose transaction did not commit (a crash between pages)', () => {
    const first = snapshotRows(40);
    const second = snapshotRows(40);
    apply(first);
    const db = t.core.database();
    expect(() =>
      db.transaction(() => {
        applyPulledChanges(target(), second, new Date(t.clock.ms), { wholeRows: true });
        throw new Error('killed before the commit');
      })(),
    ).toThrow('killed');
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(40);
    expect(count('SELECT count(*) AS n FROM sync_row_clocks')).toBe(40);
    // The resumed pull asks for the same page again.
    apply(second);
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(80);
  });

  it('ends like the ordinary path, cell by cell', () => {
    const page = [...snapshotRows(60), ...snapshotRows(1, 5 * minute)];
    const other = createTestCore();
    try {
      setUpAdmin(other);
      apply(page);
      other.core.database().transaction(() => {
        applyPulledChanges(target(other), page, new Date(other.clock.ms));
      })();
      const rows = (of: TestCore) =>
        of.core.database().prepare('SELECT * FROM complaints ORDER BY id').all();
      const clocks = (of: TestCore) =>
        of.core.database().prepare('SELECT * FROM sync_row_clocks ORDER BY row_id').all();
      expect(rows(t)).toEqual(rows(other));
      expect(clocks(t)).toEqual(clocks(other));
    } finally {
      other.dispose();
    }
  });
});

describe('a first pull page in rows (snapshot-page.ts)', () => {
  const rest = { cursor: 'l:1', hasMore: true, serverTime: 0 };

  function applyRows(cells: readonly SyncChange[], of: TestCore = t) {
    return of.core.database().transaction(() =>
      applyPulledRows(target(of), packSnapshotPage(cells, rest), new Date(of.clock.ms), {
        wholeRows: true,
      }),
    )();
  }

  function state(of: TestCore) {
    const all = (sql: string) => of.core.database().prepare(sql).all();
    return {
      complaints: all('SELECT * FROM complaints ORDER BY id'),
      clocks: all('SELECT * FROM sync_row_clocks ORDER BY tbl, row_id'),
      inbox: all(
        'SELECT change_id, tbl, row_id, col, value, hlc, schema_version, reason FROM sync_inbox ORDER BY change_id',
      ),
      log: all(
        "SELECT id, tbl, row_id, col, value, hlc, state FROM changes WHERE device_id <> 'x' AND tbl = 'complaints' ORDER BY id",
      ),
    };
  }

  it('ends exactly as the same page in changes, whatever the page holds', () => {
    const earlier = snapshotRows(20);
    const fresh = snapshotRows(150);
    // A row already here, seen again with a newer subject (the snapshot after an edit).
    const hereId = earlier[0]!.rowId;
    const again = earlier
      .filter((change) => change.rowId === hereId)
      .map((change) =>
        change.column === 'subject'
          ? { ...change, id: uuidv7(), value: 'موضوع معدل', hlc: remote.stamp(t.clock.ms) }
          : change,
      );
    // Among whole rows that go in: a row stamped further ahead than this clock accepts, one by a
    // newer app, one with a value its column cannot store. Then one breaking the register's
    // unique local number (of a row here), one cut short (its last cells on the next page), and
    // one whose cells are apart in the page (fresh's 25th, around `again`).
    const ahead = snapshotRows(1, 10 * minute);
    const newer = snapshotRows(1).map((change) => ({ ...change, schemaVersion: 99 }));
    const misfit = snapshotRows(1).map((change) =>
      change.column === 'subject' ? { ...change, value: 42 } : change,
    );
    const clash = remote.complaintCells(uuidv7(), () => remote.stamp(t.clock.ms, -minute), {
      local_number: 'PC02-2026-0005',
    });
    const cut = snapshotRows(1).slice(0, 5);
    const page = [
      ...fresh.slice(0, 290),
      ...ahead,
      ...newer,
      ...misfit,
      ...fresh.slice(290, 700),
      ...again,
      ...fresh.slice(700),
      ...clash,
      ...cut,
    ];
    const other = createTestCore();
    try {
      setUpAdmin(other);
      createStaff(other, 'nadia', ['head']);
      apply(earlier);
      apply(earlier, other);
      const inRows = applyRows(page);
      const inChanges = apply(page, other);
      expect(inRows).toEqual(inChanges);
      expect(inRows.parked).toBeGreaterThan(clash.length);
      expect(state(t)).toEqual(state(other));
      expect(cell(t, 'complaints', hereId, 'subject')).toBe('موضوع معدل');
      expect(count('SELECT count(*) AS n FROM complaints')).toBe(170);
      expect(count('SELECT count(DISTINCT row_id) AS n FROM sync_inbox')).toBe(5);
    } finally {
      other.dispose();
    }
  });

  it('takes a page again after a crash, and a page that finds its rows here, as changes do', () => {
    const page = snapshotRows(120);
    const db = t.core.database();
    expect(() =>
      db.transaction(() => {
        applyPulledRows(target(), packSnapshotPage(page, rest), new Date(t.clock.ms), {
          wholeRows: true,
        });
        throw new Error('killed before the commit');
      })(),
    ).toThrow('killed');
    expect(count('SELECT count(*) AS n FROM complaints')).toBe(0);
    expect(applyRows(page)).toMatchObject({ recorded: page.length, parked: 0 });
    const before = state(t);
    expect(applyRows(page)).toMatchObject({ recorded: 0, parked: 0 });
    expect(state(t)).toEqual(before);
  });
});

describe('the search index of a first pull, built at its end', () => {
  function applyDeferred(cells: readonly SyncChange[]): void {
    const db = t.core.database();
    withSearchDeferred(db, () =>
      db.transaction(() => {
        applyPulledChanges(target(), cells, new Date(t.clock.ms), { wholeRows: true });
        markSearchDeferred(db);
      })(),
    );
  }

  function rebuild(steps = Infinity): void {
    const db = t.core.database();
    for (let step = 0; step < steps; step += 1)
      if (!db.transaction(() => rebuildSearchStep(db))()) return;
  }

  // Both cores made a complaint 'محلي' of their own (different ids): compared apart.
  const queries = ['عمود', 'رقم 17', 'Youssef', 'فاطمة العلمي', 'السلام', 'PC02-2026-0042', 'جديد'];

  it('finds the indexed tables from the schema', () => {
    expect(searchIndexes(t.core.database())).toEqual([
      {
        index: 'complaints_search',
        table: 'complaints',
        columns: [
          'local_number',
          'official_number',
          'citizen_name',
          'citizen_phone',
          'subject',
          'description',
          'district',
        ],
      },
    ]);
  });

  it('answers searches as an index kept row by row does, even after a crash mid-rebuild', () => {
    const pages = [snapshotRows(1200), snapshotRows(1200)];
    const other = createTestCore();
    try {
      setUpAdmin(other);
      createStaff(other, 'nadia', ['head']);
      signInAs(other, 'nadia');
      for (const page of pages) applyDeferred(page);
      for (const page of pages) apply(page, other);
      expect(searchRebuildDue(t.core.database())).toBe(true);
      // Rows of a deferred pull are not found until the index is built.
      expect(search('Youssef')).toEqual([]);

      // A complaint made here while the rebuild runs, and one edited: the triggers index them.
      rebuild(2);
      const local = t.ok(
        'complaints:create',
        intakeInput(lightingCategory, { subject: 'محلي' }),
      ).id;
      const edited = rowIds(pages[1]!)[5]!;
      t.core.runInTransaction('mutation', (ctx) =>
        ctx.write.update(complaintsTable, edited, { subject: 'عمود محلي جديد' }),
      );
      other.ok('complaints:create', intakeInput(lightingCategory, { subject: 'محلي' }));
      other.core.runInTransaction('mutation', (ctx) =>
        ctx.write.update(complaintsTable, edited, { subject: 'عمود محلي جديد' }),
      );
      expect(search('محلي')).toContain(local);

      // Killed in the middle of a chunk: that chunk's transaction never committed.
      const db = t.core.database();
      expect(() =>
        db.transaction(() => {
          rebuildSearchStep(db);
          throw new Error('killed');
        })(),
      ).toThrow('killed');
      t.reopen();
      signInAs(t, 'nadia');
      rebuild();
      expect(searchRebuildDue(t.core.database())).toBe(false);
      for (const query of queries) {
        const found = search(query);
        expect(found, query).toEqual(search(query, other));
      }
      expect(search('Youssef').length).toBe(50);
      expect(search('محلي')).toEqual([local, edited].sort());
    } finally {
      other.dispose();
    }
  });
});
