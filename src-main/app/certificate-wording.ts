// Certificate wording from the locale files, both languages (a certificate can print both): for
// the handlers, the CLI and the export job on a worker thread (its own translators there).
import type { i18n } from 'i18next';
import type { Wording } from '../core/certificates/content';
import { createNodeI18n } from './translate';

let translators: Record<'zh-CN' | 'en', i18n> | null = null;

export function certificateWording(): Wording {
  translators ??= { 'zh-CN': createNodeI18n('zh-CN'), en: createNodeI18n('en') };
  const t = translators;
  return (language, key, vars) => t[language].t(key, { ...vars }) as string;
}
