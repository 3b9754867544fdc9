// i18next outside the renderer, without the locale files: the setup that translate.ts (both
// languages, loaded up front: Electron, exports, tests) and the CLI (only the language it speaks,
// loadNodeI18n below) share. The two locale files are ≈ 440 kB of JSON; a `kepu` command that
// answers in one language parsed and kept both (issue 18).
import i18next, { type i18n, type Resource } from 'i18next';
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

/** An i18next instance speaking `language` over `resources` (`{ en: { translation: … } }`). */
export function createI18nWith(language: Language, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    resources,
    interpolation: { escapeValue: false },
  });
  return instance;
}

/**
 * An instance speaking `language` with only that language's texts loaded (the CLI). Both locale
 * files have the same keys (tests/unit/i18n), so the English fallback is never consulted; code
 * that writes in both languages (exports, ranking flags) uses translate.ts' createNodeI18n.
 */
export async function loadNodeI18n(language: Language): Promise<i18n> {
  const texts = language === 'zh-CN' ? (await import('../../locales/zh-CN.json')).default : (await import('../../locales/en.json')).default;
  return createI18nWith(language, { [language]: { translation: texts } });
}

export function translateError(t: i18n['t'], error: AppErrorBody): string {
  return `${t(`errors.${error.code}`, { ...error.params })} [${error.code}]`;
}
