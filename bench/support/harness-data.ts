import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminPassword, createTestCore, setUpAdmin } from '../../src/core/testing/test-core';

export interface HarnessData {
  dataDir: string;
  username: string;
  password: string;
  dispose(): void;
}

/** A data folder that already holds the first administrator, so the app opens on sign-in. */
export function dataDirWithAdmin(): HarnessData {
  const dataDir = mkdtempSync(join(tmpdir(), 'maktab-bench-harness-'));
  const setUp = createTestCore(dataDir);
  setUpAdmin(setUp);
  setUp.core.close();
  return {
    dataDir,
    username: 'admin',
    password: adminPassword,
    dispose: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
