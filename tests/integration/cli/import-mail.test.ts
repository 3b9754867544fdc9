// kepu import with mails: a folder of .eml files and an .mbox, same report shape as a spreadsheet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../helpers';

function kepu(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixtures = path.join(repoRoot, 'tests/fixtures/mail');

describe('kepu import with mails', () => {
  it('imports a folder of .eml files (JSON report with the attachments checked), then the same mails as one .mbox: matched, not duplicated', () => {
    const dir = tempDir();
    const campaign = JSON.parse(kepu(['campaign', 'create', '--template', 'sichuan-influence-2023', '--data-dir', dir, '--json']).stdout);
    const inbox = path.join(dir, 'inbox');
    fs.mkdirSync(path.join(inbox, 'december'), { recursive: true });
    fs.copyFileSync(path.join(fixtures, 'gbk-video.eml'), path.join(inbox, 'gbk-video.eml'));
    fs.copyFileSync(path.join(fixtures, 'qp-account.eml'), path.join(inbox, 'december', 'qp-account.eml'));
    fs.writeFileSync(path.join(inbox, 'readme.txt'), 'not a mail');

    const first = kepu(['import', inbox, '--campaign', campaign.id, '--data-dir', dir, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ ok: true, format: 'mail', fileName: 'inbox', added: [1, 2], rejected: [] });
    expect(report.mail).toMatchObject({ attachmentsStored: 1, mediaToFetch: 1, media: { filesLinked: 1, checked: { pass: 1 } } });

    // The same two mails in one mbox: matched by Message-ID, nothing new.
    const mboxFile = path.join(dir, 'export.mbox');
    fs.writeFileSync(
      mboxFile,
      Buffer.concat(['qp-account.eml', 'gbk-video.eml'].flatMap((name) => [Buffer.from('From - Mon Dec 11 09:30:00 2023\n'), fs.readFileSync(path.join(fixtures, name)), Buffer.from('\n')])),
    );
    const text = kepu(['import', mboxFile, '--campaign', campaign.id, '--data-dir', dir], { KEPU_LANG: 'zh-CN' });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('export.mbox');
    expect(text.stdout).toContain('邮件附件：已保存并检查 1 个（合格 1，不合格 0，无法读取 0）');
    const listed = JSON.parse(kepu(['import', mboxFile, '--campaign', campaign.id, '--data-dir', dir, '--json']).stdout);
    expect(listed).toMatchObject({ added: [], unchanged: [1, 2] });
  });

  it('a mail whose kind cannot be read is refused by row until --kind chooses it', () => {
    const dir = tempDir();
    const campaign = JSON.parse(kepu(['campaign', 'create', '--template', 'sichuan-influence-2023', '--data-dir', dir, '--json']).stdout);
    const file = path.join(dir, 'one.eml');
    fs.writeFileSync(
      file,
      ['From: a@example.cn', 'Subject: =?UTF-8?B?5oql5ZCN?=', 'Message-ID: <k1@example.cn>', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '申报类型：讲座', '作品类别：图文', '作品名称：洗手', '作者：张敏', '电话：13900001111', '申报理由：好', ''].join('\r\n'),
    );
    const refused = kepu(['import', file, '--campaign', campaign.id, '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 1:');
    expect(kepu(['import', file, '--campaign', campaign.id, '--kind', 'one=work', '--data-dir', dir]).code).toBe(2);
    const chosen = JSON.parse(kepu(['import', file, '--campaign', campaign.id, '--kind', '1=work', '--data-dir', dir, '--json']).stdout);
    expect(chosen).toMatchObject({ ok: true, added: [1], rejected: [] });
  });
});
