import {
  eventNames,
  procedureNames,
  type EventName,
  type ProcedureName,
} from '../shared/api/procedure-names';
import type { ApiResult } from '../shared/errors';
import { isAppDocument, type AppOrigin } from './app-origin';
import { callChannel, eventChannel } from '../shared/api/procedure-names';
import { isTrustedSender, type FrameLike } from './security';

const knownProcedures = new Set<string>(procedureNames);
const knownEvents = new Set<string>(eventNames);

/** The members of Electron's IpcMainInvokeEvent the relay reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The members of Electron's ipcMain the relay uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<ApiResult<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

export interface CoreCaller {
  call(name: ProcedureName, input: unknown): Promise<ApiResult<unknown>>;
}

/** The window's webContents, as far as pushing events goes. */
export interface EventTargetLike {
  isDestroyed(): boolean;
  readonly mainFrame: { readonly url: string };
  send(channel: string, ...args: unknown[]): void;
}

export interface CoreEventSource {
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
}

/**
 * One renderer call: refused unless it comes from our main frame and names a known procedure;
 * otherwise core answers it. Refusals are results with a code, like any other failure.
 */
export function relayCall(
  core: CoreCaller,
  app: AppOrigin,
  log: { warn(...values: unknown[]): void } = console,
): (frame: FrameLike | null, name: unknown, input: unknown) => Promise<ApiResult<unknown>> {
  return (frame, name, input) => {
    if (!isTrustedSender(frame, app)) {
      log.warn('[main] IPC refused from', frame?.url ?? 'a closed frame');
      return Promise.resolve({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'untrusted sender' },
      });
    }
    if (typeof name !== 'string' || !knownProcedures.has(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_PROCEDURE', message: `unknown procedure ${String(name)}` },
      });
    }
    return core.call(name as ProcedureName, input);
  };
}

/** Serves the one call channel; returns the function that removes it. */
export function registerIpcRelay(
  ipc: IpcMainLike,
  core: CoreCaller,
  app: AppOrigin,
  log: { warn(...values: unknown[]): void } = console,
): () => void {
  const relay = relayCall(core, app, log);
  ipc.handle(callChannel, (event, name, input) => relay(event.senderFrame, name, input));
  return () => ipc.removeHandler(callChannel);
}

/** Pushes core's events to the window, only known ones and only while it shows our document. */
export function forwardCoreEvents(
  core: CoreEventSource,
  target: () => EventTargetLike | null,
  app: AppOrigin,
): () => void {
  return core.onEvent((event, payload) => {
    if (!knownEvents.has(event)) return;
    const contents = target();
    if (!contents || contents.isDestroyed() || !isAppDocument(contents.mainFrame.url, app)) return;
    contents.send(eventChannel, event, payload);
  });
}
