// The differences a verification names (core/ranking/input-lines.ts), shown without internal ids,
// and dimension labels for them; the sentences themselves are contract/verify-text.ts (shared with
// the app's Lock panel).
import type { InputDifferencesView } from '../contract';
import { findDimension } from '../contract/lists';
import type { InputDifferences } from '../core/ranking/input-lines';
import type { AppContext } from './context';

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

/** The differences as the app and `--json` show them: names, no internal judge ids. */
export function differencesView(d: InputDifferences | null): InputDifferencesView | null {
  if (!d) return null;
  const cell = ({ regNo, judgeName, dimension, old, new: now }: InputDifferences['scores'][number]) => ({ regNo, judgeName, dimension, old, new: now });
  return { ...d, scores: d.scores.map(cell), overrides: d.overrides.map(cell) };
}
