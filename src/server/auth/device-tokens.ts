import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: shown to the device once, never stored. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the server keeps and looks tokens up by: a stolen database yields no usable token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
