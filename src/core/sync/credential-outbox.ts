import type { SyncDatabase } from './apply-pull';
import {
  countCredentialAttempt,
  refuseCredential,
  sendableCredentials,
  settleCredential,
  unsentOwnCredentialUsers,
  type CredentialEntry,
} from './credential-outbox.repo';
import type { SecretStore } from './secret-store';
import type { SyncControl } from './sync-engine';
import { SyncTransportError, type SyncTransport } from './sync-transport';

export interface CredentialRun {
  target: SyncDatabase;
  serverUrl: string;
  /** The account this PC syncs with, whose token the run already holds. */
  puller: { userId: string; token: string };
  transport: SyncTransport;
  secrets: SecretStore;
  /** The current passwords handed over by own-password changes (`currentPasswordsOf`). */
  currentPasswords: CurrentPasswords;
  now: () => Date;
  /** Throws once the database was closed or replaced while waiting on the network. */
  check: () => void;
}

/** Why an own password is refused here without asking the server. */
export const currentPasswordNeeded = 'CURRENT_PASSWORD_NEEDED';

/**
 * The server takes someone's own new password only with their current one, so a copied device
 * token cannot take the account over. The change hands it over after its commit, and it lives
 * here, in memory only, never on disk: until the server answered the entry, or the session ended.
 * Per user, in the order handed over: a second change made before the first went out still goes
 * with the password the server knows, the first's current one.
 */
export class CurrentPasswords {
  private readonly held = new Map<string, string[]>();

  hold(userId: string, password: string): void {
    const list = this.held.get(userId) ?? [];
    list.push(password);
    this.held.set(userId, list);
  }

  /** The password the server should hold for the user, and how many were handed over so far. */
  take(userId: string): { password: string; count: number } | null {
    const list = this.held.get(userId);
    return list?.[0] === undefined ? null : { password: list[0], count: list.length };
  }

  /**
   * The server answered an entry sent with `take`'s first `count` passwords held: those are spent.
   * One handed over meanwhile (the password changed again while it travelled) is what comes next.
   */
  spend(userId: string, count: number): void {
    const rest = (this.held.get(userId) ?? []).slice(count);
    if (rest.length > 0) this.held.set(userId, rest);
    else this.held.delete(userId);
  }

  /** Keeps only the users whose own password still waits here. */
  keepOnly(userIds: ReadonlySet<string>): void {
    for (const userId of [...this.held.keys()]) if (!userIds.has(userId)) this.held.delete(userId);
  }

  clear(): void {
    this.held.clear();
  }
}

const currentPasswordsBySync = new WeakMap<SyncControl, CurrentPasswords>();

export function currentPasswordsOf(sync: SyncControl): CurrentPasswords {
  let found = currentPasswordsBySync.get(sync);
  if (!found) {
    found = new CurrentPasswords();
    currentPasswordsBySync.set(sync, found);
  }
  return found;
}

/** Called by the own-password change after its commit, with the password it checked. */
export function holdCurrentPassword(sync: SyncControl, userId: string, password: string): void {
  currentPasswordsOf(sync).hold(userId, password);
}

/** The session ended (signed out): no password handed over stays in memory. */
export function forgetCurrentPasswords(sync: SyncControl): void {
  currentPasswordsBySync.get(sync)?.clear();
}

/**
 * Hands the passwords set on this PC to the server, after the push (a new user's row must be
 * there first), each with the token of whoever set it. An entry goes only once the server answered
 * it; a refusal stays with its reason for administrators and is not sent again until the password
 * is set again; a server out of reach leaves everything for a later run (which backs off).
 */
export async function sendCredentialOutbox(run: CredentialRun): Promise<void> {
  const { target, puller } = run;
  for (const { userId } of sendableCredentials(target.db)) {
    run.check();
    const [entry] = sendableCredentials(target.db, userId);
    if (!entry) continue;
    const own = isOwn(entry);
    const current = own ? run.currentPasswords.take(entry.userId) : null;
    // Never sent without it: refused here once the server has answered this run.
    if (own && current === null) continue;
    const token =
      entry.setBy === puller.userId ? puller.token : await run.secrets.readToken(entry.setBy);
    // Set by someone who never signed in online here: it waits with their other work.
    if (token === null) continue;
    try {
      const answer = await run.transport.putCredential(run.serverUrl, token, entry.userId, {
        verifier: entry.hash,
        setAt: entry.setAt,
        ...(current ? { currentPassword: current.password } : {}),
      });
      run.check();
      transaction(target, () => settleCredential(target.db, entry, answer.body.stored));
      if (current) run.currentPasswords.spend(entry.userId, current.count);
    } catch (error) {
      run.check();
      if (!(error instanceof SyncTransportError)) throw error;
      if (!(await settleFailure(run, entry, current?.count ?? 0, error))) return;
    }
  }
}

/**
 * After a run whose pull reached the server: someone's own password whose current one is not in
 * memory any more (the app was restarted before it went out) is refused here, never sent without
 * it. Like any refusal it no longer opens this PC: its owner signs in with the password the server
 * still holds (the server can be reached now) and changes it again.
 */
export function refuseOwnWithoutCurrentPassword(
  target: SyncDatabase,
  currentPasswords: CurrentPasswords,
  now: Date,
): void {
  transaction(target, () => {
    for (const entry of sendableCredentials(target.db)) {
      if (isOwn(entry) && currentPasswords.take(entry.userId) === null)
        refuseCredential(target.db, entry, currentPasswordNeeded, now);
    }
  });
  // Replaced by an administrator's reset, or refused: nothing to hold a password for any more.
  currentPasswords.keepOnly(unsentOwnCredentialUsers(target.db));
}

function isOwn(entry: CredentialEntry): boolean {
  return entry.setBy === entry.userId;
}

/** Acts on a failed send; false ends this run's sending (the server is out of reach). */
async function settleFailure(
  run: CredentialRun,
  entry: CredentialEntry,
  passwordsSent: number,
  error: SyncTransportError,
): Promise<boolean> {
  const { target } = run;
  if (error.failure === 'update-required') throw error;
  const tokenRefused = error.status === 401;
  if (tokenRefused && entry.setBy === run.puller.userId) throw error;
  if (tokenRefused) {
    // That account's token was revoked: what it set waits until it signs in online again.
    await run.secrets.writeToken(entry.setBy, null);
    return true;
  }
  // Out of reach, busy (or holding a name after wrong passwords), failing, or answering outside
  // the protocol: a later run sends it again.
  if (error.failure === 'offline' || error.status === null || error.status < 400) {
    transaction(target, () => countCredentialAttempt(target.db, entry));
    return false;
  }
  // Refused for what it is (forbidden, unknown user, not a verifier, a wrong current password):
  // not worth sending again.
  transaction(target, () =>
    refuseCredential(target.db, entry, error.code ?? `HTTP_${error.status}`, run.now()),
  );
  if (passwordsSent > 0) run.currentPasswords.spend(entry.userId, passwordsSent);
  return true;
}

function transaction<T>(target: SyncDatabase, work: () => T): T {
  return target.db.transaction(work).immediate();
}
