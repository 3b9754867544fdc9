import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CampaignSummary, type ComplianceReport, type ExportFile, Job, type MediaLinkJob } from '../../../src-main/contract';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { openTestApp, repoRoot, tempDir, ok, finishedJob } from '../../helpers';

const media = path.join(repoRoot, 'tests/fixtures/media');

function worksFolder(): string {
  const dir = tempDir('kepu-works-');
  const put = (fixture: string, target: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
    fs.copyFileSync(path.join(media, fixture), path.join(dir, target));
  };
  put('compliant.mp4', 'SC-0001_七步洗手法.mp4');
  put('compliant.mp4', 'SC-0010/剧-1.mp4');
  put('truncated.mp4', 'SC-0010/剧-2.mp4');
  put('photo.jpg', 'SC-0002/page-1.jpg');
  put('small.png', 'SC-0002/page-2.png');
  put('webm-renamed.mp4', 'SC-0005-流感.mp4');
  put('png-renamed.jpg', 'SC-0003 主页截图.jpg');
  put('article.txt', 'misc/说明.txt');
  fs.writeFileSync(path.join(dir, '.DS_Store'), 'x');
  return dir;
}

async function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  const csv = path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv');
  await importRegistrations(app.ctx, campaign.id, { fileName: 'r.csv', bytes: fs.readFileSync(csv) });
  return { ...app, campaign };
}


async function runLink(dispatch: ReturnType<typeof openTestApp>['dispatch'], campaignId: string, folder: string): Promise<MediaLinkJob> {
  const started = await ok<MediaLinkJob>(dispatch('media:link', { campaignId, folder }));
  expect(started.state).toBe('running');
  const status = await finishedJob(dispatch, started);
  return status;
}

describe('linking a folder of works and the compliance report', () => {
  it('matches files by registration number, checks each one, and lists what matched nothing', async () => {
    const { ctx, dispatch, campaign } = await setup();
    const folder = worksFolder();
    const status = await runLink(dispatch, campaign.id, folder);
    expect(status.state).toBe('done');
    expect(status.progress).toMatchObject({ done: 7, total: 7 });
    expect(status.result).toMatchObject({
      filesFound: 8,
      filesLinked: 7,
      entriesLinked: 5,
      unmatchedFiles: [path.join('misc', '说明.txt')],
      entriesWithoutFiles: ['SC-0004'],
      cancelled: false,
    });

    const report = await ok<ComplianceReport>(dispatch('compliance:report', { campaignId: campaign.id }));
    expect(report.summary).toMatchObject({ files: 7, sizeUnit: 'MB', byVerdict: { pass: 1, fail: 5, unreadable: 1, unchecked: 0 } });
    const byFile = Object.fromEntries(report.rows.map((r) => [r.fileName, r]));
    expect(byFile['page-1.jpg'].verdict).toBe('pass');
    expect(byFile['page-2.png'].violations).toEqual([expect.objectContaining({ code: 'MEDIA_IMAGE_TOO_SMALL', limit: '600x400', actualText: '320x200' })]);
    expect(byFile['SC-0005-流感.mp4'].violations.map((v) => v.code).sort()).toEqual(
      expect.arrayContaining(['MEDIA_CONTAINER_NOT_ALLOWED', 'MEDIA_EXTENSION_MISMATCH']),
    );
    expect(byFile['剧-2.mp4']).toMatchObject({ verdict: 'unreadable', violations: [expect.objectContaining({ code: 'MEDIA_TRUNCATED' })] });
    expect(byFile['SC-0001_七步洗手法.mp4'].violations).toEqual([expect.objectContaining({ code: 'MEDIA_DUPLICATE', actual: 'SC-0010' })]);
    expect(byFile['剧-1.mp4'].violations).toEqual([expect.objectContaining({ code: 'MEDIA_DUPLICATE', actual: 'SC-0001' })]);
    expect(byFile['SC-0003 主页截图.jpg'].violations.map((v) => v.code)).toContain('MEDIA_EXTENSION_MISMATCH');
    expect(ctx.db.prepare(`SELECT role FROM assets WHERE path LIKE '%主页截图%'`).pluck().get()).toBe('screenshot');

    const onlyUnreadable = await ok<ComplianceReport>(dispatch('compliance:report', { campaignId: campaign.id, filter: { verdict: 'unreadable' } }));
    expect(onlyUnreadable.rows.map((r) => r.fileName)).toEqual(['剧-2.mp4']);
    const byCode = await ok<ComplianceReport>(dispatch('compliance:report', { campaignId: campaign.id, filter: { code: 'MEDIA_DUPLICATE' } }));
    expect(byCode.total).toBe(2);
    ctx.close();
  });

  it('re-links the same folder without duplicating assets or probing again', async () => {
    const { ctx, dispatch, campaign } = await setup();
    const folder = worksFolder();
    await runLink(dispatch, campaign.id, folder);
    const probedAt = ctx.db.prepare('SELECT path, probed_at FROM probe_results ORDER BY path').all();
    await runLink(dispatch, campaign.id, folder);
    expect(ctx.db.prepare('SELECT count(*) FROM assets').pluck().get()).toBe(7);
    expect(ctx.db.prepare('SELECT path, probed_at FROM probe_results ORDER BY path').all()).toEqual(probedAt);
    ctx.close();
  });

  it('exports the report as CSV with BOM, as XLSX and as a bilingual printable HTML page', async () => {
    const { ctx, dispatch, campaign, dataDir } = await setup();
    await runLink(dispatch, campaign.id, worksFolder());
    const csv = await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'csv' }));
    const csvText = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('报名编号 / Reg. no.');
    expect(csvText).toContain('文件不完整或已损坏');
    expect(csv.savedTo.startsWith(path.join(dataDir, 'exports'))).toBe(true);
    expect(fs.readFileSync(csv.savedTo).equals(Buffer.from(csv.contentBase64, 'base64'))).toBe(true);

    const xlsx = await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'xlsx' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBe(8);

    const html = Buffer.from((await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'html' }))).contentBase64, 'base64').toString('utf8');
    expect(html).toContain('媒体合规检查报告');
    expect(html).toContain('Media compliance report');
    expect(html).toContain('1 MB = 10^6');
    expect(html).not.toMatch(/<script/i);
    ctx.close();
  });

  it('reports a missing folder with a translated code, and an unknown job', async () => {
    const { ctx, dispatch, campaign } = await setup();
    const status = await runLink(dispatch, campaign.id, path.join(tempDir(), 'nope'));
    expect(status).toMatchObject({ kind: 'media.link', state: 'failed', result: null, error: { code: 'MEDIA_FOLDER_NOT_FOUND' } });
    expect(Job.parse(status)).toEqual(status); // the error is a typed code from contract/errors.ts
    expect(await dispatch('job:status', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
    expect(await dispatch('media:link', { campaignId: 'missing', folder: '/tmp' })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND' } });
    ctx.close();
  });
});
