/**
 * What core asks of the process that holds the operating system's keys (main, through Electron's
 * safeStorage): core runs in a worker thread, where safeStorage does not exist.
 */
export interface TokenCipher {
  /** Whether tokens can be encrypted on this PC at all. */
  isAvailable(): Promise<boolean>;
  /** The token encrypted, as base64 text that may be stored anywhere. */
  encrypt(token: string): Promise<string>;
  /**
   * The token again, and whether to store it encrypted anew (the key was rotated). Throws
   * TokenUnreadableError when this PC cannot open it (the file came from another PC or account).
   */
  decrypt(sealed: string): Promise<{ token: string; reseal: boolean }>;
}

/** The sealed token can never be opened here: its owner must sign in online again. */
export class TokenUnreadableError extends Error {}

/** Core asks main over a MessagePort of its own (main/token-cipher-host.ts answers). */
export type TokenCipherRequest =
  | { id: number; op: 'available' }
  | { id: number; op: 'encrypt'; text: string }
  | { id: number; op: 'decrypt'; text: string };

export type TokenCipherAnswer =
  | { id: number; kind: 'available'; available: boolean }
  | { id: number; kind: 'encrypted'; sealed: string }
  | { id: number; kind: 'decrypted'; token: string; reseal: boolean }
  /** safeStorage refused: the token is unreadable here (decrypt), or cannot be sealed (encrypt). */
  | { id: number; kind: 'failed'; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isTokenCipherRequest(message: unknown): message is TokenCipherRequest {
  if (!isRecord(message) || !Number.isSafeInteger(message.id)) return false;
  if (message.op === 'available') return true;
  return (message.op === 'encrypt' || message.op === 'decrypt') && typeof message.text === 'string';
}

export function isTokenCipherAnswer(message: unknown): message is TokenCipherAnswer {
  if (!isRecord(message) || !Number.isSafeInteger(message.id)) return false;
  switch (message.kind) {
    case 'available':
      return typeof message.available === 'boolean';
    case 'encrypted':
      return typeof message.sealed === 'string';
    case 'decrypted':
      return typeof message.token === 'string' && typeof message.reseal === 'boolean';
    case 'failed':
      return typeof message.reason === 'string';
    default:
      return false;
  }
}
