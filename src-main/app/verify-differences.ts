// The differences a verification names (core/ranking/input-lines.ts), as sentences: entry, judge,
// dimension, old and new value; entries and judges added or removed. Used by `kepu rank --verify`;
// the app's LockPanel says the same with the same locale keys.
import { findDimension, type InputDifferencesView } from '../contract';
import type { InputDifferences } from '../core/ranking/input-lines';
import type { AppContext } from './context';

type T = (key: string, params?: Record<string, unknown>) => string;

/** The dimension's label in `lang` (its key when the definition no longer has it). */
export function dimensionLabel(ctx: Pick<AppContext, 'campaigns'>, campaignId: string, lang: 'zh-CN' | 'en'): (key: string) => string {
  let definition: ReturnType<AppContext['campaigns']['definition']> | null = null;
  try {
    definition = ctx.campaigns.definition(campaignId);
  } catch {
    definition = null; // the campaign is gone: keys are all there is
  }
  return (key) => (definition ? (findDimension(definition, key)?.label[lang] ?? key) : key);
}

export function differenceLines(
  t: T,
  path: string,
  detail: 'named' | 'hash_only' | null,
  differences: InputDifferencesView | null,
  dimension: (key: string) => string,
): string[] {
  if (detail === 'hash_only' || !differences) return [t('ranking.verifyDiff.hashOnly', { path })];
  const value = (v: number | null) => (v === null ? t('ranking.verifyDiff.noValue') : String(v));
  const cell = (key: string) => (d: InputDifferencesView['scores'][number]) =>
    t(key, { regNo: d.regNo, judge: d.judgeName, dimension: dimension(d.dimension), old: value(d.old), new: value(d.new) });
  const list = (key: string, items: string[]) => (items.length > 0 ? [t(key, { list: items.join(', ') })] : []);
  const lines = [
    ...differences.scores.map(cell('ranking.verifyDiff.score')),
    ...(differences.scoreCount > differences.scores.length ? [t('ranking.verifyDiff.more', { count: differences.scoreCount - differences.scores.length })] : []),
    ...differences.overrides.map(cell('ranking.verifyDiff.override')),
    ...(differences.overrideCount > differences.overrides.length ? [t('ranking.verifyDiff.more', { count: differences.overrideCount - differences.overrides.length })] : []),
    ...list('ranking.verifyDiff.entriesAdded', differences.entriesAdded),
    ...list('ranking.verifyDiff.entriesRemoved', differences.entriesRemoved),
    ...list('ranking.verifyDiff.judgesAdded', differences.judgesAdded),
    ...list('ranking.verifyDiff.judgesRemoved', differences.judgesRemoved),
  ];
  return lines.length > 0 ? [t('ranking.verifyDiff.intro'), ...lines] : [t('ranking.verifyDiff.otherInputs', { path })];
}

/** The differences as the app and `--json` show them: names, no internal judge ids. */
export function differencesView(d: InputDifferences | null): InputDifferencesView | null {
  if (!d) return null;
  const cell = ({ regNo, judgeName, dimension, old, new: now }: InputDifferences['scores'][number]) => ({ regNo, judgeName, dimension, old, new: now });
  return { ...d, scores: d.scores.map(cell), overrides: d.overrides.map(cell) };
}
