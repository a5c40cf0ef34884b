import type { AttachmentMimeType } from '../../shared/complaints/complaint-values';
import { sniffFileType } from '../../shared/sync/files-protocol';
import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';

/** A piece of an upload, from `Content-Range: bytes <first>-<last>/<total>` (or `*\/<total>`). */
export interface UploadPiece {
  /** null: the client only asks where to resume (`bytes *\/<total>`, empty body). */
  first: number | null;
  total: number;
  bytes: Buffer;
}

export type PieceOutcome =
  | { kind: 'partial'; received: number }
  | { kind: 'complete'; stored: boolean }
  | { kind: 'wrong-offset'; received: number }
  /** The whole upload's SHA-256 is not its name: dropped, to be sent again from byte 0. */
  | { kind: 'mismatch' };

/**
 * The declared sizes of one account's unfinished uploads together: twenty cut uploads at the
 * attachment limit, more than the app leaves behind (it sends one file at a time and resumes it).
 * Counted on the declared size, so a small first piece cannot reserve room it fills later.
 */
export const maxUnfinishedUploadBytes = 200 * 1024 * 1024;

/** Half uploads go stale within a day (file-cleanup.ts, run hourly): room comes back by then. */
const quotaRetryAfterSeconds = 3600;

/** The two-key lock space (apart from change-log.ts's one-key locks): one check per account at a time. */
const uploadQuotaLockClass = 7_262_503;

const piecePattern = /^bytes (?:(\d{1,9})-(\d{1,9})|\*)\/(\d{1,9})$/;

export function parseContentRange(header: string, bytes: Buffer, maxBytes: number): UploadPiece {
  const match = piecePattern.exec(header.trim());
  if (!match) throw new ServerError('VALIDATION', 'content-range: invalid');
  const total = Number(match[3]);
  if (total < 1) throw new ServerError('VALIDATION', 'content-range: empty file');
  if (total > maxBytes) throw new ServerError('PAYLOAD_TOO_LARGE', 'file too large');
  if (match[1] === undefined || match[2] === undefined) {
    if (bytes.length > 0) throw new ServerError('VALIDATION', 'content-range: * with a body');
    return { first: null, total, bytes };
  }
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (last < first || last >= total || bytes.length !== last - first + 1)
    throw new ServerError('VALIDATION', 'content-range: does not match the body');
  return { first, total, bytes };
}

/**
 * Adds a piece to the upload of `sha256`, in one transaction locking its row, so two server
 * instances receiving pieces of one file agree. A piece from byte 0 starts the upload over; any
 * other must start where the stored part ends. The last piece is checked (SHA-256 and type) by the
 * database itself, then moves to `files`: a wrong file is dropped whole, never kept.
 */
export async function addUploadPiece(
  db: ServerDb,
  upload: { sha256: string; mimeType: AttachmentMimeType; userId: string },
  piece: UploadPiece,
  nowMs: number,
): Promise<PieceOutcome> {
  const { sha256, mimeType, userId } = upload;
  const now = new Date(nowMs);
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ size: number; mime_type: string; received: number }>(
      `SELECT size, mime_type, length(data) AS received FROM file_uploads
       WHERE sha256 = $1 FOR UPDATE`,
      [sha256],
    );
    const sameUpload = current?.size === piece.total && current.mime_type === mimeType;
    const received = sameUpload ? current.received : 0;
    if (piece.first === null) return { kind: 'partial', received };
    if (piece.first === 0) {
      if (sniffFileType(piece.bytes) !== mimeType)
        throw new ServerError('VALIDATION', `content: not ${mimeType}`);
      await checkUnfinishedQuota(tx, userId, sha256, piece.total);
      await tx.query(
        `INSERT INTO file_uploads (sha256, mime_type, size, data, updated_at, user_id)
         VALUES ($1, $2, $3, $4::bytea, $5, $6)
         ON CONFLICT (sha256) DO UPDATE
           SET mime_type = excluded.mime_type, size = excluded.size, data = excluded.data,
               updated_at = excluded.updated_at, user_id = excluded.user_id`,
        [sha256, mimeType, piece.total, piece.bytes, now, userId],
      );
    } else {
      if (!sameUpload || piece.first !== received) return { kind: 'wrong-offset', received };
      await tx.query(
        `UPDATE file_uploads SET data = data || $2::bytea, updated_at = $3
         WHERE sha256 = $1`,
        [sha256, piece.bytes, now],
      );
    }
    const reached = piece.first + piece.bytes.length;
    if (reached < piece.total) return { kind: 'partial', received: reached };

    const [check] = await tx.query<{ hash: string }>(
      `SELECT encode(sha256(data), 'hex') AS hash FROM file_uploads WHERE sha256 = $1`,
      [sha256],
    );
    if (check?.hash !== sha256) {
      await tx.query('DELETE FROM file_uploads WHERE sha256 = $1', [sha256]);
      return { kind: 'mismatch' };
    }
    const stored = await tx.query(
      `INSERT INTO files (sha256, mime_type, size, data, stored_at)
       SELECT sha256, mime_type, size, data, $2 FROM file_uploads WHERE sha256 = $1
       ON CONFLICT (sha256) DO NOTHING
       RETURNING sha256`,
      [sha256, now],
    );
    await tx.query('DELETE FROM file_uploads WHERE sha256 = $1', [sha256]);
    return { kind: 'complete', stored: stored.length > 0 };
  });
}

/**
 * Refuses a new (or restarted) upload that would take the account's unfinished uploads past
 * `maxUnfinishedUploadBytes`. 429 and not 413: the app gives up for good on a 413 but tries again
 * later on a 429, and the file may exist only on that PC. Pieces added to an upload already begun
 * are not checked: its declared size was counted when it began.
 */
async function checkUnfinishedQuota(
  tx: ServerDb,
  userId: string,
  sha256: string,
  total: number,
): Promise<void> {
  // Two first pieces of one account on two instances must not both pass on the same total.
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [uploadQuotaLockClass, userId]);
  const [row] = await tx.query<{ bytes: number }>(
    `SELECT COALESCE(SUM(size), 0)::bigint AS bytes FROM file_uploads
     WHERE user_id = $1 AND sha256 <> $2`,
    [userId, sha256],
  );
  if ((row?.bytes ?? 0) + total > maxUnfinishedUploadBytes)
    throw new ServerError(
      'RATE_LIMITED',
      'unfinished uploads: this account has too many; finish them or wait',
      quotaRetryAfterSeconds,
    );
}
