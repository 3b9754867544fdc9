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
