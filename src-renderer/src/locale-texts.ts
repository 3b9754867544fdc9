// Each language's texts as its own chunk (about 150 kB each): the first paint loads only the one
// shown. Apart from i18n.ts (which needs i18next) so the entry script can start fetching them
// before the rest of the app has arrived (main.tsx, first-reads.ts).
import type { Language } from '../../src-main/contract';

export const localeTexts: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../../locales/en.json'),
  'zh-CN': () => import('../../locales/zh-CN.json'),
};

/** With no saved choice: Chinese systems get zh-CN, others English. */
export function systemLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  return preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** Starts fetching a language's texts (the module cache keeps them for initI18n). */
export function preloadLanguage(language: Language): void {
  void localeTexts[language]().catch(() => undefined);
}
