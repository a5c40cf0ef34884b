import { timingSafeEqual } from 'node:crypto';
import type { ComplaintKind, ComplaintStatus } from '../../shared/complaints/complaint-values';
import type { PublicStatusResponse } from '../../shared/public-api';
import type { ServerDb } from '../db/server-db';
import { readRowCells, textCell as text } from '../sync/row-cells';
import { secretHash } from './website-intake';

type PublicStatus = PublicStatusResponse['status'];

const publicStatusOf: Record<ComplaintStatus, PublicStatus> = {
  received: 'received',
  routed: 'in_progress',
  in_progress: 'in_progress',
  awaiting_approval: 'in_progress',
  approved: 'in_progress',
  answered: 'answered',
  closed: 'closed',
  // Replaced below by the status of the case that answers for both.
  merged: 'in_progress',
};

/** Only these cells are ever read for a citizen: dates and states, never a name or a text. */
const statusColumns = [
  'official_number',
  'kind',
  'status',
  'received_on',
  'answer_due_on',
  'answered_on',
  'closed_on',
  'merged_into',
];
/** A merge chain is short; the bound only guards against a cycle written by mistake. */
const mostMergeHops = 5;

const caseCells = (db: ServerDb, rowId: string) =>
  readRowCells(db, 'complaints', rowId, statusColumns);

/**
 * The record a tracking number names in one register, for whoever holds its secret; null for a
 * wrong pair or another register's number (the caller cannot tell which). The hashes are compared
 * in constant time, also when the number is unknown.
 */
export async function findSubmission(
  db: ServerDb,
  table: string,
  trackingNumber: string,
  secret: string,
): Promise<string | null> {
  const [submission] = await db.query<{ tbl: string; row_id: string; secret_hash: string }>(
    'SELECT tbl, row_id, secret_hash FROM public_submissions WHERE tracking = $1',
    [trackingNumber],
  );
  const given = Buffer.from(secretHash(secret), 'hex');
  const kept = Buffer.from(submission?.secret_hash ?? secretHash(''), 'hex');
  const matches = timingSafeEqual(given, kept);
  if (!submission || !matches || submission.tbl !== table) return null;
  return submission.row_id;
}

/**
 * Where a website submission stands, for whoever holds its tracking number and secret; null for
 * a wrong pair (the caller cannot tell a wrong number from a wrong secret). A merged case shows
 * the progress of the case it was merged into.
 */
export async function publicStatus(
  db: ServerDb,
  trackingNumber: string,
  secret: string,
): Promise<PublicStatusResponse | null> {
  const rowId = await findSubmission(db, 'complaints', trackingNumber, secret);
  if (rowId === null) return null;

  const own = await caseCells(db, rowId);
  let progress = own;
  for (let hop = 0; hop < mostMergeHops && text(progress, 'status') === 'merged'; hop += 1) {
    const target = text(progress, 'merged_into');
    if (target === null) break;
    progress = await caseCells(db, target);
  }
  const status = (text(progress, 'status') ?? 'received') as ComplaintStatus;
  const receivedOn = text(own, 'received_on');
  if (receivedOn === null) return null;
  return {
    trackingNumber,
    officialNumber: text(own, 'official_number'),
    kind: (text(own, 'kind') ?? 'complaint') as ComplaintKind,
    status: publicStatusOf[status],
    receivedOn,
    answerDueOn: text(progress, 'answer_due_on'),
    answeredOn: text(progress, 'answered_on'),
    closedOn: text(progress, 'closed_on'),
  };
}
