import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared/api/events';
import type { InputOf } from '../../../../shared/api/contract';
import type { SyncState } from '../../../../shared/api/procedures/sync.procedures';
import { call } from '../../api/call';
import { useApiMutation } from '../../api/hooks';
import { joinRunEnd, joinSucceeded, needsStatusToSettle, type JoinBaseline } from './join-outcome';

/** `waiting` from submit until the sign-in and the first pull have run; `failed` if sync is unmoved. */
export type JoinPhase = 'idle' | 'waiting' | 'joined' | 'failed';

interface Watch {
  baseline: JoinBaseline;
  states: SyncState[];
  answeredAt: number | null;
  settled: boolean;
}

async function settleJoin(baseline: JoinBaseline, end: SyncState): Promise<boolean> {
  if (!needsStatusToSettle(baseline, end)) return joinSucceeded(baseline, { state: end });
  try {
    return joinSucceeded(baseline, await call('sync:status', {}));
  } catch {
    return false;
  }
}

/**
 * Joins a server and follows the run that core starts for it through `sync:changed`, since core
 * answers before signing in there. The answer's own error (fields, a refusal) comes first.
 */
export function useJoinServer(baseline: JoinBaseline, onJoined?: () => void) {
  const join = useApiMutation('sync:join');
  const [phase, setPhase] = useState<JoinPhase>('idle');
  const [latest, setLatest] = useState<EventPayload<'sync:changed'> | null>(null);
  const watch = useRef<Watch | null>(null);
  const joined = useRef(onJoined);
  joined.current = onJoined;

  const finish = useCallback((current: Watch, ok: boolean) => {
    if (watch.current !== current) return;
    setPhase(ok ? 'joined' : 'failed');
    if (ok) joined.current?.();
  }, []);

  const decide = useCallback(() => {
    const current = watch.current;
    if (!current || current.settled || current.answeredAt === null) return;
    const end = joinRunEnd(current.states, current.answeredAt);
    if (end === null) return;
    current.settled = true;
    void settleJoin(current.baseline, end).then((ok) => finish(current, ok));
  }, [finish]);

  useEffect(
    () =>
      window.api.on('sync:changed', (payload) => {
        const current = watch.current;
        if (!current || current.settled) return;
        current.states.push(payload.state);
        setLatest(payload);
        decide();
      }),
    [decide],
  );

  const submit = (input: InputOf<'sync:join'>, onAnswered: () => void) => {
    const current: Watch = { baseline, states: [], answeredAt: null, settled: false };
    watch.current = current;
    setLatest(null);
    setPhase('waiting');
    join.mutate(input, {
      onSuccess: (status) => {
        onAnswered();
        if (status.state !== 'syncing') {
          // A core that signs in before answering: an answer without an error is the outcome.
          current.settled = true;
          finish(current, true);
          return;
        }
        current.answeredAt = current.states.length;
        decide();
      },
      onError: () => {
        onAnswered();
        watch.current = null;
        setPhase('idle');
      },
    });
  };

  return { submit, phase, latest, error: join.error };
}
