import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * A file being fetched from the server, kept piece by piece under the data folder, so a download
 * cut by a power failure or a lost network goes on from where it stopped at the next sync. The
 * bytes count only once whole and matching their SHA-256 (a torn last piece fails that check and
 * the download starts over): this is never read as a stored file.
 */

const sha256Pattern = /^[0-9a-f]{64}$/;

function pathOf(dataDir: string, sha256: string): string {
  if (!sha256Pattern.test(sha256)) throw new AppError('VALIDATION', 'invalid file name');
  return join(dataDir, 'files', 'incoming', `${sha256}.part`);
}

/** How many bytes of the file are already here. */
export function partialSize(dataDir: string, sha256: string): number {
  const path = pathOf(dataDir, sha256);
  return existsSync(path) ? statSync(path).size : 0;
}

export function appendPartial(dataDir: string, sha256: string, bytes: Uint8Array): void {
  mkdirSync(join(dataDir, 'files', 'incoming'), { recursive: true });
  appendFileSync(pathOf(dataDir, sha256), bytes, { flush: true });
}

export function readPartial(dataDir: string, sha256: string): Buffer {
  const path = pathOf(dataDir, sha256);
  return existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
}

export function dropPartial(dataDir: string, sha256: string): void {
  rmSync(pathOf(dataDir, sha256), { force: true });
}
