// Limits and measurements as people read them, the same in both languages: sizes in the unit the
// campaign's rule was written in (MB = 10^6 bytes or MiB = 2^20 bytes), durations as m:ss.
import type { Violation } from '../../contract';

export function sizeText(bytes: number, unit: 'MB' | 'MiB'): string {
  const value = unit === 'MB' ? bytes / 1e6 : bytes / 2 ** 20;
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${unit}`;
}

export function durationText(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function violationTexts(v: Violation, unit: 'MB' | 'MiB'): { limitText: string; actualText: string } {
  const text = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'string') return value;
    if (v.code === 'MEDIA_TOO_LARGE' || v.code === 'MEDIA_EMPTY') return sizeText(value, unit);
    if (v.code === 'MEDIA_TOO_LONG') return durationText(value);
    return String(value);
  };
  return { limitText: text(v.limit), actualText: text(v.actual) };
}
