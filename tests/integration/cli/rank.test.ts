import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot } from '../../helpers';

function kepu(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu rank', () => {
  it('ranks the merged sample, locks a snapshot that verifies, and names the first change after a score is edited', async () => {
    const { ctx, dispatch, dataDir } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const dir = path.join(dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    await ok(dispatch('bundle:merge', { campaignId: works.id, files }));
    const entryCount = ctx.db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ?').pluck().get(works.id) as number;
    ctx.close();

    const ranked = kepu(['rank', '--campaign', works.id, '--method', 'mean', '--data-dir', dataDir, '--json']);
    expect(ranked.code).toBe(0);
    const out = JSON.parse(ranked.stdout);
    expect(out.method).toBe('mean');
    // Every entry of the campaign is either ranked or held, none twice.
    expect(out.ranked.length + out.held.length).toBe(entryCount);
    for (const h of out.held) expect(h.flags.length).toBeGreaterThan(0);
    const media = out.held.find((h: { flags: { code: string }[] }) => h.flags.some((f) => f.code === 'non_compliant_media'));
    expect(media.flags.filter((f: { code: string }) => f.code === 'non_compliant_media')).toHaveLength(1);

    expect(out.trimFallbacks).toEqual([]); // the plain mean asked for: nothing falls back
    // By the trimmed mean the sample's three judges are too few to drop the extremes: said, per category.
    const trimmed = kepu(['rank', '--campaign', works.id, '--method', 'trimmed', '--data-dir', dataDir]);
    expect(trimmed.code).toBe(0);
    expect(trimmed.stdout).toMatch(/Published by the trimmed mean, but \d+ ranked entr(y|ies) had fewer than 5 judges/);
    const trimmedJson = JSON.parse(kepu(['rank', '--campaign', works.id, '--method', 'trimmed', '--data-dir', dataDir, '--json']).stdout);
    expect(trimmedJson.trimFallbacks.length).toBeGreaterThan(0);
    expect(trimmedJson.trimFallbacks[0]).toMatchObject({ needed: 5 });

    const snapshot = path.join(dataDir, 'snapshot.json');
    expect(kepu(['rank', '--campaign', works.id, '--data-dir', dataDir, '--lock', snapshot]).code).toBe(0);
    expect(kepu(['rank', '--verify', snapshot, '--data-dir', dataDir])).toMatchObject({ code: 0 });

    const again = openTestApp(dataDir);
    again.ctx.db.prepare('UPDATE scores SET value = CASE WHEN value >= 10 THEN 9.5 ELSE value + 0.5 END WHERE rowid = (SELECT min(rowid) FROM scores)').run();
    again.ctx.close();
    const changed = kepu(['rank', '--verify', snapshot, '--data-dir', dataDir]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain("The ranking no longer recomputes identically: the judges' scores changed.");
    expect(changed.stderr).not.toContain('inputs.'); // the snapshot's internal path is for --json only
    expect(kepu(['rank', '--campaign', works.id, '--method', 'best', '--data-dir', dataDir]).code).toBe(2);
  });
});
