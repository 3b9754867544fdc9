// An archived campaign is read-only and out of the default list: every change is refused with
// CAMPAIGN_ARCHIVED (naming it) and changes nothing, reads and exports still work, and restoring
// it to the list makes it changeable again. Both are audited with who, when and why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { campaignChanges } from '../../../src-main/app/archive-guard';
import type { PackageManifest } from '../../../src-main/core/exchange/package-manifest';
import { writePackage } from '../../../src-main/core/exchange/package-write';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { ok, openTestApp, tempDir } from '../../helpers';
import { packageManifest, sampleMedia } from '../exchange/samples';
import { campaignRows, publishedSample } from './lifecycle-fixture';

describe('archiving a campaign', () => {
  it('hides it from the list, refuses every change, allows reading, and is undone by restoring it to the list', async () => {
    const app = await publishedSample();
    const { id, ctx } = app;
    const summary = await ok<CampaignSummary>(app.dispatch('campaign:archive', { campaignId: id, archived: true, reason: '2023 届已结束' }));
    expect(summary.archived).toMatchObject({ by: '大赛组委会', reason: '2023 届已结束' });
    expect((await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).map((c) => c.id)).not.toContain(id);
    const all = await ok<CampaignSummary[]>(app.dispatch('campaign:list', { includeArchived: true }));
    expect(all.find((c) => c.id === id)?.archived?.reason).toBe('2023 届已结束');
    expect(all.filter((c) => c.archived === null)).toHaveLength(1);
    const audit = ctx.db.prepare(`SELECT actor, action, details_json FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1`).get(id);
    expect(audit).toEqual({ actor: '大赛组委会', action: 'campaign.archive', details_json: JSON.stringify({ reason: '2023 届已结束' }) });

    const before = campaignRows(ctx.db, id);
    const { entry, judgeId } = ctx.db
      .prepare('SELECT a.entry_id AS entry, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? ORDER BY a.entry_id LIMIT 1')
      .get(id) as { entry: number; judgeId: string };
    const asset = ctx.db.prepare('SELECT a.id FROM assets a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ? LIMIT 1').pluck().get(id) as number;
    const serial = ctx.db.prepare(`SELECT serial FROM certificates WHERE campaign_id = ? AND status = 'valid' LIMIT 1`).pluck().get(id) as string;
    const csv = fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/intake/sichuan-registrations.utf8-bom.csv'));
    const changes: [string, Record<string, unknown>][] = [
      ['intake:import', { campaignId: id, source: { fileName: 'r.csv', contentBase64: csv.toString('base64') } }],
      ['media:link', { campaignId: id, folder: app.dataDir }],
      ['media:recheckAsset', { assetId: asset }],
      ['judge:create', { campaignId: id, name: '新评委' }],
      ['review:score', { campaignId: id, judgeId, entryId: entry, dimension: 'content', value: 5 }],
      ['review:comment', { campaignId: id, judgeId, entryId: entry, body: 'x' }],
      ['assignment:run', { campaignId: id }],
      ['assignment:set', { campaignId: id, entryId: entry, judgeId, assigned: false }],
      ['bundle:merge', { campaignId: id, files: app.files }],
      ['campaign:updateDefinition', { campaignId: id, definition: ctx.campaigns.definition(id), reason: 'x' }],
      ['ranking:configure', { campaignId: id, config: { primary: 'median' } }],
      ['ranking:lock', { campaignId: id }],
      ['ranking:allowChanges', { campaignId: id }],
      ['certificates:saveSettings', { campaignId: id, settings: { serialPrefix: 'NEW' } }],
      ['certificates:export', { campaignId: id, list: 'judges' }],
      ['certificates:reissue', { serial }],
      ['certificates:revoke', { serial, reason: 'x' }],
      ['package:export', { campaignId: id, judgeId }],
      ['judge:registerKeyCard', { campaignId: id, card: { fileName: 'k.kepukey', contentBase64: 'e30=' } }],
    ];
    for (const [channel, request] of changes) {
      expect(campaignChanges[channel as keyof typeof campaignChanges], channel).not.toBeNull();
      const result = await app.dispatch(channel, request);
      expect(result, channel).toMatchObject({
        ok: false,
        error: { code: 'CAMPAIGN_ARCHIVED', params: { id, nameZh: summary.name['zh-CN'], nameEn: summary.name.en } },
      });
    }
    expect(campaignRows(ctx.db, id)).toEqual(before);

    // Reading, exporting and verifying are not changes.
    await ok(app.dispatch('campaign:get', { campaignId: id }));
    await ok(app.dispatch('entry:list', { campaignId: id }));
    await ok(app.dispatch('review:get', { campaignId: id, judgeId, entryId: entry }));
    await ok(app.dispatch('ranking:summary', { campaignId: id }));
    await ok(app.dispatch('certificates:lists', { campaignId: id }));
    await ok(app.dispatch('compliance:report', { campaignId: id }));
    await ok(app.dispatch('campaign:exportProgramme', { campaignId: id }));
    const snapshot = (await ok<{ id: string }[]>(app.dispatch('ranking:snapshots', { campaignId: id })))[0];
    expect(await ok(app.dispatch('ranking:verify', { campaignId: id, snapshotId: snapshot.id }))).toMatchObject({ equal: true, signatureValid: true });
    // Next year's edition starts from an archived campaign, and is not archived itself.
    expect((await ok<CampaignSummary>(app.dispatch('campaign:newEdition', { campaignId: id }))).archived).toBeNull();

    // Archiving twice records nothing new; restoring to the list makes it changeable again.
    await ok(app.dispatch('campaign:archive', { campaignId: id, archived: true }));
    expect(ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE subject = ? AND action = 'campaign.archive'`).pluck().get(id)).toBe(1);
    expect((await ok<CampaignSummary>(app.dispatch('campaign:archive', { campaignId: id, archived: false, reason: 'late correction' }))).archived).toBeNull();
    expect((await ok<CampaignSummary[]>(app.dispatch('campaign:list', {}))).map((c) => c.id)).toContain(id);
    expect(ctx.db.prepare(`SELECT action, details_json FROM audit_log WHERE subject = ? ORDER BY id DESC LIMIT 1`).get(id)).toEqual({
      action: 'campaign.unarchive',
      details_json: JSON.stringify({ reason: 'late correction' }),
    });
    await ok(app.dispatch('certificates:saveSettings', { campaignId: id, settings: { serialPrefix: 'NEW' } }));
    ctx.close();
  });

  it('refuses an unknown campaign with CAMPAIGN_NOT_FOUND', async () => {
    const app = await publishedSample();
    expect(await app.dispatch('campaign:archive', { campaignId: 'nope', archived: true })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND' } });
    app.ctx.close();
  });

  it('on a judge\'s machine, refuses a newer package into an archived campaign before extracting anything', async () => {
    const coordinator = generateIdentity();
    const media = await sampleMedia();
    const p1 = packageManifest(coordinator, media, true);
    const p2: PackageManifest = { ...p1, packageId: 'pkg-2023-judge-1-b', createdAt: '2023-12-28T01:00:00.000Z', entries: [{ ...p1.entries[0], title: '洗手的学问(修订)' }] };
    const write = async (m: PackageManifest) => {
      const file = path.join(tempDir(), `${m.packageId}.kepupkg`);
      const wanted = new Set(m.entries.flatMap((e) => e.assets.filter((a) => a.included).map((a) => a.sha256)));
      await writePackage(m, media.filter((x) => wanted.has(x.sha256)).map((x) => ({ sha256: x.sha256, path: x.path })), file, coordinator.privateKey);
      return file;
    };
    const judge = openTestApp();
    await ok(judge.dispatch('identity:create', { name: '王评委', passphrase: 'judge passphrase' }));
    const opened = await ok<{ campaignId: string }>(judge.dispatch('package:open', { path: await write(p1) }));
    await ok(judge.dispatch('campaign:archive', { campaignId: opened.campaignId, archived: true }));
    const packages = fs.readdirSync(path.join(judge.dataDir, 'packages'), { recursive: true, encoding: 'utf8' }).sort();
    const before = campaignRows(judge.ctx.db, opened.campaignId);
    expect(await judge.dispatch('package:open', { path: await write(p2) })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_ARCHIVED', params: { id: opened.campaignId } } });
    expect(await judge.dispatch('bundle:export', { campaignId: opened.campaignId })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_ARCHIVED' } });
    expect(campaignRows(judge.ctx.db, opened.campaignId)).toEqual(before);
    expect(fs.readdirSync(path.join(judge.dataDir, 'packages'), { recursive: true, encoding: 'utf8' }).sort()).toEqual(packages);
    judge.ctx.close();
  });
});
