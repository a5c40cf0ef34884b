import { uuidv7 } from '../../shared/ids/uuidv7';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { ServerDb } from '../db/server-db';
import type { LogEntry } from './change-log';
import type { RowStates } from './row-states';
import { serverDeviceId, serverStamp } from './server-stamp';

/**
 * Registers whose records get a gapless official number per year from the server on first
 * accept (DESIGN.md, Local data): offline, a record carries only its device-local number.
 */
interface NumberedTable {
  table: string;
  register: string;
  localNumberColumn: string;
  numberColumn: string;
  /** An ISO date column: its year is the register's year. */
  dateColumn: string;
}

export const numberedTables: readonly NumberedTable[] = [
  {
    table: 'complaints',
    register: 'complaints',
    localNumberColumn: 'local_number',
    numberColumn: 'official_number',
    dateColumn: 'received_on',
  },
  // The access-to-information register (law 31-13) is a register of its own, numbered apart.
  {
    table: 'info_requests',
    register: 'info_requests',
    localNumberColumn: 'local_number',
    numberColumn: 'official_number',
    dateColumn: 'received_on',
  },
];

export function numberedTableOf(table: string): NumberedTable | undefined {
  return numberedTables.find((numbered) => numbered.table === table);
}

/** The year a row should be numbered in, or null if it has its number or cannot have one yet. */
export function yearToNumber(
  numbered: NumberedTable,
  states: RowStates,
  rowId: string,
): number | null {
  const cells = states.cells(numbered.table, rowId);
  const local = cells.get(numbered.localNumberColumn)?.value;
  const date = cells.get(numbered.dateColumn)?.value;
  const official = cells.get(numbered.numberColumn)?.value ?? null;
  if (official !== null || typeof local !== 'string' || typeof date !== 'string') return null;
  const year = Number(date.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : null;
}

/**
 * The next number of a register's year, e.g. 2026/0007. The counter row is updated in the push's
 * transaction (which holds the log's lock): a rolled-back push gives its number back, so the
 * register has no gaps and no number twice.
 */
export async function nextOfficialNumber(
  tx: ServerDb,
  register: string,
  year: number,
): Promise<string> {
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO register_counters (register, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (register, year) DO UPDATE SET last = register_counters.last + 1
     RETURNING last`,
    [register, year],
  );
  if (!row) throw new Error('register counter not written');
  return `${year}/${String(row.last).padStart(4, '0')}`;
}

/** The server's change giving a row its number: stamped after every cell of the row. */
export function officialNumberChange(
  numbered: NumberedTable,
  states: RowStates,
  rowId: string,
  number: string,
  nowMs: number,
): LogEntry {
  const stamps = [...states.cells(numbered.table, rowId).values()].map((cell) => cell.hlc);
  return {
    id: uuidv7(nowMs),
    tbl: numbered.table,
    rowId,
    col: numbered.numberColumn,
    value: number,
    hlc: serverStamp(nowMs, stamps),
    userId: null,
    deviceId: serverDeviceId,
    schemaVersion: appSchemaVersion,
  };
}
