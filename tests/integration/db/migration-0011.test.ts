// Migration 11 (definition versions): packages issued before it get the definition version that
// was in force when they were issued, so their bundles are checked against the right definition.
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { tempDir } from '../../helpers';

describe('migration 11', () => {
  it('records for every issued package the definition version in force when it was issued', () => {
    const file = databasePath(tempDir());
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 8) });
    expect(old.pragma('user_version', { simple: true })).toBe(8);
    const campaign = old.prepare(`INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at, definition_json, created_at, updated_at)
                                  VALUES (?, 't', 'works', '甲', 'A', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', '{}', '2023-01-01T00:00:00.000Z', '2023-01-01T00:00:00.000Z')`);
    campaign.run('edited');
    campaign.run('never-edited');
    old.prepare(`INSERT INTO judges (id, name, created_at) VALUES ('j1', '王评委', '2023-01-01T00:00:00.000Z')`).run();
    const version = old.prepare(`INSERT INTO definition_versions (campaign_id, version, definition_json, saved_at, actor, reason) VALUES ('edited', ?, '{}', ?, 'local', 'r')`);
    version.run(1, '2023-01-01T00:00:00.000Z');
    version.run(2, '2023-06-01T08:00:00.000Z');
    version.run(3, '2023-09-01T08:00:00.000Z');
    const issued = old.prepare(`INSERT INTO issued_packages (id, campaign_id, judge_id, created_at, entry_count, with_media, manifest_sha256) VALUES (?, ?, 'j1', ?, 0, 0, ?)`);
    issued.run('before-2', 'edited', '2023-03-01T00:00:00.000Z', '0'.repeat(64));
    issued.run('at-2', 'edited', '2023-06-01T08:00:00.000Z', '1'.repeat(64));
    issued.run('after-3', 'edited', '2023-10-01T00:00:00.000Z', '2'.repeat(64));
    issued.run('plain', 'never-edited', '2023-10-01T00:00:00.000Z', '3'.repeat(64));
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(Object.fromEntries(db.prepare('SELECT id, definition_version FROM issued_packages ORDER BY id').raw().all() as [string, number][])).toEqual({
      'before-2': 1,
      'at-2': 2,
      'after-3': 3,
      plain: 1,
    });
    expect(db.prepare('SELECT count(*) FROM definition_versions WHERE statement IS NULL AND affected_json IS NULL').pluck().get()).toBe(3);
    db.close();
  });
});
