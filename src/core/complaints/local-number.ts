import { statement, type Db } from '../db/connection';
import { readMeta, writeMeta } from '../settings/local-settings';

/**
 * The device-local number a complaint gets at once, offline (DESIGN.md, Local data):
 * `<PC code>-<year>-<sequence>`, e.g. PC3F9A-2026-0007. The official register number comes from
 * the server later. Both the code and the per-year sequences live in `local_meta`: they belong to
 * this PC and are never synced.
 */

const pcCodeKey = 'pc_code';
const validPcCode = /^[A-Z0-9]{2,8}$/;

/**
 * This PC's code: `local_meta.pc_code` when an administrator set one (e.g. PC03), else "PC" and
 * the last four hex digits of the device id (the random end of a UUIDv7). The derived code is
 * stored the first time it is used, so the numbers already given keep their prefix.
 */
export function pcCode(db: Db): string {
  const stored = readMeta(db, pcCodeKey);
  if (stored !== null && validPcCode.test(stored)) return stored;
  const deviceId = readMeta(db, 'device_id') ?? '';
  const derived = `PC${deviceId.replace(/-/g, '').slice(-4).toUpperCase().padStart(4, '0')}`;
  writeMeta(db, pcCodeKey, derived);
  return derived;
}

const taken = (db: Db, localNumber: string) =>
  statement(db, 'SELECT 1 FROM complaints WHERE local_number = ?').get(localNumber) !== undefined;

/**
 * The next number of the year, in the caller's transaction: a refused intake rolls the sequence
 * back with the rest. A number already in the table is stepped over, never given twice, even
 * after a backup restore or a change of PC code put `local_meta` behind.
 */
export function nextLocalNumber(db: Db, year: number): string {
  const prefix = `${pcCode(db)}-${year}-`;
  const key = `complaint_seq_${year}`;
  const counted = Number(readMeta(db, key) ?? '0');
  let next = (Number.isSafeInteger(counted) && counted > 0 ? counted : 0) + 1;
  const numbered = (sequence: number) => `${prefix}${String(sequence).padStart(4, '0')}`;
  while (taken(db, numbered(next))) next += 1;
  writeMeta(db, key, String(next));
  return numbered(next);
}
