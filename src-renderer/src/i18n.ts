// i18next for the renderer. The chosen language is stored in the database (settings:update), so it
// survives restarts in both shells; with no choice, Chinese systems get zh-CN, others English.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-main/contract';

export const supportedLanguages: readonly Language[] = ['zh-CN', 'en'];

export function systemLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  return preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

// Each language is its own chunk (about 150 kB each): the first paint loads only the one shown.
// Every other view waits for both (lazy-views.tsx), since some screens write bilingual defaults
// with getFixedT('zh-CN') and getFixedT('en'); the locale-parity test keeps the two complete, so
// the English fallback is never needed before it is there.
const bundles: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../../locales/en.json'),
  'zh-CN': () => import('../../locales/zh-CN.json'),
};

async function addLanguage(language: Language): Promise<void> {
  const translation = (await bundles[language]()).default;
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', translation);
}

/** Starts fetching a language's texts (the module cache keeps them for initI18n). */
export function preloadLanguage(language: Language): void {
  void bundles[language]().catch(() => undefined);
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
  const translation = (await bundles[language]()).default;
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
