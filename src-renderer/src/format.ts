// Dates are always shown in the campaign's time zone (the seeds use Beijing time, UTC+8), with the
// offset written out so nobody has to guess; numbers and sizes in the current language's style.
import type { LocalizedText } from '../../src-main/contract';

export function localized(text: LocalizedText, language: string): string {
  return language === 'zh-CN' ? text['zh-CN'] : text.en;
}

export function utcOffsetLabel(iso: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')?.value;
  return (part ?? 'GMT').replace('GMT', 'UTC') || 'UTC';
}

export function formatInstant(iso: string | null, timeZone: string, withOffset = true): string {
  if (!iso) return '—';
  // One unambiguous shape in both languages (2023-12-25 18:00): 12/25 vs 25/12 misleads someone.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const text = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return withOffset ? `${text} (${utcOffsetLabel(iso, timeZone)})` : text;
}

export function formatBytes(bytes: number, language: string): string {
  const nf = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${nf.format(bytes)} B`;
  if (bytes < 1e6) return `${nf.format(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${nf.format(bytes / 1e6)} MB`;
  return `${nf.format(bytes / 1e9)} GB`;
}

export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}
