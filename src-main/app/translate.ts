// Translation outside the renderer (CLI output, Electron start-up errors): same locale files as
// the renderer. The language comes from KEPU_LANG / LC_ALL / LANG (zh* → zh-CN, else en).
import i18next, { type i18n } from 'i18next';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import type { AppErrorBody, Language } from '../contract';

/**
 * The CLI's language: KEPU_LANG, then the POSIX variables, then (Windows sets none of them, and a
 * macOS app launched from Finder often neither) the OS locale as Intl reports it: zh-* is zh-CN.
 */
export function nodeLanguage(env: NodeJS.ProcessEnv = process.env, osLocale: () => string = intlLocale): Language {
  const raw = env.KEPU_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || osLocale();
  return raw.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function intlLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return '';
  }
}

export function createNodeI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
  });
  return instance;
}

export function translateError(t: i18n['t'], error: AppErrorBody): string {
  return `${t(`errors.${error.code}`, { ...error.params })} [${error.code}]`;
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
