import { useEffect, useState } from 'react';
import type { SyncState, SyncStatus } from '../../../../shared/api/procedures/sync.procedures';
import { useApiQuery } from '../../api/hooks';

export interface SyncDisplay {
  /** Null when core cannot say (not built, failed): the header then shows "local only". */
  status: SyncStatus | null;
  /** What the header shows: background runs shorter than a second never flash "syncing". */
  shown: SyncState;
  /** The last state outside a sync run, for the outage banner, which must not blink on retries. */
  settled: SyncState;
  progress: number | null;
}

const syncingShownAfterMs = 1000;

/** Where this PC stands with the central server, steadied for the header and the banner. */
export function useSyncDisplay(): SyncDisplay {
  // Pushed events keep it current; the interval only refreshes the pending count and the time.
  const query = useApiQuery('sync:status', {}, { refetchInterval: 60_000 });
  const status = query.isError ? null : (query.data ?? null);
  const state = status?.state ?? 'local-only';
  const progress = status?.progress ?? null;

  const [settled, setSettled] = useState<SyncState>(state === 'syncing' ? 'online' : state);
  if (state !== 'syncing' && state !== settled) setSettled(state);

  const [lingering, setLingering] = useState(false);
  useEffect(() => {
    if (state !== 'syncing') {
      setLingering(false);
      return;
    }
    const timer = setTimeout(() => setLingering(true), syncingShownAfterMs);
    return () => clearTimeout(timer);
  }, [state]);

  // During an outage each retry is a short "syncing": the header stays on "offline" until one
  // gets through (progress), or the run ends in another state.
  const retrying = settled === 'offline' && progress === null;
  const shown = state !== 'syncing' ? state : lingering && !retrying ? 'syncing' : settled;
  return { status, shown, settled, progress };
}
