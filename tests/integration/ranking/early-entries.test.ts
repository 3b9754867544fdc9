// Entries submitted before the registration opened are held like late ones (holdLate), under
// their own flag; a campaign without such entries ranks and locks exactly as it did before the
// flag existed (same outputs, same input hashes).
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { NewEntry } from '../../../src-main/core/entries/entry-repo';
import { parseRankingConfig } from '../../../src-main/core/ranking/config';
import { loadCampaignScores } from '../../../src-main/core/ranking/load-scores';
import { compareCodeUnits } from '../../../src-main/core/ranking/numbers';
import { runRanking } from '../../../src-main/core/ranking/run-ranking';
import { buildSnapshot } from '../../../src-main/core/ranking/snapshot';
import { openTestApp } from '../../helpers';

const OPENS = '2023-12-08T16:00:00.000Z'; // 2023-12-09 00:00 Beijing time
const DEADLINE = '2023-12-25T10:00:00.000Z';

function entry(regNo: string, submittedAt: string | null): NewEntry {
  return { regNo, kind: 'work', category: 'video', title: regNo, entrantType: 'unit', entrantName: `单位${regNo}`, entrantUnit: null, contactPhone: null, contactEmail: null, reason: null, fields: {}, submittedAt };
}

function campaignWithScores(entries: NewEntry[]) {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign = app.ctx.campaigns.create(template.id, { ...template.definition, judgesPerEntry: 1 });
  const ids = app.ctx.entries.insertMany(campaign.id, DEADLINE, entries, OPENS);
  const judge = app.ctx.judges.create(campaign.id, '王评委', '某大学');
  const score = app.ctx.db.prepare(`INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (?, ?, ?, ?, 1, 'x')`);
  ids.forEach((id, i) => {
    for (const d of template.definition.lists[0].rubric) score.run(id, judge.id, d.key, 5 + i);
  });
  app.ctx.judges.assign(ids.map((entryId) => ({ entryId, judgeId: judge.id })), 'manual');
  return { ...app, campaign };
}

/** The entries hash exactly as snapshots computed it before the early flag existed. */
function entriesHashBeforeTheFlag(data: ReturnType<typeof loadCampaignScores>): string {
  const lines = data.entries.map((e) => JSON.stringify([e.regNo, e.kind, e.category, e.submittedAt, e.isLate, e.assigned])).sort(compareCodeUnits);
  return crypto.createHash('sha256').update(`${lines.join('\n')}\n`, 'utf8').digest('hex');
}

describe('entries submitted before the registration opened', () => {
  it('are held with an early flag while holdLate is on, and ranked when it is off', () => {
    const { ctx, campaign } = campaignWithScores([entry('SC-1', '2023-12-10T01:00:00.000Z'), entry('SC-2', '2023-12-08T15:59:59.000Z'), entry('SC-3', '2023-12-25T10:00:01.000Z')]);
    const data = loadCampaignScores(ctx.db, campaign.id);
    expect(data.entries.map((e) => [e.regNo, e.isLate, e.isEarly ?? false])).toEqual([
      ['SC-1', false, false],
      ['SC-2', false, true],
      ['SC-3', true, false],
    ]);
    const held = runRanking(data, parseRankingConfig({})).categories[0].lists.trimmed!;
    expect(held.ranked.map((r) => r.regNo)).toEqual(['SC-1']);
    expect(held.held.map((h) => [h.regNo, h.flags])).toEqual([
      ['SC-2', [{ code: 'early', params: { submittedAt: '2023-12-08T15:59:59.000Z' } }]],
      ['SC-3', [{ code: 'late', params: { submittedAt: '2023-12-25T10:00:01.000Z' } }]],
    ]);
    const accepted = runRanking(data, parseRankingConfig({ holdLate: false })).categories[0].lists.trimmed!;
    expect(accepted.ranked.map((r) => r.regNo)).toEqual(['SC-3', 'SC-2', 'SC-1']);
    expect(accepted.held).toEqual([]);
    // The snapshot's entries hash changes with the flag (an early entry is part of the input).
    expect(buildSnapshot(data, runRanking(data, parseRankingConfig({}))).inputs.entries).not.toBe(entriesHashBeforeTheFlag(data));
    ctx.close();
  });

  it('change nothing in a campaign that has none: the same hashes and outputs as before the flag', () => {
    const { ctx, campaign } = campaignWithScores([entry('SC-1', '2023-12-10T01:00:00.000Z'), entry('SC-2', null), entry('SC-3', '2023-12-25T10:00:01.000Z')]);
    const data = loadCampaignScores(ctx.db, campaign.id);
    expect(data.entries.every((e) => !('isEarly' in e))).toBe(true);
    const snapshot = buildSnapshot(data, runRanking(data, parseRankingConfig({})));
    expect(snapshot.inputs.entries).toBe(entriesHashBeforeTheFlag(data));
    // The outputs equal those of entries that never heard of the flag.
    const plain = { ...data, entries: data.entries.map(({ entryId, regNo, kind, category, submittedAt, isLate, assigned }) => ({ entryId, regNo, kind, category, submittedAt, isLate, assigned })) };
    expect(JSON.stringify(buildSnapshot(plain, runRanking(plain, parseRankingConfig({}))))).toBe(JSON.stringify(snapshot));
    ctx.close();
  });
});
