// Intake for programmes of their own (issue 12):
// - entries.kind accepts 'brand' (Sichuan's brand value list). The CHECK constraint of migration 1
//   cannot be altered in SQLite, so the table is rebuilt the documented way (sqlite.org/lang_altertable.html,
//   "making other kinds of table schema changes"): create the new table, copy every row with its
//   id, drop the old one, rename the new one, put back its indexes and triggers. The runner turns
//   foreign keys off for this step (Migration.rebuildsTables) and checks them all before commit,
//   so the rows of assets, scores, assignments… that point at entries are untouched.
//   The new table is the stored CREATE statement with only the CHECK widened, so whatever an
//   earlier step added to entries (columns, indexes, triggers) is carried over as it is.
// - entries.is_early: submitted before the registration opened (definition.opensAt), derived like
//   is_late and recomputed when the window moves; filled here for the entries already stored.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

const OLD_KIND_CHECK = /CHECK\s*\(\s*kind\s+IN\s*\(\s*'work'\s*,\s*'account'\s*,\s*'individual'\s*,\s*'applicant'\s*\)\s*\)/;
const NEW_KIND_CHECK = "CHECK (kind IN ('work', 'account', 'individual', 'applicant', 'brand'))";

export const migration0010: Migration = {
  version: 10,
  name: 'intake-brands-early',
  rebuildsTables: true,
  up(db) {
    rebuildEntries(db);
    db.exec(`
      ALTER TABLE entries ADD COLUMN is_early INTEGER NOT NULL DEFAULT 0 CHECK (is_early IN (0, 1));
      CREATE INDEX entries_early ON entries (campaign_id, is_early) WHERE is_early = 1;
    `);
    fillEarlyFlags(db);
  },
};

function rebuildEntries(db: Database): void {
  const table = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entries'`).pluck().get() as string | undefined;
  if (!table) throw new Error('no entries table');
  if (!OLD_KIND_CHECK.test(table)) throw new Error('entries.kind does not have the CHECK of migration 1');
  const head = /^CREATE TABLE\s+("?)entries\1\s*\(/i;
  if (!head.test(table)) throw new Error(`unexpected CREATE statement for entries: ${table.slice(0, 60)}`);
  const createNew = table.replace(OLD_KIND_CHECK, NEW_KIND_CHECK).replace(head, 'CREATE TABLE entries_rebuilt (');
  // Indexes (the UNIQUE constraint's own index has no SQL: the table definition rebuilds it),
  // triggers and views that name the table, to be put back after the rename.
  const dependants = db
    .prepare<[], { type: 'index' | 'trigger' | 'view'; name: string; sql: string }>(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> 'entries'
              AND (tbl_name = 'entries' OR (type IN ('trigger', 'view') AND sql LIKE '%entries%')) ORDER BY type, name`)
    .all();
  const columns = (db.prepare(`SELECT name FROM pragma_table_info('entries') ORDER BY cid`).pluck().all() as string[])
    .map((c) => `"${c.replaceAll('"', '""')}"`)
    .join(', ');

  for (const d of dependants) if (d.type !== 'index') db.exec(`DROP ${d.type.toUpperCase()} "${d.name.replaceAll('"', '""')}"`);
  db.exec(createNew);
  db.exec(`INSERT INTO entries_rebuilt (${columns}) SELECT ${columns} FROM entries`);
  db.exec('DROP TABLE entries'); // drops its indexes too
  db.exec('ALTER TABLE entries_rebuilt RENAME TO entries');
  // Views before triggers (a trigger may read a view); indexes first of all.
  const order = { index: 0, view: 1, trigger: 2 } as const;
  for (const d of [...dependants].sort((a, b) => order[a.type] - order[b.type])) db.exec(d.sql);
}

/** is_early for the entries already stored, from each campaign's opensAt (none: nothing is early). */
function fillEarlyFlags(db: Database): void {
  const campaigns = db.prepare<[], { id: string; definition_json: string }>('SELECT id, definition_json FROM campaigns').all();
  const update = db.prepare(`UPDATE entries SET is_early = (submitted_at IS NOT NULL AND julianday(submitted_at) < julianday(?)) WHERE campaign_id = ?`);
  for (const c of campaigns) {
    const opensAt = opensAtOf(c.definition_json);
    if (opensAt) update.run(opensAt, c.id);
  }
}

function opensAtOf(json: string): string | null {
  try {
    const value = (JSON.parse(json) as { opensAt?: unknown }).opensAt;
    if (typeof value !== 'string') return null;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  } catch {
    return null;
  }
}
