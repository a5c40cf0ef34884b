import { MessagePort } from 'node:worker_threads';
import {
  isTokenCipherAnswer,
  TokenUnreadableError,
  type TokenCipher,
  type TokenCipherAnswer,
  type TokenCipherRequest,
} from './token-cipher';

/** The side of a MessagePort the worker asks through (a real MessageChannel's port in tests). */
export interface TokenCipherPort {
  postMessage(message: TokenCipherRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  unref?(): void;
}

/** What main adds to the worker's data when it can reach safeStorage (transferred, not copied). */
export interface TokenCipherWorkerData {
  tokenCipherPort?: MessagePort | undefined;
}

/** How long a question to main may go unanswered before the sync run gives up and retries. */
const answerTimeoutMs = 30_000;

type Pending = { settle: (answer: TokenCipherAnswer) => void; fail: (error: Error) => void };

/** Core's side of the cipher: each call is a numbered question to main, answered on the port. */
export class PortTokenCipher implements TokenCipher {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly port: TokenCipherPort,
    private readonly timeoutMs = answerTimeoutMs,
  ) {
    port.on('message', (message) => {
      if (!isTokenCipherAnswer(message)) return;
      this.pending.get(message.id)?.settle(message);
    });
    // The worker thread ends once core closes its port to main (shutdown): this one must not
    // keep it alive.
    port.unref?.();
  }

  async isAvailable(): Promise<boolean> {
    const answer = await this.ask({ op: 'available' });
    return answer.kind === 'available' && answer.available;
  }

  async encrypt(token: string): Promise<string> {
    const answer = await this.ask({ op: 'encrypt', text: token });
    if (answer.kind !== 'encrypted')
      throw new Error(`safeStorage could not encrypt: ${reason(answer)}`);
    return answer.sealed;
  }

  async decrypt(sealed: string): Promise<{ token: string; reseal: boolean }> {
    const answer = await this.ask({ op: 'decrypt', text: sealed });
    if (answer.kind !== 'decrypted') throw new TokenUnreadableError(reason(answer));
    return { token: answer.token, reseal: answer.reseal };
  }

  private ask(question: DistributiveOmit<TokenCipherRequest, 'id'>): Promise<TokenCipherAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('main did not answer the token cipher in time'));
      }, this.timeoutMs);
      timer.unref?.();
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(id);
      };
      this.pending.set(id, {
        settle: (answer) => {
          done();
          resolve(answer);
        },
        fail: (error) => {
          done();
          reject(error);
        },
      });
      try {
        this.port.postMessage({ ...question, id });
      } catch (error) {
        this.pending.get(id)?.fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const reason = (answer: TokenCipherAnswer): string =>
  answer.kind === 'failed' ? answer.reason : `unexpected answer ${answer.kind}`;

/** The cipher main offered the worker (see main/index.ts), or undefined: tokens stay in clear. */
export function tokenCipherFromWorkerData(data: unknown): TokenCipher | undefined {
  const port = (data as TokenCipherWorkerData | null)?.tokenCipherPort;
  return port instanceof MessagePort ? new PortTokenCipher(port) : undefined;
}
