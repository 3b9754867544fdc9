// Carry-over between scoring rounds in the ranking exports (issue 14): the CSV / XLSX cell of an
// entry (both languages, the sentence the "why this place" view shows) and the PDF's line per list
// (w, the rounds, and which ranked entries had no previous-round total and so rank on this round
// alone). Nothing at all when no list carries over, so exports without it keep their columns.
import type { RankingMethod } from '../contract';
import { carrySentence } from '../contract/carry-text';
import { carryView } from '../core/ranking/carry-over';
import type { ComputedRanking } from '../core/ranking/ranking-service';
import { type Translate, tEn, tZh } from './ranking-texts';

export function hasCarryOver(computed: ComputedRanking): boolean {
  return (computed.outcome.carryOver?.length ?? 0) > 0;
}

function sentence(t: Translate, computed: ComputedRanking, entryId: number, method: RankingMethod): string {
  const a = computed.aggregates.get(entryId);
  const view = a ? carryView(a, method) : null;
  if (!view) return '';
  const { key, params } = carrySentence(view);
  return t(key, { ...params, method: t(`ranking.methods.${method}`) });
}

/** The entry's carry-over in both languages (Chinese line first), or '' when its round carries nothing. */
export function carryCell(computed: ComputedRanking, entryId: number, method: RankingMethod): string {
  const zh = sentence(tZh, computed, entryId, method);
  return zh === '' ? '' : `${zh}\n${sentence(tEn, computed, entryId, method)}`;
}

/** One line per carried list, in one language. */
export function carryListLines(t: Translate, computed: ComputedRanking, lang: 'zh-CN' | 'en'): string[] {
  const def = computed.data.definition;
  return (computed.outcome.carryOver ?? []).map((c) => {
    const list = def.lists.find((l) => l.key === c.list);
    // Ranked entries of the list (those with a score this round) without a previous total.
    const alone = computed.outcome.aggregate.entries.filter((a) => a.carry && a.carry.previous === null && computed.outcome.categories.some((cat) => cat.list === c.list && cat.lists[cat.method]?.ranked.some((r) => r.entryId === a.entryId)));
    const regNos = alone.map((a) => computed.data.entries.find((e) => e.entryId === a.entryId)?.regNo ?? String(a.entryId));
    const shown = regNos.slice(0, 20).join(', ') + (regNos.length > 20 ? ', …' : '');
    return t('ranking.report.carryList', {
      list: list?.name[lang] ?? c.list,
      weight: String(c.weight),
      rest: String(Number((1 - c.weight).toFixed(6))),
      round: c.round,
      next: c.round + 1,
      count: regNos.length,
      which: regNos.length > 0 ? ` (${shown})` : '',
    });
  });
}
