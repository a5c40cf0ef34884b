import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../connection';
import { runMigrations } from '../migrate';
import { migrations } from './index';

/**
 * A database upgraded from schema 3 already holds attachments whose files were stored on that PC
 * alone (the app did not move files before): 0004 queues them as its triggers would queue new
 * ones, and a file attached here goes up even for a finished case.
 */

const dirs: string[] = [];
let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const thisDevice = 'device-here';
const sha = (digit: string) => digit.repeat(64);

/** The app as it was before files moved: schema 3. */
function schemaThree(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'maktab-0004-'));
  dirs.push(dir);
  db = openDatabase(join(dir, 'maktab.sqlite'));
  runMigrations(db, migrations.slice(0, 3));
  db.prepare("INSERT INTO local_meta (key, value) VALUES ('device_id', ?)").run(thisDevice);
  return db;
}

function complaint(target: Db, id: string, status: string): void {
  target
    .prepare(
      `INSERT INTO complaints (id, local_number, kind, channel, urgent, received_on, citizen_name,
         subject, description, district, category_id, status, ack_due_on, answer_due_on,
         created_by, created_at)
       VALUES (?, ?, 'complaint', 'counter', 0, '2026-10-01', 'x', 'x', 'x', 'x', 'cat', ?,
         '2026-10-08', '2026-11-30', 'u1', '2026-10-01T09:00:00.000Z')`,
    )
    .run(id, `A-${id}`, status);
}

function attachment(
  target: Db,
  id: string,
  complaintId: string,
  sha256: string,
  options: { deleted?: boolean; writtenBy?: string } = {},
): void {
  target
    .prepare(
      `INSERT INTO complaint_attachments
         (id, deleted, complaint_id, sha256, file_name, mime_type, size, added_by, added_at)
       VALUES (?, ?, ?, ?, 'scan.png', 'image/png', 1000, 'u1', '2026-10-01T09:00:00.000Z')`,
    )
    .run(id, options.deleted ? 1 : 0, complaintId, sha256);
  if (options.writtenBy) {
    target
      .prepare(
        `INSERT INTO changes (id, tbl, row_id, col, value, hlc, user_id, device_id, state)
         VALUES (?, 'complaint_attachments', ?, 'sha256', ?, '2026-10-01T09:00:00.000Z-0000-0', 'u1', ?, 'accepted')`,
      )
      .run(`change-${id}`, id, JSON.stringify(sha256), options.writtenBy);
  }
}

it('queues the files of attachments that were already here before the upgrade', () => {
  const target = schemaThree();
  attachment(target, 'a1', 'c1', sha('a'));
  runMigrations(target);
  expect(target.prepare('SELECT sha256, state FROM file_transfers').all()).toEqual([
    { sha256: sha('a'), state: 'waiting' },
  ]);
});

it('queues them as the triggers would, except that a file attached here goes up whatever its case', () => {
  const target = schemaThree();
  complaint(target, 'open', 'routed');
  complaint(target, 'closed', 'closed');
  // An open case's file: fetched or sent.
  attachment(target, 'a1', 'open', sha('1'), { writtenBy: 'another-pc' });
  // A finished case's file attached on another PC: fetched only when asked for.
  attachment(target, 'a2', 'closed', sha('2'), { writtenBy: 'another-pc' });
  // A finished case's file attached here: only this PC has it.
  attachment(target, 'a3', 'closed', sha('3'), { writtenBy: thisDevice });
  // Deleted: nobody needs it.
  attachment(target, 'a4', 'open', sha('4'), { deleted: true, writtenBy: thisDevice });
  // One file named by a finished case and an open one: one row, wanted.
  attachment(target, 'a5', 'closed', sha('5'), { writtenBy: 'another-pc' });
  attachment(target, 'a6', 'open', sha('5'), { writtenBy: 'another-pc' });
  runMigrations(target);
  expect(target.prepare('SELECT sha256, state FROM file_transfers ORDER BY sha256').all()).toEqual([
    { sha256: sha('1'), state: 'waiting' },
    { sha256: sha('2'), state: 'dormant' },
    { sha256: sha('3'), state: 'waiting' },
    { sha256: sha('4'), state: 'dormant' },
    { sha256: sha('5'), state: 'waiting' },
  ]);
});
