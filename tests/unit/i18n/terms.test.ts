// One word for one thing in Chinese: a certificate is 吊销 (revoked), never 撤销 (which the app
// uses for withdrawing an override or a decision). A revoked certificate's header once said 已撤销
// while its body and the register said 已吊销.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers';

const zh = JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', 'zh-CN.json'), 'utf8')) as Record<string, unknown>;

function strings(node: unknown, at: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[at.join('.'), node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, [...at, k]));
  return [];
}

describe('Chinese terms', () => {
  it('says 吊销 for a certificate everywhere', () => {
    const aboutCertificates = strings(zh).filter(([key, text]) => /certificate/i.test(key) || text.includes('证书'));
    expect(aboutCertificates.length).toBeGreaterThan(20);
    expect(aboutCertificates.filter(([, text]) => text.includes('撤销'))).toEqual([]);
    expect(strings(zh).find(([key]) => key === 'certificates.status.revoked')?.[1]).toBe('已吊销');
  });

  // GB/T 15834: Chinese sentences take full-width ，；：？！（）. The file was once written with ASCII
  // punctuation ("请求无效({{path}}:{{detail}})。"), which Chinese readers see as careless. ASCII stays
  // where it is not Chinese punctuation: inside {{placeholders}} and `commands`, between Latin or
  // digits (ICC(1), 1,000, 12:30, log(1+x), D:\works) — none of which touches a Chinese character.
  it('writes full-width punctuation next to Chinese characters', () => {
    const chinese = '[\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff60“”‘’]';
    const asciiNextToChinese = new RegExp(`${chinese}[,;:?!()]|[,;:?!()]${chinese}`, 'u');
    // Command syntax the user types as written: `--number-by 列名[,列名]` lists column names with a comma.
    const typedAsWritten = new Set(['cli.import.usage']);
    const offending = strings(zh)
      .filter(([key]) => !typedAsWritten.has(key))
      .filter(([, text]) => asciiNextToChinese.test(text.replace(/\{\{[^}]*\}\}/g, '').replace(/`[^`]*`/g, '')));
    expect(offending).toEqual([]);
    // Punctuation that touches only placeholders ("{{name}}:" as a letter's salutation) is Chinese
    // too when no Latin text is around it: nothing but digits (1,000, 12:30) may keep ASCII there.
    const withoutLatin = strings(zh)
      .map(([key, text]): [string, string] => [key, text.replace(/\{\{[^}]*\}\}/g, '').replace(/`[^`]*`/g, '')])
      .filter(([, text]) => !/[A-Za-z]/.test(text) && /[,;:?!()]/.test(text.replace(/\d[,:]\d/g, '')));
    expect(withoutLatin).toEqual([]);
    // The exception is only the bracketed syntax; the rest of the usage line is full-width.
    const usage = strings(zh).find(([key]) => key === 'cli.import.usage')?.[1] ?? '';
    expect(usage.replace('列名[,列名]', '')).not.toMatch(asciiNextToChinese);
  });
});
