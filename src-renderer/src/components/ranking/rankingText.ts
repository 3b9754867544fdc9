// How the ranking explains itself on screen: why an entry is held, how a tie was broken, what a
// committee rejection means, which collected data a new definition version set aside. The locale
// files hold the sentences; this only fills them in.
import type { TFunction } from 'i18next';
import type { CampaignDefinition, CommitteeApplicant, EntryFlag, RankingMethod, SetAside, TieExplanation } from '../../../../src-main/contract';
import { findDimension, findEligibilityItem } from '../../../../src-main/contract/lists';
import { localized } from '../../format';

export function flagText(t: TFunction, flag: EntryFlag): string {
  // `name@<language>` params (the options of an unmet completeness rule) are read as `name`.
  const language = t('meta.language');
  const params: Record<string, string | number> = { ...flag.params };
  for (const [key, value] of Object.entries(flag.params)) if (key.endsWith(`@${language}`)) params[key.slice(0, -language.length - 1)] = value;
  // Who decided (disqualified / withdrawn): 'local' is this computer without a coordinator identity.
  if (params.by === 'local') params.by = t('audit.thisComputer');
  return t(`ranking.flags.${flag.code}`, params);
}

const show = (v: number | string | null) => (v === null ? '—' : typeof v === 'number' ? v.toFixed(2) : v);

export function tieText(t: TFunction, tie: TieExplanation, def: CampaignDefinition, language: string): string {
  const rule = tie.rule;
  const dimension = rule.by === 'dimension' ? localized(findDimension(def, rule.key)?.label ?? { 'zh-CN': rule.key, en: rule.key }, language) : '';
  const method = rule.by === 'method' ? t(`ranking.methods.${rule.method}`) : '';
  return t(`ranking.ties.${rule.by}`, { ahead: tie.ahead, behind: tie.behind, score: tie.score.toFixed(2), dimension, method, a: show(tie.aheadValue), b: show(tie.behindValue) });
}

export function reasonText(t: TFunction, reason: CommitteeApplicant['reasons'][number], def: CampaignDefinition, language: string): string {
  const item = findEligibilityItem(def, String(reason.params.item));
  const score = reason.params.score;
  return t(`ranking.committee.reasons.${reason.code}`, {
    ...reason.params,
    item: item ? localized(item.label, language) : reason.params.item,
    score: typeof score === 'number' ? score.toFixed(2) : score,
    method: typeof reason.params.method === 'string' ? t(`ranking.methods.${reason.params.method as RankingMethod}`) : '',
  });
}

export function score(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(2);
}

/** One sentence per removed dimension and item whose scores or answers are kept but not counted. */
export function setAsideLines(t: TFunction, setAside: SetAside, language: string): string[] {
  const line = (what: 'dimension' | 'item', x: { key: string; label: SetAside['dimensions'][number]['label']; since: SetAside['since'] }, count: number) =>
    t(`ranking.setAside.${what}${x.since ? '' : 'Unrecorded'}`, { count, label: x.label ? localized(x.label, language) : x.key, version: x.since?.version, statement: x.since?.statement });
  return [...setAside.dimensions.map((d) => line('dimension', d, d.scores)), ...setAside.items.map((i) => line('item', i, i.answers))];
}
