import type { JoinFailure, OnlineSignIn } from '../../shared/api/procedures/sync.procedures';
import { uuidv7 } from '../../shared/ids/uuidv7';
import type { Db } from '../db/connection';
import { findUserByUsername, readCredential } from '../users/users.repo';
import type { JoinRequest, SyncControl } from './sync-engine';

interface Attempt {
  username: string;
  /** Until the server answered: then signed in there, or why not. */
  outcome: 'working' | 'signed-in' | JoinFailure;
}

/** Enough for one window's sign-in screen; older attempts are forgotten first. */
const keptAttempts = 20;

/**
 * First online sign-ins on this PC, as the sign-in screen follows them. Held in memory beside the
 * sync engine that runs them (one per core): nothing here outlives the process, no password is
 * kept once the engine has used it.
 */
const attemptsOf = new WeakMap<SyncControl, Map<string, Attempt>>();

function attempts(sync: SyncControl): Map<string, Attempt> {
  let found = attemptsOf.get(sync);
  if (!found) {
    found = new Map();
    attemptsOf.set(sync, found);
  }
  return found;
}

/** Registers an attempt; `run` starts it (once the call that asked has committed). */
export function newOnlineSignIn(
  sync: SyncControl,
  request: JoinRequest,
): { attemptId: string; run: () => void } {
  const byId = attempts(sync);
  const attemptId = uuidv7();
  const attempt: Attempt = { username: request.username, outcome: 'working' };
  byId.set(attemptId, attempt);
  for (const id of [...byId.keys()].slice(0, Math.max(0, byId.size - keptAttempts)))
    byId.delete(id);
  const run = () => {
    void sync.joinAndWait(request).then(
      (failure) => (attempt.outcome = failure ?? 'signed-in'),
      () => (attempt.outcome = 'server'),
    );
  };
  return { attemptId, run };
}

/**
 * Where the attempt stands. Signed in at the server is not yet enough: the user's row (with the
 * verifier kept at the sign-in) must be on this PC before the local sign-in can check the password.
 */
export function onlineSignInState(
  sync: SyncControl,
  db: Db,
  attemptId: string,
): OnlineSignIn | null {
  const attempt = attempts(sync).get(attemptId);
  if (!attempt) return null;
  if (attempt.outcome === 'working') return { state: 'working', failure: null };
  if (attempt.outcome !== 'signed-in') return { state: 'failed', failure: attempt.outcome };
  const user = findUserByUsername(db, attempt.username);
  const arrived = user !== null && readCredential(db, user.id) !== null;
  return { state: arrived ? 'ready' : 'fetching', failure: null };
}
