import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { FromCoreWorker, ToCoreWorker } from '../core/worker-protocol';
import { CoreWorkerClient, type CoreWorkerLike } from './core-worker-client';

/** Stands in for a Worker: records what main posts, lets the test answer. */
class FakeWorker extends EventEmitter implements CoreWorkerLike {
  readonly posted: ToCoreWorker[] = [];
  terminated = false;
  postMessage(message: ToCoreWorker): void {
    this.posted.push(message);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    this.emit('exit', 1);
    return Promise.resolve(1);
  }
  reply(message: FromCoreWorker): void {
    this.emit('message', message);
  }
  lastId(): number {
    const last = this.posted.at(-1);
    if (!last || last.type === 'shutdown') throw new Error('no request posted');
    return last.id;
  }
}

const quiet = { error: vi.fn() };

describe('core worker client', () => {
  it('matches answers to requests by id, whatever their order', async () => {
    const worker = new FakeWorker();
    const client = new CoreWorkerClient(worker, quiet);
    const first = client.call('session:status', {});
    const firstId = worker.lastId();
    const second = client.call('users:list', { page: 1 });
    const secondId = worker.lastId();
    expect(worker.posted[1]).toEqual({
      type: 'call',
      id: secondId,
      name: 'users:list',
      input: { page: 1 },
    });
    worker.reply({ type: 'result', id: secondId, result: { ok: true, value: 'second' } });
    worker.reply({ type: 'result', id: firstId, result: { ok: true, value: 'first' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'first' });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
  });

  it('asks the worker for settings on their own channel', async () => {
    const worker = new FakeWorker();
    const client = new CoreWorkerClient(worker, quiet);
    const settings = client.settings();
    const value = { lockAfterMinutes: 10, backupsToKeep: 14, updateFeedUrl: '' };
    worker.reply({ type: 'settings', id: worker.lastId(), result: { ok: true, value } });
    await expect(settings).resolves.toEqual({ ok: true, value });
  });

  it('passes pushed events to listeners until they unsubscribe', () => {
    const worker = new FakeWorker();
    const client = new CoreWorkerClient(worker, quiet);
    const listener = vi.fn();
    const unsubscribe = client.onEvent(listener);
    worker.reply({ type: 'event', event: 'data:changed', payload: { tables: ['users'] } });
    unsubscribe();
    worker.reply({ type: 'event', event: 'progress', payload: {} });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('data:changed', { tables: ['users'] });
  });

  it('shuts down by asking core to close, and answers late calls without core', async () => {
    const worker = new FakeWorker();
    const client = new CoreWorkerClient(worker, quiet);
    const inFlight = client.call('session:status', {});
    const stopped = client.shutdown();
    expect(worker.posted.at(-1)).toEqual({ type: 'shutdown' });
    await expect(client.call('session:status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    worker.emit('exit', 0);
    await stopped;
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(worker.terminated).toBe(false);
    expect(client.running).toBe(false);
  });

  it('terminates a worker that does not stop in time', async () => {
    const worker = new FakeWorker();
    const client = new CoreWorkerClient(worker, quiet);
    await client.shutdown(5);
    expect(worker.terminated).toBe(true);
  });

  it('answers waiting calls when the worker crashes', async () => {
    const worker = new FakeWorker();
    const log = { error: vi.fn() };
    const client = new CoreWorkerClient(worker, log);
    const waiting = client.call('session:status', {});
    worker.emit('error', new Error('boom'));
    worker.emit('exit', 1);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(log.error).toHaveBeenCalled();
  });
});
