// "No bundle received yet from: …" in the merge report (judgesWithoutBundle). Found in the rounds
// chain: after every judge's round-1 bundle was merged, the report still named all five judges,
// because each had been sent a package twice (a new definition version) and the earlier package,
// never answered, counted as waiting. A round is answered once any of the judge's packages for it
// was answered; a judge sent a package and nothing back still waits.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, MergeReport } from '../../../src-main/contract';
import { generateIdentity } from '../../../src-main/core/keys/identity';
import { issuePackage } from '../../../src-main/core/packages/issue-package';
import { ok, openTestApp, tempDir } from '../../helpers';

describe('the merge report names the judges nothing was received from', () => {
  it('a package sent again does not make an answered judge wait; an unanswered judge waits', async () => {
    const app = openTestApp();
    try {
      const works = await ok<CampaignSummary>(app.dispatch('demo:load', {}));
      const dir = path.join(app.dataDir, 'sample-bundles');
      const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));

      // Every judge but the last answers.
      const first = await ok<MergeReport>(app.dispatch('bundle:merge', { campaignId: works.id, files: files.slice(0, -1) }));
      expect(first.files.every((f) => f.status === 'accepted')).toBe(true);
      const waiting = first.missingJudges.map((j) => j.name);
      expect(waiting).toHaveLength(1);

      // Every judge is sent a new package (as after a new definition version).
      const coordinator = generateIdentity();
      const judges = app.ctx.db.prepare('SELECT DISTINCT judge_id FROM issued_packages WHERE campaign_id = ?').pluck().all(works.id) as string[];
      for (const judgeId of judges) {
        issuePackage(app.ctx, { campaignId: works.id, judgeId, withMedia: false, outPath: path.join(tempDir(), `${judgeId}.kepupkg`), coordinator: { privateKey: coordinator.privateKey, name: '组委会' } });
      }
      const again = await ok<MergeReport>(app.dispatch('bundle:merge', { campaignId: works.id, files: files.slice(0, 1) }));
      expect(again.files[0].status).not.toBe('rejected');
      // Without the fix every judge is named here (their new packages are unanswered).
      expect(again.missingJudges.map((j) => j.name)).toEqual(waiting);
    } finally {
      app.ctx.close();
    }
  }, 120_000);
});
