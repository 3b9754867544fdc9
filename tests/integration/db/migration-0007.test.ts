// Migration 7 (package pinning) moves data: packages a judge opened under version 6 get their
// coordinator ids and their issue time in UTC, so they keep working as the pinned, current package.
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { currentOpenedPackage, pinnedKeyOf } from '../../../src-main/core/packages/package-pin';
import { tempDir } from '../../helpers';

describe('migration 7 (package pinning)', () => {
  it('fills the coordinator ids and the UTC issue time of packages opened before it', () => {
    const file = databasePath(tempDir());
    const v6 = openDatabase(file, { migrations: migrations.slice(0, 6) });
    v6.exec(`INSERT INTO campaigns (id, template_id, kind, name_zh, name_en, time_zone, deadline_at, definition_json, created_at, updated_at)
             VALUES ('sichuan-2023', 'package:p1', 'works', '名', 'Name', 'Asia/Shanghai', '2023-12-25T10:00:00.000Z', '{}', 'x', 'x');
             INSERT INTO judges (id, name, created_at) VALUES ('judge-1', '王评委', 'x');`);
    const insert = v6.prepare(`INSERT INTO opened_packages (id, campaign_id, judge_id, coordinator_key_id, coordinator_name, opened_at, last_bundle_revision, manifest_json, media_dir)
                               VALUES (?, 'sichuan-2023', 'judge-1', ?, '组委会', ?, ?, ?, '/data/packages/x/media')`);
    insert.run('pkg-a', 'a'.repeat(64), '2023-12-26T00:00:00.000Z', 2, JSON.stringify({ createdAt: '2023-12-26T09:30:00+08:00' }));
    // A second key on the same campaign (opened before pinning existed): the first one stays the pin.
    insert.run('pkg-b', 'b'.repeat(64), '2023-12-27T00:00:00.000Z', 0, JSON.stringify({ createdAt: '2023-12-27T01:00:00.000Z' }));
    v6.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT id, remote_campaign_id, remote_package_id, issued_at FROM opened_packages ORDER BY id').all()).toEqual([
      { id: 'pkg-a', remote_campaign_id: 'sichuan-2023', remote_package_id: 'pkg-a', issued_at: '2023-12-26T01:30:00.000Z' },
      { id: 'pkg-b', remote_campaign_id: 'sichuan-2023', remote_package_id: 'pkg-b', issued_at: '2023-12-27T01:00:00.000Z' },
    ]);
    expect(pinnedKeyOf(db, 'sichuan-2023')).toBe('a'.repeat(64));
    expect(currentOpenedPackage(db, 'sichuan-2023')?.id).toBe('pkg-b');
    db.close();
  });
});
