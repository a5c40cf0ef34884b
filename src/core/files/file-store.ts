import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentUpload } from '../../shared/api/procedures/complaints.procedures';
import {
  maxAttachmentBytes,
  type AttachmentMimeType,
} from '../../shared/complaints/complaint-values';
import { AppError } from '../../shared/errors';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { sniffFileType } from '../../shared/sync/files-protocol';

/**
 * Scans and photos, stored once under the data folder and named by their SHA-256 (DESIGN.md,
 * Sync): the same scan attached twice takes the place of one, and sync moves files by that name.
 */

const sha256Pattern = /^[0-9a-f]{64}$/;

function pathOf(dataDir: string, sha256: string): string {
  if (!sha256Pattern.test(sha256)) throw new AppError('VALIDATION', 'invalid file name');
  return join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** Writes the bytes if they are not there yet (a temp file then a rename: never half a file). */
export function storeFile(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = pathOf(dataDir, sha256);
  if (existsSync(target)) return sha256;
  mkdirSync(join(dataDir, 'files', sha256.slice(0, 2)), { recursive: true });
  const temporary = `${target}.${uuidv7()}.part`;
  writeFileSync(temporary, bytes, { flush: true });
  renameSync(temporary, target);
  return sha256;
}

export function hasFile(dataDir: string, sha256: string): boolean {
  return existsSync(pathOf(dataDir, sha256));
}

/** The stored bytes, or null when the file has not reached this PC (it comes with sync). */
export function readStoredFile(dataDir: string, sha256: string): Buffer | null {
  const path = pathOf(dataDir, sha256);
  return existsSync(path) ? readFileSync(path) : null;
}

export interface CheckedUpload {
  bytes: Buffer;
  mimeType: AttachmentMimeType;
  size: number;
  fileName: string;
}

/** Decodes an upload and checks its size and that its content is the type it claims. */
export function checkUpload(upload: AttachmentUpload, field = 'file'): CheckedUpload {
  const bytes = Buffer.from(upload.dataBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', 'empty file', { [field]: 'too_small' });
  if (bytes.length > maxAttachmentBytes) throw new AppError('FILE_TOO_LARGE', 'file too large');
  const sniffed = sniffFileType(bytes);
  if (sniffed === null || sniffed !== upload.mimeType)
    throw new AppError('FILE_TYPE_NOT_ALLOWED', `not a ${upload.mimeType}`);
  return { bytes, mimeType: sniffed, size: bytes.length, fileName: upload.fileName };
}
