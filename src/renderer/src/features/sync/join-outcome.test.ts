import { describe, expect, it } from 'vitest';
import { joinRunEnd, joinSucceeded, needsStatusToSettle } from './join-outcome';

describe('joinRunEnd', () => {
  it('waits for the run to end after core answered', () => {
    expect(joinRunEnd(['syncing'], 1)).toBeNull();
    expect(joinRunEnd(['syncing', 'syncing'], 1)).toBeNull();
    expect(joinRunEnd(['syncing', 'syncing', 'online'], 1)).toBe('online');
  });

  it('takes a run that ended before the answer arrived (a refused password is quick)', () => {
    expect(joinRunEnd(['syncing', 'local-only'], 2)).toBe('local-only');
  });

  it('does not take the end of a run that started before the user submitted', () => {
    expect(joinRunEnd(['online'], 1)).toBeNull();
    expect(joinRunEnd(['online', 'syncing', 'online'], 1)).toBe('online');
  });
});

describe('joinSucceeded', () => {
  const never = { state: 'local-only', lastSyncAt: null } as const;
  const joined = { state: 'online', lastSyncAt: '2026-03-05T09:00:00.000Z' } as const;

  it('fails when sync stays local only or signed out', () => {
    expect(joinSucceeded(never, { state: 'local-only' })).toBe(false);
    expect(joinSucceeded({ state: 'signed-out', lastSyncAt: null }, { state: 'signed-out' })).toBe(
      false,
    );
  });

  it('succeeds when this PC is now with a server, reachable or not', () => {
    expect(joinSucceeded(never, { state: 'online' })).toBe(true);
    expect(joinSucceeded(never, { state: 'offline' })).toBe(true);
    expect(joinSucceeded({ state: 'signed-out', lastSyncAt: null }, { state: 'online' })).toBe(
      true,
    );
  });

  it('signing in again while joined counts only with a sync since', () => {
    expect(needsStatusToSettle(joined, 'online')).toBe(true);
    expect(needsStatusToSettle(never, 'local-only')).toBe(false);
    expect(joinSucceeded(joined, { state: 'online', lastSyncAt: joined.lastSyncAt })).toBe(false);
    expect(joinSucceeded(joined, { state: 'online', lastSyncAt: '2026-03-05T10:00:00.000Z' })).toBe(
      true,
    );
    expect(joinSucceeded(joined, { state: 'online' })).toBe(false);
  });
});
