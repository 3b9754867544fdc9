// What a failed verification says to a person, in one place for the app's Lock panel and
// `kepu rank --verify`: the named differences as sentences (entry, judge, dimension, old → new;
// entries and judges added or removed), and the part of the result that changed, in words — never
// the snapshot's internal path (e.g. "inputs.counts.overrides"), which stays in --json only.
import type { InputDifferencesView } from './moderation';

type T = (key: string, params?: Record<string, unknown>) => string;

export const snapshotParts = ['scores', 'overrides', 'decisions', 'flags', 'entries', 'conflicts', 'eligibility', 'bundles', 'carryOver', 'definition', 'config', 'outputs', 'other'] as const;
export type SnapshotPart = (typeof snapshotParts)[number];

/**
 * The part of a snapshot a difference path lies in: `inputs.<part>` (counts name the part they
 * count), the configuration, or the published outputs.
 */
export function snapshotPart(path: string): SnapshotPart {
  const steps = path.split(/[.[\]]+/).filter(Boolean);
  const [top, second, third] = steps;
  const known = (s: string | undefined): SnapshotPart | null => (s && (snapshotParts as readonly string[]).includes(s) ? (s as SnapshotPart) : null);
  if (top === 'inputs') return (second === 'counts' ? known(third) : known(second)) ?? 'other';
  if (top === 'config') return 'config';
  if (top === 'outputs') return 'outputs';
  return 'other';
}

/** The changed part, translated (ranking.snapshotPart.*). */
export function snapshotPartText(t: T, path: string): string {
  return t(`ranking.snapshotPart.${snapshotPart(path)}`);
}

/** Each named difference as a sentence, after an introduction; or one sentence naming the part that changed. */
export function differenceLines(
  t: T,
  path: string,
  detail: 'named' | 'hash_only' | null,
  differences: InputDifferencesView | null,
  dimension: (key: string) => string,
  /** carriedLine's sentence when a previous-round total carried over changed (named from the snapshot itself). */
  carried: string | null = null,
): string[] {
  const part = snapshotPartText(t, path);
  if (carried) return [t('ranking.verifyDiff.intro'), carried];
  if (detail === 'hash_only' || !differences) return [t('ranking.verifyDiff.hashOnly', { part })];
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
  return lines.length > 0 ? [t('ranking.verifyDiff.intro'), ...lines] : [t('ranking.verifyDiff.otherInputs', { part })];
}

/**
 * A previous-round total carried over (issue 14) that changed since publishing: the snapshot keeps
 * those totals in clear, so the entry and both values are named without the lock-time lines.
 * `locked` / `recomputed`: the difference's values (objects, or their JSON text). Null otherwise.
 */
export function carriedLine(t: T, path: string, locked: unknown, recomputed: unknown): string | null {
  if (!/^inputs\.carryOver\[\d+\]\.totals\[\d+\]$/.test(path)) return null;
  const read = (v: unknown): { regNo?: unknown; scores?: Record<string, number | null> } | null => {
    try {
      const x = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
      return x && typeof x === 'object' ? (x as { regNo?: unknown; scores?: Record<string, number | null> }) : null;
    } catch {
      return null;
    }
  };
  const a = read(locked);
  const b = read(recomputed);
  const regNo = a?.regNo ?? b?.regNo;
  if (typeof regNo !== 'string') return null;
  const totals = (x: typeof a) =>
    x?.scores ? Object.entries(x.scores).map(([m, v]) => `${t(`ranking.methods.${m}`)} ${v === null ? '—' : String(v)}`).join(' · ') : t('ranking.verifyDiff.noValue');
  return t('ranking.verifyDiff.carried', { regNo, old: totals(a), new: totals(b) });
}
