import type { SessionUser } from '../shared/api/procedures/session.procedures';
import type { Settings } from '../shared/api/procedures/system.procedures';
import { AppError } from '../shared/errors';
import type { Db } from './db/connection';
import type { Actor, Mutations } from './db/mutations';
import type { SessionState } from './session/session-state';
import type { SyncControl } from './sync/sync-engine';

export type DatabaseState =
  { kind: 'ok' } | { kind: 'damaged' | 'too-new' | 'unavailable'; reason: string };

/** What core offers handlers beyond the database: files, restores, events. */
export interface CoreServices {
  readonly dataDir: string;
  readonly backupsDir: string;
  /** Closes the database, puts the named backup in its place and opens it again. */
  restoreBackup(name: string): void;
  /** Moves a damaged database aside and starts an empty one. */
  startEmpty(): void;
  /** Opens the database again after it was locked or unreadable for a moment. */
  retryOpen(): void;
  databaseState(): DatabaseState;
  /** The client side of sync: status, joining a server, starting a run. */
  readonly sync: SyncControl;
}

/** Everything a handler may use; built by the dispatcher for one call. */
export interface HandlerContext {
  /** Throws DATABASE_DAMAGED while the start-up check found the file damaged. */
  readonly db: Db;
  readonly now: () => Date;
  readonly session: SessionState;
  /** The signed-in user, or null for public procedures called before sign-in. */
  readonly user: SessionUser | null;
  /** The one mutation path, bound to this call's user (anonymous before sign-in or while locked). */
  readonly write: Mutations;
  /** The same path for another actor: only to create the first administrator as themself. */
  writeAs(actor: Actor): Mutations;
  readonly settings: () => Settings;
  readonly services: CoreServices;
  /** Runs once the transaction has committed (session changes, file work, events). */
  afterCommit(task: () => void): void;
  /** Runs in its own transaction after this call, committed or not (e.g. auditing a failed sign-in). */
  afterwards(task: (ctx: HandlerContext) => void): void;
}

export function requireUser(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED');
  return ctx.user;
}
