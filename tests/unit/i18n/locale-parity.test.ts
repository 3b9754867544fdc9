import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../src-main/contract';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix + key;
    if (typeof value === 'string') {
      const base = full.replace(PLURAL, '');
      out.set(base, [...(out.get(base) ?? []), value]);
    } else for (const [k, v] of flatten(value, `${full}.`)) out.set(k, [...(out.get(k) ?? []), ...v]);
  }
  return out;
}

function variables(values: string[]): string[] {
  return [...new Set(values.flatMap((v) => [...v.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1])))].sort();
}

describe('locale files', () => {
  const enKeys = flatten(en as Tree);
  const zhKeys = flatten(zhCN as Tree);

  it('have the same keys in zh-CN and en, plural suffixes aside', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('use the same {{variables}} in both languages', () => {
    const mismatched = [...enKeys.keys()].filter(
      (k) => JSON.stringify(variables(enKeys.get(k)!)) !== JSON.stringify(variables(zhKeys.get(k) ?? [])),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty values', () => {
    const empty = [...enKeys, ...zhKeys].filter(([, values]) => values.some((v) => v.trim() === '')).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('translate every error code in both languages', () => {
    for (const code of errorCodes) {
      expect(enKeys.has(`errors.${code}`), `en errors.${code}`).toBe(true);
      expect(zhKeys.has(`errors.${code}`), `zh-CN errors.${code}`).toBe(true);
    }
  });

  it('name themselves in meta.language', () => {
    expect(en.meta.language).toBe('en');
    expect(zhCN.meta.language).toBe('zh-CN');
  });
});
