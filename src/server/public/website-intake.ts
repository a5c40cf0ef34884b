import { createHash, randomBytes } from 'node:crypto';
import { communeToday } from '../../shared/complaints/legal-clock';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { websiteDeviceId, websiteNumberPrefix } from '../../shared/public-api';
import { toStoredValue } from '../../shared/sync/stored-values';
import type { TableDeclaration } from '../../shared/tables/define-table';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';
import { appendToLog, lockChangeLog, writeCells, type LogEntry } from '../sync/change-log';
import {
  nextOfficialNumber,
  numberedTableOf,
  officialNumberChange,
  yearToNumber,
} from '../sync/official-numbers';
import { RowStates } from '../sync/row-states';
import { serverStamp } from '../sync/server-stamp';

export interface FiledSubmission {
  trackingNumber: string;
  secret: string;
  officialNumber: string;
  receivedOn: string;
}

export const secretHash = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** What every website record starts from: its id, its tracking number, the day and instant. */
export interface Filing {
  rowId: string;
  trackingNumber: string;
  receivedOn: string;
  at: string;
}

/** A register record as the website files it, with the event that opens its timeline. */
export interface WebsiteRecord {
  /** A numbered register (sync/official-numbers.ts). */
  table: TableDeclaration;
  /** Every column but the official number, which the server gives here as on a push. */
  values: Readonly<Record<string, unknown>>;
  event: { table: TableDeclaration; values: Readonly<Record<string, unknown>> };
}

/**
 * The website's own gapless sequence per year (WEB-2026-0001), in the submission's transaction.
 * One sequence for every register: a tracking number names one record of one register.
 */
async function nextWebsiteNumber(tx: ServerDb, year: number): Promise<string> {
  const [row] = await tx.query<{ last: number }>(
    `INSERT INTO register_counters (register, year, last) VALUES ('website', $1, 1)
     ON CONFLICT (register, year) DO UPDATE SET last = register_counters.last + 1
     RETURNING last`,
    [year],
  );
  if (!row) throw new Error('website counter not written');
  return `${websiteNumberPrefix}-${year}-${String(row.last).padStart(4, '0')}`;
}

/** One change per column, as an app's insert writes them, each value checked by its column. */
function rowEntries(
  table: TableDeclaration,
  rowId: string,
  values: Readonly<Record<string, unknown>>,
  hlc: string,
  nowMs: number,
): LogEntry[] {
  return Object.entries(values).map(([col, value]) => {
    const column = table.columns[col];
    if (!column) throw new Error(`unknown column ${table.name}.${col}`);
    const parsed = column.schema.safeParse(value);
    if (!parsed.success)
      throw new ServerError('VALIDATION', `${col}: ${parsed.error.issues[0]?.code}`);
    return {
      id: uuidv7(nowMs),
      tbl: table.name,
      rowId,
      col,
      value: toStoredValue(column, parsed.data),
      hlc,
      userId: null,
      deviceId: websiteDeviceId,
      schemaVersion: appSchemaVersion,
    };
  });
}

/**
 * Files a website submission as ordinary changes (DESIGN.md, Sync): the record's cells and its
 * first event go into the log like a push from a device named `website`, with no user, and the
 * record gets its official number in the same transaction, with the same functions as a push.
 * `build` says what the record holds (it may read the server's cells in the same transaction);
 * the rest is the same for every register the website files into: the tracking number and its
 * secret, of which only the hash is kept.
 */
export async function fileFromWebsite(
  db: ServerDb,
  nowMs: number,
  build: (tx: ServerDb, filing: Filing) => Promise<WebsiteRecord>,
): Promise<FiledSubmission & { rowId: string }> {
  return db.transaction(async (tx) => {
    await lockChangeLog(tx);
    const receivedOn = communeToday(new Date(nowMs));
    const year = Number(receivedOn.slice(0, 4));
    const trackingNumber = await nextWebsiteNumber(tx, year);
    const at = new Date(nowMs).toISOString();
    const hlc = serverStamp(nowMs);
    const rowId = uuidv7(nowMs);
    const record = await build(tx, { rowId, trackingNumber, receivedOn, at });

    const cells = rowEntries(record.table, rowId, record.values, hlc, nowMs);
    const event = rowEntries(record.event.table, uuidv7(nowMs), record.event.values, hlc, nowMs);

    const numbered = numberedTableOf(record.table.name);
    const states = new RowStates(tx);
    for (const entry of cells)
      states.set(entry.tbl, rowId, entry.col, {
        value: entry.value,
        hlc: entry.hlc,
        deviceId: entry.deviceId,
      });
    const numberYear = numbered ? yearToNumber(numbered, states, rowId) : null;
    if (!numbered || numberYear === null)
      throw new Error(`a website ${record.table.name} row must be numbered`);
    const officialNumber = await nextOfficialNumber(tx, numbered.register, numberYear);
    const numberEntry = officialNumberChange(numbered, states, rowId, officialNumber, nowMs);

    const entries = [...cells, ...event, numberEntry];
    const seqs = await appendToLog(tx, entries, new Date(nowMs));
    await writeCells(
      tx,
      entries.map((entry, index) => ({ ...entry, seq: seqs[index] ?? 0 })),
    );

    const secret = randomBytes(24).toString('base64url');
    await tx.query(
      `INSERT INTO public_submissions (tracking, tbl, row_id, secret_hash, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [trackingNumber, record.table.name, rowId, secretHash(secret), new Date(nowMs)],
    );
    return { trackingNumber, secret, officialNumber, receivedOn, rowId };
  });
}
