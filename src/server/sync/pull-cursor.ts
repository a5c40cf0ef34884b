/**
 * Where a pull stands, opaque to the client: in the snapshot of the current cells (taken against
 * log position `at`, resuming after one row), or in the log after a sequence number.
 */
export type PullCursor =
  | { phase: 'snapshot'; at: number; after: { tbl: string; rowId: string } | null }
  | { phase: 'log'; after: number };

export function encodeCursor(cursor: PullCursor): string {
  if (cursor.phase === 'log') return `l:${cursor.after}`;
  const after = cursor.after === null ? '' : `:${cursor.after.tbl}:${cursor.after.rowId}`;
  return `s:${cursor.at}${after}`;
}

const logPattern = /^l:(\d{1,15})$/;
// Table names never hold a colon, so the row id is everything after the second one.
const snapshotPattern = /^s:(\d{1,15})(?::([a-z][a-z0-9_]{0,62}):([^\0]{1,60}))?$/;

/** null for a cursor this server did not make. */
export function decodeCursor(text: string): PullCursor | null {
  const log = logPattern.exec(text);
  if (log) return { phase: 'log', after: Number(log[1]) };
  const snapshot = snapshotPattern.exec(text);
  if (!snapshot) return null;
  const [, at, tbl, rowId] = snapshot;
  return {
    phase: 'snapshot',
    at: Number(at),
    after: tbl !== undefined && rowId !== undefined ? { tbl, rowId } : null,
  };
}
