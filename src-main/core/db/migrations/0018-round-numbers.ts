// Scoring rounds in the data (issue 14): every row of per-(entry, judge) review data names the
// scoring round it belongs to. round_no is the 1-based ordinal of the round among the SCORING
// rounds of the entry's list (a list without rounds has exactly one: round 1), so every row stored
// before rounds existed is round 1, and the column's default keeps older code paths writing
// round 1.
// The round joins the primary key of assignments, reviews, scores, eligibility_answers, conflicts
// and comments, which SQLite cannot alter in place: each table is rebuilt the documented way
// (sqlite.org/lang_altertable.html, "making other kinds of table schema changes"), like migration
// 10 does for entries: the stored CREATE statement gets the new column (last, so existing column
// positions stay) and the widened key, every row is copied, the old table dropped, the new one
// renamed, its indexes and triggers put back. Nothing references these tables, but the runner
// still checks every foreign key before commit (rebuildsTables).
// score_overrides has no key to widen: it gets the column with the same default.
import type { Database } from 'better-sqlite3';
import type { Migration } from '../migration';

/** Each table with the columns of its primary key before the round joins it (after judge_id). */
const TABLES: readonly { name: string; key: string }[] = [
  { name: 'assignments', key: 'entry_id, judge_id' },
  { name: 'reviews', key: 'entry_id, judge_id' },
  { name: 'scores', key: 'entry_id, judge_id, dimension_key' },
  { name: 'eligibility_answers', key: 'entry_id, judge_id, item_key' },
  { name: 'conflicts', key: 'entry_id, judge_id' },
  { name: 'comments', key: 'entry_id, judge_id' },
];

const ROUND_COLUMN = 'round_no INTEGER NOT NULL DEFAULT 1 CHECK (round_no >= 1)';

export const migration0018: Migration = {
  version: 18,
  name: 'round-numbers',
  rebuildsTables: true,
  up(db) {
    for (const t of TABLES) rebuildWithRound(db, t.name, t.key);
    db.exec(`ALTER TABLE score_overrides ADD COLUMN ${ROUND_COLUMN}`);
  },
};

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function rebuildWithRound(db: Database, table: string, key: string): void {
  const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string | undefined;
  if (!sql) throw new Error(`no ${table} table`);
  const head = new RegExp(`^CREATE TABLE\\s+("?)${table}\\1\\s*\\(`, 'i');
  if (!head.test(sql)) throw new Error(`unexpected CREATE statement for ${table}: ${sql.slice(0, 60)}`);
  const oldKey = new RegExp(`PRIMARY KEY\\s*\\(\\s*${key.split(', ').join('\\s*,\\s*')}\\s*\\)`);
  if (!oldKey.test(sql)) throw new Error(`${table} does not have the primary key (${key})`);
  const [entry, judge, ...rest] = key.split(', ');
  const newKey = `PRIMARY KEY (${[entry, judge, 'round_no', ...rest].join(', ')})`;
  // The column goes just before the key, i.e. after every existing column.
  const createNew = sql.replace(head, `CREATE TABLE ${table}_rebuilt (`).replace(oldKey, `${ROUND_COLUMN},\n        ${newKey}`);
  const dependants = db
    .prepare<[string, string, string], { type: 'index' | 'trigger' | 'view'; name: string; sql: string }>(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name <> ?
              AND (tbl_name = ? OR (type IN ('trigger', 'view') AND sql LIKE '%' || ? || '%')) ORDER BY type, name`)
    .all(table, table, table);
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]).map(quote).join(', ');
  for (const d of dependants) if (d.type !== 'index') db.exec(`DROP ${d.type.toUpperCase()} ${quote(d.name)}`);
  db.exec(createNew);
  db.exec(`INSERT INTO ${table}_rebuilt (${columns}) SELECT ${columns} FROM ${quote(table)}`);
  db.exec(`DROP TABLE ${quote(table)}`);
  db.exec(`ALTER TABLE ${table}_rebuilt RENAME TO ${quote(table)}`);
  const order = { index: 0, view: 1, trigger: 2 } as const;
  for (const d of [...dependants].sort((a, b) => order[a.type] - order[b.type])) db.exec(d.sql);
}
