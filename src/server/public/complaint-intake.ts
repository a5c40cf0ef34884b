import type { z } from 'zod';
import { acknowledgementDueOn, answerDueOn } from '../../shared/complaints/legal-clock';
import {
  otherCategoryId,
  websiteAuthorId,
  type publicSubmissionSchema,
} from '../../shared/public-api';
import {
  categoriesTable,
  complaintEventsTable,
  complaintsTable,
} from '../../shared/tables/complaints.tables';
import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';
import { fileFromWebsite, type FiledSubmission } from './website-intake';

type Submission = z.output<typeof publicSubmissionSchema>;

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

/**
 * A complaint, observation or suggestion from the website lands in the triage queue: received,
 * no department, no assignee; a person routes it, since nobody vouches for what an anonymous form
 * says.
 */
export async function fileWebsiteSubmission(
  db: ServerDb,
  input: Submission,
  nowMs: number,
): Promise<FiledSubmission> {
  const filed = await fileFromWebsite(db, nowMs, async (tx, filing) => ({
    table: complaintsTable,
    values: {
      local_number: filing.trackingNumber,
      kind: input.kind,
      channel: 'website',
      urgent: false,
      received_on: filing.receivedOn,
      citizen_name: input.citizenName,
      citizen_phone: input.citizenPhone ?? null,
      citizen_email: input.citizenEmail ?? null,
      citizen_address: input.citizenAddress ?? null,
      citizen_cin: input.citizenCin ?? null,
      subject: input.subject,
      description: input.description,
      district: input.district,
      location: input.location ?? null,
      category_id: await checkCategory(tx, input.categoryId),
      department_id: null,
      assignee_id: null,
      status: 'received',
      ack_due_on: acknowledgementDueOn(filing.receivedOn),
      answer_due_on: answerDueOn(filing.receivedOn),
      acknowledged_on: null,
      called_on: null,
      answered_on: null,
      closed_on: null,
      resolution: null,
      merged_into: null,
      created_by: websiteAuthorId,
      created_at: filing.at,
    },
    event: {
      table: complaintEventsTable,
      values: {
        complaint_id: filing.rowId,
        at: filing.at,
        user_id: null,
        type: 'received',
        detail: { channel: 'website', kind: input.kind, urgent: false },
        body: null,
      },
    },
  }));
  const { trackingNumber, secret, officialNumber, receivedOn } = filed;
  return { trackingNumber, secret, officialNumber, receivedOn };
}
