import type { ComplaintStats } from '../../shared/api/procedures/complaints.procedures';
import { complaintKinds, complaintStatuses } from '../../shared/complaints/complaint-values';
import { answerWithinDays } from '../../shared/complaints/legal-clock';
import { statement, type Db } from '../db/connection';

export interface StatsPeriod {
  /** Inclusive bounds on received_on, ISO dates. */
  from: string;
  to: string;
}

/** The key of the department breakdown for cases not yet routed to any department. */
export const noDepartmentKey = 'none';

/**
 * The period's rows by their date of receipt. Named, because with table statistics (ANALYZE) the
 * planner may prefer a skip-scan of complaints_category, measured 5 to 7 times slower here.
 */
const inPeriod = `complaints INDEXED BY complaints_received
  WHERE deleted = 0 AND received_on BETWEEN @from AND @to`;

/**
 * One pass over the period, grouped by the four breakdowns at once: a few thousand groups at most
 * (kinds x categories x departments x statuses), which core then folds into each breakdown.
 */
const groupsSql = `
  SELECT kind, category_id AS category, coalesce(department_id, '${noDepartmentKey}') AS department,
    status, count(*) AS cases
  FROM ${inPeriod}
  GROUP BY kind, category_id, department, status`;

/**
 * The time to answer, from the distribution of days (a few hundred distinct values) rather than
 * a sort of every answered case. Cases merged into another are left out: the case that carries
 * the answer counts it once. Days as legal-clock's daysBetween counts them. The median is the mean
 * of the values at positions floor((n+1)/2) and floor(n/2)+1: the first days whose running count
 * reaches each.
 */
const answerTimesSql = `
  WITH timed AS (
    SELECT CAST(round(julianday(answered_on) - julianday(received_on)) AS INTEGER) AS days
    FROM ${inPeriod} AND answered_on IS NOT NULL AND status <> 'merged'
  ),
  histogram AS (SELECT days, count(*) AS cases FROM timed GROUP BY days),
  running AS (
    SELECT days, cases, sum(cases) OVER (ORDER BY days ROWS UNBOUNDED PRECEDING) AS upto,
      sum(cases) OVER () AS n
    FROM histogram
  )
  SELECT coalesce(sum(cases), 0) AS answered,
    1.0 * sum(days * cases) / sum(cases) AS mean,
    (min(CASE WHEN upto >= (n + 1) / 2 THEN days END)
      + min(CASE WHEN upto >= n / 2 + 1 THEN days END)) / 2.0 AS median,
    1.0 * sum(CASE WHEN days <= @within THEN cases ELSE 0 END) / sum(cases) AS within
  FROM running`;

interface GroupRecord {
  kind: string;
  category: string;
  department: string;
  status: string;
  cases: number;
}

interface AnswerTimes {
  answered: number;
  mean: number | null;
  median: number | null;
  within: number | null;
}

type CountRow = { key: string; count: number };

/** Counts by key, largest first; the fixed lists (kinds, statuses) keep their order, zeros too. */
function countsBy(
  groups: readonly GroupRecord[],
  key: (group: GroupRecord) => string,
  fixedKeys?: readonly string[],
): CountRow[] {
  const counts = new Map<string, number>(fixedKeys?.map((k) => [k, 0]));
  for (const group of groups) counts.set(key(group), (counts.get(key(group)) ?? 0) + group.cases);
  const rows = [...counts].map(([k, count]) => ({ key: k, count }));
  if (fixedKeys) return rows;
  return rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The register's figures for cases received within the period (issue 3, item 8). */
export function summarizeComplaints(db: Db, period: StatsPeriod): ComplaintStats {
  const params = { from: period.from, to: period.to };
  const groups = statement(db, groupsSql).all(params) as GroupRecord[];
  const times = statement(db, answerTimesSql).get({
    ...params,
    within: answerWithinDays,
  }) as AnswerTimes;
  return {
    from: period.from,
    to: period.to,
    total: groups.reduce((sum, group) => sum + group.cases, 0),
    byKind: countsBy(groups, (g) => g.kind, complaintKinds),
    byCategory: countsBy(groups, (g) => g.category),
    byDepartment: countsBy(groups, (g) => g.department),
    byStatus: countsBy(groups, (g) => g.status, complaintStatuses),
    answered: times.answered,
    meanDaysToAnswer: times.mean,
    medianDaysToAnswer: times.median,
    shareAnsweredWithin60: times.within,
  };
}

/**
 * Every category or department name, retired ones too: old cases still refer to them. The
 * administrator's lists are short (dozens), so they are read whole.
 */
export function namesById(
  db: Db,
  table: 'categories' | 'departments',
): Map<string, { nameAr: string; nameFr: string }> {
  const records = statement(db, `SELECT id, name_ar, name_fr FROM ${table}`).all() as {
    id: string;
    name_ar: string;
    name_fr: string;
  }[];
  return new Map(records.map((r) => [r.id, { nameAr: r.name_ar, nameFr: r.name_fr }]));
}
