// Views of a computed ranking shared by the channels and the exports: labels from the campaign
// definition, and the committee decisions with the applicants' names.
import type { CategorySummary, CommitteeApplicant, LocalizedText } from '../contract';
import type { CommitteeDecision, RejectionReason } from '../core/ranking/committee';
import type { CategoryResult } from '../core/ranking/run-ranking';
import type { ComputedRanking } from '../core/ranking/ranking-service';

export function categoryLabel(computed: ComputedRanking, kind: string, category: string | null): LocalizedText {
  const k = computed.data.definition.entryKinds.find((x) => x.kind === kind);
  const c = category === null ? undefined : k?.categories.find((x) => x.key === category);
  if (c) return c.label;
  if (k) return category === null ? k.label : { 'zh-CN': `${k.label['zh-CN']} · ${category}`, en: `${k.label.en} · ${category}` };
  return { 'zh-CN': category ?? kind, en: category ?? kind };
}

/** A tier's label in the category's list (its own tiers, or the ranking settings'); null: none given. */
export function tierLabel(category: Pick<CategoryResult, 'tiers'>, key: string): LocalizedText | null {
  return category.tiers.find((t) => t.key === key)?.label ?? null;
}

export function committeeApplicants(computed: ComputedRanking) {
  const committee = computed.outcome.committee;
  if (!committee) return null;
  const view = (d: CommitteeDecision, reasons: RejectionReason[] = [], flags: CommitteeApplicant['flags'] = []): CommitteeApplicant => {
    const info = computed.info.get(d.entryId);
    return {
      entryId: d.entryId,
      regNo: d.regNo,
      name: info?.entrantName ?? '',
      unit: info?.entrantUnit ?? null,
      score: d.score,
      items: d.items,
      reasons: reasons.map(({ code, ...params }) => ({ code, params: params as Record<string, string | number> })),
      flags,
    };
  };
  const c = computed.outcome.config.committee;
  return {
    rule: c.rule,
    minScore: c.minScore,
    method: c.method,
    members: committee.members.map((m) => view(m)),
    rejected: committee.rejected.map((m) => view(m, m.reasons)),
    held: committee.held.map((m) => view(m, [], m.flags)),
  };
}

/**
 * How many ranked entries of a category published by the trimmed mean had too few judges to drop
 * the extremes, so carry the plain mean (issue 15: the fallback used to be silent); null: none.
 */
export function trimFallback(computed: ComputedRanking, category: Pick<CategoryResult, 'method' | 'lists'>): CategorySummary['fallback'] {
  if (category.method !== 'trimmed') return null;
  const ranked = category.lists.trimmed?.ranked ?? [];
  const entries = ranked.filter((r) => computed.aggregates.get(r.entryId)?.trimmed === 'plain_mean').length;
  return entries === 0 ? null : { entries, needed: computed.outcome.config.trimMinJudges };
}
