// compiledTranslate (app/translate.ts) must give exactly what i18next's t gives, for every key of
// both locale files, with text, numbers, hostile text, a count, and a value left out.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import { compiledTranslate, createNodeI18n } from '../../../src-main/app/translate';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** The key without a plural suffix (t is asked for the base key). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('compiledTranslate', () => {
  const all = [...new Set(keys(en).map(base))];
  for (const language of ['zh-CN', 'en'] as const) {
    it(`gives what i18next gives for every key (${language})`, () => {
      const instance = createNodeI18n(language);
      const t = (key: string, params?: Record<string, unknown>) => instance.t(key, params as never) as unknown as string;
      const fast = compiledTranslate(instance);
      const names = (key: string) => [...String(instance.getResource(language, 'translation', key) ?? instance.getResource('en', 'translation', key) ?? '').matchAll(/\{\{-?\s*(\w+)/g)].map((m) => m[1]);
      let compared = 0;
      for (const key of all) {
        const placeholders = names(key);
        const variants: Record<string, unknown>[] = [
          Object.fromEntries(placeholders.map((n) => [n, `<${n}> & "x" $t(meta.language) {{y}}`])),
          Object.fromEntries(placeholders.map((n, i) => [n, i + 0.5])),
          { ...Object.fromEntries(placeholders.map((n) => [n, 'v'])), count: 1 },
          { ...Object.fromEntries(placeholders.map((n) => [n, 'v'])), count: 7 },
          Object.fromEntries(placeholders.slice(1).map((n) => [n, 'v'])), // the first one left out
        ];
        for (const params of variants) {
          expect(fast(key, params), `${language} ${key} ${JSON.stringify(params)}`).toBe(t(key, params));
          compared++;
        }
        expect(fast(key)).toBe(t(key));
      }
      expect(compared).toBeGreaterThan(1000);
      expect(fast('no.such.key', { a: 1 })).toBe(t('no.such.key', { a: 1 }));
    });
  }
});
