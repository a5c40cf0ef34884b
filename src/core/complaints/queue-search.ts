import { matchExpression } from '../../shared/text/search-tokens';
import { statement, type Db } from '../db/connection';

/**
 * A search looks through its most recent matches only, this many (DESIGN.md, Local data): FTS5
 * hands rows out newest first (highest rowid) at once, whereas sorting every match of a common
 * word, or counting them, reads the whole register. Any search for a name, a number or a street
 * matches fewer and is exact; a single common word shows the view's cases among its newest
 * matches, which is what a clerk looking for a recent complaint wants.
 */
export const searchWindow = 1000;

/**
 * The rowids of the newest matches, or null when the search holds no word to look for (only
 * punctuation): the queue then ignores it.
 */
export function searchMatches(db: Db, search: string | undefined): number[] | null {
  const expression = search === undefined ? null : matchExpression(search);
  if (expression === null) return null;
  const rows = statement(
    db,
    `SELECT rowid AS r FROM complaints_search WHERE complaints_search MATCH ?
     ORDER BY rowid DESC LIMIT ?`,
  ).all(expression, searchWindow) as { r: number }[];
  return rows.map((row) => row.r);
}
