import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventPayloads } from '../shared/api/events';
import type { AuditAction } from '../shared/audit-actions';
import type { EventName } from '../shared/api/procedure-names';
import type { SessionUser } from '../shared/api/procedures/session.procedures';
import type { Settings } from '../shared/api/procedures/system.procedures';
import { AppError, type ApiResult } from '../shared/errors';
import { uuidv7 } from '../shared/ids/uuidv7';
import { HybridLogicalClock } from '../shared/sync/hlc';
import {
  createBackup,
  createBackupInSteps,
  lastDailyBackupAt,
  pruneDailyBackups,
  moveDatabaseAside,
  moveDatabaseBack,
  prepareRestore,
} from './backup/backups';
import type { Db } from './db/connection';
import { Mutations, type Actor } from './db/mutations';
import { checkIntegrityInBackground } from './db/integrity-check';
import { isSqliteError, openLocalDatabase } from './db/startup';
import { dispatch, type DispatchTarget } from './dispatcher';
import type { CoreServices, DatabaseState, HandlerContext } from './handler-context';
import { SessionState } from './session/session-state';
import { readMeta, readSettings, writeMeta } from './settings/local-settings';
import { SealedSecretStore } from './sync/sealed-secret-store';
import { DatabaseSecretStore, type SecretStore } from './sync/secret-store';
import { SyncEngine } from './sync/sync-engine';
import type { FetchLike } from './sync/sync-transport';
import type { TokenCipher } from './sync/token-cipher';
import { countUsers, findUserById, toSessionUser } from './users/users.repo';

export interface CoreOptions {
  /** The app's data folder: the database, its backups and (later) files live here. */
  dataDir: string;
  /** A better-sqlite3 addon built for Electron, when core runs inside the app. */
  nativeBinding?: string | undefined;
  /** Injectable wall clock, for tests that move time. */
  wallClock?: () => number;
  /** How often core checks the inactivity lock and the daily backup; 0 leaves it to the caller. */
  timerIntervalMs?: number;
  /** Larger files are quick_checked in a background thread after start (tests lower it). */
  inlineCheckMaxBytes?: number;
  /** How long to wait for another program's lock on the file (tests shorten it). */
  busyTimeoutMs?: number;
  /** Where the sync device token is kept; default the database (sealed with `tokenCipher`). */
  secretStore?: SecretStore;
  /** Main's safeStorage, reached from the worker: device tokens are stored encrypted with it. */
  tokenCipher?: TokenCipher | undefined;
  /** HTTP for sync; tests may route it. */
  fetch?: FetchLike;
  /** How often sync runs in the background once joined; on only with `timerIntervalMs`. */
  syncIntervalMs?: number;
  /** Changes per pull request (tests lower it to cross batch boundaries). */
  syncPullLimit?: number;
}

export type CoreListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

interface OpenDatabase {
  db: Db;
  clock: HybridLogicalClock;
  deviceId: string;
}

const DAY_MS = 86_400_000;

function deviceIdentity(db: Db): { deviceId: string; node: string } {
  let deviceId = readMeta(db, 'device_id');
  let node = readMeta(db, 'hlc_node');
  if (!deviceId || !node) {
    deviceId = uuidv7();
    node = deviceId.replace(/-/g, '').slice(-16);
    writeMeta(db, 'device_id', deviceId);
    writeMeta(db, 'hlc_node', node);
  }
  return { deviceId, node };
}

/**
 * The back-office engine: owns the database, the session and the clock; every call comes in
 * through `dispatch`. Runs in a worker thread inside the app, in-process in tests and the harness.
 */
export class Core implements DispatchTarget, CoreServices {
  readonly session: SessionState;
  readonly dataDir: string;
  readonly backupsDir: string;
  readonly databaseFile: string;
  /** The client side of sync: runs in the background, never inside a call. */
  readonly sync: SyncEngine;
  private open: OpenDatabase | null = null;
  private unavailable: Exclude<DatabaseState, { kind: 'ok' }> = { kind: 'unavailable', reason: '' };
  private listeners = new Set<CoreListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private backupRunning = false;
  /** Settles when the background integrity check of this start (if any) has answered. */
  integrityChecked: Promise<void> = Promise.resolve();
  private readonly wallClock: () => number;

  constructor(private readonly options: CoreOptions) {
    this.dataDir = options.dataDir;
    this.backupsDir = join(options.dataDir, 'backups');
    this.databaseFile = join(options.dataDir, 'maktab.sqlite');
    this.wallClock = options.wallClock ?? (() => Date.now());
    // Tests move one clock for everything; the app measures inactivity on a monotonic clock.
    this.session = new SessionState(options.wallClock ?? (() => performance.now()));
    this.sync = new SyncEngine(
      {
        database: () => this.open,
        wallClock: () => this.wallClock(),
        dataDir: options.dataDir,
        emit: (event, payload) => this.emit(event, payload),
        usersChanged: () => this.refreshSessionUser(),
        rewindClock: (last) => {
          if (!this.open) return;
          const node = this.open.clock.lastIssued().slice(-16);
          this.open.clock = new HybridLogicalClock({ node, wallClock: this.wallClock, last });
        },
      },
      {
        secrets:
          options.secretStore ??
          (options.tokenCipher
            ? new SealedSecretStore(
                new DatabaseSecretStore(() => this.open?.db ?? null),
                options.tokenCipher,
              )
            : undefined),
        fetch: options.fetch,
        pullLimit: options.syncPullLimit,
        // The app and the harness run timers; tests drive sync by hand.
        background: options.timerIntervalMs
          ? { intervalMs: options.syncIntervalMs ?? 5_000, afterChangeMs: 1_000 }
          : null,
      },
    );
    this.attach();
    if (options.timerIntervalMs) {
      this.timer = setInterval(() => void this.tick(), options.timerIntervalMs);
      this.timer.unref?.();
    }
  }

  dispatch(name: unknown, input: unknown): ApiResult<unknown> {
    return dispatch(this, name, input);
  }

  on(listener: CoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Work on a timer: lock an idle session, take the daily backup. */
  tick(): Promise<void> {
    if (this.checkLock()) this.emit('session:changed', { reason: 'locked' });
    return this.maybeDailyBackup();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.sync.stop();
    this.open?.db.close();
    this.open = null;
  }

  /** For tests and benchmarks that inspect the database directly. */
  database(): Db {
    if (!this.open) throw new AppError('DATABASE_DAMAGED');
    return this.open.db;
  }

  // --- DispatchTarget ---

  currentUser(): SessionUser | null {
    return this.session.current();
  }

  checkLock(): boolean {
    if (this.session.isLocked()) return true;
    if (!this.open) return false;
    return this.session.lockIfIdle(readSettings(this.open.db).lockAfterMinutes * 60_000);
  }

  touch(): void {
    this.session.touch();
  }

  runInTransaction<T>(kind: 'query' | 'mutation' | 'none', work: (ctx: HandlerContext) => T): T {
    const written = new Set<string>();
    const afterCommit: (() => void)[] = [];
    const afterwards: ((ctx: HandlerContext) => void)[] = [];
    const ctx = this.context(written, afterCommit, afterwards);
    let result: T;
    try {
      if (this.open && kind !== 'none') {
        const transaction = this.open.db.transaction(() => work(ctx));
        result = kind === 'mutation' ? transaction.immediate() : transaction.deferred();
      } else {
        result = work(ctx);
      }
    } catch (error) {
      this.runAfterwards(afterwards);
      throw error;
    }
    for (const task of afterCommit) {
      try {
        task();
      } catch (error) {
        console.error('[core] after-commit task failed', error);
      }
    }
    this.runAfterwards(afterwards);
    if (written.size > 0) {
      this.emit('data:changed', { tables: [...written] });
      this.sync.noteLocalChange();
    }
    return result;
  }

  // --- CoreServices ---

  databaseState(): DatabaseState {
    return this.open ? { kind: 'ok' } : this.unavailable;
  }

  /**
   * Puts a backup in place of the database without ever leaving the app on nothing: the backup is
   * copied beside the file and checked first; only then is the current file (with its WAL) moved
   * aside and the copy renamed in. If anything fails, the original is opened again.
   */
  restoreBackup(name: string): void {
    const now = new Date(this.wallClock());
    let candidate: string;
    try {
      candidate = prepareRestore(
        join(this.backupsDir, name),
        this.databaseFile,
        this.options.nativeBinding,
      );
    } catch (error) {
      rmSync(`${this.databaseFile}.restoring`, { force: true });
      throw new AppError('BACKUP_FAILED', error instanceof Error ? error.message : String(error));
    }
    const user = this.session.current();
    let aside: string | null = null;
    try {
      if (this.open) {
        createBackup(this.open.db, this.backupsDir, 'pre-restore', now);
        this.open.db.close();
        this.open = null;
      }
      aside = moveDatabaseAside(this.databaseFile, `replaced-${now.getTime()}`);
      renameSync(candidate, this.databaseFile);
    } catch (error) {
      if (aside && !existsSync(this.databaseFile)) moveDatabaseBack(aside, this.databaseFile);
      rmSync(candidate, { force: true });
      this.attach();
      throw new AppError('BACKUP_FAILED', error instanceof Error ? error.message : String(error));
    }
    this.session.signOut();
    this.attach();
    // Recorded in the restored database, the one that goes on: who restored what.
    this.auditOutsideCalls(
      user ? { kind: 'user', userId: user.id, roles: user.roles } : { kind: 'system' },
      'backups.restore',
      { name },
    );
    this.emit('session:changed', { reason: 'restored' });
  }

  /** After a damaged verdict: checks once more, then moves the file aside (never deletes it). */
  startEmpty(): void {
    if (this.open) throw new AppError('DATABASE_OK');
    this.attach();
    if (this.databaseState().kind !== 'damaged') throw new AppError('DATABASE_OK');
    moveDatabaseAside(this.databaseFile, `damaged-${this.wallClock()}`);
    this.session.signOut();
    this.attach();
    this.emit('session:changed', { reason: 'restored' });
  }

  /** The file was locked or unreadable for a moment: open it again. */
  retryOpen(): void {
    if (this.open) return;
    this.attach();
  }

  // --- internals ---

  private attach(): void {
    const result = openLocalDatabase(
      this.databaseFile,
      this.backupsDir,
      new Date(this.wallClock()),
      {
        nativeBinding: this.options.nativeBinding,
        busyTimeoutMs: this.options.busyTimeoutMs,
        ...(this.options.inlineCheckMaxBytes !== undefined
          ? { inlineCheckMaxBytes: this.options.inlineCheckMaxBytes }
          : {}),
      },
    );
    if (result.kind !== 'ok') {
      this.open = null;
      this.unavailable = result;
      return;
    }
    const db = result.db;
    let identity: { deviceId: string; node: string };
    let last: string | null;
    try {
      identity = deviceIdentity(db);
      last = (db.prepare('SELECT max(hlc) AS hlc FROM changes').get() as { hlc: string | null })
        .hlc;
    } catch (error) {
      // A large file not yet quick_checked can still fail on its first reads: same way out.
      if (!isSqliteError(error)) throw error;
      db.close();
      this.open = null;
      this.unavailable = { kind: 'damaged', reason: error.message };
      return;
    }
    const clock = new HybridLogicalClock({ node: identity.node, wallClock: this.wallClock, last });
    this.open = { db, clock, deviceId: identity.deviceId };
    try {
      this.sync.attach();
    } catch (error) {
      // Sync resumes with its next run; the records themselves are open and usable.
      console.error('[core] sync could not resume its state', error);
    }
    if (result.checkPending) this.checkInBackground(db);
  }

  /** A large file is checked in another thread; if it is damaged, core stops using it at once. */
  private checkInBackground(db: Db): void {
    this.integrityChecked = checkIntegrityInBackground(
      this.databaseFile,
      this.options.nativeBinding,
    ).then((verdict) => {
      if (verdict.kind === 'unknown')
        console.error('[core] integrity check could not run:', verdict.reason);
      if (verdict.kind !== 'damaged' || this.open?.db !== db) return;
      db.close();
      this.open = null;
      this.unavailable = { kind: 'damaged', reason: verdict.reason };
      this.session.signOut();
      this.emit('session:changed', { reason: 'damaged' });
    });
  }

  /** An audit entry for work done outside a call (a restore), in a transaction of its own. */
  private auditOutsideCalls(
    actor: Actor,
    action: AuditAction,
    detail: Record<string, unknown>,
  ): void {
    const open = this.open;
    if (!open) return;
    const write = new Mutations({
      db: open.db,
      clock: open.clock,
      deviceId: open.deviceId,
      actor,
      now: () => new Date(this.wallClock()),
      onTableWritten: () => undefined,
    });
    open.db.transaction(() => write.audit(action, null, null, detail)).immediate();
  }

  private context(
    written: Set<string>,
    afterCommit: (() => void)[],
    afterwards: ((ctx: HandlerContext) => void)[],
  ): HandlerContext {
    const open = this.open;
    // A locked session is nobody's until unlocked: calls made at the lock screen are anonymous.
    const user = this.session.isLocked() ? null : this.session.current();
    const actor: Actor = user
      ? { kind: 'user', userId: user.id, roles: user.roles }
      : { kind: 'anonymous' };
    const now = (): Date => new Date(this.wallClock());
    const noDatabase = (): never => {
      throw new AppError('DATABASE_DAMAGED');
    };
    const writeAs = (as: Actor): Mutations =>
      open
        ? new Mutations({
            db: open.db,
            clock: open.clock,
            deviceId: open.deviceId,
            actor: as,
            now,
            onTableWritten: (table) => written.add(table),
          })
        : (new Proxy({}, { get: noDatabase }) as Mutations);
    const write = writeAs(actor);
    return {
      get db(): Db {
        return open ? open.db : noDatabase();
      },
      now,
      session: this.session,
      user,
      write,
      writeAs,
      settings: (): Settings => (open ? readSettings(open.db) : noDatabase()),
      services: this,
      afterCommit: (task) => afterCommit.push(task),
      afterwards: (task) => afterwards.push(task),
    };
  }

  /** Pulled rows changed users: the signed-in user takes their new roles, or leaves if deactivated. */
  private refreshSessionUser(): void {
    const current = this.session.current();
    if (!current || !this.open) return;
    const record = findUserById(this.open.db, current.id);
    if (record?.active) {
      this.session.refresh(toSessionUser(record));
      return;
    }
    // The server deactivated the account: the session ends here too, as it would at sign-in.
    if (record) {
      this.session.signOut();
      this.emit('session:changed', { reason: 'signed-out' });
    }
  }

  private runAfterwards(tasks: ((ctx: HandlerContext) => void)[]): void {
    for (const task of tasks) {
      try {
        this.runInTransaction('mutation', task);
      } catch (error) {
        console.error('[core] follow-up task failed', error);
      }
    }
  }

  /** SQLite's online backup, a few pages at a time: calls keep being answered while it copies. */
  private async maybeDailyBackup(): Promise<void> {
    const open = this.open;
    if (!open || this.backupRunning || countUsers(open.db) === 0) return;
    const now = new Date(this.wallClock());
    const last = lastDailyBackupAt(this.backupsDir, now);
    if (last && now.getTime() - last.getTime() < DAY_MS) return;
    this.backupRunning = true;
    try {
      await createBackupInSteps(open.db, this.backupsDir, 'daily', now);
      if (this.open === open)
        pruneDailyBackups(this.backupsDir, readSettings(open.db).backupsToKeep);
    } catch (error) {
      console.error('[core] daily backup failed', error);
    } finally {
      this.backupRunning = false;
    }
  }

  private emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
