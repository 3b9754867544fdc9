// Single values in the settings table (key → text): the identity's name and institution, the
// active judge of a campaign's workspace. The language has its own repository (settings-repo.ts).
import type { Database } from 'better-sqlite3';

export interface DbSettingRow {
  value: string;
}

/** The stored value, undefined when the key was never written. */
export function readSetting(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as DbSettingRow | undefined;
  return row?.value;
}

export function writeSetting(db: Database, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
