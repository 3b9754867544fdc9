// Scores and eligibility answers that the ranking does not count because the entry's list no
// longer has their dimension or item: an explicit new definition version removed it and kept the
// rows (core/campaigns/definition-update.ts). The aggregate already skips such scores (counted
// as unknownDimensionRows) and the committee selection only tallies the definition's items; this
// module says how many rows that is, per dimension and item, and which version set them aside,
// so the ranking can show it instead of silently leaving data out.
import type { Database } from 'better-sqlite3';
import type { EntryKind, SetAside } from '../../contract';
import { listFor, rubricOfRound } from '../../contract/lists';
import { setAsideReasons, type SetAsideReason } from '../campaigns/definition-versions';
import { type CampaignScores, scoreColumnsOf } from './load-scores';
import { compareCodeUnits } from './numbers';

/** Rows per dimension and item key outside the entry's current list. Pure. */
export function countSetAside(data: Pick<CampaignScores, 'definition' | 'entries' | 'scores' | 'eligibility' | 'rounds'>): { dimensions: Map<string, number>; items: Map<string, number> } {
  const byCategory = new Map<string, { dimensions: Set<string>; items: Set<string> }>();
  const listOf = new Map<number, { dimensions: Set<string>; items: Set<string> }>();
  const ownList = (kind: EntryKind, category: string | null) => {
    const key = `${kind}\u0000${category ?? ''}`;
    let keys = byCategory.get(key);
    if (!keys) {
      const list = listFor(data.definition, kind, category);
      // The rubric of the round the list is ranked on (a round's own rubric is not set aside).
      byCategory.set(key, (keys = { dimensions: new Set(rubricOfRound(list, data.rounds?.[list.key] ?? 1).map((d) => d.key)), items: new Set(list.eligibility.map((i) => i.key)) }));
    }
    return keys;
  };
  for (const e of data.entries) listOf.set(e.entryId, ownList(e.kind, e.category));
  const dimensions = new Map<string, number>();
  const items = new Map<string, number>();
  // Over the columns (load-scores): no row object is built for the summary's sake. A row's
  // dimension is a small integer there, so each list's dimensions become a mask over those
  // integers, made once per list: no Set lookup of a string for each of 750,000 rows.
  const columns = scoreColumnsOf(data);
  const maskOf = new Map<Set<string> | undefined, Uint8Array>();
  const mask = (own: Set<string> | undefined) => {
    let m = maskOf.get(own);
    if (!m) maskOf.set(own, (m = Uint8Array.from(columns.dimensionKeys, (key) => (own?.has(key) ? 1 : 0))));
    return m;
  };
  const count = new Int32Array(columns.dimensionKeys.length);
  const firstSeen: number[] = [];
  let lastEntry = Number.NaN;
  let own = mask(undefined);
  for (let i = 0; i < columns.entryId.length; i++) {
    if (columns.entryId[i] !== lastEntry) {
      lastEntry = columns.entryId[i];
      own = mask(listOf.get(lastEntry)?.dimensions);
    }
    const d = columns.dimension[i];
    if (own[d] === 1) continue;
    if (count[d]++ === 0) firstSeen.push(d);
  }
  // In the order each dimension was first set aside, as the counts were always made.
  for (const d of firstSeen) dimensions.set(columns.dimensionKeys[d], count[d]);
  for (const a of data.eligibility) {
    if (listOf.get(a.entryId)?.items.has(a.item)) continue;
    items.set(a.item, (items.get(a.item) ?? 0) + 1);
  }
  return { dimensions, items };
}

/** What the ranking sets aside, with the version that did; null when nothing is. */
export function setAsideSummary(db: Database, data: CampaignScores): SetAside | null {
  const counts = countSetAside(data);
  if (counts.dimensions.size === 0 && counts.items.size === 0) return null;
  const reasons = setAsideReasons(db, data.campaignId);
  const since = (r: SetAsideReason | undefined) => (r ? { version: r.version, statement: r.statement } : null);
  const order = <T extends { key: string }>(rows: T[], n: (row: T) => number) => rows.sort((a, b) => n(b) - n(a) || compareCodeUnits(a.key, b.key));
  const dimensions = order(
    [...counts.dimensions].map(([key, scores]) => ({ key, label: reasons.dimensions.get(key)?.label ?? null, scores, since: since(reasons.dimensions.get(key)) })),
    (d) => d.scores,
  );
  const items = order(
    [...counts.items].map(([key, answers]) => ({ key, label: reasons.items.get(key)?.label ?? null, answers, since: since(reasons.items.get(key)) })),
    (i) => i.answers,
  );
  const newest = [...dimensions, ...items].map((x) => x.since).reduce<SetAside['since']>((a, b) => (b && (!a || b.version > a.version) ? b : a), null);
  return {
    scores: dimensions.reduce((s, d) => s + d.scores, 0),
    answers: items.reduce((s, i) => s + i.answers, 0),
    dimensions,
    items,
    since: newest,
  };
}
