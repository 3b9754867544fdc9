// Ranking texts for exports, in both languages from the UI's locale files: why an entry is held,
// how a tie was broken, which collected data a new definition version set aside.
import type { EntryFlag, SetAside, TieExplanation } from '../contract';
import { findDimension } from '../contract/lists';
import type { ComputedRanking } from '../core/ranking/ranking-service';
import { compiledTranslate, createNodeI18n } from './translate';

export type Translate = (key: string, params?: Record<string, unknown>) => string;
// Compiled (translate.ts): the exports make these sentences once per row, 50,000 rows and more.
export const tZh: Translate = compiledTranslate(createNodeI18n('zh-CN'));
export const tEn: Translate = compiledTranslate(createNodeI18n('en'));
export const both = (key: string, params?: Record<string, unknown>) => `${tZh(key, params)} / ${tEn(key, params)}`;

export function describeFlag(t: Translate, flag: EntryFlag): string {
  const params = localizedFlagParams(flag.params, t('meta.language'));
  // Who decided (disqualified / withdrawn): 'local' is this computer without a coordinator identity.
  if (params.by === 'local') params.by = t('audit.thisComputer');
  return t(`ranking.flags.${flag.code}`, params);
}

/** A flag's params with `name@<language>` variants (see entry-problem-text) read as `name`. */
export function localizedFlagParams(params: EntryFlag['params'], language: string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [key, value] of Object.entries(params)) if (key.endsWith(`@${language}`)) out[key.slice(0, -language.length - 1)] = value;
  return out;
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

/** One sentence per dimension and item whose rows are kept but not counted (as the ranking view says it). */
export function describeSetAside(t: Translate, setAside: SetAside, lang: 'zh-CN' | 'en'): string[] {
  const line = (what: 'dimension' | 'item', x: { key: string; label: { 'zh-CN': string; en: string } | null; since: SetAside['since'] }, count: number) =>
    t(`ranking.setAside.${what}${x.since ? '' : 'Unrecorded'}`, { count, label: x.label?.[lang] ?? x.key, version: x.since?.version, statement: x.since?.statement });
  return [...setAside.dimensions.map((d) => line('dimension', d, d.scores)), ...setAside.items.map((i) => line('item', i, i.answers))];
}
