// Ranking texts for exports, in both languages from the UI's locale files: why an entry is held,
// how a tie was broken.
import { type EntryFlag, findDimension, type TieExplanation } from '../contract';
import type { ComputedRanking } from './ranking-service';
import { createNodeI18n } from './translate';

export type Translate = (key: string, params?: Record<string, unknown>) => string;
const zh = createNodeI18n('zh-CN');
const en = createNodeI18n('en');
export const tZh: Translate = zh.t.bind(zh) as Translate;
export const tEn: Translate = en.t.bind(en) as Translate;
export const both = (key: string, params?: Record<string, unknown>) => `${tZh(key, params)} / ${tEn(key, params)}`;

export function describeFlag(t: Translate, flag: EntryFlag): string {
  return t(`ranking.flags.${flag.code}`, flag.params);
}

export function describeTie(t: Translate, tie: TieExplanation, computed: ComputedRanking, lang: 'zh-CN' | 'en'): string {
  const rule = tie.rule;
  const dimension = rule.by === 'dimension' ? (findDimension(computed.data.definition, rule.key)?.label[lang] ?? rule.key) : '';
  const method = rule.by === 'method' ? t(`ranking.methods.${rule.method}`) : '';
  return t(`ranking.ties.${rule.by}`, { ahead: tie.ahead, behind: tie.behind, score: tie.score.toFixed(2), dimension, method, a: fmt(tie.aheadValue), b: fmt(tie.behindValue) });
}

function fmt(v: number | string | null): string {
  return v === null ? '—' : typeof v === 'number' ? v.toFixed(2) : v;
}

