import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type RunningHarness } from './harness-server';

interface Reply {
  status: number;
  body: string;
}

let root: string;
let harness: RunningHarness;
let port: number;

/** node:http lets us set any Host and Origin, as a rebinding attacker or a foreign page would. */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${port}`, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveReply({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const sameOriginCall = {
  'content-type': 'application/json',
  'x-maktab-harness': '1',
};

const firstAdmin = JSON.stringify({
  name: 'session:createFirstAdmin',
  input: {
    username: 'admin',
    displayName: 'مدير',
    password: 'Correct-horse-77',
    language: 'ar',
  },
});

async function setupRequired(): Promise<boolean> {
  const reply = await send(
    'POST',
    '/__harness/call',
    sameOriginCall,
    JSON.stringify({ name: 'session:status', input: {} }),
  );
  expect(reply.status).toBe(200);
  const result = JSON.parse(reply.body) as { ok: boolean; value: { setupRequired: boolean } };
  expect(result.ok).toBe(true);
  return result.value.setupRequired;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'maktab-harness-test-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><body><script type="module" src="/app.js"></script></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log("app");');
  mkdirSync(join(root, 'renderer-x'));
  writeFileSync(join(root, 'renderer-x', 'secret.txt'), 'sibling secret');
  writeFileSync(join(root, 'secret.txt'), 'parent secret');
  mkdirSync(join(root, 'data'));
  harness = await startHarness({ rendererDir, dataDir: join(root, 'data'), port: 0 });
  port = Number(new URL(harness.url).port);
});

afterAll(async () => {
  await harness.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the harness refuses other sites', () => {
  it('serves its own page, with the API shim before the app', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/__harness/api.js"></script>');
    const shim = await send('GET', '/__harness/api.js');
    expect(shim.body).toContain("'x-maktab-harness': '1'");
    expect((await send('GET', '/app.js')).body).toContain('console.log');
  });

  it('refuses a call in text/plain, the kind a foreign page can send without a preflight', async () => {
    const reply = await send(
      'POST',
      '/__harness/call',
      { 'content-type': 'text/plain', 'x-maktab-harness': '1' },
      firstAdmin,
    );
    expect(reply.status).toBe(403);
    expect(await setupRequired()).toBe(true);
  });

  it('refuses a JSON call without the harness header', async () => {
    const reply = await send(
      'POST',
      '/__harness/call',
      { 'content-type': 'application/json' },
      firstAdmin,
    );
    expect(reply.status).toBe(403);
    expect(await setupRequired()).toBe(true);
  });

  it('refuses a call from a foreign Origin, even with the right headers', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`]) {
      const reply = await send(
        'POST',
        '/__harness/call',
        { ...sameOriginCall, origin },
        firstAdmin,
      );
      expect(reply.status, origin).toBe(403);
    }
    expect(await setupRequired()).toBe(true);
  });

  it('refuses every request for a foreign Host (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const call = await send('POST', '/__harness/call', { ...sameOriginCall, host }, firstAdmin);
      expect(call.status, host).toBe(403);
      expect((await send('GET', '/', { host })).status, host).toBe(403);
      expect((await send('GET', '/__harness/events', { host })).status, host).toBe(403);
    }
    expect(await setupRequired()).toBe(true);
  });

  it('runs a same-origin JSON call with the harness header', async () => {
    for (const headers of [
      sameOriginCall,
      { ...sameOriginCall, host: `localhost:${port}`, origin: `http://localhost:${port}` },
    ]) {
      const status = await send(
        'POST',
        '/__harness/call',
        headers,
        JSON.stringify({ name: 'session:status', input: {} }),
      );
      expect(status.status).toBe(200);
      expect(JSON.parse(status.body)).toMatchObject({ ok: true });
    }
    const created = await send(
      'POST',
      '/__harness/call',
      { ...sameOriginCall, origin: `http://127.0.0.1:${port}` },
      firstAdmin,
    );
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(await setupRequired()).toBe(false);
  });
});

describe('the harness serves only the renderer folder', () => {
  it('refuses path traversal out of the folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/../secret.txt']) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('refuses a sibling folder whose name starts with the renderer folder name', async () => {
    for (const path of ['/..%2frenderer-x%2fsecret.txt', '/%2e%2e%2frenderer-x%2fsecret.txt']) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
  });
});
