// User preferences kept in the database, not in browser storage: the browser shell runs on a new
// random port (a new origin) every time, so localStorage would forget the language.
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../contract';
import { Language } from '../../contract/basics';

export class SettingsRepo {
  constructor(private readonly db: Database) {}

  get(): Settings {
    const row = this.db.prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'language'`).get();
    const parsed = Language.safeParse(row?.value);
    return { language: parsed.success ? parsed.data : null };
  }

  update(patch: Partial<Settings>): Settings {
    if (patch.language !== undefined) {
      if (patch.language === null) this.db.prepare(`DELETE FROM settings WHERE key = 'language'`).run();
      else
        this.db
          .prepare(`INSERT INTO settings (key, value) VALUES ('language', ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
          .run(patch.language);
    }
    return this.get();
  }
}
