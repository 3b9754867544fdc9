// Translation outside the renderer (CLI output, Electron start-up errors, exports): same locale
// files as the renderer, both loaded. The language comes from KEPU_LANG / LC_ALL / LANG (zh* →
// zh-CN, else en). The setup itself is in i18n-setup.ts (the CLI loads one language from there).
import type { i18n } from 'i18next';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import type { Language } from '../contract';
import { createI18nWith } from './i18n-setup';

export { nodeLanguage, translateError } from './i18n-setup';

export function createNodeI18n(language: Language): i18n {
  return createI18nWith(language, { en: { translation: en }, 'zh-CN': { translation: zhCN } });
}

type Params = Record<string, unknown>;
/** A template as compiled: the text between placeholders and the placeholders' names, alternating. */
type Template = { parts: string[]; plural: boolean } | null;
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/**
 * `t` for texts made tens of thousands of times from a few keys (a ranking export writes a tie or a
 * flag sentence on most of its 50,000 rows: 2.3 s in i18next's `t`). A key whose text has only
 * plain `{{name}}` placeholders is split once and filled in directly; anything else — nesting
 * (`$t(…)`), formats, `{{- x}}`, object paths, a plural form for `count`, a value not given, a
 * missing key — goes to i18next's own `t`, so every text is what `t` gives (a test compares them on
 * every key of both locale files). Only for instances made by createNodeI18n (no escaping).
 */
export function compiledTranslate(instance: i18n): (key: string, params?: Params) => string {
  const t = (key: string, params?: Params) => instance.t(key, params as never) as unknown as string;
  if (instance.options.interpolation?.escapeValue !== false) return t;
  const templates = new Map<string, Template>();
  return (key, params) => {
    let template = templates.get(key);
    if (template === undefined) templates.set(key, (template = compileTemplate(instance, key)));
    if (template === null || (template.plural && params?.count !== undefined)) return t(key, params);
    const { parts } = template;
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const value = params?.[parts[i]];
      if (value === undefined || value === null) return t(key, params);
      out += (typeof value === 'string' ? value : String(value)) + parts[i + 1];
    }
    return out;
  };
}

function compileTemplate(instance: i18n, key: string): Template {
  for (const language of instance.languages ?? [instance.language]) {
    const text: unknown = instance.getResource(language, 'translation', key);
    if (text === undefined) continue;
    if (typeof text !== 'string' || text.includes('$t(')) return null;
    const parts = text.split(/\{\{(.*?)\}\}/);
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i].trim();
      if (!/^\w+$/.test(name)) return null;
      parts[i] = name;
    }
    const plural = PLURAL_SUFFIXES.some((s) => instance.getResource(language, 'translation', key + s) !== undefined);
    return { parts, plural };
  }
  return null;
}
