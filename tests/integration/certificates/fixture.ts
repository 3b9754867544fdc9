// A data folder with both sample campaigns ranked and locked, as a coordinator would have it
// before printing certificates: the works campaign with the sample bundles merged and two
// tiers, the committee campaign fully reviewed (every judge scores and confirms every item).
import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { CampaignSummary } from '../../../src-main/contract';
import { certificateWording } from '../../../src-main/app/certificate-handlers';
import { lockRanking } from '../../../src-main/core/certificates/locked-ranking';
import { membershipBoard } from '../../../src-main/core/certificates/membership-board';
import { membershipSteps, recordStep } from '../../../src-main/core/certificates/membership-steps';
import { ok, openTestApp } from '../../helpers';

export const PASSPHRASE = 'certificate issuer passphrase';
export const TIERS = [
  { key: 'influence', label: { 'zh-CN': '影响力作品', en: 'Influential Work' }, by: 'rank' as const, count: 2 },
  { key: 'honourable', label: { 'zh-CN': '优秀作品', en: 'Commended Work' }, by: 'rank' as const, count: 50 },
];

export interface RankedApp extends ReturnType<typeof openTestApp> {
  works: string;
  committee: string;
  key: KeyObject;
  issuer: { privateKey: KeyObject; name: string };
  wording: ReturnType<typeof certificateWording>;
}

/** Records every membership step of every selected member as done (a coordinator who finished them). */
export function completeMembershipSteps(app: Pick<RankedApp, 'ctx' | 'committee' | 'wording'>, doneOn = '2022-01-10'): void {
  const def = app.ctx.campaigns.definition(app.committee);
  for (const member of membershipBoard(app.ctx.db, app.committee, app.wording).members) {
    for (const step of membershipSteps(def)) recordStep(app.ctx.db, def, { campaignId: app.committee, subject: member.subject, step: step.key, doneOn, verified: true, note: '' }, 'fixture');
  }
}

/** `steps: false` leaves the committee members' membership steps unrecorded (their certificates wait). */
export async function rankedApp(options: { lock?: boolean; steps?: boolean } = {}): Promise<RankedApp> {
  const app = openTestApp();
  const { ctx, dispatch, dataDir } = app;
  const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
  const dir = path.join(dataDir, 'sample-bundles');
  const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
  await ok(dispatch('bundle:merge', { campaignId: works.id, files }));
  await ok(dispatch('identity:create', { name: '大赛组委会', passphrase: PASSPHRASE }));
  const key = ctx.identity.privateKey();
  const committee = ctx.db.prepare(`SELECT id FROM campaigns WHERE template_id = 'caca-committee-2021'`).pluck().get() as string;
  const def = ctx.campaigns.definition(committee);
  const pairs = ctx.db
    .prepare('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? AND e.is_late = 0')
    .all(committee) as { entryId: number; judgeId: string }[];
  for (const { entryId, judgeId } of pairs) {
    const ref = { campaignId: committee, judgeId, entryId };
    for (const d of def.lists[0].rubric) ctx.reviews.setScore(ref, d.key, d.scale.max - (entryId % 3));
    for (const item of def.lists[0].eligibility) ctx.reviews.setEligibility(ref, item.key, 'yes', '');
  }
  const issuer = { privateKey: key, name: '大赛组委会' };
  if (options.lock !== false) {
    lockRanking(ctx.db, works.id, { primary: 'mean', methods: ['mean'], tiers: TIERS }, issuer);
    lockRanking(ctx.db, committee, { primary: 'mean', methods: ['mean'] }, issuer);
  }
  const ranked = { ...app, works: works.id, committee, key, issuer, wording: certificateWording() };
  if (options.lock !== false && options.steps !== false) completeMembershipSteps(ranked);
  return ranked;
}
