import { statement, type Db } from '../db/connection';

/** Districts already typed, most used first: the intake form offers them to avoid new spellings. */
export function listDistricts(db: Db, limit = 200): string[] {
  const rows = statement(
    db,
    `SELECT district FROM complaints WHERE deleted = 0
     GROUP BY district ORDER BY count(*) DESC, district LIMIT ?`,
  ).all(limit) as { district: string }[];
  return rows.map((row) => row.district);
}
