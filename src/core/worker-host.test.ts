import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from './core';
import { adminPassword } from './testing/test-core';
import { serveCore, type CorePort } from './worker-host';
import type { FromCoreWorker } from './worker-protocol';

class FakePort implements CorePort {
  readonly sent: FromCoreWorker[] = [];
  closed = false;
  private listener: ((message: unknown) => void) | null = null;
  postMessage(message: FromCoreWorker): void {
    this.sent.push(message);
  }
  on(_event: 'message', listener: (message: unknown) => void): void {
    this.listener = listener;
  }
  close(): void {
    this.closed = true;
  }
  deliver(message: unknown): void {
    this.listener?.(message);
  }
}

let dataDir: string;
let core: Core;
let port: FakePort;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'maktab-worker-'));
  core = new Core({ dataDir });
  port = new FakePort();
  serveCore(core, port);
});

afterEach(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('core worker host', () => {
  it('answers a call with the same id and the dispatcher result', () => {
    port.deliver({ type: 'call', id: 7, name: 'session:status', input: {} });
    expect(port.sent).toHaveLength(1);
    expect(port.sent[0]).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: true, value: { setupRequired: true } },
    });
  });

  it('leaves unknown procedures to the dispatcher, which refuses them', () => {
    port.deliver({ type: 'call', id: 1, name: 'complaints:explode', input: {} });
    expect(port.sent[0]).toMatchObject({
      id: 1,
      result: { ok: false, error: { code: 'UNKNOWN_PROCEDURE' } },
    });
  });

  it('ignores malformed messages', () => {
    port.deliver(null);
    port.deliver({ type: 'call', id: 'x', name: 'session:status' });
    port.deliver({ type: 'format-disk' });
    expect(port.sent).toEqual([]);
  });

  it('forwards the events core pushes', () => {
    port.deliver({
      type: 'call',
      id: 2,
      name: 'session:createFirstAdmin',
      input: {
        username: 'admin',
        displayName: 'مدير النظام',
        password: adminPassword,
        language: 'ar',
      },
    });
    expect(port.sent.some((m) => m.type === 'event' && m.event === 'data:changed')).toBe(true);
    expect(port.sent.at(-1)).toMatchObject({ type: 'result', id: 2, result: { ok: true } });
  });

  it('reads settings for main without a signed-in session', () => {
    port.deliver({ type: 'settings', id: 3 });
    expect(port.sent[0]).toMatchObject({
      type: 'settings',
      id: 3,
      result: { ok: true, value: { updateFeedUrl: '' } },
    });
  });

  it('closes the database cleanly on shutdown, then the port', () => {
    port.deliver({ type: 'call', id: 4, name: 'session:status', input: {} });
    expect(existsSync(join(dataDir, 'maktab.sqlite-wal'))).toBe(true);
    port.deliver({ type: 'shutdown' });
    expect(() => core.database()).toThrow();
    expect(port.closed).toBe(true);
    // SQLite folds the WAL back and deletes it only when the last connection closes cleanly.
    expect(existsSync(join(dataDir, 'maktab.sqlite-wal'))).toBe(false);
    port.deliver({ type: 'call', id: 5, name: 'session:status', input: {} });
    expect(port.sent.filter((m) => m.type === 'result')).toHaveLength(1);
  });
});
