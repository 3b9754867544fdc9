// The moderation overrides in effect, as the exports state them: the PDF report's section and the
// spreadsheet's column and sheet. Values are the judge's signed score and the override, side by side.
import { findDimension } from '../contract/lists';
import type { AppliedOverride } from '../core/ranking/load-scores';
import type { ComputedRanking } from '../core/ranking/ranking-service';
import { formatInZone } from '../core/time';
import type { Translate } from './ranking-texts';

export interface OverrideText extends AppliedOverride {
  regNo: string;
  judgeName: string;
  dimensionLabel: { 'zh-CN': string; en: string };
  /** When, in the campaign's time zone. */
  time: string;
}

export function overridesInEffect(computed: ComputedRanking): OverrideText[] {
  const regNo = new Map(computed.data.entries.map((e) => [e.entryId, e.regNo]));
  const tz = computed.data.definition.timeZone;
  return (computed.data.overrides ?? [])
    .map((o) => ({
      ...o,
      regNo: regNo.get(o.entryId) ?? `#${o.entryId}`,
      judgeName: computed.judgeNames.get(o.judgeId) ?? o.judgeId,
      dimensionLabel: findDimension(computed.data.definition, o.dimension)?.label ?? { 'zh-CN': o.dimension, en: o.dimension },
      time: formatInZone(o.at, tz),
    }))
    .sort((a, b) => (a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : a.id - b.id));
}

/** One override as a line of the report, in one language. */
export function overrideLine(t: Translate, o: OverrideText, lang: 'zh-CN' | 'en'): string {
  return t('ranking.report.overrideLine', { regNo: o.regNo, judge: o.judgeName, dimension: o.dimensionLabel[lang], signed: o.signed, value: o.value, reason: o.reason, who: o.actor === 'local' ? t('audit.thisComputer') : o.actor, time: o.time });
}

/** The overrides of one entry for its spreadsheet cell ("judge · dimension: signed → override"). */
export function overrideCell(t: Translate, list: readonly OverrideText[], lang: 'zh-CN' | 'en'): string {
  return list.map((o) => t('ranking.export.overrideCell', { judge: o.judgeName, dimension: o.dimensionLabel[lang], signed: o.signed, value: o.value })).join('\n');
}
