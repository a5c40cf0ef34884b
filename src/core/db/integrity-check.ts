import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection';

export type IntegrityVerdict =
  | { kind: 'ok' }
  | { kind: 'damaged'; reason: string }
  /** The check itself could not run (e.g. the thread failed): nothing is known about the file. */
  | { kind: 'unknown'; reason: string };

/**
 * SQLite's quick_check on an open connection: null when sound, else SQLite's first complaint.
 * A corruption error is a complaint; any other error (a lock, a full disk) is thrown as it is.
 */
export function quickCheck(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
    const verdict = rows[0]?.quick_check ?? 'no answer';
    return verdict === 'ok' ? null : verdict;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code))
      return (error as Error).message;
    throw error;
  }
}

// Runs as a CommonJS worker script: its own read-only connection, so the core thread stays free.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let answer;
try {
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.file, {
    readonly: true,
    fileMustExist: true,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  });
  try {
    const verdict = db.pragma('quick_check(1)')[0]?.quick_check ?? 'no answer';
    answer = verdict === 'ok' ? { kind: 'ok' } : { kind: 'damaged', reason: verdict };
  } finally {
    db.close();
  }
} catch (error) {
  const code = error && error.code;
  const reason = String((error && error.message) || error);
  answer = typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code) ? { kind: 'damaged', reason } : { kind: 'unknown', reason };
}
parentPort.postMessage(answer);
`;

/**
 * quick_check of a large file in a separate thread on a read-only connection (WAL lets it read
 * while core works): on 200,000 records it takes about a second, which core does not wait for.
 */
export function checkIntegrityInBackground(
  file: string,
  nativeBinding?: string,
): Promise<IntegrityVerdict> {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { file, nativeBinding, modulePath },
    });
    let settled = false;
    const settle = (verdict: IntegrityVerdict): void => {
      if (settled) return;
      settled = true;
      resolve(verdict);
      void worker.terminate();
    };
    worker.once('message', (verdict: IntegrityVerdict) => settle(verdict));
    worker.once('error', (error: Error) => settle({ kind: 'unknown', reason: error.message }));
    worker.once('exit', (code) =>
      settle({ kind: 'unknown', reason: `integrity check exited with ${code}` }),
    );
  });
}
