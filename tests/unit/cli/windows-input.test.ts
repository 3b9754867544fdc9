// What a Windows user types reaches the app as they meant it: paths pasted from Explorer's "Copy as
// path" lose their quotes (requests, CLI), wildcards are expanded by the CLI itself on win32 (cmd.exe
// does not), and the CLI speaks Chinese when LANG is unset but the OS locale is Chinese.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, unquotePath } from '../../../src-main/contract';
import { nodeLanguage } from '../../../src-main/app/translate';
import { parseCommand } from '../../../src-main/cli/args';
import { expandWildcards } from '../../../src-main/cli/wildcards';
import { tempDir } from '../../temp-dirs';

describe('paths pasted with quotes', () => {
  it('unquotePath takes off one pair of quotes and the whitespace around them', () => {
    expect(unquotePath('"C:\\作品 2026\\SC-0001.mp4"')).toBe('C:\\作品 2026\\SC-0001.mp4');
    expect(unquotePath("  '/Volumes/USB/作品'\n")).toBe('/Volumes/USB/作品');
    expect(unquotePath('“D:\\a b”')).toBe('D:\\a b');
    expect(unquotePath('C:\\plain')).toBe('C:\\plain');
    expect(unquotePath('"half')).toBe('"half');
  });

  it('request schemas strip them before the handler sees the path', () => {
    const link = channels['media:link'].request.parse({ campaignId: 'c1', folder: '"E:\\作品 文件夹"' });
    expect(link.folder).toBe('E:\\作品 文件夹');
    const open = channels['package:open'].request.parse({ path: '"C:\\Users\\张 三\\Downloads\\a.kepupkg"' });
    expect(open.path).toBe('C:\\Users\\张 三\\Downloads\\a.kepupkg');
    expect(channels['package:locateMedia'].request.safeParse({ campaignId: 'c1', folder: '""' }).success).toBe(false);
  });

  it('CLI option values and positionals lose them; other text is left as typed', () => {
    const { values, positionals } = parseCommand(['"C:\\a b\\x.kepubundle"', '--out', '"D:\\导出\\scores.xlsx"', '--reason', ' two words ', '--text', '“引用原文”'], {
      out: { type: 'string' },
      reason: { type: 'string' },
      text: { type: 'string' },
    });
    expect(positionals).toEqual(['C:\\a b\\x.kepubundle']);
    expect(values.out).toBe('D:\\导出\\scores.xlsx');
    expect(values.reason).toBe(' two words ');
    expect(values.text).toBe('“引用原文”');
  });
});

describe('wildcards on Windows', () => {
  function bundles(): string {
    const dir = tempDir();
    for (const name of ['judge-2.kepubundle', 'judge-10.kepubundle', 'JUDGE-1.KEPUBUNDLE', 'notes.txt', '.hidden.kepubundle']) fs.writeFileSync(path.join(dir, name), 'x');
    return dir;
  }

  it('expands * and ? on win32, sorted, case-insensitively, hidden files left out', () => {
    const dir = bundles();
    expect(expandWildcards([path.join(dir, '*.kepubundle')], 'win32')).toEqual(['JUDGE-1.KEPUBUNDLE', 'judge-2.kepubundle', 'judge-10.kepubundle'].map((n) => path.join(dir, n)));
    expect(expandWildcards([path.join(dir, 'judge-?.kepubundle')], 'win32')).toHaveLength(2);
    const { positionals } = parseCommand([path.join(dir, '*.txt')], {}, 'win32');
    expect(positionals).toEqual([path.join(dir, 'notes.txt')]);
  });

  it('leaves a pattern that matches nothing, and every argument on other platforms, as typed', () => {
    const dir = bundles();
    expect(expandWildcards([path.join(dir, '*.kepupkg')], 'win32')).toEqual([path.join(dir, '*.kepupkg')]);
    expect(expandWildcards([path.join(dir, '*.kepubundle')], 'linux')).toEqual([path.join(dir, '*.kepubundle')]);
  });
});

describe('CLI language', () => {
  it('falls back to the OS locale when LANG and LC_* are unset (Windows)', () => {
    expect(nodeLanguage({}, () => 'zh-Hans-CN')).toBe('zh-CN');
    expect(nodeLanguage({}, () => 'zh-TW')).toBe('zh-CN');
    expect(nodeLanguage({}, () => 'en-US')).toBe('en');
    expect(nodeLanguage({ LANG: 'en_US.UTF-8' }, () => 'zh-CN')).toBe('en');
    expect(nodeLanguage({ KEPU_LANG: 'zh' }, () => 'en-US')).toBe('zh-CN');
  });
});
