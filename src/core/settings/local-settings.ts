import { settingsSchema, type Settings } from '../../shared/api/procedures/system.procedures';
import { statement, type Db } from '../db/connection';

export const defaultSettings: Settings = {
  lockAfterMinutes: 10,
  backupsToKeep: 14,
  updateFeedUrl: '',
};

/** This PC's settings (not synced): kept as one JSON value per key. */
export function readSettings(db: Db): Settings {
  const rows = statement(db, 'SELECT key, value FROM local_settings').all() as {
    key: string;
    value: string;
  }[];
  const stored: Record<string, unknown> = { ...defaultSettings };
  for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultSettings;
}

export function writeSettings(db: Db, settings: Settings): void {
  const upsert = statement(
    db,
    'INSERT INTO local_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value));
}

export function readMeta(db: Db, key: string): string | null {
  const row = statement(db, 'SELECT value FROM local_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
