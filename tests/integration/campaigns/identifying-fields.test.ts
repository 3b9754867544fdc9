// Blind review hides what the definition marks identifying — a field a coordinator added, not a
// fixed list — from the review workspace and from the package a judge receives.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ProgrammeFile, ReviewState } from '../../../src-main/contract';
import { programmeBytes } from '../../../src-main/core/campaigns/programme-file';
import { openPackage } from '../../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { createKeyCard } from '../../../src-main/core/keys/key-card';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { registerKeyCard } from '../../../src-main/core/packages/register-judge';
import { ok, openTestApp, resourcesDir, tempDir } from '../../helpers';
import { syntheticEntries } from '../../e2e/seed';

function blindProgramme(): ProgrammeFile {
  const base = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'templates', 'sichuan-influence-2023.kepuprog'), 'utf8')) as ProgrammeFile;
  const extra = [
    { key: 'wechat_id', label: { 'zh-CN': '微信号', en: 'WeChat ID' }, type: 'text' as const, required: false, aliases: [], identifying: true },
    { key: 'hospital_level', label: { 'zh-CN': '医院等级', en: 'Hospital level' }, type: 'text' as const, required: false, aliases: [], identifying: false },
  ];
  return {
    ...base,
    id: 'blind-nursing',
    definition: {
      ...base.definition,
      blindReview: true,
      // "unit" is shown in this programme (identifying: false overrides the old fixed list).
      entryKinds: base.definition.entryKinds.map((k) => (k.kind === 'work' ? { ...k, fields: [...k.fields.map((f) => (f.key === 'unit' ? { ...f, identifying: false } : f)), ...extra] } : k)),
    },
  };
}

describe('identifying fields', () => {
  it('are hidden from a blind judge in the workspace and in the review package; the others are shown', async () => {
    const app = openTestApp();
    const campaign = await ok<CampaignSummary>(app.dispatch('campaign:createFromProgramme', { file: { fileName: 'b.kepuprog', contentBase64: programmeBytes(blindProgramme()).toString('base64') } }));
    const [entry] = syntheticEntries(3).filter((e) => e.kind === 'work');
    const [entryId] = app.ctx.entries.insertMany(campaign.id, new Date().toISOString(), [
      { ...entry, fields: { wechat_id: 'wx_zhang_1988', hospital_level: '三级甲等', unit: '四川大学华西医院', authors: '张三' } },
    ]);
    const judgeKey = generateIdentity();
    const { judgeId } = registerKeyCard(app.ctx.db, campaign.id, createKeyCard(judgeKey.privateKey, { name: '评委甲', institution: null }));
    app.ctx.judges.assign([{ entryId, judgeId }], 'manual');

    const state = await ok<ReviewState>(app.dispatch('review:get', { campaignId: campaign.id, judgeId, entryId }));
    expect(state.fields).toEqual({ hospital_level: '三级甲等', unit: '四川大学华西医院' });
    expect(state.entrantName).toBeNull();

    const coordinator = generateIdentity();
    const out = path.join(tempDir(), 'blind.kepupkg');
    await issuePackage(app.ctx, { campaignId: campaign.id, judgeId, withMedia: false, outPath: out, coordinator: { privateKey: coordinator.privateKey, name: '组委会' } });
    const opened = await openPackage(out, { targetDir: tempDir() });
    const packaged = opened.manifest.entries[0];
    expect(packaged.fields).toEqual({ hospital_level: '三级甲等', unit: '四川大学华西医院' });
    expect(JSON.stringify(opened.manifest)).not.toContain('wx_zhang_1988');
    expect(JSON.stringify(opened.manifest)).not.toContain('张三');
    app.ctx.close();
  });
});
