// Media rules of a programme of its own (issue 12), on real files probed by the real ffprobe:
// a video with no picture (requireVideoStream), a category's own media rules overriding the
// campaign's, and completeness rules that media can meet ("a link or a screenshot") — reported in
// the compliance report, the entry's details, the exports and the ranking.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, ComplianceReport, EntryDetail, ExportFile, MediaLinkJob, MediaRules } from '../../../src-main/contract';
import { entryProblemText } from '../../../src-main/app/entry-problem-text';
import type { AppContext } from '../../../src-main/app/context';
import { describeFlag, tEn, tZh } from '../../../src-main/app/ranking-texts';
import { importRegistrations } from '../../../src-main/core/intake/import-registrations';
import { probeFile } from '../../../src-main/core/media/probe';
import { recheckAsset } from '../../../src-main/core/media/recheck-asset';
import { checkFacts } from '../../../src-main/core/media/rules';
import { ok, openTestApp, repoRoot, tempDir, finishedJob } from '../../helpers';

const media = path.join(repoRoot, 'tests/fixtures/media');
/** The ranking the app's channels serve (the core's ranking service on the app's context). */
const computeRanking = (ctx: AppContext, campaignId: string) => ctx.ranking.compute(campaignId);
const HEADER = '报名编号,申报类型,作品类别,作品名称,作者,单位,联系电话,推荐理由,平台全称,账号全称,账号链接,提交时间';

async function campaignWith(change: (def: CampaignDefinition) => void, ...rows: string[]) {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const def = structuredClone(template.definition);
  change(def);
  const campaign = app.ctx.campaigns.create(template.id, def);
  const report = await importRegistrations(app.ctx, campaign.id, { fileName: 'r.csv', bytes: Buffer.from(`${[HEADER, ...rows].join('\n')}\n`) });
  expect(report.rejected).toEqual([]);
  return { ...app, campaign };
}

/** Copies of fixtures; `marker` ends an MP4/QuickTime copy with a small free box, so two entries' copies differ in bytes (not a duplicate). */
function folderOf(files: Record<string, string>, marker?: string): string {
  const dir = tempDir('kepu-works-');
  for (const [target, fixture] of Object.entries(files)) {
    fs.copyFileSync(path.join(media, fixture), path.join(dir, target));
    if (marker && /\.(mp4|mov)$/.test(target) && target.startsWith(marker)) {
      const free = Buffer.alloc(16);
      free.writeUInt32BE(16, 0);
      free.write('free', 4, 'latin1');
      free.write(marker.slice(0, 8), 8, 'latin1');
      fs.appendFileSync(path.join(dir, target), free);
    }
  }
  return dir;
}

async function link(dispatch: ReturnType<typeof openTestApp>['dispatch'], campaignId: string, folder: string): Promise<MediaLinkJob> {
  const status = await finishedJob(dispatch, await ok<MediaLinkJob>(dispatch('media:link', { campaignId, folder })));
  expect(status.state).toBe('done');
  return status;
}

const report = (dispatch: ReturnType<typeof openTestApp>['dispatch'], campaignId: string) => ok<ComplianceReport>(dispatch('compliance:report', { campaignId }));

describe('a video with no picture', () => {
  it('is refused by default and allowed when the rules say requireVideoStream: false', async () => {
    const app = openTestApp();
    const rules: MediaRules = structuredClone(app.ctx.templates.get('sichuan-influence-2023').definition.mediaRules);
    app.ctx.close();
    const file = path.join(media, 'audio-only.mp4');
    const outcome = await probeFile(file);
    expect(outcome).toMatchObject({ ok: true, facts: { videoCodec: null, audioCodec: 'aac' } });
    expect(rules.video.requireVideoStream).toBeUndefined(); // absent: required
    expect(checkFacts(file, outcome, rules)).toMatchObject({ mediaClass: 'audio', verdict: 'fail', violations: [{ code: 'MEDIA_NO_VIDEO_STREAM', limit: null, actual: 'aac' }] });
    expect(checkFacts(file, outcome, { ...rules, video: { ...rules.video, requireVideoStream: true } }).verdict).toBe('fail');
    expect(checkFacts(file, outcome, { ...rules, video: { ...rules.video, requireVideoStream: false } })).toMatchObject({ verdict: 'pass', violations: [] });
    // The same sound under an audio name is not a video sent without its picture.
    const renamed = path.join(tempDir(), 'talk.m4a');
    fs.copyFileSync(file, renamed);
    expect(checkFacts(renamed, await probeFile(renamed), rules)).toMatchObject({ mediaClass: 'audio', verdict: 'pass' });
    // A real video still passes.
    const video = path.join(media, 'compliant.mp4');
    expect(checkFacts(video, await probeFile(video), rules).verdict).toBe('pass');
  });
});

describe("a category's own media rules", () => {
  it('apply to the entries of that category when linking, in the compliance report and when re-checking', async () => {
    const { ctx, dispatch, campaign } = await campaignWith(
      (def) => {
        // "Other" works may be QuickTime files or sound only; videos keep the campaign's rules.
        const other = def.entryKinds.find((k) => k.kind === 'work')!.categories.find((c) => c.key === 'other')!;
        other.mediaRules = { ...structuredClone(def.mediaRules), video: { ...def.mediaRules.video, containers: ['mp4', 'mov'], requireVideoStream: false } };
      },
      'SC-1,作品,视频,视频作品,甲,,13800138000,理由,,,,2023-12-12 09:00',
      'SC-2,作品,其他,其他作品,乙,,13800138001,理由,,,,2023-12-12 09:00',
    );
    const folder = folderOf(
      {
        'SC-1_片.mov': 'quicktime.mov',
        'SC-1_声.mp4': 'audio-only.mp4',
        'SC-2_片.mov': 'quicktime.mov',
        'SC-2_声.mp4': 'audio-only.mp4',
      },
      'SC-2',
    );
    const status = await link(dispatch, campaign.id, folder);
    expect(status.result?.checked).toEqual({ pass: 2, fail: 2, unreadable: 0 });

    const verdicts = async () =>
      Object.fromEntries((await report(dispatch, campaign.id)).rows.map((r) => [r.fileName, [r.verdict, ...r.violations.map((v) => v.code)]]));
    expect(await verdicts()).toEqual({
      'SC-1_片.mov': ['fail', 'MEDIA_CONTAINER_NOT_ALLOWED'],
      'SC-1_声.mp4': ['fail', 'MEDIA_NO_VIDEO_STREAM'],
      'SC-2_片.mov': ['pass'],
      'SC-2_声.mp4': ['pass'],
    });

    // A changed file re-checked under its entry's rules; the report stays per category.
    const assetId = ctx.db.prepare(`SELECT id FROM assets WHERE path LIKE '%SC-2_声.mp4'`).pluck().get() as number;
    const file = path.join(folder, 'SC-2_声.mp4');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const rechecked = await recheckAsset(ctx, assetId);
    expect(rechecked).toMatchObject({ assetId, contentChanged: false });
    expect((await verdicts())['SC-2_声.mp4']).toEqual(['pass']);

    // The ranking holds only the entry whose media fail its own category's rules.
    const flags = computeRanking(ctx, campaign.id).flags;
    const byReg = new Map((ctx.db.prepare('SELECT reg_no, id FROM entries').raw().all() as [string, number][]));
    expect(flags.get(byReg.get('SC-1')!)?.map((f) => f.code)).toEqual(['non_compliant_media']);
    expect(flags.get(byReg.get('SC-2')!)).toBeUndefined();
    ctx.close();
  });
});

describe('completeness rules that media can meet', () => {
  it("report an account with neither a link nor a screenshot, until a screenshot is linked, and hold it in the ranking", async () => {
    const { ctx, dispatch, campaign } = await campaignWith(
      () => {}, // Sichuan's own rule: an account needs a link or a screenshot
      'SC-1,账号,,,,,13800138000,坚持日更,抖音,有链接,https://www.douyin.com/user/x,2023-12-12 09:00',
      'SC-2,账号,,,,,13800138001,坚持日更,微信公众号,什么都没有,,2023-12-12 09:00',
      'SC-3,作品,视频,视频作品,甲,,13800138002,理由,,,,2023-12-12 09:00',
    );
    const id = (regNo: string) => ctx.db.prepare('SELECT id FROM entries WHERE reg_no = ?').pluck().get(regNo) as number;

    const before = await report(dispatch, campaign.id);
    expect(before.entryProblems).toEqual([
      {
        entryId: id('SC-2'),
        regNo: 'SC-2',
        title: '微信公众号 · 什么都没有',
        kind: 'account',
        category: null,
        code: 'ENTRY_RULE_ANY_OF',
        rule: 'link_or_screenshot',
        options: [{ field: 'link', label: { 'zh-CN': '账号链接', en: 'Link' } }, { media: 'screenshot' }],
      },
    ]);
    expect(entryProblemText(before.entryProblems[0], 'en')).toBe('Needs “Link” or a screenshot');
    expect(entryProblemText(before.entryProblems[0], 'zh-CN')).toBe('须提供“账号链接”或截图');
    const detail = await ok<EntryDetail>(dispatch('entry:get', { entryId: id('SC-2') }));
    expect(detail.problems.map((p) => p.rule)).toEqual(['link_or_screenshot']);
    expect((await ok<EntryDetail>(dispatch('entry:get', { entryId: id('SC-1') }))).problems).toEqual([]);

    // Held in the ranking with its own flag, its options named in both languages.
    const flag = computeRanking(ctx, campaign.id).flags.get(id('SC-2'))?.find((f) => f.code === 'entry_rule');
    expect(flag).toBeDefined();
    expect(describeFlag(tEn, flag!)).toBe('Incomplete: needs “Link” or a screenshot');
    expect(describeFlag(tZh, flag!)).toBe('材料不全：须提供“账号链接”或截图');
    const held = computeRanking(ctx, campaign.id).outcome.categories.find((c) => c.kind === 'account')!.lists.trimmed!.held;
    expect(held.find((h) => h.regNo === 'SC-2')?.flags.map((f) => f.code)).toContain('entry_rule');
    expect(held.find((h) => h.regNo === 'SC-1')?.flags.map((f) => f.code)).not.toContain('entry_rule');

    // The exports say it too.
    const html = Buffer.from((await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'html' }))).contentBase64, 'base64').toString('utf8');
    expect(html).toContain('材料不全的条目');
    expect(html).toContain('Needs “Link” or a screenshot');
    const csv = Buffer.from((await ok<ExportFile>(dispatch('compliance:export', { campaignId: campaign.id, format: 'csv' }))).contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('SC-2');
    expect(csv).toContain('须提供“账号链接”或截图 / Needs “Link” or a screenshot');

    // A screenshot of the account page arrives: the rule is met.
    const status = await link(dispatch, campaign.id, folderOf({ 'SC-2 主页截图.jpg': 'photo.jpg' }));
    expect(ctx.db.prepare('SELECT role FROM assets').pluck().all()).toEqual(['screenshot']);
    expect(status.result?.incompleteEntries).toEqual([]);
    expect((await report(dispatch, campaign.id)).entryProblems).toEqual([]);
    expect((await ok<EntryDetail>(dispatch('entry:get', { entryId: id('SC-2') }))).problems).toEqual([]);
    expect(computeRanking(ctx, campaign.id).flags.get(id('SC-2'))).toBeUndefined();
    ctx.close();
  });

  it('names the entries still incomplete after linking a folder', async () => {
    const { ctx, dispatch, campaign } = await campaignWith(
      () => {},
      'SC-1,账号,,,,,13800138000,坚持日更,抖音,无链接一,,2023-12-12 09:00',
      'SC-2,账号,,,,,13800138001,坚持日更,快手,无链接二,,2023-12-12 09:00',
    );
    const status = await link(dispatch, campaign.id, folderOf({ 'SC-1.jpg': 'photo.jpg' }));
    expect(status.result?.incompleteEntries).toEqual(['SC-2']);
    // On a judge's machine (a campaign opened from a review package) nothing is reported: blind
    // review may have removed the link, and completeness was the coordinator's to decide.
    const judge = ctx.judges.create(campaign.id, '王评委', null);
    ctx.db.prepare(`INSERT INTO opened_packages (id, campaign_id, judge_id, coordinator_key_id, coordinator_name, opened_at, last_bundle_revision, manifest_json, media_dir)
                    VALUES ('pkg-1', ?, ?, ?, '组委会', 'x', 0, '{}', '/m')`).run(campaign.id, judge.id, 'a'.repeat(64));
    expect((await report(dispatch, campaign.id)).entryProblems).toEqual([]);
    ctx.close();
  });
});
