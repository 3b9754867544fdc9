// Issue 16, what the judge sees beside the rubric and the checklist, across two data folders with
// real keys and files:
// - evidence tied to an eligibility item: a file named after one item (执业证书.jpg) is tied to it
//   when linked, the coordinator changes a tie by hand (audited; an item the list lacks is refused),
//   the package carries the ties and the judge's review state has them on the files;
// - reach figures: imported on the coordinator's side, carried by the package, in the judge's review
//   state, and the template asks for them beside its communication dimension.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, EntryDetail, MediaLinkJob, ReviewState } from '../../../src-main/contract';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { suggestEvidenceItem } from '../../../src-main/core/media/evidence-items';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { importOpenedPackage } from '../../../src-main/core/packages/open-package';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { finishedJob, ok, openTestApp, tempDir } from '../../helpers';

const photo = path.resolve(import.meta.dirname, '../../fixtures/media/photo.jpg');

/** The coordinator's sample campaigns, a judge with a registered key assigned to `entryIds`, and the judge's app with the package opened. */
async function issuedTo(campaignOf: (campaigns: CampaignSummary[]) => CampaignSummary, prepare: (app: ReturnType<typeof openTestApp>, campaignId: string) => Promise<number[]>) {
  const coordinator = openTestApp();
  await ok(coordinator.dispatch('demo:load', {}));
  const campaign = campaignOf(await ok<CampaignSummary[]>(coordinator.dispatch('campaign:list', {})));
  const entryIds = await prepare(coordinator, campaign.id);
  const judgeKey = generateIdentity();
  const registered = registerKeyCard(coordinator.ctx.db, campaign.id, createKeyCard(judgeKey.privateKey, { name: '周敏', institution: '四川省人民医院' }));
  coordinator.ctx.judges.assign(entryIds.map((entryId) => ({ entryId, judgeId: registered.judgeId })), 'manual');
  const out = path.join(tempDir(), 'zhoumin.kepupkg');
  await issuePackage(coordinator.ctx, { campaignId: campaign.id, judgeId: registered.judgeId, withMedia: true, outPath: out, coordinator: { privateKey: generateIdentity().privateKey, name: '组委会' } });
  const judge = openTestApp();
  const opened = await openPackage(out, { targetDir: path.join(judge.dataDir, 'packages', 'p1') });
  const local = importOpenedPackage(judge.ctx, opened);
  const stateOf = async (regNo: string) => {
    const row = judge.ctx.reviews.queue(local.campaignId, local.judgeId).rows.find((r) => r.regNo === regNo)!;
    return ok<ReviewState>(judge.dispatch('review:get', { campaignId: local.campaignId, judgeId: local.judgeId, entryId: row.entryId }));
  };
  return { coordinator, campaign, opened, judge, stateOf };
}

describe('evidence tied to eligibility items', () => {
  it('suggests the item a file name points at, and only when it points at one', () => {
    const items = [
      { key: 'practising_doctor', label: { 'zh-CN': '执业医师', en: 'Practising doctor' }, evidence: { 'zh-CN': '医师执业证书或单位在职证明', en: 'Medical practising certificate or proof of employment' } },
      { key: 'attending_or_above', label: { 'zh-CN': '主治医师及以上', en: 'Attending or above' }, evidence: { 'zh-CN': '职称证书', en: 'Professional title certificate' } },
    ];
    expect(suggestEvidenceItem('执业证书.pdf', items)).toBe('practising_doctor');
    expect(suggestEvidenceItem('张三-在职证明（盖章）.JPG', items)).toBe('practising_doctor');
    expect(suggestEvidenceItem('职称证书.jpg', items)).toBe('attending_or_above');
    expect(suggestEvidenceItem('proof-of-employment.png', items)).toBe('practising_doctor');
    // Names that fit no item, or fit two, stay untied for the coordinator to decide.
    expect(suggestEvidenceItem('合影.jpg', items)).toBeNull();
    expect(suggestEvidenceItem('证书.jpg', items)).toBeNull();
    expect(suggestEvidenceItem('执业证书和职称证书.pdf', items)).toBeNull();
  });

  it('ties files when linked and by hand (audited), carries the ties to the judge', async () => {
    let applicant = { id: 0, regNo: '' };
    const { coordinator, campaign, stateOf } = await issuedTo(
      (all) => all.find((c) => c.templateId === 'caca-committee-2021')!,
      async (app, campaignId) => {
        applicant = app.ctx.db.prepare('SELECT id, reg_no AS regNo FROM entries WHERE campaign_id = ? ORDER BY reg_no LIMIT 1').get(campaignId) as typeof applicant;
        const folder = path.join(tempDir(), 'applicants', applicant.regNo);
        fs.mkdirSync(folder, { recursive: true });
        for (const name of ['执业证书.jpg', '职称证书.jpg', '合影.jpg']) fs.copyFileSync(photo, path.join(folder, name));
        // The three files are the same bytes: make them differ, as real scans would.
        fs.appendFileSync(path.join(folder, '职称证书.jpg'), Buffer.from([1]));
        fs.appendFileSync(path.join(folder, '合影.jpg'), Buffer.from([2, 2]));
        await finishedJob(app.dispatch, await ok<MediaLinkJob>(app.dispatch('media:link', { campaignId, folder: path.dirname(folder) })));
        return [applicant.id];
      },
    );
    const detail = await ok<EntryDetail>(coordinator.dispatch('entry:get', { entryId: applicant.id }));
    const tieOf = (d: EntryDetail, name: string) => d.assets.find((a) => a.fileName === name)?.eligibilityItem;
    expect(tieOf(detail, '执业证书.jpg')).toBe('practising_doctor');
    expect(tieOf(detail, '职称证书.jpg')).toBe('attending_or_above');
    expect(tieOf(detail, '合影.jpg')).toBeNull();

    const group = detail.assets.find((a) => a.fileName === '合影.jpg')!;
    await ok(coordinator.dispatch('entry:tieEvidence', { assetId: group.id, item: 'oncology_setting' }));
    const refused = await coordinator.dispatch('entry:tieEvidence', { assetId: group.id, item: 'no_such_item' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ELIGIBILITY_ITEM_UNKNOWN' } });
    expect(tieOf(await ok<EntryDetail>(coordinator.dispatch('entry:get', { entryId: applicant.id })), '合影.jpg')).toBe('oncology_setting');
    const audit = coordinator.ctx.db.prepare(`SELECT details_json FROM audit_log WHERE action = 'asset.evidence' AND subject = ?`).pluck().all(campaign.id) as string[];
    expect(audit.map((d) => JSON.parse(d))).toEqual([{ regNo: applicant.regNo, assetId: group.id, from: null, to: 'oncology_setting' }]);

    // The judge's package was issued before the hand-made tie: it has the two linked ones.
    const state = await stateOf(applicant.regNo);
    const judgeTie = (name: string) => state.assets.find((a) => a.fileName === name)?.eligibilityItem;
    expect(judgeTie('执业证书.jpg')).toBe('practising_doctor');
    expect(judgeTie('职称证书.jpg')).toBe('attending_or_above');
    expect(judgeTie('合影.jpg')).toBeNull();
  });
});

describe('reach figures for the judge', () => {
  it('travel in the package to the judge, beside the dimension the definition names', async () => {
    let regNo = '';
    const { opened, stateOf } = await issuedTo(
      (all) => all.find((c) => c.templateId === 'sichuan-influence-2023')!,
      async (app, campaignId) => {
        const entry = app.ctx.db.prepare(`SELECT id, reg_no AS regNo FROM entries WHERE campaign_id = ? ORDER BY reg_no LIMIT 1`).get(campaignId) as { id: number; regNo: string };
        regNo = entry.regNo;
        const csv = `报名编号,粉丝数,播放量,网络投票,统计日期,数据来源\n${regNo},1.2万,350000,4821,2023-12-01,抖音后台导出\n`;
        await ok(app.dispatch('reach:import', { campaignId, source: { fileName: 'reach.csv', contentBase64: Buffer.from(csv).toString('base64') } }));
        return [entry.id];
      },
    );
    const reach = [
      { metric: 'followers', value: 12000, asOf: '2023-12-01', source: '抖音后台导出' },
      { metric: 'views', value: 350000, asOf: '2023-12-01', source: '抖音后台导出' },
      { metric: 'votes', value: 4821, asOf: '2023-12-01', source: '抖音后台导出' },
    ];
    expect(opened.manifest.entries.find((e) => e.regNo === regNo)?.reach).toEqual(reach);
    expect((await stateOf(regNo)).reach).toEqual(reach);
    // The template asks for them beside 传播 (communication) in both of its lists.
    const rubric = opened.manifest.campaign.lists.flatMap((l) => l.rubric);
    expect(rubric.filter((d) => d.showsReach).map((d) => d.key)).toEqual(['communication', 'brand_communication']);
  });
});
