// i18next for the renderer. The chosen language is stored in the database (settings:update), so it
// survives restarts in both shells; with no choice, Chinese systems get zh-CN, others English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-main/contract';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';

export const supportedLanguages: readonly Language[] = ['zh-CN', 'en'];

export function systemLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  return preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18next;
