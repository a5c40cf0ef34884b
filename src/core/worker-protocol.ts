import type { EventName } from '../shared/api/procedure-names';
import type { Settings } from '../shared/api/procedures/system.procedures';
import type { ApiResult } from '../shared/errors';

/** What main hands the core worker when it starts it. */
export interface CoreWorkerData {
  /** The app's data folder (Electron's userData). */
  dataDir: string;
  /** A better-sqlite3 addon built for Electron's ABI, in development; undefined when packaged. */
  nativeBinding?: string | undefined;
}

/** Messages main sends to the core worker. */
export type ToCoreWorker =
  | { type: 'call'; id: number; name: string; input: unknown }
  /** This PC's settings for main itself (update feed), read without a signed-in session. */
  | { type: 'settings'; id: number }
  | { type: 'shutdown' };

/** Messages the core worker sends back to main. */
export type FromCoreWorker =
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'settings'; id: number; result: ApiResult<Settings> }
  | { type: 'event'; event: EventName; payload: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isToCoreWorker(message: unknown): message is ToCoreWorker {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'call':
      return Number.isSafeInteger(message.id) && typeof message.name === 'string';
    case 'settings':
      return Number.isSafeInteger(message.id);
    case 'shutdown':
      return true;
    default:
      return false;
  }
}

export function isFromCoreWorker(message: unknown): message is FromCoreWorker {
  if (!isRecord(message)) return false;
  switch (message.type) {
    case 'result':
    case 'settings':
      return Number.isSafeInteger(message.id) && isRecord(message.result);
    case 'event':
      return typeof message.event === 'string';
    default:
      return false;
  }
}
