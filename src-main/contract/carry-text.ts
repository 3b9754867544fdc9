// Words for carry-over between scoring rounds (issue 14), pure: the renderer's "why this place"
// view and the app's exports (CSV, XLSX, PDF) build the same sentence from the same numbers.
import type { CarryView } from './ranking';

/**
 * The sentence explaining an entry's carry-over (locale key and its params; the caller adds
 * `method`, translated), shared by the "why this place" view and the exports so both say the same.
 * Numbers to 3 decimals, trailing zeros dropped (w = 0.3 reads "0.3", not "0.30").
 */
export function carrySentence(carry: CarryView): { key: 'ranking.carry.line' | 'ranking.carry.none'; params: Record<string, string | number> } {
  const n = (v: number | null) => (v === null ? '—' : String(Number(v.toFixed(3))));
  const params = { round: carry.round, weight: n(carry.weight), rest: n(1 - carry.weight), previous: n(carry.previous), current: n(carry.current), final: n(carry.final) };
  return { key: carry.previous === null ? 'ranking.carry.none' : 'ranking.carry.line', params };
}
