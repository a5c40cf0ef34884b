import type { ServerMigration } from '../migrations';

/**
 * Generic storage driven by the table declarations, not one table per module: a new module adds
 * declarations in shared and the server stores its cells without a migration here.
 * Values are the stored form of the column (protocol.ts) as JSON text, so a number stays a number.
 * Keys and clocks compare byte by byte (COLLATE "C"), as HLC stamps must, whatever the locale the
 * database was created with.
 */
export const createSyncStore: ServerMigration = {
  id: '0001-create-sync-store',
  statements: [
    // The latest value of each cell, and the log entry that wrote it.
    `CREATE TABLE cells (
      tbl TEXT COLLATE "C" NOT NULL,
      row_id TEXT COLLATE "C" NOT NULL,
      col TEXT COLLATE "C" NOT NULL,
      value TEXT NOT NULL,
      hlc TEXT COLLATE "C" NOT NULL,
      seq BIGINT NOT NULL,
      PRIMARY KEY (tbl, row_id, col)
    )`,
    // Every accepted change, in commit order (sync/change-log.ts): what clients pull after their cursor.
    `CREATE TABLE change_log (
      seq BIGINT PRIMARY KEY,
      id UUID NOT NULL UNIQUE,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value TEXT NOT NULL,
      hlc TEXT COLLATE "C" NOT NULL,
      user_id UUID,
      device_id TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      received_at TIMESTAMPTZ NOT NULL
    )`,
    // Changes written by a newer app than this server knows: kept until the server is updated.
    `CREATE TABLE deferred_changes (
      id UUID PRIMARY KEY,
      change TEXT NOT NULL,
      user_id UUID,
      device_id TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      received_at TIMESTAMPTZ NOT NULL
    )`,
    'CREATE INDEX deferred_changes_version ON deferred_changes (schema_version)',
    `CREATE TABLE credentials (
      user_id UUID PRIMARY KEY,
      hash TEXT NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL
    )`,
    // One row per device and user; the token itself is never stored, only its SHA-256.
    `CREATE TABLE devices (
      id UUID PRIMARY KEY,
      device_id TEXT NOT NULL,
      user_id UUID NOT NULL,
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TIMESTAMPTZ NOT NULL,
      last_seen_at TIMESTAMPTZ NOT NULL,
      revoked_at TIMESTAMPTZ,
      UNIQUE (device_id, user_id)
    )`,
    // Gapless official numbers per register and year (DESIGN.md, Local data).
    `CREATE TABLE register_counters (
      register TEXT NOT NULL,
      year INTEGER NOT NULL,
      last INTEGER NOT NULL,
      PRIMARY KEY (register, year)
    )`,
    // Failed sign-ins per username and per address, in the database so every instance agrees.
    `CREATE TABLE sign_in_attempts (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      hold_until TIMESTAMPTZ,
      updated_at TIMESTAMPTZ NOT NULL
    )`,
  ],
};
