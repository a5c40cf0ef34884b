import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';
import { readServerConfig } from './server-config';
import { describeOnBackends } from './testing/test-databases';

describe('readServerConfig', () => {
  it('reads the update feed folder, ./updates unless MAKTAB_UPDATES_DIR says otherwise', () => {
    expect(readServerConfig({}).updatesDir).toBe('./updates');
    expect(readServerConfig({ MAKTAB_UPDATES_DIR: '/srv/maktab/updates' }).updatesDir).toBe(
      '/srv/maktab/updates',
    );
    expect(() => readServerConfig({ MAKTAB_UPDATES_DIR: '' })).toThrow(/MAKTAB_UPDATES_DIR/);
  });

  it("reads the commune's website address, the official one unless MAKTAB_WEBSITE_URL says otherwise", () => {
    expect(readServerConfig({}).websiteUrl).toBe('https://www.ksarelkebir.ma');
    expect(
      readServerConfig({ MAKTAB_WEBSITE_URL: 'https://preprod.ksarelkebir.ma/portail/' })
        .websiteUrl,
    ).toBe('https://preprod.ksarelkebir.ma/portail');
    for (const wrong of ['', 'www.ksarelkebir.ma', 'ftp://ksarelkebir.ma', 'https://x.ma/?p=1'])
      expect(() => readServerConfig({ MAKTAB_WEBSITE_URL: wrong })).toThrow(/MAKTAB_WEBSITE_URL/);
  });
});

describeOnBackends(
  'the update feed folder',
  (backend) => {
    let scratch: string;
    const previous = process.env.MAKTAB_UPDATES_DIR;
    beforeAll(() => {
      scratch = mkdtempSync(join(tmpdir(), 'maktab-feed-'));
      writeFileSync(join(scratch, 'latest.yml'), 'version: 9.9.9\n');
      process.env.MAKTAB_UPDATES_DIR = scratch;
    });
    afterAll(() => {
      if (previous === undefined) delete process.env.MAKTAB_UPDATES_DIR;
      else process.env.MAKTAB_UPDATES_DIR = previous;
      rmSync(scratch, { recursive: true, force: true });
    });

    it('comes from the options only, never from the environment behind them', async () => {
      const without = await buildServer({ db: backend.db() });
      expect((await without.inject({ method: 'GET', url: '/updates/latest.yml' })).statusCode).toBe(
        404,
      );
      await without.close();
      const given = await buildServer({ db: backend.db(), updatesDir: scratch });
      const served = await given.inject({ method: 'GET', url: '/updates/latest.yml' });
      expect(served.statusCode).toBe(200);
      expect(served.body).toBe('version: 9.9.9\n');
      await given.close();
    });
  },
  ['pglite'],
);
