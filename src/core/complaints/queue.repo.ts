import type { ParsedInputOf } from '../../shared/api/contract';
import {
  queueViews,
  type QueueRow,
  type QueueView,
} from '../../shared/api/procedures/complaints.procedures';
import { statement, type Db } from '../db/connection';
import {
  compareFor,
  countedParts,
  orderedParts,
  sortKeyColumns,
  type Part,
  type Source,
  type SortKeys,
} from './queue-order';
import { rowsFor } from './queue-rows';
import { searchMatches, searchWindow } from './queue-search';
import {
  filterConditions,
  joinConditions,
  rowidIn,
  viewScope,
  type Condition,
  type Viewer,
  type ViewScope,
} from './queue-views';

type QueueQuery = ParsedInputOf<'complaints:queue'>;

/**
 * Totals are counted up to this many rows: past it, counting costs more than a page (the `all`
 * view holds every case) and nobody pages that far; they filter or search instead.
 */
export const queueTotalCap = 10_000;

function pageOfPart(db: Db, part: Part, limit: number, offset: number): number[] {
  const rows = statement(
    db,
    `SELECT c.rowid AS r FROM ${part.from} WHERE ${part.where.sql} ORDER BY ${part.orderBy} LIMIT ? OFFSET ?`,
  ).all(...part.where.params, limit, offset) as { r: number }[];
  return rows.map((row) => row.r);
}

function countOf(db: Db, source: Source, cap: number): number {
  return (
    statement(
      db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${source.from} WHERE ${source.where.sql} LIMIT ?)`,
    ).get(...source.where.params, cap) as { n: number }
  ).n;
}

/** The rowids of one page, walking the stretches in order. */
function pageRowids(db: Db, parts: Part[], pageSize: number, offset: number): number[] {
  const rowids: number[] = [];
  let skip = offset;
  for (const part of parts) {
    const wanted = pageSize - rowids.length;
    if (wanted === 0) break;
    const found = pageOfPart(db, part, wanted, skip);
    rowids.push(...found);
    if (found.length === wanted) break;
    // This stretch ran out: how many of its rows did the offset pass over?
    skip = found.length > 0 ? 0 : skip - countOf(db, part, skip);
  }
  return rowids;
}

function totalOf(db: Db, scope: ViewScope, where: Condition): number {
  let total = 0;
  for (const part of countedParts(scope, where)) total += countOf(db, part, queueTotalCap - total);
  return total;
}

interface Selection {
  scope: ViewScope;
  where: Condition;
  /** The newest matches of the search, or null without a search. */
  matches: number[] | null;
}

/** The rows a view, its filters and its search select; null when none can match. */
function selection(
  db: Db,
  query: Pick<QueueQuery, 'view' | 'filters' | 'search'>,
  viewer: Viewer,
  today: string,
): Selection | null {
  const scope = viewScope(query.view, viewer, today);
  if (scope === null) return null;
  const matches = searchMatches(db, query.search);
  if (matches !== null && matches.length === 0) return null;
  const where = joinConditions([
    ...scope.conditions,
    ...filterConditions(query.filters),
    ...(matches === null ? [] : [rowidIn(matches)]),
  ]);
  return { scope, where, matches };
}

/** A search: the view's rows among the newest matches, sorted here, one read of each. */
function searchedPage(db: Db, selected: Selection, query: QueueQuery) {
  const keys = statement(
    db,
    `SELECT ${sortKeyColumns} FROM complaints c WHERE ${selected.where.sql}${
      selected.scope.clockRunning ? '' : ' AND c.deleted = 0'
    }`,
  ).all(...selected.where.params) as SortKeys[];
  keys.sort(compareFor(query.sort));
  const offset = query.page * query.pageSize;
  return {
    rowids: keys.slice(offset, offset + query.pageSize).map((key) => key.r),
    total: keys.length,
  };
}

/**
 * One page of the triage queue. `total` is exact up to queueTotalCap, then the cap; with a
 * search, rows and total come from the search's newest matches (queue-search.ts).
 */
export function queuePage(
  db: Db,
  query: QueueQuery,
  viewer: Viewer,
  today: string,
): { rows: QueueRow[]; total: number; limited: boolean } {
  const selected = selection(db, query, viewer, today);
  if (selected === null) return { rows: [], total: 0, limited: false };
  if (selected.matches !== null) {
    const { rowids, total } = searchedPage(db, selected, query);
    // A full window means older matches may have been left out.
    const limited = selected.matches.length >= searchWindow;
    return { rows: rowsFor(db, rowids, today), total, limited };
  }
  const parts = orderedParts(selected.scope, selected.where, query.sort);
  const rowids = pageRowids(db, parts, query.pageSize, query.page * query.pageSize);
  const total = totalOf(db, selected.scope, selected.where);
  return { rows: rowsFor(db, rowids, today), total, limited: total >= queueTotalCap };
}

/** How many cases each saved view holds, for the badges (capped like the totals). */
export function viewCounts(db: Db, viewer: Viewer, today: string): Record<QueueView, number> {
  const counts = {} as Record<QueueView, number>;
  for (const view of queueViews) {
    const selected = selection(db, { view, filters: {}, search: undefined }, viewer, today);
    counts[view] = selected === null ? 0 : totalOf(db, selected.scope, selected.where);
  }
  return counts;
}
