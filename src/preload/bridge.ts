import {
  eventNames,
  procedureNames,
  type EventName,
  type ProcedureName,
} from '../shared/api/procedure-names';

export { callChannel, eventChannel } from '../shared/api/procedure-names';

export type Invoke = (name: ProcedureName, input: unknown) => Promise<unknown>;
/** Registers the one listener for events pushed by main. */
export type Listen = (deliver: (event: unknown, payload: unknown) => void) => void;

export type PreloadApi = { [N in ProcedureName]: (input: unknown) => Promise<unknown> } & {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
};

const knownEvents = new Set<string>(eventNames);

/**
 * `window.api`: one function per procedure name and `on` for pushed events, nothing else. The page
 * never sees IPC itself, only payloads, and can subscribe only to events the contract names.
 */
export function buildBridge(invoke: Invoke, listen: Listen): PreloadApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  listen((event, payload) => {
    if (typeof event !== 'string' || !knownEvents.has(event)) return;
    for (const listener of listeners.get(event as EventName) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        console.error('[preload] event listener failed', error);
      }
    }
  });

  const api: Record<string, unknown> = {};
  for (const name of procedureNames) {
    api[name] = (input: unknown) => invoke(name, input);
  }
  api.on = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !knownEvents.has(event)) {
      throw new TypeError(`unknown event ${String(event)}`);
    }
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const typed = listener as (payload: unknown) => void;
    const set = listeners.get(event as EventName) ?? new Set();
    listeners.set(event as EventName, set);
    set.add(typed);
    return () => {
      set.delete(typed);
    };
  };
  return api as PreloadApi;
}
