import { statement, type Db } from '../db/connection';

/**
 * Where device tokens are kept: one per server account that signed in online on this PC (the
 * server takes a change only from its author's token). Core keeps them in the local database
 * (sync_tokens); in the app they go there sealed by main's safeStorage (sealed-secret-store.ts),
 * which is why the calls are asynchronous: core runs in a worker thread and asks main across a
 * message port.
 */
export interface SecretStore {
  readToken(userId: string): Promise<string | null>;
  /** null forgets the token (revoked). */
  writeToken(userId: string, token: string | null): Promise<void>;
  /** The accounts holding a token here. */
  tokenHolders(): Promise<string[]>;
  /** Forgets every token (the PC moves to another server). */
  clear(): Promise<void>;
}

/** Tokens as given, in the sync_tokens table of the open database (sealed or not). */
export class DatabaseSecretStore implements SecretStore {
  constructor(private readonly database: () => Db | null) {}

  readToken(userId: string): Promise<string | null> {
    const db = this.database();
    const row = db
      ? (statement(db, 'SELECT token FROM sync_tokens WHERE user_id = ?').get(userId) as
          { token: string } | undefined)
      : undefined;
    return Promise.resolve(row?.token ?? null);
  }

  writeToken(userId: string, token: string | null): Promise<void> {
    const db = this.database();
    if (db && token === null)
      statement(db, 'DELETE FROM sync_tokens WHERE user_id = ?').run(userId);
    else if (db)
      statement(
        db,
        `INSERT INTO sync_tokens (user_id, token) VALUES (?, ?)
         ON CONFLICT (user_id) DO UPDATE SET token = excluded.token`,
      ).run(userId, token);
    return Promise.resolve();
  }

  tokenHolders(): Promise<string[]> {
    const db = this.database();
    const rows = db
      ? (statement(db, 'SELECT user_id FROM sync_tokens ORDER BY user_id').all() as {
          user_id: string;
        }[])
      : [];
    return Promise.resolve(rows.map((row) => row.user_id));
  }

  clear(): Promise<void> {
    const db = this.database();
    if (db) statement(db, 'DELETE FROM sync_tokens').run();
    return Promise.resolve();
  }
}
