// The merge's writes (merge-bundles.ts decides what is written; this module writes it).
// Policy (issue 18, a merge of 200 bundles: 250,000 entry reviews, 750,000 scores):
// - Entries a judge has nothing for yet (the usual first merge) are not written bundle by bundle:
//   their rows wait in PendingRows and go in at the end of the merge's one transaction, sorted by
//   the tables' primary keys, a few hundred rows per INSERT. Bundle by bundle, each of 200 bundles
//   touched most pages of the primary-key indexes (a judge's entries are spread over the whole
//   campaign), so the write-ahead log held the indexes many times over.
// - A bundle from a judge who still has rows waiting flushes them first: the replacement rules
//   (applyEntry) read and clear what is stored, and must see them.
// - Everything else (a review to replace, eligibility answers, comments, conflicts, an emptied
//   entry) goes through applyEntry at once, entry by entry, with statements prepared once per merge.
import type { Database, Statement } from 'better-sqlite3';
import type { CampaignDefinition } from '../../contract';
import { allDimensions, allEligibility } from '../../contract/lists';
import type { BundleEntry } from './merge-bundles';
import { GroupedRows } from './pending-rows';

/**
 * Rows per INSERT: four numbers each for scores, three for reviews, under SQLite's 32,766
 * parameters; more rows per statement step the statement fewer times.
 */
const ROWS_PER_INSERT = 1000;

/** First merges' rows, written sorted by primary key when the merge ends (or a judge comes back). */
export class PendingRows {
  /** Per row: entry id, group (judge, round, dimension, time), value, revision. */
  private scores = new GroupedRows(true);
  /** Per row: entry id, group (judge, round, status, time), revision. */
  private reviews = new GroupedRows(false);
  private judges = new Set<string>();

  constructor(private readonly db: Database) {}

  holds(judgeId: string): boolean {
    return this.judges.has(judgeId);
  }

  addScore(entryId: number, judgeId: string, round: number, key: string, value: number, revision: number, at: string): void {
    this.scores.push(entryId, this.scores.groupOf(judgeId, at, round, key), value, revision);
    this.judges.add(judgeId);
  }

  addReview(entryId: number, judgeId: string, round: number, status: string, revision: number, at: string): void {
    this.reviews.push(entryId, this.reviews.groupOf(judgeId, at, round, status), revision);
    this.judges.add(judgeId);
  }

  flush(): void {
    const { scores, reviews } = this;
    if (scores.count + reviews.count > 0) {
      // The groups go into a table of this connection's own (temp: never in the database file),
      // the rows' numbers are joined to them: scores' groups first, then reviews' after them.
      this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${GROUPS} (g INTEGER PRIMARY KEY, judge_id TEXT NOT NULL, round_no INTEGER NOT NULL, sub TEXT NOT NULL, at TEXT NOT NULL) STRICT`);
      const addGroup = this.db.prepare(`INSERT INTO ${GROUPS} (g, judge_id, round_no, sub, at) VALUES (?, ?, ?, ?, ?)`);
      const offset = scores.groups.length;
      scores.groups.forEach((g, i) => addGroup.run(i, g.judgeId, g.round, g.sub, g.at));
      reviews.groups.forEach((g, i) => addGroup.run(offset + i, g.judgeId, g.round, g.sub, g.at));
      // (entry_id, judge_id, round_no, dimension_key): the order of both primary keys.
      withIndexesBuiltAfter(this.db, 'scores', scores.count, () =>
        insertRows(this.db, 'scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at)', 'v.column1, g.judge_id, g.round_no, g.sub, v.column3, v.column4, g.at', scores, 0),
      );
      withIndexesBuiltAfter(this.db, 'reviews', reviews.count, () =>
        insertRows(this.db, 'reviews (entry_id, judge_id, round_no, status, revision, updated_at)', 'v.column1, g.judge_id, g.round_no, g.sub, v.column3, g.at', reviews, offset),
      );
      this.db.exec(`DELETE FROM ${GROUPS}`);
    }
    scores.clear();
    reviews.clear();
    this.judges.clear();
  }
}

/** The merge's row groups (PendingRows.flush), in the connection's temp schema. */
const GROUPS = 'temp.kepu_merge_row_groups';

/**
 * Rows that more than double a table go in without its secondary indexes, which are then built
 * again from their own definitions (sqlite_master): building an index sorts once, where 750,000
 * inserts in primary-key order land all over an index by judge. Inside the merge's transaction,
 * so readers see the old indexes or the new ones, never none. The primary key stays.
 */
function withIndexesBuiltAfter(db: Database, table: 'scores' | 'reviews', adding: number, insert: () => void): void {
  const stored = (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  if (adding < 10_000 || adding <= stored) {
    insert();
    return;
  }
  const indexes = db
    .prepare<[string], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table);
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  insert();
  for (const index of indexes) db.exec(index.sql);
}

/**
 * One bundle's entries. Entries this judge has nothing for yet (not in `reviewed`) with only scores
 * and a status wait in `pending`; the rest are replaced through applyEntry now.
 */
export function applyEntries(
  st: ApplyStatements,
  pending: PendingRows,
  judgeId: string,
  entries: readonly BundleEntry[],
  rounds: ReadonlyMap<number, number>,
  now: string,
  reviewed: Set<number>,
): void {
  for (const entry of entries) {
    const round = rounds.get(entry.entryId) ?? 1;
    const simple = !reviewed.has(entry.entryId) && Object.keys(entry.eligibility).length === 0 && !entry.comment && !entry.entrantComment && !entry.conflict;
    if (!simple) {
      applyEntry(st, judgeId, entry, round, now, reviewed);
      continue;
    }
    const revision = Math.max(1, entry.revision);
    let scored = false;
    for (const key in entry.scores) {
      pending.addScore(entry.entryId, judgeId, round, key, entry.scores[key], revision, now);
      scored = true;
    }
    if (scored || entry.complete) pending.addReview(entry.entryId, judgeId, round, entry.complete ? 'complete' : 'in_progress', revision, now);
  }
}

const bulkStatements = new WeakMap<Database, Map<string, ReturnType<Database['prepare']>>>();

/**
 * The rows in key order, ROWS_PER_INSERT per statement: each row's numbers (entry id, group, its
 * one or two numbers) as parameters, joined to its group for the strings. CROSS JOIN keeps the
 * parameters' order (SQLite does not reorder it): the rows go in in key order.
 */
function insertRows(db: Database, target: string, columns: string, rows: GroupedRows, groupOffset: number): void {
  let cache = bulkStatements.get(db);
  if (!cache) bulkStatements.set(db, (cache = new Map()));
  const numbers = target.startsWith('scores') ? 2 : 1;
  const width = 2 + numbers;
  const order = rows.keyOrder();
  let values: number[] = [];
  for (let i = 0; i < order.length; i += ROWS_PER_INSERT) {
    const count = Math.min(ROWS_PER_INSERT, order.length - i);
    const key = `${target}|${count}`;
    let statement = cache.get(key);
    if (!statement) {
      const row = `(${Array(width).fill('?').join(', ')})`;
      statement = db.prepare(`INSERT INTO ${target} SELECT ${columns} FROM (VALUES ${Array(count).fill(row).join(', ')}) v CROSS JOIN ${GROUPS} g ON g.g = v.column2`);
      cache.set(key, statement);
    }
    if (values.length !== count * width) values = new Array<number>(count * width);
    let v = 0;
    for (let r = i; r < i + count; r++) {
      const row = order[r];
      values[v++] = rows.entryId(row);
      values[v++] = rows.group(row) + groupOffset;
      values[v++] = rows.number(row, 0);
      if (numbers === 2) values[v++] = rows.number(row, 1);
    }
    statement.run(values);
  }
}

/**
 * The statements an entry's replacement needs, prepared once per merge (250,000 entries each).
 * Clearing a judge's entry removes scores and answers on the definition's dimensions and items
 * only: rows a new version set aside are kept.
 */
export interface ApplyStatements {
  /** The entries (and rounds) this judge has a review of. */
  hasReview: Statement<[string], { entry_id: number; round_no: number }>;
  clear(entryId: number, judgeId: string, round: number): void;
  scoresFor(count: number): Statement;
  answer: Statement;
  comment: Statement;
  conflict: Statement;
  dropReview: Statement;
  review: Statement;
}

export function applyStatements(db: Database, def: CampaignDefinition): ApplyStatements {
  const dimensions = JSON.stringify(allDimensions(def).map((d) => d.key));
  const items = JSON.stringify(allEligibility(def).map((i) => i.key));
  const clearScores = db.prepare('DELETE FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ? AND dimension_key IN (SELECT value FROM json_each(?))');
  const clearAnswers = db.prepare('DELETE FROM eligibility_answers WHERE entry_id = ? AND judge_id = ? AND round_no = ? AND item_key IN (SELECT value FROM json_each(?))');
  const clearRest = ['comments', 'conflicts'].map((table) => db.prepare(`DELETE FROM ${table} WHERE entry_id = ? AND judge_id = ? AND round_no = ?`));
  // One multi-row INSERT per entry for its scores (3 rows for the usual rubric), prepared per count.
  const scoreInserts = new Map<number, Statement>();
  const scoresFor = (n: number) => {
    let statement = scoreInserts.get(n);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      scoreInserts.set(n, statement);
    }
    return statement;
  };
  return {
    hasReview: db.prepare<[string], { entry_id: number; round_no: number }>('SELECT entry_id, round_no FROM reviews WHERE judge_id = ?'),
    clear(entryId: number, judgeId: string, round: number) {
      clearScores.run(entryId, judgeId, round, dimensions);
      clearAnswers.run(entryId, judgeId, round, items);
      for (const statement of clearRest) statement.run(entryId, judgeId, round);
    },
    scoresFor,
    answer: db.prepare('INSERT INTO eligibility_answers (entry_id, judge_id, round_no, item_key, answer, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    comment: db.prepare('INSERT INTO comments (entry_id, judge_id, round_no, body, entrant_body, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    conflict: db.prepare('INSERT INTO conflicts (entry_id, judge_id, round_no, reason, declared_at) VALUES (?, ?, ?, ?, ?)'),
    dropReview: db.prepare('DELETE FROM reviews WHERE entry_id = ? AND judge_id = ? AND round_no = ?'),
    review: db.prepare(`INSERT INTO reviews (entry_id, judge_id, round_no, status, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET status = excluded.status, revision = excluded.revision, updated_at = excluded.updated_at`),
  };
}

/**
 * Replaces this judge's review of one entry with the bundle's version of it. `reviewed`: entries
 * this judge already has something for (every stored change has a reviews row); only those need
 * clearing first.
 */
function applyEntry(st: ApplyStatements, judgeId: string, entry: BundleEntry, round: number, now: string, reviewed: Set<number>): void {
  if (reviewed.has(entry.entryId)) st.clear(entry.entryId, judgeId, round);
  const revision = Math.max(1, entry.revision);
  const scores = Object.entries(entry.scores);
  if (scores.length) st.scoresFor(scores.length).run(scores.flatMap(([key, value]) => [entry.entryId, judgeId, round, key, value, revision, now]));
  for (const [key, a] of Object.entries(entry.eligibility)) st.answer.run(entry.entryId, judgeId, round, key, a.answer, a.note, now);
  // An older bundle has no entrantComment: the merged row then has none either (the bundle replaces it all).
  if (entry.comment || entry.entrantComment) st.comment.run(entry.entryId, judgeId, round, entry.comment, entry.entrantComment ?? '', now);
  if (entry.conflict) st.conflict.run(entry.entryId, judgeId, round, entry.conflict.reason, now);
  const touched = Object.keys(entry.scores).length + Object.keys(entry.eligibility).length + (entry.comment || entry.entrantComment ? 1 : 0) + (entry.conflict ? 1 : 0);
  if (touched === 0 && !entry.complete) {
    st.dropReview.run(entry.entryId, judgeId, round);
    return;
  }
  st.review.run(entry.entryId, judgeId, round, entry.complete ? 'complete' : 'in_progress', revision, now);
}
