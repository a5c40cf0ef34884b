import type { QueueRow } from '../../shared/api/procedures/complaints.procedures';
import type { ComplaintStatus } from '../../shared/complaints/complaint-values';
import { isPending } from '../../shared/complaints/complaint-values';
import { daysBetween, nextDeadline } from '../../shared/complaints/legal-clock';
import { statement, type Db } from '../db/connection';

interface QueueRecord {
  rowid: number;
  id: string;
  local_number: string;
  official_number: string | null;
  received_on: string;
  kind: QueueRow['kind'];
  channel: QueueRow['channel'];
  urgent: number;
  called_on: string | null;
  category_id: string;
  subject: string;
  citizen_name: string;
  district: string;
  department_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  status: ComplaintStatus;
  acknowledged_on: string | null;
  ack_due_on: string;
  answer_due_on: string;
}

/** Named columns only: the CIN, contact details and description never reach a list. */
const rowColumns = `c.rowid, c.id, c.local_number, c.official_number, c.received_on, c.kind,
  c.channel, c.urgent, c.called_on, c.category_id, c.subject, c.citizen_name, c.district,
  c.department_id, c.assignee_id, u.display_name AS assignee_name, c.status, c.acknowledged_on,
  c.ack_due_on, c.answer_due_on`;

function toQueueRow(record: QueueRecord, today: string): QueueRow {
  const due = nextDeadline({
    status: record.status,
    acknowledgedOn: record.acknowledged_on,
    ackDueOn: record.ack_due_on,
    answerDueOn: record.answer_due_on,
  });
  const urgent = record.urgent === 1;
  return {
    id: record.id,
    number: record.official_number ?? record.local_number,
    officialNumber: record.official_number,
    receivedOn: record.received_on,
    kind: record.kind,
    channel: record.channel,
    urgent,
    callToday: urgent && isPending(record.status) && record.called_on === null,
    categoryId: record.category_id,
    subject: record.subject,
    citizenName: record.citizen_name,
    district: record.district,
    departmentId: record.department_id,
    assigneeId: record.assignee_id,
    assigneeName: record.assignee_name,
    status: record.status,
    nextDueOn: due?.on ?? null,
    dueKind: due?.kind ?? null,
    daysLeft: due ? daysBetween(today, due.on) : null,
  };
}

/** The rows of one page, in the order of `rowids`, with the assignee's name. */
export function rowsFor(db: Db, rowids: number[], today: string): QueueRow[] {
  if (rowids.length === 0) return [];
  const records = statement(
    db,
    `SELECT ${rowColumns} FROM complaints c LEFT JOIN users u ON u.id = c.assignee_id
     WHERE c.rowid IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(rowids)) as QueueRecord[];
  const byRowid = new Map(records.map((record) => [record.rowid, record]));
  return rowids.flatMap((rowid) => {
    const record = byRowid.get(rowid);
    return record ? [toQueueRow(record, today)] : [];
  });
}
