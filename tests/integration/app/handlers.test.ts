import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, EntryRow } from '../../../src-main/contract';
import { openTestApp, ok } from '../../helpers';


describe('handlers over a real database', () => {
  it('list both templates and create a campaign from one, with its rubric stored', async () => {
    const { ctx, dispatch } = openTestApp();
    const templates = await ok<{ id: string }[]>(dispatch('template:list', {}));
    expect(templates.map((t) => t.id).sort()).toEqual(['caca-committee-2021', 'sichuan-influence-2023']);
    const campaign = await ok<CampaignSummary>(dispatch('campaign:create', { templateId: 'caca-committee-2021' }));
    expect(campaign).toMatchObject({ kind: 'committee', entryCount: 0, deadline: '2022-03-31T15:59:59.000Z' });
    expect(ctx.db.prepare('SELECT key FROM rubric_dimensions WHERE campaign_id = ? ORDER BY position').pluck().all(campaign.id)).toEqual([
      'scientific', 'accessibility', 'practice',
    ]);
    expect(ctx.db.prepare(`SELECT action FROM audit_log WHERE subject = ?`).pluck().all(campaign.id)).toEqual(['campaign.create']);
    ctx.close();
  });

  it('refuse an unknown template and store nothing', async () => {
    const { ctx, dispatch } = openTestApp();
    const result = await dispatch('campaign:create', { templateId: 'no-such-template' });
    expect(result).toMatchObject({ ok: false, error: { code: 'TEMPLATE_UNKNOWN', params: { id: 'no-such-template' } } });
    expect(ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(0);
    expect(await dispatch('campaign:get', { campaignId: 'nope' })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND' } });
    ctx.close();
  });

  it('load the sample: 40 registrations of every kind, late ones flagged, real media linked', async () => {
    const { ctx, dispatch } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const all = await ok<CampaignSummary[]>(dispatch('campaign:list', {}));
    expect(all[0].id).toBe(works.id);
    expect(all.reduce((n, c) => n + c.entryCount, 0)).toBe(40);
    const detail = await ok<{ counts: { byKind: Record<string, number>; late: number; assets: number } }>(
      dispatch('campaign:get', { campaignId: works.id }),
    );
    expect(detail.counts.byKind).toEqual({ work: 18, account: 8, individual: 6 });
    expect(detail.counts.late).toBe(3);
    expect(detail.counts.assets).toBeGreaterThan(20);
    const committee = all.find((c) => c.kind === 'committee')!;
    const applicants = await ok<{ total: number; rows: EntryRow[] }>(dispatch('entry:list', { campaignId: committee.id }));
    expect(applicants.rows.every((r) => r.kind === 'applicant')).toBe(true);
    expect(applicants.rows.filter((r) => r.late).map((r) => r.regNo)).toEqual(['CACA21-0008']);
    const hashes = ctx.db.prepare('SELECT DISTINCT sha256 FROM assets').pluck().all() as string[];
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    ctx.close();
  });

  it('page, sort, filter and search the entry list', async () => {
    const { ctx, dispatch } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const page = await ok<{ total: number; rows: EntryRow[] }>(dispatch('entry:list', { campaignId: works.id, offset: 10, limit: 5 }));
    expect(page.total).toBe(32);
    expect(page.rows.map((r) => r.regNo)).toEqual(['SC2023-0011', 'SC2023-0012', 'SC2023-0013', 'SC2023-0014', 'SC2023-0015']);
    const desc = await ok<{ rows: EntryRow[] }>(dispatch('entry:list', { campaignId: works.id, sort: { field: 'submittedAt', direction: 'desc' }, limit: 3 }));
    expect(desc.rows.every((r) => r.late)).toBe(true);
    const accounts = await ok<{ total: number }>(dispatch('entry:list', { campaignId: works.id, filter: { kind: 'account' } }));
    expect(accounts.total).toBe(8);
    const late = await ok<{ total: number }>(dispatch('entry:list', { campaignId: works.id, filter: { late: true } }));
    expect(late.total).toBe(3);
    const search = await ok<{ rows: EntryRow[] }>(dispatch('entry:list', { campaignId: works.id, filter: { query: '洗手' } }));
    expect(search.rows.map((r) => r.title)).toEqual(['七步洗手法，你做对了吗']);
    const literal = await ok<{ total: number }>(dispatch('entry:list', { campaignId: works.id, filter: { query: '%' } }));
    expect(literal.total).toBe(0);
    ctx.close();
  });

  it('return an entry with its fields and media', async () => {
    const { ctx, dispatch } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const list = await ok<{ rows: EntryRow[] }>(dispatch('entry:list', { campaignId: works.id, filter: { query: '三格漫画' } }));
    const entry = await ok<{ assets: { role: string; fileName: string }[]; fields: Record<string, string> }>(
      dispatch('entry:get', { entryId: list.rows[0].id }),
    );
    expect(entry.assets.map((a) => a.fileName)).toEqual(['cartoon-flu-1.jpg', 'cartoon-flu-2.jpg', 'cartoon-flu-3.jpg']);
    expect(entry.fields.phone).toMatch(/^1\d{10}$/);
    expect(await dispatch('entry:get', { entryId: 999999 })).toMatchObject({ ok: false, error: { code: 'ENTRY_NOT_FOUND' } });
    ctx.close();
  });

  it('keep the language setting across a restart', async () => {
    const first = openTestApp();
    expect(await ok(first.dispatch('settings:get', {}))).toEqual({ language: null });
    await ok(first.dispatch('settings:update', { language: 'en' }));
    first.ctx.close();
    const second = openTestApp(first.dataDir);
    expect(await ok(second.dispatch('settings:get', {}))).toEqual({ language: 'en' });
    await ok(second.dispatch('settings:update', { language: null }));
    expect(await ok(second.dispatch('settings:get', {}))).toEqual({ language: null });
    second.ctx.close();
  });

  it('ship the sample with signed result bundles that merge cleanly, newest revision winning', async () => {
    const { ctx, dispatch, dataDir } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const dir = path.join(dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    expect(files).toHaveLength(6);
    const report = await ok<{ files: { status: string }[]; coverage: { received: number } }>(dispatch('bundle:merge', { campaignId: works.id, files }));
    expect(report.files.map((f) => f.status).sort()).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(report.coverage.received).toBe(96); // 32 entries × 3 judges, every one returned
    const again = await ok<{ files: { status: string }[] }>(dispatch('bundle:merge', { campaignId: works.id, files: [files[1]] }));
    expect(again.files[0].status).toBe('duplicate');
    ctx.close();
  });
});
