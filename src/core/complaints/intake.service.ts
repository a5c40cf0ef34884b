import type { ParsedInputOf } from '../../shared/api/contract';
import {
  acknowledgementDueOn,
  answerDueOn,
  communeToday,
} from '../../shared/complaints/legal-clock';
import { workingStatus } from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import {
  complaintAttachmentsTable,
  complaintEventsTable,
  complaintsTable,
} from '../../shared/tables/complaints.tables';
import { checkUpload, storeFile, type CheckedUpload } from '../files/file-store';
import { requireUser, type HandlerContext } from '../handler-context';
import { findCategory } from './categories.repo';
import { nextLocalNumber } from './local-number';
import { findStaffMember, handlesCases } from './staff.repo';

type IntakeInput = ParsedInputOf<'complaints:create'>;

/** The register starts with the decree's first full year; older papers are not complaints to file. */
export const earliestReceivedOn = '2018-01-01';

function checkReceivedOn(receivedOn: string, today: string): void {
  if (receivedOn > today)
    throw new AppError('VALIDATION', 'received in the future', { receivedOn: 'in_future' });
  if (receivedOn < earliestReceivedOn)
    throw new AppError('VALIDATION', 'received too long ago', { receivedOn: 'too_old' });
}

/** Where the category sends a new case: its department, and its default assignee if eligible. */
function routing(ctx: HandlerContext, categoryId: string) {
  const category = findCategory(ctx.db, categoryId);
  if (!category) throw new AppError('VALIDATION', 'unknown category', { categoryId: 'not_found' });
  if (!category.active) throw new AppError('CATEGORY_INACTIVE');
  const assignee =
    category.defaultAssigneeId === null
      ? null
      : findStaffMember(ctx.db, category.defaultAssigneeId);
  // A default assignee who left or changed role since: the case waits in the department instead.
  const assigneeId = assignee && handlesCases(assignee) ? assignee.id : null;
  return { departmentId: category.departmentId, assigneeId };
}

/**
 * Registers a complaint, observation or suggestion with everything the clerk learnt, in the one
 * transaction of the call: the row, its timeline, its files. Every check runs before the first
 * write, and any refusal rolls back the rest, the number sequence included.
 */
export function registerComplaint(
  ctx: HandlerContext,
  input: IntakeInput,
): { id: string; localNumber: string } {
  const user = requireUser(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  checkReceivedOn(input.receivedOn, communeToday(now));
  const route = routing(ctx, input.categoryId);
  const uploads: CheckedUpload[] = input.attachments.map((upload, i) =>
    checkUpload(upload, `attachments.${i}`),
  );

  const localNumber = nextLocalNumber(ctx.db, Number(input.receivedOn.slice(0, 4)));
  const id = ctx.write.insert(complaintsTable, {
    local_number: localNumber,
    official_number: null,
    kind: input.kind,
    channel: input.channel,
    urgent: input.urgent,
    received_on: input.receivedOn,
    citizen_name: input.citizenName,
    citizen_phone: input.citizenPhone,
    citizen_email: input.citizenEmail,
    citizen_address: input.citizenAddress,
    citizen_cin: input.citizenCin,
    subject: input.subject,
    description: input.description,
    district: input.district,
    location: input.location,
    category_id: input.categoryId,
    department_id: route.departmentId,
    assignee_id: route.assigneeId,
    status: workingStatus(route),
    ack_due_on: acknowledgementDueOn(input.receivedOn),
    answer_due_on: answerDueOn(input.receivedOn),
    // In person, the clerk hands the citizen a receipt: that is the acknowledgement.
    acknowledged_on: input.channel === 'in_person' ? input.receivedOn : null,
    called_on: null,
    answered_on: null,
    closed_on: null,
    resolution: null,
    merged_into: null,
    created_by: user.id,
    created_at: at,
  });

  const event = (
    type: 'received' | 'acknowledged' | 'routed' | 'assigned' | 'attachment_added',
    detail: Record<string, string | boolean | null>,
  ) =>
    ctx.write.insert(complaintEventsTable, {
      complaint_id: id,
      at,
      user_id: user.id,
      type,
      detail,
      body: null,
    });

  event('received', { channel: input.channel, kind: input.kind, urgent: input.urgent });
  if (input.channel === 'in_person') event('acknowledged', { on: input.receivedOn, receipt: true });
  if (route.departmentId !== null)
    event('routed', { departmentId: route.departmentId, automatic: true });
  if (route.assigneeId !== null)
    event('assigned', { assigneeId: route.assigneeId, automatic: true });

  for (const upload of uploads) {
    // Content-addressed: if the call fails after this, the file stays unreferenced, never half.
    const sha256 = storeFile(ctx.services.dataDir, upload.bytes);
    const attachmentId = ctx.write.insert(complaintAttachmentsTable, {
      complaint_id: id,
      sha256,
      file_name: upload.fileName,
      mime_type: upload.mimeType,
      size: upload.size,
      added_by: user.id,
      added_at: at,
    });
    event('attachment_added', { attachmentId });
  }
  return { id, localNumber };
}
