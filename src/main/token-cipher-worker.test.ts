import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { FakeSafeStorage } from './testing/fake-safe-storage';
import { serveTokenCipher } from './token-cipher-host';

/** The cipher's port handed to a real worker thread, as main/index.ts hands it to core's. */

const entry = join(import.meta.dirname, 'testing', 'cipher-worker.mjs');

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve) => worker.once('message', resolve));
}

describe('the token cipher across threads', () => {
  it('reaches main from the worker, and never keeps the worker from ending', async () => {
    const channel = new MessageChannel();
    serveTokenCipher(channel.port1, new FakeSafeStorage(), {
      whenReady: () => Promise.resolve(),
      platform: 'win32',
    });
    const worker = new Worker(entry, {
      workerData: { tokenCipherPort: channel.port2 },
      transferList: [channel.port2],
    });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const token = 'w'.repeat(43);
    worker.postMessage(token);
    const answer = (await nextMessage(worker)) as {
      available: boolean;
      sealed: string;
      token: string;
    };
    expect(answer).toMatchObject({ available: true, token });
    expect(answer.sealed).not.toContain(token);
    worker.postMessage('stop');
    // Without unref on the worker's end, the thread would wait for main forever.
    const outcome = await Promise.race([
      exited,
      // Long enough for a loaded machine: a worker that waits for main never ends at all.
      new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000)),
    ]);
    if (outcome === 'still running') await worker.terminate();
    expect(outcome).toBe(0);
    channel.port1.close();
  }, 40_000);
});
