import { z } from 'zod';
import {
  attachmentMimeTypeSchema,
  maxAttachmentBytes,
  type AttachmentMimeType,
} from '../complaints/complaint-values';

/**
 * Attachments between the app and the central server (DESIGN.md, Sync: files move by SHA-256).
 *
 * `PUT /api/v1/files/:sha256`, body the raw bytes, Content-Type the file's type: the server checks
 * the SHA-256 of what it received equals the name and that the content is the type it claims.
 * Idempotent: 201 when stored, 200 when the server already had it (nothing rewritten).
 * Resumable: a large file may go in pieces with `Content-Range: bytes <first>-<last>/<total>`,
 * each starting where the server's copy ends; 202 with `upload-offset` until the last piece. A
 * piece that does not start there gets 409 with `upload-offset`; an empty body with
 * `Content-Range: bytes *\/<total>` only asks for that offset.
 *
 * `HEAD` and `GET /api/v1/files/:sha256`: the file, for a user who may read an attachment naming
 * it; `Range: bytes=<first>-<last>` resumes a download (206).
 */
export const filesPath = '/files';
export const uploadOffsetHeader = 'upload-offset';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const fileParamsSchema = z.strictObject({ sha256: sha256Schema });
export const fileMimeTypeSchema = attachmentMimeTypeSchema;
export const maxFileBytes = maxAttachmentBytes;

export const uploadResponseSchema = z.object({
  sha256: sha256Schema,
  /** Bytes the server holds: the whole size once stored, the offset to send next otherwise. */
  received: z.int().min(0),
  size: z.int().min(1).max(maxFileBytes),
  complete: z.boolean(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

/** What a file's first bytes say it is: a renamed .exe is not a PDF. The app and the server both ask. */
export function sniffFileType(bytes: Uint8Array): AttachmentMimeType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}
