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
});
