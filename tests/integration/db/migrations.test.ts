import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import type { Migration } from '../../../src-main/core/db/migration';
import { migrations } from '../../../src-main/core/db/migrations';
import { tempDir } from '../../helpers';

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const EXPECTED_TABLES = [
  'assets', 'assignments', 'audit_log', 'bundles', 'campaign_files', 'campaign_judges', 'campaigns', 'certificate_images', 'certificate_issuers', 'certificate_sequences', 'certificate_settings', 'certificates', 'change_token', 'comments',
  'conflicts', 'definition_versions', 'eligibility_answers', 'entries', 'entry_decisions', 'entry_origins', 'feedback_choices', 'feedback_holds', 'formal_checks', 'generated_reg_nos', 'import_mappings', 'import_value_maps', 'imports', 'issued_package_entries', 'issued_packages', 'judge_declared_conflicts', 'judges', 'mail_registrations', 'member_activities', 'membership_evidence', 'membership_step_records', 'notices', 'objection_files', 'objections', 'opened_package_entries', 'opened_packages', 'probe_results', 'ranking_settings', 'ranking_snapshot_lines', 'ranking_snapshots', 'reach_figures', 'reviews', 'round_closures', 'rubric_dimensions', 'score_overrides', 'scores', 'settings', 'shortlist_adjustments', 'shortlist_lines', 'shortlists',
];

describe('the database file', () => {
  it('is created with every table STRICT, WAL, foreign keys on and the latest user_version', () => {
    const db = openDatabase(databasePath(tempDir()));
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(EXPECTED_TABLES);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(() => db.prepare(`INSERT INTO entries (campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at)
      VALUES ('missing', 'R1', 'work', 't', 'unit', 'u', 'x', 'x')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = databasePath(tempDir());
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = digest(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_NEWER_VERSION', params: expect.objectContaining({ found: 99 }) }));
    expect(digest(file)).toBe(before);
  });

  it('refuses a file that is not SQLite without changing it', () => {
    const file = path.join(tempDir(), 'kepu.sqlite');
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(10));
    const before = digest(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_UNREADABLE' }));
    expect(digest(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kepu.sqlite']);
  });

  it('backs the file up before migrating and keeps the data', () => {
    const dir = tempDir();
    const file = databasePath(dir);
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (42);') };
    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE t ADD COLUMN y TEXT') };
    openDatabase(file, { migrations: [v1] }).close();
    const db = openDatabase(file, { migrations: [v1, v2] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^kepu\.sqlite\.v1\./);
    const copy = new Database(path.join(dir, backups[0]), { readonly: true });
    expect(copy.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('rolls a failed migration back completely', () => {
    const file = databasePath(tempDir());
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1);') };
    const v2: Migration = { version: 2, name: 'half', up: (db) => db.exec('CREATE TABLE u (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);') };
    openDatabase(file, { migrations: [v1] }).close();
    expect(() => openDatabase(file, { migrations: [v1, v2] })).toThrow(
      expect.objectContaining({ code: 'DB_MIGRATION_FAILED', params: expect.objectContaining({ version: 2, name: 'half' }) }),
    );
    const db = openDatabase(file, { migrations: [v1] });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'u'`).get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT x FROM t').all()).toEqual([{ x: 1 }]);
    db.close();
  });

  it('upgrades a version-1 database with data to the latest schema, keeping every row', async () => {
    const dir = tempDir();
    const file = databasePath(dir);
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.exec(`INSERT INTO campaigns VALUES ('c1', 't', 'works', '名', 'Name', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', '{}', 'x', 'x');
             INSERT INTO entries (campaign_id, reg_no, kind, title, entrant_type, entrant_name, created_at, updated_at)
             VALUES ('c1', 'R1', 'work', '标题', 'unit', '单位', 'x', 'x');`);
    v1.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(db.prepare('SELECT reg_no, title FROM entries').all()).toEqual([{ reg_no: 'R1', title: '标题' }]);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name IN ('import_mappings', 'imports')`).pluck().get()).toBe(2);
    db.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('kepu.sqlite.v1.'))).toHaveLength(1);
  });

  it('builds the same schema whether migrated step by step or in one go', () => {
    const schema = (file: string) => {
      const db = new Database(file, { readonly: true });
      const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all();
      db.close();
      return rows;
    };
    const stepwise = databasePath(tempDir());
    for (let n = 1; n <= migrations.length; n++) openDatabase(stepwise, { migrations: migrations.slice(0, n) }).close();
    const direct = databasePath(tempDir());
    openDatabase(direct).close();
    expect(schema(stepwise)).toEqual(schema(direct));
  });
});
