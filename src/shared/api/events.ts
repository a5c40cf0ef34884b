import type { EventName } from './procedure-names';

export interface EventPayloads {
  /** Tables written by a committed mutation, so the renderer refetches what shows them. */
  'data:changed': { tables: string[] };
  /** Long work (backup, restore, later sync and import). */
  progress: { task: string; done: number; total: number };
  /** The session was locked, unlocked, signed in or out by core (e.g. the inactivity lock). */
  'session:changed': {
    reason: 'locked' | 'signed-out' | 'signed-in' | 'unlocked' | 'restored' | 'damaged';
  };
}

export type EventPayload<E extends EventName> = EventPayloads[E];
