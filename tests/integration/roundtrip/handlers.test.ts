// The same round trip through the contract handlers both shells use: identities with passphrases,
// a key card, a package written to disk, opened on the judge's machine, scored, a bundle exported
// and merged, with the merge report's coverage and missing judges.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ExportFile, IdentityStatus, MergeReport } from '../../../src-main/contract';
import { openTestApp, ok } from '../../helpers';


describe('exchange through the handlers', () => {
  it('runs coordinator → judge → coordinator with passphrase-protected keys', async () => {
    const coord = openTestApp();
    const judge = openTestApp();
    const works = await ok<CampaignSummary>(coord.dispatch('demo:load', {}));

    expect(await coord.dispatch('package:export', { campaignId: works.id, judgeId: 'x' })).toMatchObject({ ok: false });
    const c = await ok<IdentityStatus>(coord.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
    // The identity texts fit the installation: the coordinator's has campaigns of its own.
    expect(c).toMatchObject({ exists: true, unlocked: true, protection: 'passphrase', role: 'coordinator' });
    expect(c.fingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    expect(await judge.dispatch('identity:create', { name: '林晓', passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await ok<IdentityStatus>(judge.dispatch('identity:create', { name: '林晓', institution: '重庆医科大学', passphrase: 'judge passphrase' }))).toMatchObject({ role: 'new' });
    await ok(judge.dispatch('identity:lock', {}));
    expect(await judge.dispatch('identity:keycard', {})).toMatchObject({ ok: false, error: { code: 'KEY_LOCKED' } });
    expect(await judge.dispatch('identity:unlock', { passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'KEY_PASSPHRASE_WRONG' } });
    await ok(judge.dispatch('identity:unlock', { passphrase: 'judge passphrase' }));
    const card = await ok<ExportFile>(judge.dispatch('identity:keycard', {}));

    const registered = await ok<{ judgeId: string; fingerprint: string }>(
      coord.dispatch('judge:registerKeyCard', { campaignId: works.id, card: { fileName: card.fileName, contentBase64: card.contentBase64 } }),
    );
    coord.ctx.db.prepare('DELETE FROM assignments').run();
    await ok(coord.dispatch('assignment:run', { campaignId: works.id, seed: 'h' }));
    const pkg = await ok<{ file: string; entries: number }>(coord.dispatch('package:export', { campaignId: works.id, judgeId: registered.judgeId }));
    expect(pkg.file.endsWith('.kepupkg')).toBe(true);

    const opened = await ok<{ campaignId: string; judgeId: string; entries: number; coordinatorFingerprint: string }>(judge.dispatch('package:open', { path: pkg.file }));
    expect(opened).toMatchObject({ campaignId: works.id, entries: pkg.entries, coordinatorFingerprint: c.fingerprint });
    expect(await ok<IdentityStatus>(judge.dispatch('identity:status', {}))).toMatchObject({ role: 'judge' });
    const queue = await ok<{ rows: { entryId: number }[] }>(judge.dispatch('review:queue', { campaignId: works.id, judgeId: opened.judgeId }));
    const ref = { campaignId: works.id, judgeId: opened.judgeId, entryId: queue.rows[0].entryId };
    for (const [dimension, value] of [['content', 9], ['creativity', 8], ['communication', 7]] as const) await ok(judge.dispatch('review:score', { ...ref, dimension, value }));
    await ok(judge.dispatch('review:complete', { ...ref, complete: true }));
    const bundle = await ok<ExportFile & { revision: number }>(judge.dispatch('bundle:export', { campaignId: works.id }));
    expect(bundle.revision).toBe(1);

    const report = await ok<MergeReport>(coord.dispatch('bundle:merge', { campaignId: works.id, files: [{ fileName: bundle.fileName, contentBase64: bundle.contentBase64 }] }));
    expect(report.files).toEqual([expect.objectContaining({ status: 'accepted', judgeName: '林晓', revision: 1 })]);
    expect(report.coverage.complete).toBe(1);
    expect(report.coverage.expected).toBe(32 * 3);
    // The sample's five pre-issued packages have not come back yet; 林晓's has.
    expect(report.missingJudges).toHaveLength(5);
    expect(report.missingJudges.map((j) => j.name)).not.toContain('林晓');
    const again = await ok<MergeReport>(coord.dispatch('bundle:merge', { campaignId: works.id, files: [{ fileName: 'again', contentBase64: bundle.contentBase64 }] }));
    expect(again.files[0].status).toBe('duplicate');
    const junk = await ok<MergeReport>(coord.dispatch('bundle:merge', { campaignId: works.id, files: [{ fileName: 'junk.kepubundle', contentBase64: Buffer.from('{}').toString('base64') }] }));
    expect(junk.files[0]).toMatchObject({ status: 'rejected', error: { params: { file: 'junk.kepubundle' } } });
    expect(await coord.dispatch('bundle:export', { campaignId: works.id })).toMatchObject({ ok: false, error: { code: 'NO_OPENED_PACKAGE' } });
    coord.ctx.close();
    judge.ctx.close();
  });

  it('finds the media of a package exported without them on a "USB stick" by hash', async () => {
    const coord = openTestApp();
    const judge = openTestApp();
    const works = await ok<CampaignSummary>(coord.dispatch('demo:load', {}));
    await ok(coord.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
    const judgeId = coord.ctx.judges.list(works.id).find((j) => j.name === '王立新')!.id;
    const pkg = await ok<{ file: string }>(coord.dispatch('package:export', { campaignId: works.id, judgeId, withMedia: false }));
    await ok(judge.dispatch('package:open', { path: pkg.file }));
    expect(judge.ctx.db.prepare('SELECT count(*) FROM assets').pluck().get()).toBe(0);
    // The coordinator's sample media folder stands in for the stick the files arrived on.
    const stick = path.join(coord.dataDir, 'media', 'sample');
    const located = await ok<{ found: number; missing: string[] }>(judge.dispatch('package:locateMedia', { campaignId: works.id, folder: stick }));
    // Every media file of the judge's entries, as the coordinator has them, is found and linked.
    const expected = coord.ctx.db
      .prepare(`SELECT count(*) FROM assets WHERE entry_id IN (SELECT entry_id FROM issued_package_entries WHERE package_id = (SELECT id FROM issued_packages WHERE judge_id = ?))`)
      .pluck()
      .get(judgeId) as number;
    expect(expected).toBeGreaterThan(0);
    expect(located.found).toBe(expected);
    expect(located.missing).toEqual([]);
    const linked = judge.ctx.db.prepare('SELECT count(*) FROM assets').pluck().get() as number;
    expect(linked).toBe(expected);
    const again = await ok<{ found: number }>(judge.dispatch('package:locateMedia', { campaignId: works.id, folder: stick }));
    expect(again.found).toBe(0);
    expect(judge.ctx.db.prepare('SELECT count(*) FROM assets').pluck().get()).toBe(linked);
    expect(await judge.dispatch('package:locateMedia', { campaignId: works.id, folder: path.join(stick, 'nope') })).toMatchObject({ ok: false, error: { code: 'MEDIA_FOLDER_NOT_FOUND' } });
    coord.ctx.close();
    judge.ctx.close();
  });
});
