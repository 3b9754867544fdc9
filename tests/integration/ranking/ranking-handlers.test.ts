// The ranking channels over the merged sample: summary, side-by-side lists, held entries with
// reasons, entry details, configuration (and its refusal of bad input), publishing a signed
// snapshot, verifying it, noticing a later change, the committee list, and every export format.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary, CommitteeView, ExportFile, RankingEntryDetail, RankingSummary, SnapshotInfo, SnapshotVerification } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot } from '../../helpers';

type RankingListResult = { total: number; rows: { entryId: number; regNo: string; rank: number | null; tier: string | null; methods: Record<string, { rank: number | null; score: number | null }>; flags: { code: string }[]; low: number | null; high: number | null }[] };

async function mergedSample() {
  const app = openTestApp();
  const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
  const read = (dir: string) => fs.readdirSync(path.join(app.dataDir, dir)).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(app.dataDir, dir, f)).toString('base64') }));
  await ok(app.dispatch('bundle:merge', { campaignId: works.id, files: read('sample-bundles') }));
  const campaigns = await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}));
  const committee = campaigns.find((c) => c.id !== works.id)!;
  await ok(app.dispatch('bundle:merge', { campaignId: committee.id, files: read('sample-bundles-committee') }));
  return { ...app, works, committee };
}

describe('ranking channels', () => {
  let app: Awaited<ReturnType<typeof mergedSample>>;
  beforeAll(async () => {
    app = await mergedSample();
  });

  it('summarises every category with methods side by side, held entries named with reasons', async () => {
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
    // 3 judges per entry: the mean by default (default-config.ts), not a trimmed mean that cannot trim.
    expect(summary.config.primary).toBe('mean');
    // The sample: six categories (graphic, cartoon, video, other works; accounts; individuals),
    // 32 entries scored by 3 of its 5 judges each, 5 held back for a reason.
    expect(summary.categories.map((c) => [c.kind, c.category])).toEqual([['work', 'graphic'], ['work', 'cartoon'], ['work', 'video'], ['work', 'other'], ['account', null], ['individual', null]]);
    expect(summary.counts).toMatchObject({ entries: 32, ranked: 27, held: 5, counted: 96 });
    expect(summary.counts.ranked + summary.counts.held).toBe(summary.counts.entries);
    // The sample judges by name (load-demo.ts), in whatever order the summary lists them.
    expect(summary.judges.map((j) => j.name).sort()).toEqual(['王立新', '陈雪梅', '刘振华', 'Zhang Wei', '赵敏'].sort());
    expect(summary.judges.every((j) => j.name !== j.judgeId)).toBe(true);
    const category = summary.categories.find((c) => c.ranked > 1)!;
    expect(category.histogram.counts.reduce((a, b) => a + b, 0)).toBe(category.ranked);
    expect(category.stability.tau.length).toBe(10); // 5 methods → 10 pairs

    const list = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId: app.works.id, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 100 }));
    expect(list.total).toBe(category.ranked);
    expect(list.rows.map((r) => r.rank)).toEqual(list.rows.map((_, i) => i + 1));
    for (const r of list.rows) {
      expect(Object.keys(r.methods).sort()).toEqual(['borda', 'mean', 'median', 'trimmed', 'zscore']);
      expect(r.low).toBeLessThanOrEqual(r.high!);
    }
    const byMean = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId: app.works.id, kind: category.kind, category: category.category, section: 'ranked', method: 'mean', offset: 0, limit: 100 }));
    expect(byMean.rows.map((r) => r.methods.mean.rank)).toEqual(byMean.rows.map((_, i) => i + 1));

    const heldCategory = summary.categories.find((c) => c.held > 0)!;
    const held = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId: app.works.id, kind: heldCategory.kind, category: heldCategory.category, section: 'held', offset: 0, limit: 100 }));
    expect(held.rows.length).toBe(heldCategory.held);
    for (const r of held.rows) {
      expect(r.rank).toBeNull();
      expect(r.flags.length).toBeGreaterThan(0);
    }

    const detail = await ok<RankingEntryDetail>(app.dispatch('ranking:entry', { campaignId: app.works.id, entryId: list.rows[0].entryId }));
    expect(detail.row.regNo).toBe(list.rows[0].regNo);
    expect(detail.totals.length).toBe(detail.row.judges);
    expect(detail.totals.every((t) => t.name.length > 0 && t.name !== t.judgeId)).toBe(true);

    const missing = await app.dispatch('ranking:list', { campaignId: app.works.id, kind: 'work', category: 'no_such', section: 'ranked', offset: 0, limit: 10 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'RANKING_CATEGORY_NOT_FOUND' } });
  });

  it('stores a configuration with award tiers and refuses a bad one without losing the stored one', async () => {
    const config = { tiers: [{ key: 'influence', label: { 'zh-CN': '影响力榜单', en: 'Influence list' }, by: 'rank', count: 1 }, { key: 'excellent', by: 'rank', count: 1 }], primary: 'mean' };
    const saved = await ok<{ config: { primary: string; tiers: unknown[] } }>(app.dispatch('ranking:configure', { campaignId: app.works.id, config }));
    expect(saved.config.primary).toBe('mean');
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
    const category = summary.categories.find((c) => c.ranked > 2)!;
    expect(category.tiers).toEqual([
      { key: 'influence', label: { 'zh-CN': '影响力榜单', en: 'Influence list' }, count: 1 },
      { key: 'excellent', label: null, count: 1 },
    ]);
    const list = await ok<RankingListResult>(app.dispatch('ranking:list', { campaignId: app.works.id, kind: category.kind, category: category.category, section: 'ranked', offset: 0, limit: 3 }));
    expect(list.rows.map((r) => r.tier)).toEqual(['influence', 'excellent', null]);

    const bad = await app.dispatch('ranking:configure', { campaignId: app.works.id, config: { tieBreaks: [{ by: 'dimension', key: 'nonsense' }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'DIMENSION_UNKNOWN', params: { dimension: 'nonsense' } } });
    const invalid = await app.dispatch('ranking:configure', { campaignId: app.works.id, config: { trimMinJudges: 1 } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', params: { path: 'config.trimMinJudges' } } });
    const kept = await ok<{ config: { primary: string }; saved: boolean }>(app.dispatch('ranking:config', { campaignId: app.works.id }));
    expect(kept).toMatchObject({ saved: true, config: { primary: 'mean' } });
  });

  it('publishes a signed snapshot that verifies, and names the first difference after a change', async () => {
    const noKey = await app.dispatch('ranking:lock', { campaignId: app.works.id });
    expect(noKey).toMatchObject({ ok: false, error: { code: 'KEY_NOT_FOUND' } });
    await ok(app.dispatch('identity:create', { name: '王协调', passphrase: 'correct horse battery' }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    expect(lock.method).toBe('mean');
    expect(lock.signerName).toBe('王协调');
    expect(lock.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await ok<SnapshotInfo[]>(app.dispatch('ranking:snapshots', { campaignId: app.works.id }))).toEqual([lock]);
    expect((await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }))).latestLock).toEqual(lock);

    const verified = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }));
    expect(verified).toMatchObject({ equal: true, signatureValid: true, difference: null });

    // The exported lock file verifies with the CLI too, signature included.
    const file = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'snapshot' }));
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'rank', '--verify', file.savedTo, '--data-dir', app.dataDir], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
    expect(cli.stdout + cli.stderr).toContain('identical');
    expect(cli.status).toBe(0);

    app.ctx.db.prepare('UPDATE scores SET value = CASE WHEN value >= 10 THEN 9 ELSE value + 1 END WHERE rowid = (SELECT min(s.rowid) FROM scores s JOIN entries e ON e.id = s.entry_id WHERE e.campaign_id = ?)').run(app.works.id);
    const changed = await ok<SnapshotVerification>(app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id }));
    expect(changed).toMatchObject({ equal: false, signatureValid: true, difference: { path: 'inputs.scores' } });

    // A tampered stored snapshot is refused, not trusted.
    app.ctx.db.prepare(`UPDATE ranking_snapshots SET snapshot_json = replace(snapshot_json, '"mean"', '"median"') WHERE id = ?`).run(lock.id);
    const tampered = await app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: lock.id });
    expect(tampered).toMatchObject({ ok: false, error: { code: 'RANKING_SNAPSHOT_INVALID' } });
    const unknown = await app.dispatch('ranking:verify', { campaignId: app.works.id, snapshotId: 'rank-nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'RANKING_SNAPSHOT_NOT_FOUND' } });
  });

  it('selects committee members from the judges’ eligibility answers and gives each rejection its reasons', async () => {
    const view = await ok<CommitteeView>(app.dispatch('ranking:committee', { campaignId: app.committee.id }));
    expect(view.rule).toBe('majority');
    expect(view.members.map((m) => m.regNo).sort()).toEqual(['CACA21-0001', 'CACA21-0002', 'CACA21-0004', 'CACA21-0005', 'CACA21-0006', 'CACA21-0007']);
    expect(view.rejected.map((r) => r.regNo)).toEqual(['CACA21-0003']);
    expect(view.held.map((h) => h.regNo)).toEqual(['CACA21-0008']);
    const third = view.rejected.find((a) => a.regNo === 'CACA21-0003');
    expect(third?.reasons).toContainEqual(expect.objectContaining({ code: 'item_failed', params: expect.objectContaining({ no: 3 }) }));
    for (const r of view.rejected) expect(r.reasons.length).toBeGreaterThan(0);
    expect(view.held.every((h) => h.flags.length > 0)).toBe(true);
    expect(await ok(app.dispatch('ranking:committee', { campaignId: app.works.id }))).toBeNull();
  });

  it('exports CSV with a BOM, XLSX with a sheet per category, and a bilingual PDF with embedded fonts', async () => {
    const csv = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'csv' }));
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('名次 / Rank');
    expect(text).toMatch(/SC2023-\d{4}/);

    const xlsx = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.works.id, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const summary = await ok<RankingSummary>(app.dispatch('ranking:summary', { campaignId: app.works.id }));
    expect(book.worksheets.length).toBe(summary.categories.length + 2); // + judges + stability

    const pdf = await ok<ExportFile>(app.dispatch('ranking:export', { campaignId: app.committee.id, format: 'pdf' }));
    expect(fs.readFileSync(pdf.savedTo).subarray(0, 5).toString()).toBe('%PDF-');
    const extracted = execFileSync('pdftotext', ['-layout', pdf.savedTo, '-'], { encoding: 'utf8' });
    expect(extracted).toContain('排名报告');
    expect(extracted).toContain('Ranking report');
    expect(extracted).toContain('委员拟入选名单');
    expect(extracted).toMatch(/CACA21-0003/);
    const fonts = execFileSync('pdffonts', [pdf.savedTo], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/yes\s+yes\s+yes/); // embedded, subset, ToUnicode
  });
});
