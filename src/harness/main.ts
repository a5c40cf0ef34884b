import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHarness } from './harness-server';

const port = Number(process.env.PORT ?? 5180);
const dataDir = process.env.MAKTAB_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'maktab-harness-'));
const rendererDir = resolve(process.env.MAKTAB_RENDERER_DIR ?? 'out/renderer');

const harness = await startHarness({ rendererDir, dataDir, port });
console.log(`Maktab harness: ${harness.url}  (data: ${dataDir})`);

const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
