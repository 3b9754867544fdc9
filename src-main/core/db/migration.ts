import type { Database } from 'better-sqlite3';

/** One schema step. Never edit a shipped migration: add the next number instead. */
export interface Migration {
  version: number;
  name: string;
  /**
   * The step rebuilds a table that other tables reference (SQLite's "12-step" ALTER: create the
   * new table, copy, drop the old one, rename). The runner then runs the pending steps with
   * foreign keys off — with them on, dropping the old table would first delete its rows and
   * cascade into every referencing table — and checks every foreign key before committing.
   */
  rebuildsTables?: boolean;
  up(db: Database): void;
}
