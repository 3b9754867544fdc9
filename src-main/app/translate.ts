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
