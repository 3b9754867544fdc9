// The per-entry decisions in effect, as the ranking exports state them: the PDF report's section
// and the spreadsheets' column and sheet. A decision that lifts a hold (accepted late submission,
// waived media fault) leaves the entry ranked with no flag, so without these lines the paper record
// would not say why a late entry has a place.
import type { EntryDecision } from '../contract';
import type { ComputedRanking } from '../core/ranking/ranking-service';
import { formatInZone } from '../core/time';
import type { Translate } from './ranking-texts';

export interface DecisionText extends EntryDecision {
  /** When, in the campaign's time zone. */
  time: string;
}

/** Every decision in effect, by registration number then when it was taken. */
export function decisionsInEffect(computed: ComputedRanking): DecisionText[] {
  const tz = computed.data.definition.timeZone;
  return [...computed.decisions.values()]
    .flat()
    .map((d) => ({ ...d, time: formatInZone(d.at, tz) }))
    .sort((a, b) => (a.regNo < b.regNo ? -1 : a.regNo > b.regNo ? 1 : a.id - b.id));
}

const who = (t: Translate, actor: string) => (actor === 'local' ? t('audit.thisComputer') : actor);

/** One decision as a line of the report, in one language. */
export function decisionLine(t: Translate, d: DecisionText): string {
  return t('ranking.report.decisionLine', { regNo: d.regNo, state: t(`decisions.state.${d.kind}`), reason: d.reason, who: who(t, d.actor), time: d.time });
}

/** The decisions on one entry for its spreadsheet cell, in one language. */
export function decisionCell(t: Translate, list: readonly DecisionText[]): string {
  return list.map((d) => t('ranking.export.decisionCell', { state: t(`decisions.state.${d.kind}`), reason: d.reason })).join('\n');
}
