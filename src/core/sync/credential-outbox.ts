import type { SyncDatabase } from './apply-pull';
import {
  countCredentialAttempt,
  refuseCredential,
  sendableCredentials,
  settleCredential,
  type CredentialEntry,
} from './credential-outbox.repo';
import type { SecretStore } from './secret-store';
import { SyncTransportError, type SyncTransport } from './sync-transport';

export interface CredentialRun {
  target: SyncDatabase;
  serverUrl: string;
  /** The account this PC syncs with, whose token the run already holds. */
  puller: { userId: string; token: string };
  transport: SyncTransport;
  secrets: SecretStore;
  now: () => Date;
  /** Throws once the database was closed or replaced while waiting on the network. */
  check: () => void;
}

/**
 * Hands the passwords set on this PC to the server, after the push (a new user's row must be
 * there first), each with the token of whoever set it. An entry goes only once the server answered
 * it; a refusal stays with its reason for administrators and is not sent again until the password
 * is set again; a server out of reach leaves everything for a later run (which backs off).
 */
export async function sendCredentialOutbox(run: CredentialRun): Promise<void> {
  const { target, puller } = run;
  for (const entry of sendableCredentials(target.db)) {
    const token =
      entry.setBy === puller.userId ? puller.token : await run.secrets.readToken(entry.setBy);
    // Set by someone who never signed in online here: it waits with their other work.
    if (token === null) continue;
    try {
      const answer = await run.transport.putCredential(run.serverUrl, token, entry.userId, {
        verifier: entry.hash,
        setAt: entry.setAt,
      });
      run.check();
      transaction(target, () => settleCredential(target.db, entry, answer.body.stored));
    } catch (error) {
      run.check();
      if (!(error instanceof SyncTransportError)) throw error;
      if (!(await settleFailure(run, entry, error))) return;
    }
  }
}

/** Acts on a failed send; false ends this run's sending (the server is out of reach). */
async function settleFailure(
  run: CredentialRun,
  entry: CredentialEntry,
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
  // Out of reach, busy, failing, or answering outside the protocol: a later run sends it again.
  if (error.failure === 'offline' || error.status === null || error.status < 400) {
    transaction(target, () => countCredentialAttempt(target.db, entry));
    return false;
  }
  // Refused for what it is (forbidden, unknown user, not a verifier): not worth sending again.
  transaction(target, () =>
    refuseCredential(target.db, entry, error.code ?? `HTTP_${error.status}`, run.now()),
  );
  return true;
}

function transaction<T>(target: SyncDatabase, work: () => T): T {
  return target.db.transaction(work).immediate();
}
