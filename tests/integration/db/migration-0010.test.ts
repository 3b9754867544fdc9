// Migration 10 rebuilds the entries table (to let entries.kind be 'brand') and adds is_early. A
// database made before it, holding entries with scores, assets, assignments and the rest, must
// come through with every row, every id and every foreign key as it was.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import type { Migration } from '../../../src-main/core/db/migration';
import { migrations } from '../../../src-main/core/db/migrations';
import { migration0010 } from '../../../src-main/core/db/migrations/0010-intake-brands-early';
import { tempDir } from '../../helpers';

const before10 = migrations.filter((m) => m.version < 10);

const definition = JSON.stringify({ opensAt: '2023-12-09T00:00:00+08:00', deadline: '2023-12-25T18:00:00+08:00' });

/**
 * Every row of the tables that point at entries, in a stable order. Migration 18 later adds the
 * scoring round (round_no, 1 for every row stored before it; its own test checks that): left out
 * here, so this compares what migration 10 kept. Likewise comments.entrant_body (migration 23, the
 * comment for the entrant, '' for every row stored before it).
 */
function dependants(db: Database.Database) {
  // Columns later migrations add (round_no, entrant_body, eligibility_item) are not 0010's business.
  const all = (sql: string) => (db.prepare(sql).all() as Record<string, unknown>[]).map(({ round_no: _round, entrant_body: _entrant, eligibility_item: _item, ...row }) => row);
  return {
    assets: all('SELECT * FROM assets ORDER BY id'),
    scores: all('SELECT * FROM scores ORDER BY entry_id, judge_id, dimension_key'),
    assignments: all('SELECT * FROM assignments ORDER BY entry_id, judge_id'),
    reviews: all('SELECT * FROM reviews ORDER BY entry_id, judge_id'),
    comments: all('SELECT * FROM comments ORDER BY entry_id, judge_id'),
    conflicts: all('SELECT * FROM conflicts ORDER BY entry_id, judge_id'),
    eligibility: all('SELECT * FROM eligibility_answers ORDER BY entry_id, judge_id, item_key'),
    issued: all('SELECT * FROM issued_package_entries ORDER BY package_id, entry_id'),
  };
}

function buildVersion9(file: string) {
  const db = openDatabase(file, { migrations: before10 });
  expect(db.pragma('user_version', { simple: true })).toBe(before10.at(-1)!.version);
  db.prepare(`INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at, definition_json, created_at, updated_at)
              VALUES ('sc', 'sichuan-influence-2023', 'works', '名', 'Name', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', ?, 'x', 'x'),
                     ('old', 't', 'works', '旧', 'Old', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', '{}', 'x', 'x')`).run(definition);
  const entry = db.prepare(`INSERT INTO entries (id, campaign_id, reg_no, kind, category, title, entrant_type, entrant_name, entrant_unit, fields_json, submitted_at, is_late, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, 'unit', '四川大学华西医院', NULL, ?, ?, ?, 'c', 'u')`);
  entry.run(7, 'sc', 'SC-0007', 'work', 'video', '七步洗手法', '{"authors":"李晓雯"}', '2023-12-10T01:30:00.000Z', 0);
  entry.run(9, 'sc', 'SC-0009', 'account', null, '抖音 · 华西', '{}', '2023-12-08T02:00:00.000Z', 0); // before the opening
  entry.run(12, 'sc', 'SC-0012', 'work', 'graphic', '膳食宝塔', '{}', '2023-12-25T10:01:00.000Z', 1);
  entry.run(13, 'sc', 'SC-0013', 'individual', null, '陈静', '{}', null, 0);
  entry.run(20, 'old', 'R1', 'work', null, '旧条目', '{}', '2020-01-01T00:00:00.000Z', 0); // no opensAt: never early
  db.exec(`INSERT INTO judges (id, name, created_at) VALUES ('j1', '王评委', 'x'), ('j2', '李评委', 'x');
           INSERT INTO campaign_judges VALUES ('sc', 'j1'), ('sc', 'j2');
           INSERT INTO assets (id, entry_id, role, position, path, sha256, size_bytes, mtime_ms) VALUES
             (1, 7, 'video', 0, '/works/SC-0007.mp4', '${'a'.repeat(64)}', 1000, 5),
             (2, 9, 'screenshot', 0, '/works/SC-0009.jpg', '${'b'.repeat(64)}', 2000, 6);
           INSERT INTO assignments VALUES (7, 'j1', 'auto', 'x'), (7, 'j2', 'manual', 'x'), (12, 'j1', 'auto', 'x');
           INSERT INTO scores VALUES (7, 'j1', 'content', 8.5, 1, 'x'), (7, 'j1', 'creativity', 7, 1, 'x'), (7, 'j2', 'content', 6, 2, 'x');
           INSERT INTO reviews (entry_id, judge_id, status, revision, updated_at) VALUES (7, 'j1', 'complete', 1, 'x');
           INSERT INTO comments VALUES (7, 'j1', '很好', 'x');
           INSERT INTO conflicts VALUES (12, 'j2', '同单位', 'x');
           INSERT INTO eligibility_answers VALUES (13, 'j1', 'ethics', 'yes', NULL, 'x');
           INSERT INTO issued_packages (id, campaign_id, judge_id, created_at, entry_count, with_media, manifest_sha256)
             VALUES ('pkg-1', 'sc', 'j1', 'x', 2, 0, '${'d'.repeat(64)}');
           INSERT INTO issued_package_entries VALUES ('pkg-1', 7), ('pkg-1', 12);`);
  return db;
}

describe('migration 10 (brand entries, early flag)', () => {
  it('rebuilds entries keeping every row, id and reference; brand is accepted, foreign keys hold', () => {
    const file = databasePath(tempDir());
    const v9 = buildVersion9(file);
    const entriesBefore = v9.prepare('SELECT * FROM entries ORDER BY id').all() as Record<string, unknown>[];
    const dependantsBefore = dependants(v9);
    const indexesBefore = v9.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries' ORDER BY name`).all();
    expect(() => v9.prepare(`INSERT INTO entries (campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at)
                             VALUES ('sc', 'B-1', 'brand', '品牌', 'unit', '单位', 'x', 'x')`).run()).toThrow(/CHECK/);
    v9.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const entriesAfter = db.prepare('SELECT * FROM entries ORDER BY id').all() as Record<string, unknown>[];
    expect(entriesAfter.map(({ is_early: _e, ...rest }) => rest)).toEqual(entriesBefore);
    expect(Object.fromEntries(entriesAfter.map((e) => [e.reg_no, e.is_early]))).toEqual({ 'SC-0007': 0, 'SC-0009': 1, 'SC-0012': 0, 'SC-0013': 0, R1: 0 });
    expect(dependants(db)).toEqual(dependantsBefore);
    // The old indexes are back as they were, plus the new one for early entries.
    const indexesAfter = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries' AND name <> 'entries_early' ORDER BY name`).all();
    expect(indexesAfter).toEqual(indexesBefore);
    // The tables that reference entries still do, and the references still act.
    for (const table of ['assets', 'scores', 'assignments', 'reviews', 'comments']) {
      expect(db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(table), table).toContain('entries');
    }

    db.prepare(`INSERT INTO entries (campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at)
                VALUES ('sc', 'B-1', 'brand', '川派中医', 'unit', '成都中医药大学', 'x', 'x')`).run();
    expect(db.prepare(`SELECT kind FROM entries WHERE reg_no = 'B-1'`).pluck().get()).toBe('brand');
    expect(() => db.prepare(`INSERT INTO entries (campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at)
                             VALUES ('sc', 'X-1', 'lecture', 't', 'unit', 'u', 'x', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (999, 'j1', 'content', 1, 1, 'x')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE entries SET is_early = 2 WHERE id = 7`).run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM entries WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) FROM scores').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM assets WHERE entry_id = 7').pluck().get()).toBe(0);
    db.close();
  });

  it('gives a new database the same entries table as a migrated one', () => {
    const sql = (file: string) => {
      const db = new Database(file, { readonly: true });
      const row = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'entries'`).pluck().get();
      db.close();
      return row;
    };
    const migrated = databasePath(tempDir());
    buildVersion9(migrated).close();
    openDatabase(migrated).close();
    const fresh = databasePath(tempDir());
    openDatabase(fresh).close();
    expect(sql(fresh)).toEqual(sql(migrated));
    expect(sql(fresh)).toContain("'applicant', 'brand'");
  });

  it('carries over what an earlier step added to entries: a column, an index, a trigger and a view', () => {
    // What another step numbered before 10 might do to the table.
    const archive: Migration = {
      version: 9,
      name: 'archive-like',
      up: (db) =>
        db.exec(`ALTER TABLE entries ADD COLUMN archived_at TEXT;
                 CREATE INDEX entries_archived ON entries (campaign_id) WHERE archived_at IS NOT NULL;
                 CREATE TABLE entry_log (entry_id INTEGER NOT NULL, what TEXT NOT NULL) STRICT;
                 CREATE TRIGGER entries_logged AFTER UPDATE OF title ON entries BEGIN INSERT INTO entry_log VALUES (new.id, 'title'); END;
                 CREATE VIEW live_entries AS SELECT id, reg_no FROM entries WHERE archived_at IS NULL;`),
    };
    const file = databasePath(tempDir());
    const v9 = openDatabase(file, { migrations: [...before10, archive] });
    v9.exec(`INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at, definition_json, created_at, updated_at)
             VALUES ('c', 't', 'works', '名', 'N', 'Asia/Shanghai', 'x', '{}', 'x', 'x');
             INSERT INTO entries (id, campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at, archived_at)
             VALUES (1, 'c', 'R1', 'work', 't', 'unit', 'u', 'x', 'x', NULL), (2, 'c', 'R2', 'work', 't', 'unit', 'u', 'x', 'x', '2024-01-01');`);
    v9.close();
    const db = openDatabase(file, { migrations: [...before10, archive, migration0010] });
    expect(db.prepare('SELECT id, archived_at FROM entries ORDER BY id').all()).toEqual([{ id: 1, archived_at: null }, { id: 2, archived_at: '2024-01-01' }]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('entries_archived', 'entries_logged', 'live_entries') ORDER BY name`).pluck().all())
      .toEqual(['entries_archived', 'entries_logged', 'live_entries']);
    db.prepare(`UPDATE entries SET title = 'new' WHERE id = 1`).run();
    expect(db.prepare('SELECT * FROM entry_log').all()).toEqual([{ entry_id: 1, what: 'title' }]);
    expect(db.prepare('SELECT reg_no FROM live_entries').pluck().all()).toEqual(['R1']);
    db.close();
  });

  it('rolls back a table rebuild that would leave a broken foreign key, and turns foreign keys back on', () => {
    const file = databasePath(tempDir());
    const v1: Migration = {
      version: 1,
      name: 'one',
      up: (db) => db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;
                           CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE) STRICT;
                           INSERT INTO parent VALUES (1), (2); INSERT INTO child VALUES (1), (2);`),
    };
    // A careless rebuild that loses a parent row: with foreign keys off nothing cascades, so the
    // check before commit is what catches it.
    const careless: Migration = {
      version: 2,
      name: 'careless',
      rebuildsTables: true,
      up: (db) => db.exec(`CREATE TABLE parent_new (id INTEGER PRIMARY KEY) STRICT; INSERT INTO parent_new SELECT id FROM parent WHERE id = 1;
                           DROP TABLE parent; ALTER TABLE parent_new RENAME TO parent;`),
    };
    openDatabase(file, { migrations: [v1] }).close();
    expect(() => openDatabase(file, { migrations: [v1, careless] })).toThrow(
      expect.objectContaining({ code: 'DB_MIGRATION_FAILED', params: expect.objectContaining({ version: 2, name: 'careless' }) }),
    );
    const db = openDatabase(file, { migrations: [v1] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id FROM parent ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(2);
    db.close();
  });
});
