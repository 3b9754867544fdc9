// The CLI speaks one language and loads only that one's texts (app/i18n-setup.ts, issue 18): its
// errors, usage messages and help are still translated in zh-CN and in en, with the error's code.
// Real CLI processes over a real data folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { repoRoot, tempDir } from '../../helpers';

function kepu(language: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: language, KEPU_DATA_DIR: path.join(tempDir(), 'data') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI in each language', () => {
  it.each([
    ['zh-CN', '评审活动“nope”不存在。'],
    ['en', 'Campaign "nope" does not exist.'],
  ])('reports a handler error in %s, translated, with its code', (language, message) => {
    const text = kepu(language, ['round', 'list', '--campaign', 'nope']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(`kepu: ${message} [CAMPAIGN_NOT_FOUND]\n`);
    const json = kepu(language, ['round', 'list', '--campaign', 'nope', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: 'CAMPAIGN_NOT_FOUND', message });
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('reports a usage error and prints the help in %s', (language, texts) => {
    const unknown = kepu(language, ['nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`kepu: ${texts.cli.unknownCommand.replace('{{command}}', 'nosuch')}\n${texts.cli.seeHelp}\n`);
    const help = kepu(language, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe(texts.cli.help.split('\n')[0].replace('{{version}}', '0.1.0'));
  });
});
