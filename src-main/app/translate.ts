// Translation outside the renderer (CLI output, Electron start-up errors): same locale files as
// the renderer. The language comes from KEPU_LANG / LC_ALL / LANG (zh* → zh-CN, else en).
import i18next, { type i18n } from 'i18next';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import type { AppErrorBody, Language } from '../contract';

export function nodeLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const raw = env.KEPU_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return raw.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
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
