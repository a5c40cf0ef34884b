import { parentPort, workerData } from 'node:worker_threads';
import { tokenCipherFromWorkerData } from '../../core/sync/port-token-cipher';

/**
 * Stands in for core's worker (core/worker.ts) in token-cipher-worker.test.ts: takes the cipher
 * from its workerData as core does, answers 'seal', and closes its port to main on 'stop'.
 */
const cipher = tokenCipherFromWorkerData(workerData);
parentPort?.on('message', (message: unknown) => {
  if (message === 'stop') {
    parentPort?.close();
    return;
  }
  if (!cipher) {
    parentPort?.postMessage({ available: null });
    return;
  }
  void (async () => {
    const available = await cipher.isAvailable();
    const sealed = await cipher.encrypt(String(message));
    const opened = await cipher.decrypt(sealed);
    parentPort?.postMessage({ available, sealed, token: opened.token });
  })();
});
