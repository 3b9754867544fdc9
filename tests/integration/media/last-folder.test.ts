// The media tab remembers the folder last linked to a campaign (issue 20: it forgot the path when
// the coordinator came back): media:lastFolder is empty before, gives the folder and pattern as
// typed after a link that read the folder, survives reopening the data folder, is per campaign,
// and a folder that does not exist is not remembered.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, MediaLinkJob } from '../../../src-main/contract';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { finishedJob, ok, openTestApp, repoRoot, tempDir } from '../../helpers';

describe('the folder last linked', () => {
  it('is remembered per campaign, as typed, after a link that read it', async () => {
    const dataDir = tempDir('kepu-data-');
    const { ctx, dispatch } = openTestApp(dataDir);
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign: CampaignSummary = ctx.campaigns.create(template.id, template.definition);
    const other: CampaignSummary = ctx.campaigns.create(template.id, template.definition);
    await importRegistrations(ctx, campaign.id, { fileName: 'r.csv', bytes: Buffer.from('报名编号,申报类型,作品类别,作品名称,作者,联系电话,推荐理由,提交时间\nSC-0001,作品,视频,洗手,李晓雯,13800138000,原创,2023-12-10 09:30\n') });
    expect(await ok(dispatch('media:lastFolder', { campaignId: campaign.id }))).toBeNull();

    // A folder that does not exist fails in the job and is not remembered.
    const missing = path.join(tempDir('kepu-gone-'), '不存在');
    const failed = await finishedJob(dispatch, await ok<MediaLinkJob>(dispatch('media:link', { campaignId: campaign.id, folder: missing })));
    expect(failed.state).toBe('failed');
    expect(await ok(dispatch('media:lastFolder', { campaignId: campaign.id }))).toBeNull();

    const folder = path.join(tempDir('kepu-works-'), '参赛作品 2023');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(repoRoot, 'tests/fixtures/media/compliant.mp4'), path.join(folder, 'SC-0001.mp4'));
    const done = await finishedJob(dispatch, await ok<MediaLinkJob>(dispatch('media:link', { campaignId: campaign.id, folder, pattern: '^(SC-\\d{4})' })));
    expect(done.error ?? null).toBeNull();
    expect(done.state).toBe('done');
    const last = await ok<{ folder: string; pattern: string | null; linkedAt: string }>(dispatch('media:lastFolder', { campaignId: campaign.id }));
    expect(last).toMatchObject({ folder, pattern: '^(SC-\\d{4})' });
    expect(Date.parse(last.linkedAt)).not.toBeNaN();
    expect(await ok(dispatch('media:lastFolder', { campaignId: other.id }))).toBeNull();
    ctx.close();

    // Reopened (the app restarted): still there.
    const again = openTestApp(dataDir);
    expect(await ok(again.dispatch('media:lastFolder', { campaignId: campaign.id }))).toMatchObject({ folder, pattern: '^(SC-\\d{4})' });
    again.ctx.close();
  });
});
