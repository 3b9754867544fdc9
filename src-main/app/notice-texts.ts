// The words of an exported 公示 in the language(s) chosen: Chinese, English, or both (Chinese
// first, then English — on one line for labels, on their own lines for sentences). Texts come
// from the UI's locale files (notice.doc.*), so the app, the CLI and the exports say the same.
import type { Contact, LocalizedText, NoticeDocument, NoticeGroup, NoticeLanguage } from '../contract';
import { formatInZone } from '../core/time';
import { tEn, tZh } from './ranking-texts';

export interface NoticeWords {
  /** A label: "排名 / Rank" in both languages. */
  label(key: string, params?: Record<string, unknown>): string;
  /** A sentence, one per language (both: two lines). */
  lines(key: string, params?: Record<string, unknown>): string[];
  /** A name given in both languages, picked as the label is. */
  text(value: LocalizedText | null | undefined): string;
}

export function noticeWords(language: NoticeLanguage): NoticeWords {
  const pick = (zh: string, en: string) => (language === 'zh' ? zh : language === 'en' ? en : zh === en ? zh : `${zh} / ${en}`);
  return {
    label: (key, params) => pick(tZh(`notice.doc.${key}`, params), tEn(`notice.doc.${key}`, params)),
    lines: (key, params) => {
      const zh = tZh(`notice.doc.${key}`, localize(params, 'zh-CN'));
      const en = tEn(`notice.doc.${key}`, localize(params, 'en'));
      return language === 'zh' ? [zh] : language === 'en' ? [en] : [zh, en];
    },
    text: (value) => (value ? pick(value['zh-CN'], value.en) : ''),
  };
}

/** Params whose values are LocalizedText are read in the sentence's language. */
function localize(params: Record<string, unknown> | undefined, lang: 'zh-CN' | 'en'): Record<string, unknown> | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v && typeof v === 'object' && 'zh-CN' in v ? (v as LocalizedText)[lang] : v]));
}

/** Everything an export prints besides the table. */
export interface NoticeFrame {
  title: string[];
  intro: string[];
  order: string[];
  period: string[];
  objections: string[];
  contact: string[];
}

function contactLines(words: NoticeWords, contact: Contact | null): string[] {
  if (!contact || (!contact.person && !contact.phone && !contact.email)) return words.lines('noContact');
  return words.lines('contact', { person: contact.person || '—', phone: contact.phone || '—', email: contact.email || '—' });
}

export function noticeFrame(words: NoticeWords, doc: NoticeDocument, period: { start: string; end: string }): NoticeFrame {
  const start = formatInZone(period.start, doc.timeZone);
  const end = formatInZone(period.end, doc.timeZone);
  return {
    title: words.lines('heading', { campaign: doc.campaignName, list: doc.listName }),
    intro: words.lines('intro', { campaign: doc.campaignName, list: doc.listName }),
    order: words.lines(doc.ranked ? 'ranked' : 'unranked'),
    period: words.lines('period', { start, end }),
    objections: words.lines('objections'),
    contact: contactLines(words, doc.contact),
  };
}

/** The table's columns, without scores: rank (ranked notices only), award, reg. no., title, entrant, unit. */
export function noticeColumns(words: NoticeWords, ranked: boolean): string[] {
  return [words.label(ranked ? 'columns.rank' : 'columns.number'), words.label('columns.tier'), words.label('columns.regNo'), words.label('columns.title'), words.label('columns.entrant'), words.label('columns.unit')];
}

/** A category's rows; an unranked notice numbers its rows 1, 2, 3… (序号), which is no rank. */
export function groupCells(words: NoticeWords, group: NoticeGroup): (string | number)[][] {
  return group.entries.map((e, i) => [e.rank ?? i + 1, words.text(e.tierLabel), e.regNo, e.title, e.entrantName, e.entrantUnit ?? '']);
}
