// i18next for the renderer. The chosen language is stored in the database (settings:update), so it
// survives restarts in both shells; with no choice, Chinese systems get zh-CN, others English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-main/contract';
import { localeTexts } from './locale-texts';

export { preloadLanguage, systemLanguage } from './locale-texts';

export const supportedLanguages: readonly Language[] = ['zh-CN', 'en'];

// Every view but the campaign list waits for both languages (lazy-views.tsx), since some screens
// write bilingual defaults with getFixedT('zh-CN') and getFixedT('en'); the locale-parity test
// keeps the two complete, so the English fallback is never needed before it is there.
async function addLanguage(language: Language): Promise<void> {
  const translation = (await localeTexts[language]()).default;
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', translation);
}

let allLoaded: Promise<void> | null = null;

/** Both languages' texts, loaded once (a rejected load is tried again on the next call). */
export function loadAllLanguages(): Promise<void> {
  allLoaded ??= Promise.all(supportedLanguages.map(addLanguage)).then(
    () => undefined,
    (error: unknown) => {
      allLoaded = null;
      throw error;
    },
  );
  return allLoaded;
}

export async function initI18n(language: Language): Promise<void> {
  const translation = (await localeTexts[language]()).default;
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { [language]: { translation } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function applyLanguage(language: Language): Promise<void> {
  await loadAllLanguages();
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18next;
