import type { Settings } from '../shared/api/procedures/system.procedures';
import type { ApiResult } from '../shared/errors';
import type { Core } from './core';
import { toErrorResult } from './dispatcher';
import { readSettings } from './settings/local-settings';
import { isToCoreWorker, type FromCoreWorker } from './worker-protocol';

/** The side of a MessagePort the worker talks through (parentPort in the app, a fake in tests). */
export interface CorePort {
  postMessage(message: FromCoreWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  close(): void;
}

function settingsOf(core: Core): ApiResult<Settings> {
  try {
    return { ok: true, value: readSettings(core.database()) };
  } catch (error) {
    return toErrorResult(error);
  }
}

/**
 * Answers main's messages with core: calls go through the dispatcher, events are forwarded, and
 * 'shutdown' closes the database before the port, so the thread ends with the file clean.
 */
export function serveCore(core: Core, port: CorePort): void {
  let closed = false;
  const unsubscribe = core.on((event, payload) => {
    if (!closed) port.postMessage({ type: 'event', event, payload });
  });
  port.on('message', (message) => {
    if (closed || !isToCoreWorker(message)) return;
    switch (message.type) {
      case 'call':
        port.postMessage({
          type: 'result',
          id: message.id,
          result: core.dispatch(message.name, message.input),
        });
        return;
      case 'settings':
        port.postMessage({ type: 'settings', id: message.id, result: settingsOf(core) });
        return;
      case 'shutdown':
        closed = true;
        unsubscribe();
        core.close();
        port.close();
        return;
    }
  });
}
