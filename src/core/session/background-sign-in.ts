import { statement, type Db } from '../db/connection';
import type { SyncControl } from '../sync/sync-engine';
import { readSyncState } from '../sync/sync-state.repo';
import type { TransportFailure } from '../sync/sync-transport';
import type { SessionState } from './session-state';

/**
 * Someone signed in here only locally (an administrator created their account on this PC, or they
 * signed in before it joined) holds no device token, so their changes could never go out: after
 * their local sign-in, sync signs them in at the server with the password just typed, as joining
 * does for another account of the same server (the account this PC pulls with stays, unless its
 * token is gone). Guards for the server's per-username lockout:
 * - never while a password set here for them is unsent: the server may not know it yet. That
 *   includes one they set themself, although it can only go with their own token: the password
 *   just typed is that very one, so the server would only count a failure against their name;
 *   signing in with the server's password ("sign in with the server") breaks that circle;
 * - one answer per session: a refused password is not tried again while this app runs (keyed by
 *   the local verifier it matched, so a new password here is tried afresh). Only a try the server
 *   did not answer is repeated, after a later run that reached it, `maxUnanswered` tries at most.
 * The password stays in memory, in this object only, until the server has answered or the session
 * ends; nothing of it is written anywhere.
 */

const maxUnanswered = 3;

interface Pending {
  userId: string;
  username: string;
  password: string;
  /** The local verifier the password matched: what a refusal is remembered by. */
  verifier: string;
  session: SessionState;
  trying: boolean;
  /** Tries the server did not answer; each is repeated at the end of a later run. */
  unanswered: number;
}

interface BackgroundSignIns {
  pending: Pending | null;
  refused: Set<string>;
}

const stateOf = new WeakMap<SyncControl, BackgroundSignIns>();

function stateFor(sync: SyncControl): BackgroundSignIns {
  let found = stateOf.get(sync);
  if (!found) {
    const created: BackgroundSignIns = { pending: null, refused: new Set() };
    sync.afterEachRun((db) => offer(sync, created, db));
    stateOf.set(sync, created);
    found = created;
  }
  return found;
}

function refusalKey(userId: string, verifier: string): string {
  return `${userId}\n${verifier}`;
}

/**
 * After a successful local sign-in on a joined PC (`verifier` is the local verifier the password
 * matched). Does nothing if the account holds a token here or this password was refused already.
 */
export function signInOnlineInBackground(
  sync: SyncControl,
  session: SessionState,
  user: { id: string; username: string },
  password: string,
  verifier: string,
): void {
  const state = stateFor(sync);
  state.pending = null;
  if (state.refused.has(refusalKey(user.id, verifier))) return;
  const pending: Pending = {
    userId: user.id,
    username: user.username,
    password,
    verifier,
    session,
    trying: false,
    unanswered: 0,
  };
  state.pending = pending;
  void sync.hasToken(user.id).then(
    (holds) => {
      if (state.pending !== pending) return;
      if (holds) state.pending = null;
      // A run first sends what waits (their account, their password), then offers the sign-in.
      else sync.syncSoon();
    },
    () => {
      if (state.pending === pending) state.pending = null;
    },
  );
}

/** The session ended: the password goes with it. */
export function forgetBackgroundSignIn(sync: SyncControl): void {
  const state = stateOf.get(sync);
  if (state) state.pending = null;
}

/** After each sync run: signs the pending account in, if nothing makes it wait. */
function offer(sync: SyncControl, state: BackgroundSignIns, db: Db): void {
  const pending = state.pending;
  if (!pending || pending.trying) return;
  if (pending.session.current()?.id !== pending.userId) {
    state.pending = null;
    return;
  }
  if (passwordUnsent(db, pending.userId)) return;
  const stored = readSyncState(db);
  if (stored.serverUrl === null) {
    state.pending = null;
    return;
  }
  // This run did not reach the server: a sign-in would not either.
  if (stored.state === 'offline' || stored.state === 'update-required') return;
  pending.trying = true;
  const request = {
    serverUrl: stored.serverUrl,
    username: pending.username,
    password: pending.password,
  };
  const settle = (failure: TransportFailure | null) => {
    pending.trying = false;
    if (state.pending !== pending) return;
    if (failure === 'offline' && ++pending.unanswered < maxUnanswered) return;
    if (failure === 'invalid-credentials' || failure === 'revoked')
      state.refused.add(refusalKey(pending.userId, pending.verifier));
    state.pending = null;
  };
  void sync.joinAndWait(request).then(settle, () => settle('server'));
}

/** A password set here for them that the server has not answered yet (refused ones do not wait). */
function passwordUnsent(db: Db, userId: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM credential_outbox WHERE user_id = ? AND last_error IS NULL').get(
      userId,
    ) !== undefined
  );
}
