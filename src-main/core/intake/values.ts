// Parsing of single cell values as people type them into registration forms.
import type { EntrantType } from '../../contract';
import { localToUtcIso } from '../time';

/** Chinese mobile (11 digits from 1[3-9]) or landline with area code; +86 / 0086 and separators ignored. */
export function normalisePhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-()（）.]/g, '');
  digits = digits.replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  // Area codes: 010 and 02x have three digits, all others four.
  const landline = /^(01\d|02\d|0[3-9]\d{2})(\d{7,8})(?:(?:转|ext|x)(\d{1,6}))?$/i.exec(digits);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`;
  return null;
}

export function isEmail(raw: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(raw);
}

export function isUrl(raw: string): boolean {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * A submission time as forms and spreadsheets write it, read in the campaign's zone:
 * 2023-12-25 18:00[:00], 2023/12/25 18:00, 2023.12.25, 2023年12月25日 18时00分, or an ISO instant
 * with Z or an offset (taken as is). Day-first/month-first forms (12/25/2023) are refused: ambiguous.
 */
export function parseSubmissionTime(raw: string, timeZone: string): string | null {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const cn = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[时:](\d{1,2})分?(?:(\d{1,2})秒?)?)?$/.exec(text);
  if (cn) {
    const [, y, mo, d, h, mi, s] = cn;
    return localToUtcIso(`${y}-${mo}-${d}${h ? ` ${h}:${mi.padStart(2, '0')}${s ? `:${s.padStart(2, '0')}` : ''}` : ''}`, timeZone);
  }
  const generic = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (generic) {
    const [, y, mo, d, h, mi, s] = generic;
    return localToUtcIso(`${y}-${mo}-${d}${h ? ` ${h}:${mi}${s ? `:${s}` : ''}` : ''}`, timeZone);
  }
  return null;
}

const UNIT_WORDS = ['单位', '机构', '医院', 'unit', 'organisation', 'organization', 'institution'];
const INDIVIDUAL_WORDS = ['个人', '本人', 'individual', 'person', 'personal'];

export function parseEntrantType(raw: string): EntrantType | null {
  const v = raw.trim().toLowerCase();
  if (UNIT_WORDS.some((w) => v === w || v.includes(w))) return 'unit';
  if (INDIVIDUAL_WORDS.some((w) => v === w || v.includes(w))) return 'individual';
  return null;
}

/**
 * A number as people type it in a spreadsheet: full-width digits (NFKC), thousands separators
 * ("12,345" / "12，345"), surrounding spaces. Returns the plain decimal text, or null.
 */
export function parseNumberCell(raw: string): string | null {
  const text = raw.normalize('NFKC').trim().replace(/(?<=\d)[,，](?=\d{3}(\D|$))/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : null;
}

/** A calendar day: 2025-03-01, 2025/3/1, 2025.3.1 or 2025年3月1日 → "2025-03-01"; null when not a real day. */
export function parseDateCell(raw: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw.normalize('NFKC').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
