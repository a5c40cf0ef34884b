import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../shared/api/events';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';

/**
 * How a run reacts to what the server says. The server here is a plain HTTP listener on loopback
 * answering one fixed status: enough to drive the states; the real server's conversations are
 * proven in integration/.
 */

let t: TestCore;
let server: Server | null = null;
let events: EventPayloads['sync:changed'][] = [];
beforeEach(() => {
  t = createTestCore();
  events = [];
  t.core.on((event, payload) => {
    if (event === 'sync:changed') events.push(payload as EventPayloads['sync:changed']);
  });
});
afterEach(async () => {
  t.dispose();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** Answers sign-in with a token; every other call with `status` and a server error body. */
async function serverAnswering(status: number, code: string): Promise<string> {
  const user = {
    id: uuidv7(),
    username: 'karim',
    displayName: 'كريم',
    roles: ['clerk'],
    departmentId: null,
    language: 'ar',
  };
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.url?.endsWith('/auth/sign-in')) {
        response.end(JSON.stringify({ token: 'x'.repeat(43), user, serverTime: Date.now() }));
        return;
      }
      response.statusCode = status;
      response.end(JSON.stringify({ error: { code, message: code } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function tokens(): string[] {
  return (
    t.core.database().prepare('SELECT token FROM sync_tokens').all() as { token: string }[]
  ).map((row) => row.token);
}

async function join(url: string): Promise<void> {
  t.ok('sync:join', { serverUrl: url, username: 'karim', password: 'a long password' });
  await t.core.sync.idle();
}

describe('sync states', () => {
  it('says local-only, and sync:now does nothing, before any server is joined', () => {
    setUpAdmin(t);
    expect(t.ok('sync:now', {})).toMatchObject({ state: 'local-only', serverUrl: null });
    expect(t.ok('sync:status', {})).toMatchObject({ state: 'local-only', progress: null });
  });

  it('waits for an update when the server wants a newer app, until the app starts again', async () => {
    await join(await serverAnswering(426, 'UPDATE_REQUIRED'));
    setUpAdmin(t);
    expect(t.ok('sync:status', {}).state).toBe('update-required');
    expect(events.map((e) => e.state)).toContain('syncing');
    expect(events.at(-1)).toEqual({ state: 'update-required', progress: null });
    const before = events.length;
    await t.core.sync.runNow();
    expect(events.slice(before).map((e) => e.state)).not.toContain('syncing');
    t.reopen();
    await t.core.sync.runNow();
    expect(t.core.database().prepare('SELECT state FROM sync_state').get()).toEqual({
      state: 'update-required',
    });
  });

  it('goes offline when the server cannot be reached, keeping the token', async () => {
    const url = await serverAnswering(503, 'INTERNAL');
    await join(url);
    expect(t.core.database().prepare('SELECT state FROM sync_state').get()).toEqual({
      state: 'offline',
    });
    expect(tokens()).toEqual(['x'.repeat(43)]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    await t.core.sync.runNow();
    expect(t.core.database().prepare('SELECT state FROM sync_state').get()).toEqual({
      state: 'offline',
    });
  });

  it('signs the PC out when the server says its token is revoked', async () => {
    await join(await serverAnswering(401, 'TOKEN_REVOKED'));
    expect(t.core.database().prepare('SELECT state FROM sync_state').get()).toEqual({
      state: 'signed-out',
    });
    expect(tokens()).toEqual([]);
  });
});
