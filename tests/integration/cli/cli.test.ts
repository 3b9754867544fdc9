import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../../src-main/core/db/connection';
import { repoRoot, tempDir } from '../../helpers';

function kepu(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KEPU_LANG: 'en', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the kepu command', () => {
  it('prints help with exit 0, and usage errors exit 2', () => {
    const help = kepu(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kepu serve [--data-dir D] [--port N]');
    expect(kepu([]).code).toBe(2);
    const unknown = kepu(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(kepu(['campaign', 'create']).code).toBe(2);
    expect(kepu(['serve', '--port', 'eighty']).code).toBe(2);
    expect(kepu(['demo', '--no-such-flag']).code).toBe(2);
  });

  it('creates a campaign from a template and lists it as JSON', () => {
    const dir = tempDir();
    const created = kepu(['campaign', 'create', '--template', 'sichuan-influence-2023', '--data-dir', dir, '--json']);
    expect(created.code).toBe(0);
    const campaign = JSON.parse(created.stdout);
    expect(campaign).toMatchObject({ templateId: 'sichuan-influence-2023', kind: 'works', deadline: '2023-12-25T10:00:00.000Z' });
    const listed = JSON.parse(kepu(['campaign', 'list', '--data-dir', dir, '--json']).stdout);
    expect(listed.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
  });

  it('reports an unknown template in the user language with exit 1', () => {
    const dir = tempDir();
    const en = kepu(['campaign', 'create', '--template', 'nope', '--data-dir', dir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('There is no campaign template "nope"');
    expect(en.stderr).toContain('[TEMPLATE_UNKNOWN]');
    const zh = kepu(['campaign', 'create', '--template', 'nope', '--data-dir', dir], { KEPU_LANG: 'zh-CN' });
    expect(zh.stderr).toContain('没有名为“nope”的活动模板');
  });

  it('loads the demo data set', () => {
    const dir = tempDir();
    const demo = kepu(['demo', '--data-dir', dir, '--json']);
    expect(demo.code).toBe(0);
    const out = JSON.parse(demo.stdout);
    expect(out.campaigns).toHaveLength(2);
    expect(out.campaign.entryCount).toBe(32);
  });

  it('refuses a database from a newer version with exit 1 and a clear message', () => {
    const dir = tempDir();
    openDatabase(databasePath(dir)).close();
    const raw = new Database(databasePath(dir));
    raw.pragma('user_version = 42');
    raw.close();
    const result = kepu(['campaign', 'list', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('written by a newer version of Kepu Review (schema 42');
    expect(result.stderr).toContain('[DB_NEWER_VERSION]');
  });

  it('imports a GBK registration file, reports rejected rows by number, exits 1, and is idempotent', () => {
    const dir = tempDir();
    const campaign = JSON.parse(kepu(['campaign', 'create', '--template', 'sichuan-influence-2023', '--data-dir', dir, '--json']).stdout);
    const file = path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.gbk.csv');
    const first = kepu(['import', file, '--campaign', campaign.id, '--data-dir', dir, '--json']);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout);
    expect(report.added).toEqual([2, 3, 4, 5, 6, 13]);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([7, 8, 9, 10, 11]);
    const text = kepu(['import', file, '--campaign', campaign.id, '--data-dir', dir], { KEPU_LANG: 'zh-CN' });
    expect(text.stdout).toContain('新增 0 条，更新 0 条，未变 6 条，拒收 5 条');
    expect(text.stdout).toContain('第 7 行：缺少作品名称');
    expect(kepu(['import', file, '--data-dir', dir]).code).toBe(2);
    expect(kepu(['import', file, '--campaign', campaign.id, '--encoding', 'latin9', '--data-dir', dir]).code).toBe(2);
    const missing = kepu(['import', path.join(dir, 'nope.csv'), '--campaign', campaign.id, '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
