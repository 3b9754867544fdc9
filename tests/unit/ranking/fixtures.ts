// Inputs for the ranking tests: the works rubric (content 0.4, creativity 0.3, communication 0.3 on
// 0–10 step 0.5, as in the Sichuan template), a helper that writes one judge's review as score rows,
// and a seeded generator (mulberry32) for the property tests and the snapshot tests.
import fs from 'node:fs';
import path from 'node:path';
import { CampaignTemplate, type RubricDimension } from '../../../src-main/contract';
import type { ReviewPair, ScoreRow } from '../../../src-main/core/ranking/aggregate';
import type { CampaignScores, LoadedEntry } from '../../../src-main/core/ranking/load-scores';
import { mulberry32 } from '../../../src-main/core/assignment/seeded';
import { resourcesDir } from '../../helpers';

export function dimension(key: string, weight: number): RubricDimension {
  return { key, label: { 'zh-CN': key, en: key }, description: { 'zh-CN': key, en: key }, weight, scale: { min: 0, max: 10, step: 0.5 }, anchors: [] };
}

export const rubric: RubricDimension[] = [dimension('content', 0.4), dimension('creativity', 0.3), dimension('communication', 0.3)];

/** One judge's review: values in rubric order; `undefined` leaves a dimension unscored. */
export function review(entryId: number, judgeId: string, values: readonly (number | undefined)[]): ScoreRow[] {
  return rubric.flatMap((d, i) => (values[i] === undefined ? [] : [{ entryId, judgeId, dimension: d.key, value: values[i] as number }]));
}

/** A review whose weighted total is exactly `total` (every dimension scored the same). */
export function flat(entryId: number, judgeId: string, total: number): ScoreRow[] {
  return review(entryId, judgeId, [total, total, total]);
}

export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function sichuanTemplate(): CampaignTemplate {
  return CampaignTemplate.parse(JSON.parse(fs.readFileSync(path.join(resourcesDir, 'templates', 'sichuan-influence-2023.kepuprog'), 'utf8')));
}

export interface Generated {
  scores: ScoreRow[];
  conflicts: ReviewPair[];
  entries: LoadedEntry[];
  judges: string[];
}

/**
 * `entries` works in four categories, `judges` judges, 3–5 judges per entry drawn at random; scores
 * on the 0–10 step 0.5 grid around a per-entry quality and a per-judge leniency; about 4 % of the
 * reviews incomplete and 3 % of the pairs conflicted.
 */
export function generate(options: { entries: number; judges: number; seed: number }): Generated {
  const random = mulberry32(options.seed);
  const judges = Array.from({ length: options.judges }, (_, j) => `j-${String(j).padStart(3, '0')}`);
  const leniency = judges.map(() => (random() - 0.5) * 2);
  const categories = ['graphic', 'cartoon', 'video', 'other'];
  const scores: ScoreRow[] = [];
  const conflicts: ReviewPair[] = [];
  const entries: LoadedEntry[] = [];
  const grid = (v: number) => Math.min(10, Math.max(0, Math.round(v * 2) / 2));
  for (let e = 0; e < options.entries; e++) {
    const entryId = 1000 + e * 7;
    const k = 3 + Math.floor(random() * 3);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, judges.length)) chosen.add(Math.floor(random() * judges.length));
    const quality = 4 + random() * 5;
    for (const j of chosen) {
      if (random() < 0.03) {
        conflicts.push({ entryId, judgeId: judges[j] });
        if (random() < 0.5) continue;
      }
      const values = rubricValues(quality + leniency[j], random, grid);
      if (random() < 0.04) values[Math.floor(random() * 3)] = undefined;
      scores.push(...review(entryId, judges[j], values));
    }
    entries.push({
      entryId,
      regNo: `SC-${String(e + 1).padStart(4, '0')}`,
      kind: 'work',
      category: categories[e % categories.length],
      submittedAt: new Date(Date.UTC(2023, 10, 1) + Math.floor(random() * 50) * 86_400_000).toISOString(),
      isLate: false,
      assigned: chosen.size,
    });
  }
  return { scores, conflicts, entries, judges };
}

function rubricValues(centre: number, random: () => number, grid: (v: number) => number): (number | undefined)[] {
  return [0, 1, 2].map(() => grid(centre + (random() - 0.5) * 3));
}

export function campaignScores(g: Generated, judgesPerEntry = 3): CampaignScores {
  const definition = { ...sichuanTemplate().definition, judgesPerEntry };
  return { campaignId: 'test-campaign', definition, storedDefinition: definition, entries: g.entries, scores: g.scores, conflicts: g.conflicts, eligibility: [], bundles: [] };
}
