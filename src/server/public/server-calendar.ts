import {
  workingCalendar,
  type HolidayCorrection,
  type WorkingCalendar,
} from '../../shared/calendar/working-calendar';
import { deletedColumn } from '../../shared/sync/stored-values';
import { holidaysTable } from '../../shared/tables/calendar.tables';
import type { ServerDb } from '../db/server-db';
import { cellsByRow } from '../sync/row-cells';

/**
 * The administrator's corrections as the server holds them (the holidays table's cells, pushed
 * like any row): live rows only, a tombstoned correction no longer counts. A row still missing a
 * cell, or holding a value its column would refuse, is left out rather than trusted.
 */
export async function holidayCorrections(db: ServerDb): Promise<HolidayCorrection[]> {
  const cells = await db.query<{ row_id: string; col: string; value: string }>(
    'SELECT row_id, col, value FROM cells WHERE tbl = $1 AND col = ANY($2::text[])',
    [holidaysTable.name, ['day', 'kind', deletedColumn]],
  );
  const corrections: HolidayCorrection[] = [];
  for (const row of cellsByRow(cells).values()) {
    if (row.get(deletedColumn) === 1) continue;
    const day = holidaysTable.columns.day.schema.safeParse(row.get('day'));
    const kind = holidaysTable.columns.kind.schema.safeParse(row.get('kind'));
    if (day.success && kind.success) corrections.push({ day: day.data, kind: kind.data });
  }
  return corrections;
}

/** The working-day calendar with the corrections the server holds now. */
export async function serverCalendar(db: ServerDb): Promise<WorkingCalendar> {
  return workingCalendar(await holidayCorrections(db));
}
