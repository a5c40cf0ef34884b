import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '../token-cipher-host';

/**
 * Electron's safeStorage for tests, where the Electron binary cannot run: the same calls, with a
 * key of its own per instance (another instance is another PC or Windows account, as with DPAPI).
 */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret';
  /** As after a key rotation: the next decryptions ask for the data to be encrypted again. */
  rotated = false;
  private readonly key = randomBytes(32);

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }

  getSelectedStorageBackend(): ReturnType<SafeStorageLike['getSelectedStorageBackend']> {
    return this.backend;
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) return Promise.reject(new Error('Encryption is not available.'));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  decryptStringAsync(encrypted: Buffer): ReturnType<SafeStorageLike['decryptStringAsync']> {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const text = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]);
      return Promise.resolve({ result: text.toString('utf8'), shouldReEncrypt: this.rotated });
    } catch {
      return Promise.reject(
        new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'),
      );
    }
  }
}
