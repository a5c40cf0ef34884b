import { useCallback, useEffect, useRef, useState } from 'react';
import type { JoinFailure } from '../../../../shared/api/procedures/sync.procedures';
import { call } from '../../api/call';

/** Why a first online sign-in did not end in a local one: the server's word, or the account late. */
export type OnlineSignInFailure = JoinFailure | 'not-arrived';

export type OnlineSignInPhase =
  | { kind: 'idle' }
  | { kind: 'working' | 'fetching' }
  | { kind: 'failed'; failure: OnlineSignInFailure };

const pollEveryMs = 400;
/** A first pull of a large commune takes a while; past this the user is told to try again. */
const giveUpAfterMs = 120_000;

/**
 * A colleague's first sign-in on a joined PC (core said ONLINE_SIGN_IN_REQUIRED): core signs in at
 * the server and pulls their account; this follows it until the local sign-in can check the
 * password. Resolves true when it can, false otherwise (the phase then says why).
 */
export function useOnlineSignIn() {
  const [phase, setPhase] = useState<OnlineSignInPhase>({ kind: 'idle' });
  // A newer attempt, or leaving the screen, ends the polling of the older one.
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  const start = useCallback(async (username: string, password: string): Promise<boolean> => {
    const mine = ++generation.current;
    const current = () => generation.current === mine;
    setPhase({ kind: 'working' });
    try {
      const { attemptId } = await call('sync:signInOnline', { username, password });
      const started = performance.now();
      while (current()) {
        const state = await call('sync:onlineSignIn', { attemptId });
        if (!current()) return false;
        if (state.state === 'ready') {
          setPhase({ kind: 'idle' });
          return true;
        }
        if (state.state === 'failed') {
          setPhase({ kind: 'failed', failure: state.failure ?? 'server' });
          return false;
        }
        if (performance.now() - started > giveUpAfterMs) {
          setPhase({ kind: 'failed', failure: 'not-arrived' });
          return false;
        }
        setPhase({ kind: state.state });
        await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      }
      return false;
    } catch {
      if (current()) setPhase({ kind: 'failed', failure: 'server' });
      return false;
    }
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    setPhase({ kind: 'idle' });
  }, []);

  return { phase, start, reset };
}
