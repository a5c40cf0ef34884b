import { isFromCoreWorker, type ToCoreWorker } from '../core/worker-protocol';
import type { EventName, ProcedureName } from '../shared/api/procedure-names';
import type { Settings } from '../shared/api/procedures/system.procedures';
import type { ApiResult } from '../shared/errors';
import { PendingRequests } from './pending-requests';

/** The part of node:worker_threads' Worker that the client uses (a fake in tests). */
export interface CoreWorkerLike {
  postMessage(message: ToCoreWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (exitCode: number) => void): unknown;
  terminate(): Promise<number>;
}

export type CoreEventListener = (event: EventName, payload: unknown) => void;

interface Logger {
  error(...values: unknown[]): void;
}

const coreNotRunning: ApiResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'core is not running' },
};

/** Main's handle on the core worker: numbered requests, pushed events, and a clean shutdown. */
export class CoreWorkerClient {
  private readonly calls = new PendingRequests<ApiResult<unknown>>();
  private readonly settingsRequests = new PendingRequests<ApiResult<Settings>>();
  private readonly listeners = new Set<CoreEventListener>();
  private state: 'running' | 'stopping' | 'exited' = 'running';
  private readonly exited: Promise<void>;

  constructor(
    private readonly worker: CoreWorkerLike,
    private readonly log: Logger = console,
  ) {
    this.exited = new Promise((resolve) => {
      worker.on('exit', (exitCode) => {
        if (this.state === 'running') this.log.error(`[main] core worker stopped (${exitCode})`);
        this.state = 'exited';
        this.calls.settleAll(coreNotRunning);
        this.settingsRequests.settleAll(coreNotRunning);
        resolve();
      });
    });
    worker.on('error', (error) => this.log.error('[main] core worker failed', error));
    worker.on('message', (message) => this.receive(message));
  }

  get running(): boolean {
    return this.state === 'running';
  }

  call(name: ProcedureName, input: unknown): Promise<ApiResult<unknown>> {
    return this.request(this.calls, (id) => ({ type: 'call', id, name, input }));
  }

  /** This PC's settings, for main's own needs (the update feed). */
  settings(): Promise<ApiResult<Settings>> {
    return this.request(this.settingsRequests, (id) => ({ type: 'settings', id }));
  }

  onEvent(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks core to close the database and waits for the thread to end; terminates it if stuck. */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    if (this.state === 'exited') return;
    if (this.state === 'running') {
      this.state = 'stopping';
      this.worker.postMessage({ type: 'shutdown' });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([this.exited.then(() => 'exited' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.log.error('[main] core worker did not stop in time; terminating it');
      await this.worker.terminate();
      await this.exited;
    }
  }

  private request<T>(
    pending: PendingRequests<ApiResult<T>>,
    message: (id: number) => ToCoreWorker,
  ): Promise<ApiResult<T>> {
    if (this.state !== 'running') return Promise.resolve(coreNotRunning);
    const { id, answer } = pending.open();
    try {
      this.worker.postMessage(message(id));
    } catch (error) {
      // Input that cannot be cloned to the worker; IPC has already cloned it, so this is a bug.
      this.log.error('[main] could not send to core', error);
      pending.settle(id, {
        ok: false,
        error: { code: 'INTERNAL', message: 'could not reach core' },
      });
    }
    return answer;
  }

  private receive(message: unknown): void {
    if (!isFromCoreWorker(message)) return;
    switch (message.type) {
      case 'result':
        this.calls.settle(message.id, message.result);
        return;
      case 'settings':
        this.settingsRequests.settle(message.id, message.result);
        return;
      case 'event':
        for (const listener of this.listeners) {
          try {
            listener(message.event, message.payload);
          } catch (error) {
            this.log.error('[main] core event listener failed', error);
          }
        }
        return;
    }
  }
}
