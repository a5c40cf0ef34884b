import type {
  CaseAttachment,
  CaseCitizen,
  CaseDetail,
  CaseEvent,
  CaseReply,
} from '../../shared/api/procedures/cases.procedures';
import type {
  ComplaintEventType,
  DeliveryMethod,
  ReplyStatus,
} from '../../shared/complaints/complaint-values';
import { isPending } from '../../shared/complaints/complaint-values';
import { maskCin } from '../../shared/complaints/citizen';
import { daysBetween, nextDeadline } from '../../shared/complaints/legal-clock';
import { cinReaderRoles } from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import type { Language } from '../../shared/tables/platform.tables';
import { statement, type Db } from '../db/connection';
import { rowFromStorage } from '../db/mutations';
import { hasFile } from '../files/file-store';
import { requireUser, type HandlerContext } from '../handler-context';
import { todayOf } from './case-context';
import { caseNumber, mergedCasesCte } from './cases.repo';
import { auditPersonalDataView } from './personal-data-views';

interface EventRecord {
  id: string;
  at: string;
  type: ComplaintEventType;
  user_id: string | null;
  user_name: string | null;
  detail: string | null;
  body: string | null;
}

interface ReplyRecord {
  id: string;
  language: Language;
  body: string;
  status: ReplyStatus;
  drafted_by: string;
  drafted_by_name: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  delivery: DeliveryMethod | null;
  delivered_on: string | null;
}

interface AttachmentRecord {
  id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  added_at: string;
}

interface CitizenRecord {
  id: string;
  number: string;
  citizen_name: string;
  citizen_phone: string | null;
  citizen_email: string | null;
  citizen_address: string | null;
}

// A handful of statements, each on an index that starts with the case id: opening a case costs the
// same on an empty register and on 200,000 complaints.

function readEvents(db: Db, complaintId: string): CaseEvent[] {
  // rowid breaks ties within one instant in the order this PC recorded them; the index
  // (complaint_id, at) holds rowid last, so the order needs no sort.
  const records = statement(
    db,
    `SELECT e.id, e.at, e.type, e.user_id, u.display_name AS user_name, e.detail, e.body
     FROM complaint_events e LEFT JOIN users u ON u.id = e.user_id
     WHERE e.complaint_id = ? AND e.deleted = 0
     ORDER BY e.at, e.rowid`,
  ).all(complaintId) as EventRecord[];
  return records.map((record) => ({
    id: record.id,
    at: record.at,
    type: record.type,
    userId: record.user_id,
    userName: record.user_name,
    detail: record.detail === null ? null : (JSON.parse(record.detail) as CaseEvent['detail']),
    body: record.body,
  }));
}

function readReplies(db: Db, complaintId: string): CaseReply[] {
  const records = statement(
    db,
    `SELECT r.id, r.language, r.body, r.status, r.drafted_by, d.display_name AS drafted_by_name,
       r.reviewed_by, v.display_name AS reviewed_by_name, r.reviewed_at, r.review_comment,
       r.delivery, r.delivered_on
     FROM complaint_replies r
     LEFT JOIN users d ON d.id = r.drafted_by
     LEFT JOIN users v ON v.id = r.reviewed_by
     WHERE r.complaint_id = ? AND r.deleted = 0
     ORDER BY r.id`,
  ).all(complaintId) as ReplyRecord[];
  return records.map((record) => ({
    id: record.id,
    language: record.language,
    body: record.body,
    status: record.status,
    draftedBy: record.drafted_by,
    draftedByName: record.drafted_by_name,
    reviewedBy: record.reviewed_by,
    reviewedByName: record.reviewed_by_name,
    reviewedAt: record.reviewed_at,
    reviewComment: record.review_comment,
    delivery: record.delivery,
    deliveredOn: record.delivered_on,
  }));
}

function readAttachments(db: Db, dataDir: string, complaintId: string): CaseAttachment[] {
  const records = statement(
    db,
    `SELECT id, file_name, mime_type, size, sha256, added_at FROM complaint_attachments
     WHERE complaint_id = ? AND deleted = 0 ORDER BY added_at, rowid`,
  ).all(complaintId) as AttachmentRecord[];
  return records.map((record) => ({
    id: record.id,
    fileName: record.file_name,
    mimeType: record.mime_type,
    size: record.size,
    sha256: record.sha256,
    addedAt: record.added_at,
    available: hasFile(dataDir, record.sha256),
  }));
}

/** The citizens of the cases merged into this one, directly or not, oldest first. */
function readMergedCitizens(db: Db, complaintId: string): CaseCitizen[] {
  const records = statement(
    db,
    `${mergedCasesCte}
     SELECT c.id, coalesce(c.official_number, c.local_number) AS number, c.citizen_name,
       c.citizen_phone, c.citizen_email, c.citizen_address
     FROM merged CROSS JOIN complaints c ON c.id = merged.id
     ORDER BY c.received_on, c.id`,
  ).all(complaintId) as CitizenRecord[];
  return records.map((record) => ({
    complaintId: record.id,
    number: record.number,
    name: record.citizen_name,
    phone: record.citizen_phone,
    email: record.citizen_email,
    address: record.citizen_address,
  }));
}

const mayReadCin = (roles: readonly Role[]) =>
  roles.some((role) => (cinReaderRoles as readonly Role[]).includes(role));

/**
 * Everything the case page shows. Opening a case shows a citizen's personal data, so each opening
 * is audited (law 09-08: staff access to personal data is traceable), with ids only.
 */
export function readCaseDetail(ctx: HandlerContext, id: string): CaseDetail {
  const user = requireUser(ctx);
  const raw = statement(
    ctx.db,
    `SELECT c.*, a.display_name AS assignee_name, m.id AS merged_into_id,
       coalesce(m.official_number, m.local_number) AS merged_into_number
     FROM complaints c
     LEFT JOIN users a ON a.id = c.assignee_id
     LEFT JOIN complaints m ON m.id = c.merged_into
     WHERE c.id = ? AND c.deleted = 0`,
  ).get(id) as
    | (Record<string, unknown> & {
        assignee_name: string | null;
        merged_into_id: string | null;
        merged_into_number: string | null;
      })
    | undefined;
  if (!raw) throw new AppError('NOT_FOUND', `case ${id} not found`);
  const record = rowFromStorage(complaintsTable, raw);
  const number = caseNumber(record);
  const cinInFull = mayReadCin(user.roles);
  const cin = record.citizen_cin;
  const due = nextDeadline({
    status: record.status,
    acknowledgedOn: record.acknowledged_on,
    ackDueOn: record.ack_due_on,
    answerDueOn: record.answer_due_on,
  });
  const mergedCitizens = readMergedCitizens(ctx.db, id);

  auditPersonalDataView(ctx, complaintsTable.name, id, {
    cin: cin === null ? 'none' : cinInFull ? 'full' : 'masked',
    mergedCitizens: mergedCitizens.map((citizen) => citizen.complaintId),
  });

  return {
    id: record.id,
    number,
    localNumber: record.local_number,
    officialNumber: record.official_number,
    kind: record.kind,
    channel: record.channel,
    urgent: record.urgent,
    // As in the queue: urgent, still pending, and nobody has called the citizen yet.
    callToday: record.urgent && isPending(record.status) && record.called_on === null,
    receivedOn: record.received_on,
    citizenName: record.citizen_name,
    citizenPhone: record.citizen_phone,
    citizenEmail: record.citizen_email,
    citizenAddress: record.citizen_address,
    citizenCin: cin === null ? null : cinInFull ? cin : maskCin(cin),
    citizenCinMasked: cin !== null && !cinInFull,
    subject: record.subject,
    description: record.description,
    district: record.district,
    location: record.location,
    categoryId: record.category_id,
    departmentId: record.department_id,
    assigneeId: record.assignee_id,
    assigneeName: raw.assignee_name,
    status: record.status,
    ackDueOn: record.ack_due_on,
    answerDueOn: record.answer_due_on,
    acknowledgedOn: record.acknowledged_on,
    calledOn: record.called_on,
    answeredOn: record.answered_on,
    closedOn: record.closed_on,
    resolution: record.resolution,
    nextDueOn: due?.on ?? null,
    dueKind: due?.kind ?? null,
    daysLeft: due ? daysBetween(todayOf(ctx), due.on) : null,
    mergedInto:
      raw.merged_into_id !== null && raw.merged_into_number !== null
        ? { id: raw.merged_into_id, number: raw.merged_into_number }
        : null,
    citizens: [
      {
        complaintId: record.id,
        number,
        name: record.citizen_name,
        phone: record.citizen_phone,
        email: record.citizen_email,
        address: record.citizen_address,
      },
      ...mergedCitizens,
    ],
    events: readEvents(ctx.db, id),
    replies: readReplies(ctx.db, id),
    attachments: readAttachments(ctx.db, ctx.services.dataDir, id),
  };
}
