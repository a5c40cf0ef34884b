import type { SyncState } from '../../../../shared/api/procedures/sync.procedures';

/** Where sync stood when the user asked to join, to tell afterwards whether anything changed. */
export interface JoinBaseline {
  state: SyncState;
  lastSyncAt: string | null;
}

/**
 * Core answers `sync:join` at once and signs in to the server afterwards, in a sync run: the run's
 * end (its first state other than `syncing`) says how it went. `states` are the `sync:changed`
 * states since the user submitted, `answeredAt` how many had come when core answered. A run that
 * failed fast may have ended before the answer arrived; it then ended after a `syncing`.
 */
export function joinRunEnd(states: readonly SyncState[], answeredAt: number): SyncState | null {
  const after = states.slice(answeredAt).find((state) => state !== 'syncing');
  if (after) return after;
  const last = states[answeredAt - 1];
  if (
    last !== undefined &&
    last !== 'syncing' &&
    states.slice(0, answeredAt - 1).includes('syncing')
  )
    return last;
  return null;
}

/**
 * Whether the run joined the server. A sign-in refused or unreachable leaves sync as it was: still
 * local only, still signed out, or (signing in again while joined) without a sync since.
 */
export function joinSucceeded(
  before: JoinBaseline,
  after: { state: SyncState; lastSyncAt?: string | null },
): boolean {
  if (after.state === 'local-only' || after.state === 'signed-out') return false;
  if (after.state !== before.state) return true;
  return after.lastSyncAt !== undefined && after.lastSyncAt !== before.lastSyncAt;
}

/** Whether the run's end alone settles it, or the status (its last sync) must be asked. */
export function needsStatusToSettle(before: JoinBaseline, end: SyncState): boolean {
  return end === before.state && end !== 'local-only' && end !== 'signed-out';
}
