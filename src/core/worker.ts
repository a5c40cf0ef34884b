import { parentPort, workerData } from 'node:worker_threads';
import { Core } from './core';
import { tokenCipherFromWorkerData } from './sync/port-token-cipher';
import type { CoreWorkerData } from './worker-protocol';
import { serveCore } from './worker-host';

// Core's timers: the inactivity lock and the daily backup need no finer grain than this.
const timerIntervalMs = 15_000;

if (!parentPort) throw new Error('core-worker must run as a worker thread');
const data = workerData as CoreWorkerData;
if (typeof data?.dataDir !== 'string') throw new Error('core-worker needs workerData.dataDir');
serveCore(
  new Core({
    dataDir: data.dataDir,
    nativeBinding: data.nativeBinding,
    timerIntervalMs,
    // Device tokens sealed with Electron's safeStorage, through main (src/main/token-cipher-host.ts).
    tokenCipher: tokenCipherFromWorkerData(data),
  }),
  parentPort,
);
