import type { AttachmentUpload } from '../../shared/api/procedures/complaints.procedures';
import { AppError } from '../../shared/errors';
import { complaintAttachmentsTable } from '../../shared/tables/complaints.tables';
import { statement } from '../db/connection';
import { checkUpload, readStoredFile, storeFile } from '../files/file-store';
import type { HandlerContext } from '../handler-context';
import { askForFile, queueStoredFile } from '../sync/file-transfers.repo';
import { appendCaseEvent, workerOf } from './case-context';
import { requireCase } from './cases.repo';
import { auditPersonalDataView } from './personal-data-views';

/** A scan or photo added to the case file after intake. */
export function addCaseAttachment(ctx: HandlerContext, id: string, file: AttachmentUpload): null {
  const record = requireCase(ctx.db, id);
  const worker = workerOf(ctx);
  const upload = checkUpload(file);
  // Content-addressed: if the call fails later, the stored file is at worst an unused copy.
  const sha256 = storeFile(ctx.services.dataDir, upload.bytes);
  const attachmentId = ctx.write.insert(complaintAttachmentsTable, {
    complaint_id: record.id,
    sha256,
    file_name: upload.fileName,
    mime_type: upload.mimeType,
    size: upload.size,
    added_by: worker.id,
    added_at: ctx.now().toISOString(),
  });
  // Queued by the insert, asleep if the case is finished: a file only this PC has must go up.
  queueStoredFile(ctx.db, sha256, ctx.now());
  // The file name may name the citizen: the timeline keeps the attachment's id only.
  appendCaseEvent(ctx, record.id, 'attachment_added', { attachmentId });
  return null;
}

/** The bytes of an attachment; a scan of a CIN is personal data, so reading it is audited. */
export function readCaseAttachment(ctx: HandlerContext, attachmentId: string) {
  const row = statement(
    ctx.db,
    `SELECT file_name, mime_type, sha256 FROM complaint_attachments
     WHERE id = ? AND deleted = 0`,
  ).get(attachmentId) as { file_name: string; mime_type: string; sha256: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `attachment ${attachmentId} not found`);
  const bytes = readStoredFile(ctx.services.dataDir, row.sha256);
  if (!bytes) {
    // Kept even though this call fails: the file is fetched first, whatever its case's status,
    // and the page shows it once it lands (data:changed on complaint_attachments).
    ctx.afterwards((next) => {
      askForFile(next.db, row.sha256, next.now());
      next.afterCommit(() => next.services.sync.syncSoon());
    });
    throw new AppError('FILE_MISSING', `attachment ${attachmentId} not on this PC yet`);
  }
  auditPersonalDataView(ctx, complaintAttachmentsTable.name, attachmentId);
  return { fileName: row.file_name, mimeType: row.mime_type, dataBase64: bytes.toString('base64') };
}
