// Dates are always shown in the campaign's time zone (the seeds use Beijing time, UTC+8), with the
// offset written out so nobody has to guess; numbers and sizes in the current language's style.
import type { LocalizedText } from '../../src-main/contract';
import { offsetLabel, wallTime } from '../../src-main/contract/zoned-time';

export function localized(text: LocalizedText, language: string): string {
  return language === 'zh-CN' ? text['zh-CN'] : text.en;
}

/** The text in `language`, else in the other one (a membership step named in one language only). */
export function localizedOr(text: LocalizedText, language: string): string {
  return localized(text, language) || text['zh-CN'] || text.en;
}

/** "UTC+8" at that instant in `timeZone`. */
export function utcOffsetLabel(iso: string, timeZone: string): string {
  return offsetLabel(timeZone, Date.parse(iso));
}

export function formatInstant(iso: string | null, timeZone: string, withOffset = true): string {
  if (!iso) return '—';
  // One unambiguous shape in both languages (2023-12-25 18:00): 12/25 vs 25/12 misleads someone.
  const wall = wallTime(iso, timeZone);
  const text = `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
  return withOffset ? `${text} (${utcOffsetLabel(iso, timeZone)})` : text;
}

// Building an Intl.NumberFormat costs far more than using one (the first in a window loads ICU
// data: milliseconds on the first paint's path); one per language and style, kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${language}|${maximumFractionDigits ?? ''}`;
  let nf = numberFormats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(language, maximumFractionDigits === undefined ? {} : { maximumFractionDigits });
    numberFormats.set(key, nf);
  }
  return nf;
}

export function formatBytes(bytes: number, language: string): string {
  const nf = numberFormat(language, 1);
  if (bytes < 1000) return `${nf.format(bytes)} B`;
  if (bytes < 1e6) return `${nf.format(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${nf.format(bytes / 1e6)} MB`;
  return `${nf.format(bytes / 1e9)} GB`;
}

export function formatCount(n: number, language: string): string {
  return numberFormat(language).format(n);
}
