import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/ids/uuidv7';
import { Core } from '../core/core';
import { PortTokenCipher } from '../core/sync/port-token-cipher';
import { SealedSecretStore } from '../core/sync/sealed-secret-store';
import { DatabaseSecretStore } from '../core/sync/secret-store';
import { ManualClock } from '../core/testing/test-core';
import { FakeSafeStorage } from './testing/fake-safe-storage';
import { serveTokenCipher } from './token-cipher-host';

/**
 * Device tokens at rest, with the real core on a real SQLite file and main's side of the cipher
 * over a real MessageChannel; only safeStorage is a fake (the Electron binary cannot run here).
 * The server is a loopback listener that hands out a token and notes which one comes back.
 */

const token = 'T0k3n-'.padEnd(43, 'x');
let dataDir: string;
let server: Server;
let serverUrl: string;
let bearers: string[];
/** The server answers 401 (a revoked token) instead of 503. */
let refuseTokens = false;
const cores: Core[] = [];
const channels: MessageChannel[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'maktab-sealed-'));
  bearers = [];
  refuseTokens = false;
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
        response.end(JSON.stringify({ token, user, serverTime: Date.now() }));
        return;
      }
      bearers.push(request.headers.authorization ?? '');
      if (refuseTokens) {
        response.statusCode = 401;
        response.end(JSON.stringify({ error: { code: 'TOKEN_REVOKED', message: 'revoked' } }));
        return;
      }
      response.statusCode = 503;
      response.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'down' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  for (const channel of channels.splice(0)) channel.port1.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

/** A start of the app: core in its own right, main's safeStorage (if any) behind a port. */
function startCore(storage: FakeSafeStorage | null): Core {
  let tokenCipher: PortTokenCipher | undefined;
  if (storage) {
    const channel = new MessageChannel();
    channels.push(channel);
    serveTokenCipher(channel.port1, storage, {
      whenReady: () => Promise.resolve(),
      platform: 'win32',
    });
    tokenCipher = new PortTokenCipher(channel.port2);
  }
  const core = new Core({ dataDir, wallClock: new ManualClock().now, tokenCipher });
  cores.push(core);
  return core;
}

function restart(core: Core, storage: FakeSafeStorage | null): Core {
  core.close();
  cores.splice(cores.indexOf(core), 1);
  return startCore(storage);
}

async function joinServer(core: Core): Promise<void> {
  const joined = core.dispatch('sync:join', { serverUrl, username: 'karim', password: 'pw' });
  expect(joined.ok).toBe(true);
  await core.sync.idle();
}

function stored(core: Core): string[] {
  const rows = core.database().prepare('SELECT token FROM sync_tokens').all() as {
    token: string;
  }[];
  return rows.map((row) => row.token);
}

const syncState = (core: Core) =>
  (core.database().prepare('SELECT state FROM sync_state').get() as { state: string }).state;

describe('device tokens sealed with safeStorage', () => {
  it('keeps only the sealed token in the database, and sends the token itself', async () => {
    const storage = new FakeSafeStorage();
    let core = startCore(storage);
    await joinServer(core);
    const [sealed] = stored(core);
    expect(sealed).toMatch(/^sealed:/);
    expect(sealed).not.toContain(token);
    expect(bearers.at(-1)).toBe(`Bearer ${token}`);
    // A file or a backup copied elsewhere holds no usable token.
    const file = core.database().prepare('SELECT count(*) AS n FROM sync_tokens WHERE token = ?');
    expect(file.get(token)).toEqual({ n: 0 });

    core = restart(core, storage);
    bearers = [];
    await core.sync.runNow();
    expect(bearers).toEqual([`Bearer ${token}`]);
    expect(stored(core)).toEqual([sealed]);
  });

  it('seals the tokens an older start kept in clear, once', async () => {
    let core = startCore(null);
    await joinServer(core);
    expect(stored(core)).toEqual([token]);
    const storage = new FakeSafeStorage();
    core = restart(core, storage);
    bearers = [];
    await core.sync.runNow();
    const [sealed] = stored(core);
    expect(sealed).toMatch(/^sealed:/);
    expect(bearers).toEqual([`Bearer ${token}`]);
    await core.sync.runNow();
    expect(stored(core)).toEqual([sealed]);
  });

  it('seals again a clear token that a restored backup brought back', async () => {
    const storage = new FakeSafeStorage();
    const core = startCore(storage);
    await joinServer(core);
    core.database().prepare('UPDATE sync_tokens SET token = ?').run(token);
    bearers = [];
    await core.sync.runNow();
    expect(bearers).toEqual([`Bearer ${token}`]);
    expect(stored(core)[0]).toMatch(/^sealed:/);
  });

  it('stores the token anew when safeStorage asks for it after a key rotation', async () => {
    const storage = new FakeSafeStorage();
    const core = startCore(storage);
    await joinServer(core);
    const [before] = stored(core);
    storage.rotated = true;
    await core.sync.runNow();
    const [after] = stored(core);
    expect(after).toMatch(/^sealed:/);
    expect(after).not.toBe(before);
    expect(bearers.at(-1)).toBe(`Bearer ${token}`);
  });

  it('sends nothing when the file moved to another PC or Windows account, and keeps the token', async () => {
    let core = startCore(new FakeSafeStorage());
    await joinServer(core);
    const before = syncState(core);
    const [sealed] = stored(core);
    core = restart(core, new FakeSafeStorage());
    bearers = [];
    await core.sync.runNow();
    expect(bearers).toEqual([]);
    // Unreadable here is not refused by the server: another start (the right account) may read it.
    expect(syncState(core)).toBe(before);
    expect(stored(core)).toEqual([sealed]);
    // Meanwhile the header says so: someone must sign in online again on this PC.
    expect(core.sync.status(core.database(), null).state).toBe('signed-out');
  });

  it('syncs again with the sealed token once safeStorage is back at the next start', async () => {
    const storage = new FakeSafeStorage();
    let core = startCore(storage);
    await joinServer(core);
    expect(syncState(core)).not.toBe('signed-out');

    // One start where the keyring is not there (Linux whose keyring is not up yet, or whose
    // desktop is not recognised): the sealed token cannot be read, and nothing is sent.
    storage.available = false;
    core = restart(core, storage);
    bearers = [];
    await core.sync.runNow();
    expect(bearers).toEqual([]);
    expect(syncState(core)).not.toBe('signed-out');

    // The keyring is back at the next start: the same key opens the same token.
    storage.available = true;
    core = restart(core, storage);
    await core.sync.runNow();
    expect(bearers).toContain(`Bearer ${token}`);
    expect(syncState(core)).not.toBe('signed-out');
  });

  it('signs out once the server refuses the token, and when no token is kept', async () => {
    const storage = new FakeSafeStorage();
    let core = startCore(storage);
    await joinServer(core);
    refuseTokens = true;
    await core.sync.runNow();
    expect(syncState(core)).toBe('signed-out');
    expect(stored(core)).toEqual([]);

    refuseTokens = false;
    await joinServer(core);
    core.database().prepare('DELETE FROM sync_tokens').run();
    core = restart(core, storage);
    await core.sync.runNow();
    expect(syncState(core)).toBe('signed-out');
  });

  it('keeps the token in clear, as before, where safeStorage is not available', async () => {
    const storage = new FakeSafeStorage();
    storage.available = false;
    const core = startCore(storage);
    await joinServer(core);
    expect(stored(core)).toEqual([token]);
    expect(bearers.at(-1)).toBe(`Bearer ${token}`);
  });
});

describe('SealedSecretStore', () => {
  it('says once that safeStorage is missing, however often sync asks', async () => {
    const storage = new FakeSafeStorage();
    storage.available = false;
    const core = startCore(null);
    const channel = new MessageChannel();
    channels.push(channel);
    serveTokenCipher(channel.port1, storage, {
      whenReady: () => Promise.resolve(),
      platform: 'win32',
    });
    const lines: unknown[][] = [];
    const log = {
      warn: (...v: unknown[]) => lines.push(v),
      error: (...v: unknown[]) => lines.push(v),
    };
    const store = new SealedSecretStore(
      new DatabaseSecretStore(() => core.database()),
      new PortTokenCipher(channel.port2),
      log,
    );
    await store.writeToken('u1', token);
    expect(await store.readToken('u1')).toBe(token);
    expect(await store.tokenHolders()).toEqual(['u1']);
    expect(lines).toHaveLength(1);
    expect(String(lines[0]?.[0])).toContain('safeStorage is not available');
  });
});
