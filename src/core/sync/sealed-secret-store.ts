import type { SecretStore } from './secret-store';
import { TokenUnreadableError, type TokenCipher } from './token-cipher';

/** Marks a stored token as sealed; a device token is base64url, which never holds a colon. */
const sealedPrefix = 'sealed:';

const isSealed = (stored: string): boolean => stored.startsWith(sealedPrefix);

interface Logger {
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
}

/**
 * Device tokens encrypted with the operating system's keys (Electron's safeStorage, reached
 * through `cipher`) before they reach `inner`, so a copied database or backup holds no usable
 * token. Where safeStorage is not available the tokens stay in clear, as before, and the log says
 * so once. Tokens found in clear are sealed on first use, and again whenever a restored backup
 * brings some back.
 */
export class SealedSecretStore implements SecretStore {
  private mode: Promise<'sealed' | 'clear'> | null = null;
  /** Accounts whose unreadable token was logged: sync asks for it on every run. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly inner: SecretStore,
    private readonly cipher: TokenCipher,
    private readonly log: Logger = console,
  ) {}

  async readToken(userId: string): Promise<string | null> {
    const mode = await this.ready();
    const stored = await this.inner.readToken(userId);
    if (stored === null) return null;
    if (!isSealed(stored)) {
      if (mode === 'sealed') await this.inner.writeToken(userId, await this.seal(stored));
      return stored;
    }
    if (mode === 'clear') {
      this.reportOnce(userId, 'a sealed device token cannot be read without safeStorage');
      return null;
    }
    try {
      const opened = await this.cipher.decrypt(stored.slice(sealedPrefix.length));
      if (opened.reseal) await this.inner.writeToken(userId, await this.seal(opened.token));
      return opened.token;
    } catch (error) {
      // Only a verdict from safeStorage means "never": a slow answer fails the run, which retries.
      if (!(error instanceof TokenUnreadableError)) throw error;
      this.reportOnce(userId, `a device token cannot be decrypted on this PC (${error.message})`);
      return null;
    }
  }

  async writeToken(userId: string, token: string | null): Promise<void> {
    const mode = await this.ready();
    const stored = token === null || mode === 'clear' ? token : await this.seal(token);
    await this.inner.writeToken(userId, stored);
    this.reported.delete(userId);
  }

  async tokenHolders(): Promise<string[]> {
    await this.ready();
    return this.inner.tokenHolders();
  }

  clear(): Promise<void> {
    return this.inner.clear();
  }

  /** Decided once per start; a failed question to main is asked again by the next call. */
  private ready(): Promise<'sealed' | 'clear'> {
    this.mode ??= this.decide().catch((error: unknown) => {
      this.mode = null;
      throw error;
    });
    return this.mode;
  }

  private async decide(): Promise<'sealed' | 'clear'> {
    if (!(await this.cipher.isAvailable())) {
      this.log.warn(
        '[sync] safeStorage is not available on this PC: device tokens are kept unencrypted in the local database',
      );
      return 'clear';
    }
    for (const holder of await this.inner.tokenHolders()) {
      const stored = await this.inner.readToken(holder);
      if (stored !== null && !isSealed(stored))
        await this.inner.writeToken(holder, await this.seal(stored));
    }
    return 'sealed';
  }

  /**
   * Once per start and account. The token is kept: safeStorage may only be late (a keyring not up
   * yet), and the next start tries again; an online sign-in replaces it meanwhile.
   */
  private reportOnce(userId: string, message: string): void {
    if (this.reported.has(userId)) return;
    this.reported.add(userId);
    this.log.error(
      `[sync] ${message}; it is tried again at the next start, or its account signs in online again`,
    );
  }

  private async seal(token: string): Promise<string> {
    return sealedPrefix + (await this.cipher.encrypt(token));
  }
}
