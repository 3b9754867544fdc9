// `kepu judge add|list`: a judge added on the roster from the command line with contact and
// declared conflicts (before any key card), listed with "no key card yet"; an unknown registration
// number exits 1 naming it, in the user's language.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { openTestApp, repoRoot } from '../../helpers';

function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu judge', () => {
  it('adds a judge with contact and conflicts, lists it without a key card, and refuses an unknown entry', async () => {
    const { ctx, dataDir } = openTestApp();
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    const csv = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv'));
    await importRegistrations(ctx, campaign.id, { fileName: 'r.csv', bytes: csv });
    ctx.close();

    const added = kepu([
      'judge', 'add', '--campaign', campaign.id, '--name', '周评委', '--institution', '成都医学院', '--contact', '微信 zhou',
      '--conflict-institution', '四川大学华西医院', '--conflict-institution', '四川省人民医院', '--conflict-entry', 'SC-0005=曾指导', '--data-dir', dataDir, '--json',
    ]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      ok: true,
      name: '周评委',
      contact: '微信 zhou',
      fingerprint: null,
      conflicts: { institutions: ['四川大学华西医院', '四川省人民医院'], entries: [{ regNo: 'SC-0005', reason: '曾指导' }] },
    });

    const listed = kepu(['judge', 'list', '--campaign', campaign.id, '--data-dir', dataDir]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('周评委 · 成都医学院');
    expect(listed.stdout).toContain('contact: 微信 zhou');
    expect(listed.stdout).toContain('key: no key card yet');
    expect(listed.stdout).toContain('四川大学华西医院, 四川省人民医院, SC-0005 (曾指导)');
    // In Chinese the labels and the reason take full-width punctuation (GB/T 15834).
    const listedZh = kepu(['judge', 'list', '--campaign', campaign.id, '--data-dir', dataDir], 'zh-CN');
    expect(listedZh.stdout).toContain('联系方式：微信 zhou');
    expect(listedZh.stdout).toContain('申报回避：四川大学华西医院、四川省人民医院、SC-0005（曾指导）');

    const refused = kepu(['judge', 'add', '--campaign', campaign.id, '--name', '吴评委', '--conflict-entry', 'SC-9999', '--data-dir', dataDir], 'zh-CN');
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toContain('SC-9999');
    expect(refused.stderr + refused.stdout).toContain('JUDGE_CONFLICT_ENTRY_UNKNOWN');
    expect(kepu(['judge', 'add', '--data-dir', dataDir]).code).toBe(2);
    const after = openTestApp(dataDir);
    expect(after.ctx.db.prepare('SELECT name FROM judges').pluck().all()).toEqual(['周评委']);
    after.ctx.close();
  });
});
