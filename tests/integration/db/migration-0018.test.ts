// Migration 18 puts the scoring round (round_no) into the key of every table of per-(entry, judge)
// review data. A database made before it must come through with every row as it was, each now in
// round 1, and the round must then tell rows of different rounds apart.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { tempDir } from '../../helpers';

const before18 = migrations.filter((m) => m.version < 18);

const TABLES = {
  assignments: 'entry_id, judge_id',
  reviews: 'entry_id, judge_id',
  scores: 'entry_id, judge_id, dimension_key',
  eligibility_answers: 'entry_id, judge_id, item_key',
  conflicts: 'entry_id, judge_id',
  comments: 'entry_id, judge_id',
  score_overrides: 'id',
} as const;

function rows(db: Database.Database) {
  return Object.fromEntries(Object.entries(TABLES).map(([t, order]) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all() as Record<string, unknown>[]]));
}

function buildVersion17(file: string) {
  const db = openDatabase(file, { migrations: before18 });
  db.exec(`INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at, definition_json, created_at, updated_at)
             VALUES ('sc', 't', 'works', '名', 'Name', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', '{}', 'x', 'x');
           INSERT INTO entries (id, campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at) VALUES
             (7, 'sc', 'SC-0007', 'work', '七步洗手法', 'unit', '华西', 'c', 'u'), (12, 'sc', 'SC-0012', 'work', '膳食宝塔', 'unit', '华西', 'c', 'u');
           INSERT INTO judges (id, name, created_at) VALUES ('j1', '王评委', 'x'), ('j2', '李评委', 'x');
           INSERT INTO campaign_judges VALUES ('sc', 'j1'), ('sc', 'j2');
           INSERT INTO assignments VALUES (7, 'j1', 'auto', 'a1'), (7, 'j2', 'manual', 'a2'), (12, 'j1', 'auto', 'a3');
           INSERT INTO scores VALUES (7, 'j1', 'content', 8.5, 1, 's1'), (7, 'j1', 'creativity', 7, 1, 's2'), (7, 'j2', 'content', 6, 2, 's3');
           INSERT INTO reviews (entry_id, judge_id, status, revision, updated_at) VALUES (7, 'j1', 'complete', 1, 'r1'), (7, 'j2', 'in_progress', 2, 'r2');
           INSERT INTO comments VALUES (7, 'j1', '很好', 'c1');
           INSERT INTO conflicts VALUES (12, 'j2', '同单位', 'd1');
           INSERT INTO eligibility_answers VALUES (12, 'j1', 'ethics', 'yes', NULL, 'e1'), (12, 'j1', 'source', 'unsure', '待查', 'e2');
           INSERT INTO score_overrides (campaign_id, entry_id, judge_id, dimension_key, value, reason, actor, at) VALUES ('sc', 7, 'j2', 'content', 7, '电话确认', 'coord', 'o1');`);
  return db;
}

describe('migration 18 (round numbers)', () => {
  it('keeps every row of the review tables exactly, each in round 1, with the indexes as they were', () => {
    const file = databasePath(tempDir());
    const v17 = buildVersion17(file);
    const before = rows(v17);
    const indexes = (db: Database.Database) =>
      db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${Object.keys(TABLES).map((t) => `'${t}'`).join(', ')}) ORDER BY name`).all();
    const indexesBefore = indexes(v17);
    v17.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const after = rows(db);
    for (const [table, list] of Object.entries(before)) {
      expect(after[table].length, table).toBe(list.length);
      // Migration 23 later adds comments.entrant_body (the comment for the entrant), '' on older rows.
      expect(after[table], table).toEqual(list.map((r) => ({ ...r, round_no: 1, ...(table === 'comments' ? { entrant_body: '' } : {}) })));
    }
    expect(indexes(db)).toEqual(indexesBefore);
    // The references to entries and judges still act.
    expect(() => db.prepare(`INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (999, 'j1', 'content', 1, 1, 'x')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('puts the round in each key: the same judge scores the same entry in round 1 and round 2', () => {
    const file = databasePath(tempDir());
    buildVersion17(file).close();
    const db = openDatabase(file);
    db.prepare(`INSERT INTO scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at) VALUES (7, 'j1', 2, 'content', 9, 1, 'x')`).run();
    db.prepare(`INSERT INTO assignments (entry_id, judge_id, round_no, source, assigned_at) VALUES (7, 'j1', 2, 'auto', 'x')`).run();
    db.prepare(`INSERT INTO reviews (entry_id, judge_id, round_no, status, revision, updated_at) VALUES (7, 'j1', 2, 'in_progress', 1, 'x')`).run();
    expect(db.prepare(`SELECT round_no, value FROM scores WHERE entry_id = 7 AND judge_id = 'j1' AND dimension_key = 'content' ORDER BY round_no`).all()).toEqual([
      { round_no: 1, value: 8.5 },
      { round_no: 2, value: 9 },
    ]);
    expect(() => db.prepare(`INSERT INTO scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at) VALUES (7, 'j1', 2, 'content', 1, 1, 'x')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO comments (entry_id, judge_id, round_no, body, updated_at) VALUES (7, 'j1', 0, 'x', 'x')`).run()).toThrow(/CHECK/);
    // Deleting the entry still takes its rows of every round with it.
    db.prepare('DELETE FROM entries WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(0);
    db.close();
  });

  it('gives a new database the same review tables as a migrated one', () => {
    const sql = (file: string) => {
      const db = new Database(file, { readonly: true });
      const out = db.prepare(`SELECT name, sql FROM sqlite_master WHERE name IN (${Object.keys(TABLES).map((t) => `'${t}'`).join(', ')}) ORDER BY name`).all();
      db.close();
      return out;
    };
    const migrated = databasePath(tempDir());
    buildVersion17(migrated).close();
    openDatabase(migrated).close();
    const fresh = databasePath(tempDir());
    openDatabase(fresh).close();
    expect(sql(fresh)).toEqual(sql(migrated));
  });
});
