import type { EventName } from './procedure-names';
import type { SyncState } from './procedures/sync.procedures';

export interface EventPayloads {
  /** Tables written by a committed mutation, so the renderer refetches what shows them. */
  'data:changed': { tables: string[] };
  /** Long work (backup, restore, later sync and import). */
  progress: { task: string; done: number; total: number };
  /** The session was locked, unlocked, signed in or out by core (e.g. the inactivity lock). */
  'session:changed': {
    reason: 'locked' | 'signed-out' | 'signed-in' | 'unlocked' | 'restored' | 'damaged';
  };
  /** Sync's state moved (online, offline, syncing with progress...): the header shows it. */
  'sync:changed': { state: SyncState; progress: number | null };
}

export type EventPayload<E extends EventName> = EventPayloads[E];
