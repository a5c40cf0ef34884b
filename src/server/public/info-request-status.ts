import { deadlineInForce, effectiveDueOn, isDecided } from '../../shared/info-requests/deadlines';
import { infoRequestStatusSchema } from '../../shared/info-requests/info-request-values';
import type { PublicInfoRequestStatus } from '../../shared/public-api';
import { infoRequestsTable } from '../../shared/tables/info-requests.tables';
import type { ServerDb } from '../db/server-db';
import { readRowCells, textCell } from '../sync/row-cells';
import { findSubmission } from './public-status';
import { serverCalendar } from './server-calendar';

/** Only these cells are ever read for a requester: dates and states, never a name or a text. */
const statusColumns = [
  'official_number',
  'status',
  'urgent',
  'received_on',
  'due_on',
  'extended_due_on',
  'answered_on',
];

/**
 * Where an access-to-information request from the website stands, for whoever holds its tracking
 * number and secret; null for a wrong pair, or a complaint's number (another register).
 */
export async function infoRequestStatus(
  db: ServerDb,
  trackingNumber: string,
  secret: string,
): Promise<PublicInfoRequestStatus | null> {
  const rowId = await findSubmission(db, infoRequestsTable.name, trackingNumber, secret);
  if (rowId === null) return null;
  const cells = await readRowCells(db, infoRequestsTable.name, rowId, statusColumns);
  const text = (col: string) => textCell(cells, col);
  const receivedOn = text('received_on');
  const dueOn = text('due_on');
  const status = infoRequestStatusSchema.safeParse(cells.get('status'));
  if (receivedOn === null || dueOn === null || !status.success) return null;
  const extendedDueOn = text('extended_due_on');
  const urgent = cells.get('urgent') === 1;
  const stored = effectiveDueOn({ dueOn, extendedDueOn });
  let inForce = stored;
  // An open request's deadline follows the calendar as corrected now (shared/info-requests).
  if (!isDecided(status.data))
    try {
      const facts = { status: status.data, receivedOn, urgent, dueOn, extendedDueOn };
      inForce = deadlineInForce(await serverCalendar(db), facts) ?? stored;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  return {
    trackingNumber,
    officialNumber: text('official_number'),
    status: status.data,
    urgent,
    receivedOn,
    dueOn: inForce,
    extended: extendedDueOn !== null,
    answeredOn: text('answered_on'),
  };
}
