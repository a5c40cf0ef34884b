import { createHash } from 'node:crypto';
import type { AttachmentMimeType } from '../../shared/complaints/complaint-values';
import { deletedColumn } from '../../shared/sync/stored-values';
import type { ServerDb } from '../db/server-db';
import { encodeCellValue } from '../sync/cell-values';

export interface StoredFile {
  mimeType: AttachmentMimeType;
  size: number;
}

export const sha256Of = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** pg gives a Buffer, PGlite a Uint8Array: both as a Buffer, without a copy. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function findFile(db: ServerDb, sha256: string): Promise<StoredFile | null> {
  const [row] = await db.query<{ mime_type: AttachmentMimeType; size: number }>(
    'SELECT mime_type, size FROM files WHERE sha256 = $1',
    [sha256],
  );
  return row ? { mimeType: row.mime_type, size: row.size } : null;
}

/** Stores checked bytes once; true when this call stored them, false when they were there. */
export async function insertFile(
  db: ServerDb,
  sha256: string,
  mimeType: AttachmentMimeType,
  bytes: Buffer,
  nowMs: number,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO files (sha256, mime_type, size, data, stored_at)
     VALUES ($1, $2, $3, $4::bytea, $5)
     ON CONFLICT (sha256) DO NOTHING
     RETURNING sha256`,
    [sha256, mimeType, bytes.length, bytes, new Date(nowMs)],
  );
  return rows.length > 0;
}

/** `length` bytes from `start` (0-based); `substring` on EXTERNAL storage reads only that slice. */
export async function readFileBytes(
  db: ServerDb,
  sha256: string,
  start: number,
  length: number,
): Promise<Buffer> {
  const [row] = await db.query<{ data: Uint8Array }>(
    'SELECT substring(data from $2 for $3) AS data FROM files WHERE sha256 = $1',
    [sha256, start + 1, length],
  );
  return row ? asBuffer(row.data) : Buffer.alloc(0);
}

/**
 * Whether a live attachment names this file. Every role that reads attachments reads every one
 * today (complaintReaderRoles); a deleted attachment no longer opens its file. The table name is
 * written out so the planner uses the partial index cells_attachment_sha256.
 */
export async function isAttached(db: ServerDb, sha256: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM cells a
     WHERE a.tbl = 'complaint_attachments' AND a.col = 'sha256' AND a.value = $1
       AND NOT EXISTS (
         SELECT 1 FROM cells d
         WHERE d.tbl = a.tbl AND d.row_id = a.row_id AND d.col = $2 AND d.value = '1')
     LIMIT 1`,
    [encodeCellValue(sha256), deletedColumn],
  );
  return rows.length > 0;
}
