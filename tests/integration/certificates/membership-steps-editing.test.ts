// Membership steps edited in Setup (issue 17): the steps are part of the definition, so they are
// changed through campaign:updateDefinition like everything else (a numbered version, audited),
// validated (unique keys, a name in at least one language), and a change never loses what members
// recorded: a removed step's records stay, the board shows them apart ("no longer in the
// programme") and they no longer hold the certificate back; a step put back under its key counts
// its records again.
import { describe, expect, it } from 'vitest';
import type { CampaignDefinition, MembershipBoard, MembershipStepDef } from '../../../src-main/contract';
import { explainParams } from '../../../src-main/contract/definition-places';
import { ok } from '../../helpers';
import { rankedApp } from './fixture';

const withSteps = (def: CampaignDefinition, steps: MembershipStepDef[]): CampaignDefinition => ({
  ...def,
  certificates: def.certificates.map((c) => (c.key === 'membership' ? { ...c, steps } : c)),
});

describe('membership steps edited in the definition', () => {
  it('reorders, renames, makes optional, removes and adds steps as a new definition version, keeping every record', async () => {
    const app = await rankedApp({ steps: false });
    const { dispatch, committee } = app;
    const board = await ok<MembershipBoard>(dispatch('membership:board', { campaignId: committee }));
    const [first] = board.members;
    const record = (step: string) => dispatch('membership:record', { campaignId: committee, subject: first.subject, step, doneOn: '2022-01-15', verified: true, note: '' });
    for (const step of ['xiaohe_account', 'douyin_account', 'committee_confirmation']) await ok(record(step));
    const records = () => app.ctx.db.prepare('SELECT id, step_key, done_on FROM membership_step_records WHERE campaign_id = ? ORDER BY id').all(committee);
    const recorded = records();
    expect(recorded).toHaveLength(3);

    const def = app.ctx.campaigns.definition(committee);
    const steps = def.certificates.find((c) => c.key === 'membership')!.steps!;
    const byKey = (key: string) => steps.find((s) => s.key === key)!;
    const douyin = byKey('douyin_account');
    const edited = withSteps(def, [
      byKey('committee_confirmation'),
      { ...byKey('xiaohe_account'), label: { 'zh-CN': '小荷医生账号加V', en: 'Xiaohe Doctor account verified' } },
      byKey('toutiao_account'),
      byKey('first_work'),
      { ...byKey('platform_review'), required: false },
      // A new step named in Chinese only: enough for the coordinator's checklist.
      { key: 'wechat_channel', label: { 'zh-CN': '视频号开通', en: '' }, evidence: 'account', platform: { 'zh-CN': '微信视频号', en: '' }, required: true },
    ]);
    expect(await ok(dispatch('campaign:updateDefinition', { campaignId: committee, definition: edited, reason: 'steps after the 2022 meeting' }))).toEqual({ version: 2 });

    const after = await ok<MembershipBoard>(dispatch('membership:board', { campaignId: committee }));
    expect(after.steps.map((s) => s.key)).toEqual(['committee_confirmation', 'xiaohe_account', 'toutiao_account', 'first_work', 'platform_review', 'wechat_channel']);
    expect(after.steps[1].label).toEqual({ 'zh-CN': '小荷医生账号加V', en: 'Xiaohe Doctor account verified' });
    expect(after.steps[5]).toMatchObject({ label: { 'zh-CN': '视频号开通', en: '' }, platform: { 'zh-CN': '微信视频号', en: '' } });
    // The removed step: its record kept, shown under the name it had, and no longer waited for.
    expect(after.retired).toEqual([douyin]);
    const member = after.members.find((m) => m.subject === first.subject)!;
    expect(member.steps.douyin_account).toMatchObject({ doneOn: '2022-01-15' });
    expect(member.missing).toEqual(['toutiao_account', 'first_work', 'wechat_channel']);
    expect(records()).toEqual(recorded);
    // Nothing new can be recorded on a step the programme no longer lists.
    expect(await record('douyin_account')).toMatchObject({ ok: false, error: { code: 'MEMBERSHIP_STEP_UNKNOWN' } });
    // The version and the audit record name the change.
    expect(app.ctx.db.prepare('SELECT max(version) FROM definition_versions WHERE campaign_id = ?').pluck().get(committee)).toBe(2);
    expect(app.ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE subject = ? AND details_json LIKE '%steps after the 2022 meeting%'`).pluck().get(committee)).toBe(1);

    // Put back under its key, the step counts its kept record again.
    const restored = withSteps(edited, [...edited.certificates.find((c) => c.key === 'membership')!.steps!, douyin]);
    await ok(dispatch('campaign:updateDefinition', { campaignId: committee, definition: restored }));
    const back = await ok<MembershipBoard>(dispatch('membership:board', { campaignId: committee }));
    expect(back.retired).toEqual([]);
    expect(back.members.find((m) => m.subject === first.subject)!.missing).toEqual(['toutiao_account', 'first_work', 'wechat_channel']);
    app.ctx.close();
  }, 120_000);

  it('refuses steps with the same key or without a name, naming the step, and stores nothing', async () => {
    const app = await rankedApp({ steps: false });
    const { dispatch, committee } = app;
    const def = app.ctx.campaigns.definition(committee);
    const steps = def.certificates.find((c) => c.key === 'membership')!.steps!;
    const stored = () => app.ctx.db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(committee);
    const before = stored();
    const twice = withSteps(def, [...steps, { ...steps[0], label: { 'zh-CN': '再次认证', en: 'Verified again' } }]);
    const unnamed = withSteps(def, [...steps, { key: 'nameless', label: { 'zh-CN': ' ', en: '' }, evidence: 'confirmation', platform: null, required: true }]);
    expect(await dispatch('campaign:updateDefinition', { campaignId: committee, definition: twice })).toMatchObject({
      ok: false,
      error: { code: 'DEFINITION_DUPLICATE_KEY', params: { key: 'xiaohe_account', path: 'definition.certificates.0.steps.6' } },
    });
    const refused = await dispatch('campaign:updateDefinition', { campaignId: committee, definition: unnamed });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DEFINITION_STEP_NAME_MISSING', params: { n: 7, certificate: 'membership', path: 'definition.certificates.0.steps.6.label' } } });
    expect(stored()).toBe(before);
    expect(app.ctx.db.prepare('SELECT count(*) FROM definition_versions WHERE campaign_id = ?').pluck().get(committee)).toBe(0);

    // The Setup tab names the place in the editor's words and the certificate by its name.
    const t = (key: string, o?: Record<string, unknown>) => (key === 'setup.nav.certificates' ? 'Certificates' : key === 'setup.steps.title' ? 'Membership steps' : key === 'setup.rowN' ? `row ${String(o?.n)}` : key);
    const explained = explainParams((refused as { error: { params: Record<string, unknown> } }).error.params, unnamed, t, 'en', def);
    expect(explained.place).toMatchObject({ section: 'certificates', text: 'Certificates › Expert committee membership certificate › Membership steps › row 7' });
    expect(explained.params.certificate).toBe(def.certificates[0].label.en);
    app.ctx.close();
  }, 120_000);
});
