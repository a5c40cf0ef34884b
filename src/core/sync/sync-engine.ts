import { hostname } from 'node:os';
import type { EventPayloads } from '../../shared/api/events';
import type { SessionUser } from '../../shared/api/procedures/session.procedures';
import type { SyncState, SyncStatus } from '../../shared/api/procedures/sync.procedures';
import { formatStamp } from '../../shared/sync/hlc';
import {
  maxPullBatch,
  maxPushBatch,
  maxReaderTokens,
  type SyncChange,
} from '../../shared/sync/protocol';
import { statement, type Db } from '../db/connection';
import { hashPassword } from '../session/passwords';
import { writeCredential } from '../users/users.repo';
import {
  applyPulledChanges,
  applyPulledRows,
  type ApplyOptions,
  retryParkedForSchema,
  type ApplyOutcome,
  type SyncDatabase,
} from './apply-pull';
import {
  currentPasswordsOf,
  refuseOwnWithoutCurrentPassword,
  sendCredentialOutbox,
} from './credential-outbox';
import {
  markSearchDeferred,
  rebuildSearchStep,
  searchIndexes,
  searchRebuildDue,
  shouldDeferSearch,
  withSearchDeferred,
} from './deferred-search';
import { transferFiles } from './file-transfers';
import { owedBackfill, pulledCellsOf, refreshPullScope } from './pull-scope';
import { conflictCellsOf } from './significant-columns';
import { DatabaseSecretStore, type SecretStore } from './secret-store';
import {
  fitsProtocol,
  pendingBatch,
  pendingCount,
  rejectLocally,
  restampFutureChanges,
  settlePushResults,
} from './push-changes';
import {
  readSyncState,
  syncCounts,
  updateSyncState,
  type StoredSyncState,
} from './sync-state.repo';
import {
  cellCount,
  SyncTransport,
  SyncTransportError,
  type FetchLike,
  type PulledCells,
  type PullCredentials,
  type Timed,
  type TransportFailure,
} from './sync-transport';

/** What the engine needs from core: the open database, the wall clock, events, the session. */
export interface SyncHost {
  /** The open database with its clock and device id; null while closed, damaged or replaced. */
  database(): SyncDatabase | null;
  wallClock(): number;
  /** The data folder: attachment files live under its files/ (core/files/file-store.ts). */
  readonly dataDir: string;
  emit<E extends 'sync:changed' | 'data:changed'>(event: E, payload: EventPayloads[E]): void;
  /** Pulled rows changed users: the signed-in user's roles or activity may have moved. */
  usersChanged(): void;
  /**
   * Replaces the clock by one that last issued `last`: after this PC's clock ran ahead, stamps
   * start again from corrected time (an HLC never goes back by itself).
   */
  rewindClock(last: string | null): void;
}

export interface SyncEngineOptions {
  /** Where the device token is kept; by default the local database (sync_state). */
  secrets?: SecretStore | undefined;
  fetch?: FetchLike | undefined;
  /** Runs on a timer and soon after local changes; null leaves every run to explicit calls. */
  background?: { intervalMs: number; afterChangeMs: number } | null | undefined;
  /** Changes asked for per pull; tests lower it to cross batch boundaries. */
  pullLimit?: number | undefined;
  deviceName?: string | undefined;
}

export interface JoinRequest {
  serverUrl: string;
  username: string;
  password: string;
}

/** What handlers ask of sync (ctx.services.sync). */
export interface SyncControl {
  status(db: Db, viewer: SessionUser | null): SyncStatus;
  /** Signs in to the server in the background, then syncs; status says 'syncing' meanwhile. */
  join(request: JoinRequest): void;
  /** As `join`, resolving once that run is over: why signing in there failed, or null. */
  joinAndWait(request: JoinRequest): Promise<TransportFailure | null>;
  /** Whether this PC holds a device token for that account (its changes can go out). */
  hasToken(userId: string): Promise<boolean>;
  /**
   * Calls `listener` with the open database after each run's sync, inside the run: a join it
   * asks for then runs before the run ends. Returns how to stop listening.
   */
  afterEachRun(listener: (db: Db) => void): () => void;
  /** Starts a run now (backoff or not), unless one is going, in which case another follows. */
  syncSoon(): void;
}

/** Who sees every refused change of this PC; others see their own. */
function seesAllRejections(viewer: SessionUser | null): boolean {
  return viewer?.roles.some((role) => ['admin', 'head', 'director'].includes(role)) ?? false;
}

const firstRetryMs = 5_000;
/** Stamps up to this far ahead of corrected time are left alone when restamping. */
const restampSlackMs = 60_000;
const longestRetryMs = 5 * 60_000;
/** WAL pages between checkpoints during a first pull (SQLite's default is 1,000): 80 MB. */
const firstPullCheckpointPages = 20_000;
/** The page cache during a first pull, in KiB (negative, as SQLite takes it): 32 MB. */
const firstPullCacheSize = -32_768;

class RunAborted extends Error {}

/**
 * The client side of sync (DESIGN.md, Sync): push the pending changes, then pull from the cursor.
 * Network waits are asynchronous and each batch's database work is one short transaction, so
 * calls keep being answered while it runs; runs never overlap. Any failure leaves the database
 * consistent: a change is pending until its acceptance is committed, a cursor moves only with the
 * batch it ends, so a run killed anywhere resumes where it stood.
 */
export class SyncEngine implements SyncControl {
  private running: Promise<void> | null = null;
  private again = false;
  private pendingJoin: JoinRequest | null = null;
  private progress: number | null = null;
  private failures = 0;
  private retryAt = 0;
  /** The server wants a newer app: no run until this app is updated (restarted). */
  private halted = false;
  private stopped = false;
  /** The puller's token is kept but cannot be read at this start (safeStorage not ready). */
  private tokenUnreadable = false;
  private offsetMs: number | null = null;
  private readonly secrets: SecretStore;
  private readonly transport: SyncTransport;
  private readonly pullLimit: number;
  private readonly deviceName: string;
  private timer: ReturnType<typeof setInterval> | null = null;
  private soon: ReturnType<typeof setTimeout> | null = null;
  private readonly runListeners = new Set<(db: Db) => void>();
  /** Why the last join failed (for logs; the contract has no field for it yet). */
  lastJoinFailure: TransportFailure | null = null;

  constructor(
    private readonly host: SyncHost,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.secrets = options.secrets ?? new DatabaseSecretStore(() => host.database()?.db ?? null);
    this.transport = new SyncTransport({ fetch: options.fetch }, () => host.wallClock());
    this.pullLimit = options.pullLimit ?? maxPullBatch;
    this.deviceName = (options.deviceName ?? safeHostname()).slice(0, 80);
    if (options.background) {
      this.timer = setInterval(() => this.tick(), options.background.intervalMs);
      this.timer.unref?.();
    }
  }

  /** Once the database is open (start, restore): the learnt clock offset, parked cells. */
  attach(): void {
    const target = this.host.database();
    if (!target) return;
    const state = readSyncState(target.db);
    this.offsetMs = state.offsetMs;
    target.clock.setOffset(state.offsetMs);
    const seen = statement(target.db, 'SELECT seen_hlc FROM sync_state WHERE id = 1').get() as {
      seen_hlc: string | null;
    };
    if (seen.seen_hlc !== null) {
      try {
        target.clock.receive(seen.seen_hlc);
      } catch (error) {
        console.error('[sync] last pulled stamp not merged into the clock', error);
      }
    }
    const outcome = target.db
      .transaction(() => retryParkedForSchema(target, this.now()))
      .immediate();
    if (outcome.tables.size > 0) this.host.emit('data:changed', { tables: [...outcome.tables] });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
  }

  status(db: Db, viewer: SessionUser | null): SyncStatus {
    const stored = readSyncState(db);
    const counts = syncCounts(
      db,
      seesAllRejections(viewer) ? null : (viewer?.id ?? ''),
      conflictCellsOf(viewer?.roles ?? []),
    );
    return {
      state: this.running ? 'syncing' : this.tokenUnreadable ? 'signed-out' : stored.state,
      serverUrl: stored.serverUrl,
      lastSyncAt: stored.lastSyncAt,
      pending: counts.pending,
      progress: this.running ? this.progress : null,
      rejections: counts.rejections,
      conflicts: counts.conflicts,
      joinFailure: this.lastJoinFailure,
    };
  }

  join(request: JoinRequest): void {
    this.pendingJoin = request;
    void this.kick();
  }

  async joinAndWait(request: JoinRequest): Promise<TransportFailure | null> {
    this.join(request);
    await this.idle();
    // Never tried (sync stopped): not an earlier attempt's outcome.
    return this.pendingJoin === request ? 'offline' : this.lastJoinFailure;
  }

  async hasToken(userId: string): Promise<boolean> {
    return (await this.secrets.tokenHolders()).includes(userId);
  }

  afterEachRun(listener: (db: Db) => void): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  syncSoon(): void {
    this.retryAt = 0;
    void this.kick();
  }

  /** Runs (or joins the run going) and resolves once sync is idle: for tests and shutdown. */
  runNow(): Promise<void> {
    this.retryAt = 0;
    return this.kick();
  }

  /** Resolves once no run is going. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** A local change was committed: sync it soon (debounced, and not while backing off). */
  noteLocalChange(): void {
    const background = this.options.background;
    if (!background || this.stopped) return;
    if (this.soon) clearTimeout(this.soon);
    this.soon = setTimeout(() => this.tick(), background.afterChangeMs);
    this.soon.unref?.();
  }

  private tick(): void {
    if (this.stopped || this.running || this.halted || performance.now() < this.retryAt) return;
    const target = this.host.database();
    if (!target) return;
    const state = readSyncState(target.db);
    if (state.serverUrl === null || state.state === 'signed-out') return;
    void this.kick();
  }

  private kick(): Promise<void> {
    // Waiting for an app update: only a new join (which may find an updated server) runs.
    if ((this.halted && !this.pendingJoin) || this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.idle();
    }
    // The loop starts on the next microtask, once `running` says a run is going.
    const run = Promise.resolve()
      .then(() => this.loop())
      .catch((error: unknown) => console.error('[sync] run failed', error))
      .finally(() => {
        this.running = null;
        this.progress = null;
        this.emitState();
        // A request that came in while the last turn was ending.
        if ((this.again || this.pendingJoin) && !this.stopped) void this.kick();
      });
    this.running = run;
    this.emitState();
    return run.then(() => this.idle());
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const join = this.pendingJoin;
      this.pendingJoin = null;
      if (join && !(await this.joinOnce(join))) continue;
      await this.syncOnce();
      this.tellRunListeners();
    } while ((this.again || this.pendingJoin) && !this.stopped);
  }

  private tellRunListeners(): void {
    const target = this.host.database();
    if (!target || this.stopped) return;
    for (const listener of this.runListeners) {
      try {
        listener(target.db);
      } catch (error) {
        console.error('[sync] run listener failed', error);
      }
    }
  }

  private async joinOnce(request: JoinRequest): Promise<boolean> {
    const target = this.host.database();
    if (!target) return false;
    this.progress = null;
    try {
      const answer = await this.transport.signIn(request.serverUrl, {
        username: request.username,
        password: request.password,
        deviceId: target.deviceId,
        deviceName: this.deviceName,
      });
      this.assertSame(target);
      this.learnOffset(target, answer);
      // The verifier for offline sign-in, as session sign-in keeps it (argon2id).
      const verifier = hashPassword(request.password);
      const user = answer.body.user;
      const previous = readSyncState(target.db);
      const sameServer = previous.serverUrl === request.serverUrl;
      // Another server's accounts mean nothing here.
      if (!sameServer) await this.secrets.clear();
      await this.secrets.writeToken(user.id, answer.body.token);
      // The first account to join pulls, as long as its token lasts; the others' tokens come
      // along, so the PC receives what any of them may read (pull-scope.ts).
      const puller =
        sameServer &&
        previous.serverUserId !== null &&
        (await this.secrets.readToken(previous.serverUserId)) !== null
          ? previous.serverUserId
          : user.id;
      this.assertSame(target);
      this.transaction(target, () => {
        updateSyncState(target.db, {
          serverUrl: request.serverUrl,
          serverUserId: puller,
          // Another server's cursor means nothing here either: start from its snapshot, which
          // covers what this account may read.
          ...(sameServer
            ? { cursor: previous.cursor }
            : { cursor: null, pulledCells: pulledCellsOf(user.roles) }),
          state: 'online',
          offsetMs: this.offsetMs ?? 0,
        });
        statement(
          target.db,
          `INSERT INTO sync_verifiers (user_id, hash) VALUES (?, ?)
           ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash`,
        ).run(user.id, verifier);
        keepVerifiersOnceUsersArrived(target.db, this.now());
      });
      this.halted = false;
      this.failures = 0;
      this.retryAt = 0;
      this.lastJoinFailure = null;
      return true;
    } catch (error) {
      this.lastJoinFailure = error instanceof SyncTransportError ? error.failure : 'server';
      if (!(error instanceof SyncTransportError || error instanceof RunAborted))
        console.error('[sync] join failed', error);
      return false;
    }
  }

  private async syncOnce(): Promise<void> {
    const target = this.host.database();
    if (!target || this.halted) return;
    const state = readSyncState(target.db);
    if (state.serverUrl === null || state.state === 'signed-out') return;
    const puller = state.serverUserId;
    const token = puller === null ? null : await this.secrets.readToken(puller);
    if (puller === null || token === null) {
      // Kept but unreadable at this start (safeStorage not up yet; the store logs it once): the
      // state stays as it was, so the next start, which may read it, syncs again.
      // Until then the header says signed out (not stored): someone may sign in online again.
      if (puller !== null && (await this.secrets.tokenHolders()).includes(puller)) {
        this.tokenUnreadable = true;
        return;
      }
      this.setStoredState(target, 'signed-out');
      return;
    }
    this.tokenUnreadable = false;
    this.progress = 0;
    this.emitState();
    const currentPasswords = currentPasswordsOf(this);
    try {
      await this.pushAll(target, state.serverUrl, { userId: puller, token });
      await sendCredentialOutbox({
        target,
        serverUrl: state.serverUrl,
        puller: { userId: puller, token },
        transport: this.transport,
        secrets: this.secrets,
        currentPasswords,
        now: () => this.now(),
        check: () => this.assertSame(target),
      });
      const readers = await this.readerTokens(puller);
      this.transaction(target, () => refreshPullScope(target.db, [puller, ...readers.keys()]));
      await this.pullAll(target, state.serverUrl, { token, readers: [...readers.values()] });
      this.assertSame(target);
      // The server answered this run: its owner can sign in there and set it again right away.
      refuseOwnWithoutCurrentPassword(target, currentPasswords, this.now());
      await transferFiles(this.host, target, {
        serverUrl: state.serverUrl,
        puller: { userId: puller, token },
        secrets: this.secrets,
        transport: this.transport,
      });
      this.transaction(target, () =>
        updateSyncState(target.db, { state: 'online', lastSyncAt: this.now().toISOString() }),
      );
      this.failures = 0;
      this.retryAt = 0;
    } catch (error) {
      await this.fail(target, error, puller);
    }
  }

  /**
   * Each change goes with its author's token (the server takes a change only from its author);
   * changes of someone who never signed in online here wait, pending, until they do. A request
   * carries one author's changes, in the order they were made.
   */
  private async pushAll(
    target: SyncDatabase,
    serverUrl: string,
    puller: { userId: string; token: string },
  ): Promise<void> {
    const tokens = new Map<string, string>([[puller.userId, puller.token]]);
    for (const holder of await this.secrets.tokenHolders()) {
      const token = holder === puller.userId ? null : await this.secrets.readToken(holder);
      if (token !== null) tokens.set(holder, token);
    }
    const total = pendingCount(target.db);
    let done = 0;
    let after = 0;
    let size = maxPushBatch;
    let restamped = false;
    for (;;) {
      this.assertSame(target);
      const eligible = pendingBatch(target.db, after, size, this.now(), [...tokens.keys()]);
      if (eligible.length === 0) return;
      const author = eligible[0]!.change.userId ?? puller.userId;
      const sameAuthor = eligible.findIndex(
        (pending) => (pending.change.userId ?? puller.userId) !== author,
      );
      const batch = sameAuthor === -1 ? eligible : eligible.slice(0, sameAuthor);
      const token = tokens.get(author)!;
      const unfit = batch.filter((pending) => !fitsProtocol(pending.change));
      if (unfit.length > 0) {
        this.transaction(target, () => {
          for (const pending of unfit) rejectLocally(target.db, pending.change, this.now());
        });
      }
      const sendable = batch.filter((pending) => fitsProtocol(pending.change));
      const last = batch.at(-1)!.seq;
      if (sendable.length === 0) {
        after = last;
        continue;
      }
      let answer;
      try {
        answer = await this.transport.push(
          serverUrl,
          token,
          sendable.map((pending) => pending.change),
        );
      } catch (error) {
        if (
          error instanceof SyncTransportError &&
          error.failure === 'revoked' &&
          author !== puller.userId
        ) {
          // That account's token was revoked: its changes wait until it signs in online again.
          await this.secrets.writeToken(author, null);
          tokens.delete(author);
          continue;
        }
        if (!(error instanceof SyncTransportError) || error.failure !== 'rejected-request')
          throw error;
        // The server refused the request as a whole: halve it until the change it refuses is
        // alone, and refuse that one here, so one bad change never blocks all the others.
        if (sendable.length > 1) {
          size = Math.max(1, Math.floor(sendable.length / 2));
          continue;
        }
        this.assertSame(target);
        this.transaction(target, () => rejectLocally(target.db, sendable[0]!.change, this.now()));
        after = last;
        continue;
      }
      this.assertSame(target);
      this.learnOffset(target, answer);
      const outcome = this.transaction(target, () => {
        const epoch = readSyncState(target.db).pullEpoch;
        const settled = settlePushResults(
          target.db,
          sendable,
          answer.body.results,
          epoch,
          this.now(),
        );
        updateSyncState(target.db, { offsetMs: this.offsetMs ?? 0 });
        return settled;
      });
      if (outcome.tables.size > 0) this.host.emit('data:changed', { tables: [...outcome.tables] });
      if (outcome.clockAhead > 0 && !restamped) {
        // Stamped ahead of the server's time: stamp again from corrected time, send again.
        restamped = true;
        const tables = this.restampFuture(target);
        if (tables.size > 0) this.host.emit('data:changed', { tables: [...tables] });
        after = 0;
        continue;
      }
      after = last;
      size = Math.min(maxPushBatch, size * 2);
      done += batch.length;
      this.progress = total > 0 ? Math.min(0.5, (done / total) * 0.5) : 0.5;
      this.emitState();
    }
  }

  /**
   * Pages are pipelined: the next page is asked for (with the cursor this page ends at) while this
   * one is applied, so the server's work and the network overlap the database's. At most one page
   * waits beside the one being applied, and the stored cursor still moves only in the transaction
   * of the batch it ends: a run killed anywhere resumes from the last page committed.
   */
  /** The tokens of the other accounts signed in online here, by user (pull-scope.ts). */
  private async readerTokens(puller: string): Promise<Map<string, string>> {
    const readers = new Map<string, string>();
    for (const holder of await this.secrets.tokenHolders()) {
      if (holder === puller || readers.size >= maxReaderTokens) continue;
      const token = await this.secrets.readToken(holder);
      if (token !== null) readers.set(holder, token);
    }
    return readers;
  }

  private async pullAll(
    target: SyncDatabase,
    serverUrl: string,
    token: PullCredentials,
  ): Promise<void> {
    this.progress = 0.5;
    this.assertSame(target);
    const first = readSyncState(target.db).cursor;
    // A first pull into empty tables indexes them for search once, at its end (deferred-search.ts).
    const deferSearch = shouldDeferSearch(target.db, first === null);
    // A first pull (or one resumed after a crash) is mostly rows not here yet: inserted in bulk.
    const firstPull = first === null || deferSearch;
    const checkpointPages = target.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    const cacheSize = target.db.pragma('cache_size', { simple: true }) as number;
    if (firstPull) {
      // The WAL copied into the file less often while millions of cells arrive: each checkpoint
      // writes again pages the next batches change anyway, and waits for the disk (sync =
      // NORMAL). Commits stay as durable as ever; only the WAL grows larger (about 80 MB).
      target.db.pragma(`wal_autocheckpoint = ${firstPullCheckpointPages}`);
      // The indexes the rows go into (by case, by date...) outgrow the default 2 MB cache: each
      // insert then reads its pages again (measured on the full register: 100 s of CPU -> 79 s).
      target.db.pragma(`cache_size = ${firstPullCacheSize}`);
    }
    try {
      await this.pullPages(target, serverUrl, token, first, { deferSearch, firstPull });
      await this.rebuildSearch(target);
      // After the rebuild: the backfill updates rows whose index texts must be there already.
      await this.backfillPages(target, serverUrl, token);
    } finally {
      if (firstPull && target.db.open) {
        target.db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
        target.db.pragma(`cache_size = ${cacheSize}`);
      }
    }
  }

  private async pullPages(
    target: SyncDatabase,
    serverUrl: string,
    token: PullCredentials,
    first: string | null,
    { deferSearch, firstPull }: { deferSearch: boolean; firstPull: boolean },
  ): Promise<void> {
    let answer = await this.transport.pull(serverUrl, token, first, this.pullLimit);
    let prefetched = false;
    for (;;) {
      this.assertSame(target);
      // A prefetched answer waited behind an apply: its round trip says nothing of the clocks.
      if (!prefetched) this.learnOffset(target, answer);
      const { cells, hasMore, cursor } = answer.body;
      // The server has more but none it may hand out yet (a write still committing): next run.
      const next =
        hasMore && cellCount(cells) > 0
          ? this.transport.pull(serverUrl, token, cursor, this.pullLimit)
          : null;
      // Awaited below; a failure while this batch is applied must not go unhandled meanwhile.
      next?.catch(() => undefined);
      const apply = () =>
        this.applyBatch(target, cells, { wholeRows: firstPull }, () => {
          if (deferSearch) markSearchDeferred(target.db);
          const state = readSyncState(target.db);
          if (!hasMore) {
            // Accepted before two complete pulls and never handed back: no longer contested.
            statement(target.db, 'DELETE FROM sync_unechoed WHERE pull_epoch < ?').run(
              state.pullEpoch,
            );
          }
          updateSyncState(target.db, {
            cursor,
            offsetMs: this.offsetMs ?? 0,
            ...(hasMore ? {} : { pullEpoch: state.pullEpoch + 1 }),
          });
          keepVerifiersOnceUsersArrived(target.db, this.now());
        });
      if (deferSearch) withSearchDeferred(target.db, apply);
      else apply();
      this.emitState();
      if (!next) return;
      answer = await next;
      prefetched = true;
    }
  }

  /**
   * The snapshot of the cells the readers may newly read (pull-scope.ts), with its own cursor,
   * each page applied in one transaction with that cursor (a crash resumes it), until the server
   * has nothing more of them: then it is done and cleared. Mostly cells of rows already here,
   * merged by per-cell last-writer-wins; the main cursor and the pull epoch are not its business.
   * Pages one after another: a backfill is a few cells a row, not worth pipelining.
   */
  private async backfillPages(
    target: SyncDatabase,
    serverUrl: string,
    token: PullCredentials,
  ): Promise<void> {
    for (;;) {
      this.assertSame(target);
      const owed = owedBackfill(target.db);
      if (!owed) return;
      const answer = await this.transport
        .pull(serverUrl, token, owed.cursor, this.pullLimit, owed.cells)
        .catch((error: unknown) => {
          // A server from before backfills refuses the cells: the whole snapshot again, as then.
          if (!(error instanceof SyncTransportError && error.code === 'VALIDATION')) throw error;
          return null;
        });
      this.assertSame(target);
      if (!answer) {
        this.transaction(target, () =>
          updateSyncState(target.db, { cursor: null, backfillCells: null, backfillCursor: null }),
        );
        return;
      }
      const { cells, hasMore, cursor } = answer.body;
      this.applyBatch(target, cells, {}, () => {
        // The owed cells may have grown meanwhile (refreshPullScope, same thread): only these end.
        if (readSyncState(target.db).backfillCells !== JSON.stringify(owed.cells)) return;
        updateSyncState(
          target.db,
          hasMore ? { backfillCursor: cursor } : { backfillCells: null, backfillCursor: null },
        );
      });
      this.emitState();
    }
  }

  /** Indexes rows a first pull left unsearchable, a chunk a transaction, letting calls in between. */
  private async rebuildSearch(target: SyncDatabase): Promise<void> {
    if (!searchRebuildDue(target.db)) return;
    const tables = searchIndexes(target.db).map((index) => index.table);
    for (;;) {
      this.assertSame(target);
      if (!this.transaction(target, () => rebuildSearchStep(target.db))) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.host.emit('data:changed', { tables });
  }

  /**
   * Applies pulled changes as one batch, in one transaction with `alongside` (the new cursor), and
   * tells the window what changed. Public for tests that feed protocol changes directly.
   */
  applyPulled(changes: readonly SyncChange[]): ApplyOutcome {
    const target = this.host.database();
    if (!target) throw new Error('no open database');
    return this.applyBatch(target, { changes }, {}, () => undefined);
  }

  private applyBatch(
    target: SyncDatabase,
    cells: PulledCells,
    options: ApplyOptions,
    alongside: () => void,
  ): ApplyOutcome {
    const outcome = this.transaction(target, () => {
      const applied =
        'rows' in cells
          ? applyPulledRows(target, cells.rows, this.now(), options)
          : applyPulledChanges(target, cells.changes, this.now(), options);
      alongside();
      return applied;
    });
    if (outcome.tables.size > 0) this.host.emit('data:changed', { tables: [...outcome.tables] });
    if (outcome.tables.has('users')) this.host.usersChanged();
    return outcome;
  }

  private async fail(target: SyncDatabase, error: unknown, puller: string): Promise<void> {
    if (error instanceof RunAborted) return;
    const failure: TransportFailure =
      error instanceof SyncTransportError ? error.failure : 'server';
    if (!(error instanceof SyncTransportError)) console.error('[sync] run failed', error);
    if (this.host.database()?.db !== target.db) return;
    if (failure === 'update-required') {
      this.halted = true;
      this.setStoredState(target, 'update-required');
      return;
    }
    // Only the server refusing the token itself (401) signs out: a 403 is about one request.
    if (error instanceof SyncTransportError && error.status === 401) {
      await this.secrets.writeToken(puller, null);
      // Another account signed in online here pulls from now on: the PC goes on syncing.
      const [next] = (await this.readerTokens(puller)).keys();
      if (next !== undefined && this.host.database()?.db === target.db) {
        this.transaction(target, () => updateSyncState(target.db, { serverUserId: next }));
        this.retryAt = 0;
        return;
      }
      this.setStoredState(target, 'signed-out');
      return;
    }
    this.failures += 1;
    this.retryAt =
      performance.now() + Math.min(longestRetryMs, firstRetryMs * 2 ** (this.failures - 1));
    this.setStoredState(target, 'offline');
  }

  private restampFuture(target: SyncDatabase): Set<string> {
    return this.transaction(target, () => {
      const limit = formatStamp({
        millis: target.clock.physicalNow() + restampSlackMs,
        counter: 0xffff,
        node: 'ffffffffffffffff',
      });
      const kept = statement(target.db, 'SELECT max(hlc) AS hlc FROM changes WHERE hlc <= ?').get(
        limit,
      ) as { hlc: string | null };
      this.host.rewindClock(kept.hlc);
      target.clock.setOffset(this.offsetMs ?? 0);
      return restampFutureChanges(target.db, limit, () => target.clock.now());
    });
  }

  /** Server time minus this PC's, at the middle of the request: every stamp uses it from now. */
  private learnOffset(target: SyncDatabase, answer: Timed<{ serverTime: number }>): void {
    const middle = (answer.sentAt + answer.receivedAt) / 2;
    this.offsetMs = Math.round(answer.body.serverTime - middle);
    target.clock.setOffset(this.offsetMs);
  }

  private setStoredState(target: SyncDatabase, state: StoredSyncState): void {
    this.transaction(target, () => updateSyncState(target.db, { state }));
  }

  private transaction<T>(target: SyncDatabase, work: () => T): T {
    return target.db.transaction(work).immediate();
  }

  /** The database was closed or replaced (a restore) while waiting on the network. */
  private assertSame(target: SyncDatabase): void {
    if (this.stopped || this.host.database()?.db !== target.db) throw new RunAborted();
  }

  private emitState(): void {
    const target = this.host.database();
    const state: SyncState = this.running
      ? 'syncing'
      : target
        ? this.tokenUnreadable
          ? 'signed-out'
          : readSyncState(target.db).state
        : 'local-only';
    this.host.emit('sync:changed', { state, progress: this.running ? this.progress : null });
  }

  private now(): Date {
    return new Date(this.host.wallClock());
  }
}

/** A joining user's verifier moves to local_credentials once their users row has arrived. */
function keepVerifiersOnceUsersArrived(db: Db, now: Date): void {
  const arrived = statement(
    db,
    'SELECT v.user_id, v.hash FROM sync_verifiers v JOIN users u ON u.id = v.user_id',
  ).all() as { user_id: string; hash: string }[];
  for (const { user_id: userId, hash } of arrived) {
    writeCredential(db, userId, hash, now);
    statement(db, 'DELETE FROM sync_verifiers WHERE user_id = ?').run(userId);
  }
}

function safeHostname(): string {
  try {
    return hostname().trim() || 'Maktab';
  } catch {
    return 'Maktab';
  }
}
