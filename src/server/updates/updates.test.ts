import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../app';
import { describeOnBackends } from '../testing/test-databases';

const latestYml = [
  'version: 1.2.0',
  'files:',
  '  - url: Maktab-Setup-1.2.0.exe',
  '    sha512: abc',
  '    size: 300000',
  'path: Maktab-Setup-1.2.0.exe',
  "releaseDate: '2026-03-10T09:00:00.000Z'",
  '',
].join('\n');
const secret = 'the secret outside the feed';

describeOnBackends('update feed', (backend) => {
  let app: FastifyInstance;
  let scratch: string;
  const installer = randomBytes(300_000);

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'maktab-updates-'));
    const feed = join(scratch, 'updates');
    mkdirSync(join(feed, 'sub'), { recursive: true });
    writeFileSync(join(scratch, 'secret.txt'), secret);
    writeFileSync(join(feed, 'latest.yml'), latestYml);
    writeFileSync(join(feed, 'Maktab-Setup-1.2.0.exe'), installer);
    writeFileSync(join(feed, 'Maktab-Setup-1.2.0.exe.blockmap'), randomBytes(100));
    writeFileSync(join(feed, 'Maktab Setup 1.2.0.exe'), installer);
    writeFileSync(join(feed, 'sub', 'inner.yml'), secret);
    writeFileSync(join(feed, '.env'), secret);
    symlinkSync(join(scratch, 'secret.txt'), join(feed, 'escape.yml'));
    app = await buildServer({ db: backend.db(), updatesDir: feed });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('serves latest.yml, installers and blockmaps with their types, no app header needed', async () => {
    const yml = await get('/updates/latest.yml');
    expect(yml.statusCode).toBe(200);
    expect(yml.body).toBe(latestYml);
    expect(yml.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(yml.headers['cache-control']).toBe('no-cache');
    const exe = await get('/updates/Maktab-Setup-1.2.0.exe');
    expect(exe.statusCode).toBe(200);
    expect(exe.rawPayload.equals(installer)).toBe(true);
    expect(exe.headers['content-type']).toBe('application/vnd.microsoft.portable-executable');
    expect(exe.headers['content-length']).toBe('300000');
    const blockmap = await get('/updates/Maktab-Setup-1.2.0.exe.blockmap');
    expect(blockmap.headers['content-type']).toBe('application/octet-stream');
    // electron-builder's default NSIS name has spaces; the URL encodes them.
    const spaced = await get('/updates/Maktab%20Setup%201.2.0.exe');
    expect(spaced.statusCode).toBe(200);
    const head = await app.inject({ method: 'HEAD', url: '/updates/Maktab-Setup-1.2.0.exe' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('300000');
    expect(head.rawPayload.length).toBe(0);
  });

  it('resumes a download with Range', async () => {
    const part = await get('/updates/Maktab-Setup-1.2.0.exe', { range: 'bytes=100000-199999' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100000-199999/300000');
    expect(part.rawPayload.equals(installer.subarray(100_000, 200_000))).toBe(true);
    const rest = await get('/updates/Maktab-Setup-1.2.0.exe', { range: 'bytes=299000-' });
    expect(rest.rawPayload.equals(installer.subarray(299_000))).toBe(true);
    const past = await get('/updates/Maktab-Setup-1.2.0.exe', { range: 'bytes=300000-' });
    expect(past.statusCode).toBe(416);
  });

  it('lists nothing and never leaves its folder', async () => {
    for (const url of [
      '/updates',
      '/updates/',
      '/updates/sub',
      '/updates/sub/inner.yml',
      '/updates/sub%2Finner.yml',
      '/updates/.env',
      '/updates/escape.yml',
      '/updates/../secret.txt',
      '/updates/..%2Fsecret.txt',
      '/updates/%2e%2e%2fsecret.txt',
      '/updates/%2E%2E/secret.txt',
      '/updates/..%5Csecret.txt',
      '/updates/latest.yml%00.exe',
      '/updates//etc/passwd',
      '/updates/%2Fetc%2Fpasswd',
      '/updates/missing.yml',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain(secret);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom('..', '.', '%2e', '%2f', '%5c', '/', 'secret.txt', 'sub', '%00', 'x'),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        async (parts) => {
          const response = await get(`/updates/${parts.join('')}`);
          expect(response.statusCode).toBeLessThan(500);
          expect(response.body).not.toContain(secret);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers 404 when the folder does not exist', async () => {
    const empty = await buildServer({ db: backend.db(), updatesDir: join(scratch, 'none') });
    try {
      expect((await empty.inject({ method: 'GET', url: '/updates/latest.yml' })).statusCode).toBe(
        404,
      );
    } finally {
      await empty.close();
    }
  });
});
