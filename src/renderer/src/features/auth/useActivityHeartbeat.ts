import { useEffect } from 'react';
import { call } from '../../api/call';

const heartbeatEveryMs = 30_000;

/**
 * Tells core the user is active (keyboard, mouse) at most every 30 s. Core decides when to lock:
 * a window left open is locked even if this code never runs again.
 */
export function useActivityHeartbeat(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < heartbeatEveryMs) return;
      last = now;
      void call('session:heartbeat', {}).catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, []);
}
