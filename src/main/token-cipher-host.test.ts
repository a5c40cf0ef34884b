import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortTokenCipher } from '../core/sync/port-token-cipher';
import { TokenUnreadableError } from '../core/sync/token-cipher';
import { FakeSafeStorage } from './testing/fake-safe-storage';
import { serveTokenCipher, type TokenCipherHostOptions } from './token-cipher-host';

/** main's safeStorage answering core's questions over a real MessageChannel, as with the worker. */

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const windows: TokenCipherHostOptions = { whenReady: () => Promise.resolve(), platform: 'win32' };

function cipherOver(storage: FakeSafeStorage, options = windows, timeoutMs?: number) {
  const channel = new MessageChannel();
  channels.push(channel);
  serveTokenCipher(channel.port1, storage, options);
  return new PortTokenCipher(channel.port2, timeoutMs);
}

describe('the token cipher between core and main', () => {
  it('encrypts in main and decrypts back, the text never stored in clear', async () => {
    const cipher = cipherOver(new FakeSafeStorage());
    const token = 'k'.repeat(43);
    expect(await cipher.isAvailable()).toBe(true);
    const sealed = await cipher.encrypt(token);
    expect(sealed).not.toContain(token);
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain(token);
    expect(await cipher.decrypt(sealed)).toEqual({ token, reseal: false });
  });

  it('answers only once the app is ready', async () => {
    let ready = (): void => undefined;
    const whenReady = new Promise<void>((resolve) => (ready = resolve));
    const cipher = cipherOver(new FakeSafeStorage(), { ...windows, whenReady: () => whenReady });
    let answered = false;
    const available = cipher.isAvailable().then((value) => {
      answered = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    ready();
    expect(await available).toBe(true);
  });

  it('says unavailable when safeStorage is, and on Linux without a keyring', async () => {
    const off = new FakeSafeStorage();
    off.available = false;
    expect(await cipherOver(off).isAvailable()).toBe(false);
    const basic = new FakeSafeStorage();
    basic.backend = 'basic_text';
    expect(await cipherOver(basic, { ...windows, platform: 'linux' }).isAvailable()).toBe(false);
    expect(await cipherOver(basic, windows).isAvailable()).toBe(true);
  });

  it("tells an unreadable token (another PC's key) from a failed encryption", async () => {
    const sealedElsewhere = await cipherOver(new FakeSafeStorage()).encrypt('t'.repeat(43));
    const here = new FakeSafeStorage();
    await expect(cipherOver(here).decrypt(sealedElsewhere)).rejects.toBeInstanceOf(
      TokenUnreadableError,
    );
    here.available = false;
    const failure = await cipherOver(here)
      .encrypt('t'.repeat(43))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(TokenUnreadableError);
  });

  it('gives up on a main that does not answer, without calling the token unreadable', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const cipher = new PortTokenCipher(channel.port2, 100);
    const failure = await cipher.decrypt('AAAA').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(TokenUnreadableError);
  });

  it('ignores malformed questions and still answers the next one', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    serveTokenCipher(channel.port1, new FakeSafeStorage(), windows);
    const answers: unknown[] = [];
    channel.port2.on('message', (message) => answers.push(message));
    channel.port2.postMessage({ id: 'x', op: 'encrypt', text: 'a' });
    channel.port2.postMessage({ id: 1, op: 'decrypt', text: 7 });
    channel.port2.postMessage({ id: 2, op: 'format-disk' });
    channel.port2.postMessage({ id: 3, op: 'available' });
    // The good question's answer first (however slow the machine), then a moment for any answer
    // to a malformed one that would trail it.
    await vi.waitFor(() => expect(answers).toContainEqual(expect.objectContaining({ id: 3 })), {
      timeout: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answers).toEqual([{ id: 3, kind: 'available', available: true }]);
  });
});
