import type { SafeStorage } from 'electron';
import {
  isTokenCipherRequest,
  type TokenCipherAnswer,
  type TokenCipherRequest,
} from '../core/sync/token-cipher';

/**
 * The part of Electron's safeStorage used here (a fake of the same shape in tests). The
 * asynchronous calls: the synchronous ones are deprecated in Electron 45 and removed in 46.
 */
export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

/** Main's end of the MessageChannel whose other end went to the core worker. */
export interface TokenCipherHostPort {
  postMessage(message: TokenCipherAnswer): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  unref?(): void;
}

export interface TokenCipherHostOptions {
  /** safeStorage answers only once the app is ready (app.whenReady). */
  whenReady: () => Promise<unknown>;
  platform: NodeJS.Platform;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'failed');

/**
 * Whether tokens would really be protected. On Linux without a keyring safeStorage "encrypts"
 * with a password written in Chromium's source: no better than clear, and the log should say so.
 */
async function protects(safeStorage: SafeStorageLike, options: TokenCipherHostOptions) {
  await options.whenReady();
  if (options.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    return false;
  return safeStorage.isAsyncEncryptionAvailable();
}

async function answer(
  request: TokenCipherRequest,
  safeStorage: SafeStorageLike,
  options: TokenCipherHostOptions,
): Promise<TokenCipherAnswer> {
  const { id } = request;
  try {
    switch (request.op) {
      case 'available':
        return { id, kind: 'available', available: await protects(safeStorage, options) };
      case 'encrypt': {
        await options.whenReady();
        const sealed = await safeStorage.encryptStringAsync(request.text);
        return { id, kind: 'encrypted', sealed: sealed.toString('base64') };
      }
      case 'decrypt': {
        await options.whenReady();
        const opened = await safeStorage.decryptStringAsync(Buffer.from(request.text, 'base64'));
        return { id, kind: 'decrypted', token: opened.result, reseal: opened.shouldReEncrypt };
      }
    }
  } catch (error) {
    return { id, kind: 'failed', reason: errorText(error) };
  }
}

/**
 * Encrypts and decrypts device tokens for core, which runs in a worker thread where safeStorage
 * does not exist. Main only transforms text: it never stores a token nor keeps one in memory.
 */
export function serveTokenCipher(
  port: TokenCipherHostPort,
  safeStorage: SafeStorageLike,
  options: TokenCipherHostOptions,
): void {
  port.on('message', (message) => {
    if (!isTokenCipherRequest(message)) return;
    void answer(message, safeStorage, options).then((reply) => {
      try {
        port.postMessage(reply);
      } catch {
        // The worker is gone (its port closed): nobody is waiting for this answer.
      }
    });
  });
  // Quitting must not wait for this port: core's own shutdown decides when the worker ends.
  port.unref?.();
}
