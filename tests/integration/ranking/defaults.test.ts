// Issue 15, defaults that contradicted each other, over the merged sample (real SQLite): the works
// campaign (3 judges per entry) publishes the mean by default instead of a trimmed mean that
// silently fell back to it; chosen anyway, the trimmed mean's fallback is reported per category,
// per entry and in the PDF; the committee list is ordered by the method of the ranking table
// beside it; a snapshot locked under the old default still verifies byte for byte.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, CommitteeView, ExportFile, RankingConfig, RankingEntryDetail, RankingSummary, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { ok, openTestApp } from '../../helpers';

type Rows = { total: number; rows: { entryId: number; regNo: string; rank: number | null; score: number | null; judges: number }[] };

async function mergedSample() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const read = (dir: string) => fs.readdirSync(path.join(app.dataDir, dir)).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(app.dataDir, dir, f)).toString('base64') }));
  await ok(app.dispatch('bundle:merge', { campaignId: works.id, files: read('sample-bundles') }));
  const committee = (await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).find((c) => c.id !== works.id)!;
  await ok(app.dispatch('bundle:merge', { campaignId: committee.id, files: read('sample-bundles-committee') }));
  return { ...app, works, committee };
}

describe('ranking defaults agree', () => {
  let app: Awaited<ReturnType<typeof mergedSample>>;
  beforeAll(async () => {
    app = await mergedSample();
  });

  it('the committee list is ordered by the method of the ranking table beside it', async () => {
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.committee.id }));
    const category = summary.categories[0];
    const view = (await ok<CommitteeView>(app.dispatch('ranking:committee', { campaignId: app.committee.id })))!;
    expect(view.method).toBe(category.method);
    const table = await ok<Rows>(app.dispatch('ranking:list', { campaignId: app.committee.id, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 500 }));
    const members = new Set(view.members.map((m) => m.regNo));
    // Same order, and each member's score is the one the table shows.
    expect(view.members.map((m) => m.regNo)).toEqual(table.rows.filter((r) => members.has(r.regNo)).map((r) => r.regNo));
    const shown = new Map(table.rows.map((r) => [r.regNo, r.score]));
    for (const m of view.members) expect(m.score).toBe(shown.get(m.regNo));
    expect(summary.categories.every((c) => c.fallback === null)).toBe(true);
    expect(summary.meanByDefault).toBeNull();
  });

  it('the works campaign publishes the mean by default: nothing falls back', async () => {
    const config = await ok<{ config: RankingConfig; saved: boolean }>(app.dispatch('ranking:config', { campaignId: app.works.id }));
    expect(config).toMatchObject({ saved: false, config: { primary: 'mean', committee: { method: 'mean' } } });
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
    expect(summary.categories.every((c) => c.method === 'mean' && c.fallback === null)).toBe(true);
    // The page says why the mean: panels of 3, the trimmed mean needs 5.
    expect(summary.meanByDefault).toEqual({ panel: 3, needed: 5 });
  });

  it('a snapshot locked under the old default (trimmed mean) verifies byte for byte, and the fallback is said everywhere', async () => {
    await ok(app.dispatch('ranking:configure', { campaignId: app.works.id, config: { primary: 'trimmed' } }));
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    expect(lock.method).toBe('trimmed');
    // Back to the new defaults: the lock recorded its own configuration and still re-derives.
    app.ctx.db.prepare('DELETE FROM ranking_settings WHERE campaign_id = ?').run(app.works.id);
    expect((await ok<{ config: RankingConfig }>(app.dispatch('ranking:config', { campaignId: app.works.id }))).config.primary).toBe('mean');
    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }));
    expect(verified).toMatchObject({ signatureValid: true, equal: true });

    // Chosen again (after the lock: changes allowed first): every ranked entry (3 judges < 5)
    // carries the plain mean, and the summary says so.
    await ok(app.dispatch('ranking:allowChanges', { campaignId: app.works.id }));
    await ok(app.dispatch('ranking:configure', { campaignId: app.works.id, config: { primary: 'trimmed' } }));
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
    expect(summary.meanByDefault).toBeNull(); // saved settings: the coordinator's choice
    for (const c of summary.categories) expect(c.fallback).toEqual(c.ranked === 0 ? null : { entries: c.ranked, needed: 5 });
    const category = summary.categories.find((c) => c.ranked > 0)!;
    const table = await ok<Rows>(app.dispatch('ranking:list', { campaignId: app.works.id, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 10 }));
    const detail = await ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId: app.works.id, entryId: table.rows[0].entryId }));
    expect(detail).toMatchObject({ publishedMethod: 'trimmed', trimmed: 'plain_mean', trimMinJudges: 5 });

    const pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'pdf' }));
    const text = execFileSync('pdftotext', [pdf.savedTo, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`公布方法为去极值平均分，但有 ${category.ranked} 件上榜作品的评委少于 5 位`);
    expect(text).toMatch(new RegExp(`Published by the trimmed mean, but ${category.ranked} ranked (entry|entries) had fewer than 5 judges`));
  });
});
