import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  acknowledgementDueOn,
  answerDueOn,
  communeToday,
} from '../../shared/complaints/legal-clock';
import { uuidv7 } from '../../shared/ids/uuidv7';
import {
  otherCategoryId,
  websiteAuthorId,
  websiteDeviceId,
  websiteNumberPrefix,
  type publicSubmissionSchema,
} from '../../shared/public-api';
import { toStoredValue } from '../../shared/sync/stored-values';
import type { TableDeclaration } from '../../shared/tables/define-table';
import {
  categoriesTable,
  complaintEventsTable,
  complaintsTable,
} from '../../shared/tables/complaints.tables';
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

type Submission = z.output<typeof publicSubmissionSchema>;

export interface FiledSubmission {
  trackingNumber: string;
  secret: string;
  officialNumber: string;
  receivedOn: string;
}

export const secretHash = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** The website's own gapless sequence per year (WEB-2026-0001), in the submission's transaction. */
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

/**
 * A category the citizen chose must be one the server knows as active (an administrator's edit
 * brings it here); none is "other", which triage reclassifies.
 */
async function checkCategory(tx: ServerDb, categoryId: string | undefined): Promise<string> {
  if (categoryId === undefined || categoryId === otherCategoryId) return otherCategoryId;
  const rows = await tx.query(
    `SELECT 1 FROM cells WHERE tbl = $1 AND row_id = $2 AND col = 'active' AND value = '1'`,
    [categoriesTable.name, categoryId],
  );
  if (rows.length === 0) throw new ServerError('VALIDATION', 'categoryId: not_found');
  return categoryId;
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
 * Files a website submission as ordinary changes (DESIGN.md, Sync): the complaint's cells and its
 * `received` event go into the log like a push from a device named `website`, with no user, and
 * the complaint gets its official number in the same transaction, with the same functions as a
 * push. It lands in the triage queue: received, no department, no assignee; a person routes it,
 * since nobody vouches for what an anonymous form says.
 */
export async function fileWebsiteSubmission(
  db: ServerDb,
  input: Submission,
  nowMs: number,
): Promise<FiledSubmission> {
  return db.transaction(async (tx) => {
    await lockChangeLog(tx);
    const receivedOn = communeToday(new Date(nowMs));
    const year = Number(receivedOn.slice(0, 4));
    const categoryId = await checkCategory(tx, input.categoryId);
    const trackingNumber = await nextWebsiteNumber(tx, year);
    const at = new Date(nowMs).toISOString();
    const hlc = serverStamp(nowMs);
    const complaintId = uuidv7(nowMs);

    const complaint = rowEntries(
      complaintsTable,
      complaintId,
      {
        local_number: trackingNumber,
        kind: input.kind,
        channel: 'website',
        urgent: false,
        received_on: receivedOn,
        citizen_name: input.citizenName,
        citizen_phone: input.citizenPhone ?? null,
        citizen_email: input.citizenEmail ?? null,
        citizen_address: input.citizenAddress ?? null,
        citizen_cin: input.citizenCin ?? null,
        subject: input.subject,
        description: input.description,
        district: input.district,
        location: input.location ?? null,
        category_id: categoryId,
        department_id: null,
        assignee_id: null,
        status: 'received',
        ack_due_on: acknowledgementDueOn(receivedOn),
        answer_due_on: answerDueOn(receivedOn),
        acknowledged_on: null,
        called_on: null,
        answered_on: null,
        closed_on: null,
        resolution: null,
        merged_into: null,
        created_by: websiteAuthorId,
        created_at: at,
      },
      hlc,
      nowMs,
    );
    const event = rowEntries(
      complaintEventsTable,
      uuidv7(nowMs),
      {
        complaint_id: complaintId,
        at,
        user_id: null,
        type: 'received',
        detail: { channel: 'website', kind: input.kind, urgent: false },
        body: null,
      },
      hlc,
      nowMs,
    );

    const numbered = numberedTableOf(complaintsTable.name);
    const states = new RowStates(tx);
    for (const entry of complaint)
      states.set(entry.tbl, complaintId, entry.col, {
        value: entry.value,
        hlc: entry.hlc,
        deviceId: entry.deviceId,
      });
    const numberYear = numbered ? yearToNumber(numbered, states, complaintId) : null;
    if (!numbered || numberYear === null) throw new Error('a website complaint must be numbered');
    const officialNumber = await nextOfficialNumber(tx, numbered.register, numberYear);
    const numberEntry = officialNumberChange(numbered, states, complaintId, officialNumber, nowMs);

    const entries = [...complaint, ...event, numberEntry];
    const seqs = await appendToLog(tx, entries, new Date(nowMs));
    await writeCells(
      tx,
      entries.map((entry, index) => ({ ...entry, seq: seqs[index] ?? 0 })),
    );

    const secret = randomBytes(24).toString('base64url');
    await tx.query(
      `INSERT INTO public_submissions (tracking, tbl, row_id, secret_hash, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [trackingNumber, complaintsTable.name, complaintId, secretHash(secret), new Date(nowMs)],
    );
    return { trackingNumber, secret, officialNumber, receivedOn };
  });
}
