// Migration 6 (certificates) drops and rebuilds the `certificates` table of migration 1, which no
// version before 6 ever wrote to. Built here: a version-5 database holding a scored campaign (every
// table a version-5 app writes to while reviewing), migrated to the latest version. Every row of
// every table it had survives exactly; the rebuilt register and the new certificate tables start empty.
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { tempDir } from '../../helpers';

/** Every row of every table (except SQLite's own), in a stable order. */
function allRows(db: Database, tables: string[]): Record<string, unknown[]> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}

function tableNames(db: Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]);
}

describe('migration 6 (certificates)', () => {
  it('keeps every row of a version-5 database and rebuilds the never-written certificates table', () => {
    const file = databasePath(tempDir());
    const v5 = openDatabase(file, { migrations: migrations.slice(0, 5) });
    expect(v5.pragma('user_version', { simple: true })).toBe(5);
    v5.exec(`
      INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at, definition_json, created_at, updated_at)
        VALUES ('sichuan-2023', 'sichuan-influence-2023', 'works', '四川科普', 'Sichuan', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', '{"v":1}', '2023-11-01T00:00:00.000Z', '2023-11-02T00:00:00.000Z');
      INSERT INTO judges (id, name, institution, created_at) VALUES ('judge-1', '王立新', '四川省医学会', '2023-11-03T00:00:00.000Z'), ('judge-2', 'Zhang Wei', NULL, '2023-11-03T00:00:01.000Z');
      INSERT INTO campaign_judges (campaign_id, judge_id) VALUES ('sichuan-2023', 'judge-1'), ('sichuan-2023', 'judge-2');
      INSERT INTO entries (id, campaign_id, reg_no, kind, category, title, entrant_type, entrant_name, entrant_unit, fields_json, submitted_at, is_late, created_at, updated_at)
        VALUES (1, 'sichuan-2023', 'SC-0001', 'work', 'graphic', '一图读懂膳食宝塔', 'unit', '成都市第一人民医院', NULL, '{"a":"b"}', '2023-12-20T02:00:00.000Z', 0, 'x', 'y'),
               (2, 'sichuan-2023', 'SC-0002', 'account', NULL, '健康四川', 'individual', '李华', '成都商报', '{}', '2023-12-26T02:00:00.000Z', 1, 'x', 'y');
      INSERT INTO assignments (entry_id, judge_id, source, assigned_at) VALUES (1, 'judge-1', 'auto', 'z'), (1, 'judge-2', 'manual', 'z'), (2, 'judge-1', 'auto', 'z');
      INSERT INTO reviews (entry_id, judge_id, status, revision, updated_at) VALUES (1, 'judge-1', 'complete', 4, 'r'), (1, 'judge-2', 'in_progress', 1, 'r');
      INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (1, 'judge-1', 'content', 8.5, 1, 's'), (1, 'judge-1', 'creativity', 7, 2, 's'), (1, 'judge-2', 'content', 9, 1, 's');
    `);
    const tablesBefore = tableNames(v5);
    const kept = tablesBefore.filter((t) => t !== 'certificates');
    const before = allRows(v5, kept);
    expect(before.entries).toHaveLength(2);
    expect(before.scores).toHaveLength(3);
    // What every version-5 app left behind: the register of migration 1, never written to.
    expect(v5.prepare('SELECT count(*) FROM certificates').pluck().get()).toBe(0);
    v5.close();

    const db = openDatabase(file, { migrations: migrations.slice(0, 6) });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(allRows(db, kept)).toEqual(before);
    expect(tableNames(db)).toEqual([...tablesBefore, 'certificate_images', 'certificate_issuers', 'certificate_sequences', 'certificate_settings'].sort());
    const columns = db.prepare(`SELECT name FROM pragma_table_info('certificates') ORDER BY cid`).pluck().all();
    expect(columns).toEqual(expect.arrayContaining(['serial', 'list_name', 'subject', 'content_json', 'issue_date', 'issuer_key_id', 'snapshot_id', 'revoked_at', 'revoke_reason']));
    expect(columns).not.toContain('title');
    for (const t of ['certificates', 'certificate_settings', 'certificate_images', 'certificate_sequences', 'certificate_issuers']) {
      expect(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get(), t).toBe(0);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // And on to the latest version: the rows still all there (later migrations may add columns).
    const latest = openDatabase(file);
    expect(latest.prepare('SELECT id, reg_no, title, is_late FROM entries ORDER BY id').all()).toEqual([
      { id: 1, reg_no: 'SC-0001', title: '一图读懂膳食宝塔', is_late: 0 },
      { id: 2, reg_no: 'SC-0002', title: '健康四川', is_late: 1 },
    ]);
    expect(latest.prepare('SELECT entry_id, judge_id, dimension_key, value FROM scores ORDER BY rowid').all()).toEqual([
      { entry_id: 1, judge_id: 'judge-1', dimension_key: 'content', value: 8.5 },
      { entry_id: 1, judge_id: 'judge-1', dimension_key: 'creativity', value: 7 },
      { entry_id: 1, judge_id: 'judge-2', dimension_key: 'content', value: 9 },
    ]);
    latest.close();
  });
});
