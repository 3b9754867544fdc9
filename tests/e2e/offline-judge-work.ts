// The judges' side of offline-judges.ts, in a child process: keys and key cards, then opening the
// package, scoring and exporting the bundle with the app's own context and services.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../src-main/app/context';
// ctx.reviews below: its module is registered up front here, as the eager handler table does (app/services.ts).
import '../../src-main/app/eager-services';
import { listFor } from '../../src-main/contract/lists';
import { openPackage } from '../../src-main/core/exchange/package-open';
import { generateIdentity } from '../../src-main/core/keys/identity';
import { createKeyCard } from '../../src-main/core/keys/key-card';
import { exportBundle } from '../../src-main/core/packages/export-bundle';
import { importOpenedPackage } from '../../src-main/core/packages/open-package';

const resourcesDir = path.resolve(import.meta.dirname, '../../resources');

type Request =
  | { op: 'keys'; judges: { name: string; dataDir: string }[] }
  | { op: 'score'; salt: number; judges: { name: string; dataDir: string; packageFile: string }[] };

/** A value on the scale that differs between entries (and between rounds, by `salt`). */
export function scoreOf(regNo: string, scale: { min: number; max: number; step: number }, salt: number): number {
  const steps = Math.floor((scale.max - scale.min) / scale.step + 1e-9);
  const n = Number(regNo.replace(/\D/g, '').slice(-4)) || 0;
  return scale.min + ((n * 7 + salt) % (steps + 1)) * scale.step;
}

export async function runOfflineJudges(request: Request): Promise<unknown> {
  if (request.op === 'keys') {
    for (const j of request.judges) {
      const key = generateIdentity().privateKey;
      fs.writeFileSync(path.join(j.dataDir, 'key.pem'), key.export({ type: 'pkcs8', format: 'pem' }));
      fs.writeFileSync(path.join(j.dataDir, 'card.kepukey'), createKeyCard(key, { name: j.name, institution: null }));
    }
    return { ok: true };
  }
  const bundles: string[] = [];
  for (const j of request.judges) {
    const key = crypto.createPrivateKey(fs.readFileSync(path.join(j.dataDir, 'key.pem')));
    const ctx = createAppContext({ dataDir: j.dataDir, resourcesDir, shell: 'cli' });
    try {
      const opened = await openPackage(j.packageFile, { targetDir: path.join(j.dataDir, 'packages', path.basename(j.packageFile, '.kepupkg')) });
      const local = importOpenedPackage(ctx, opened);
      const def = ctx.campaigns.definition(local.campaignId);
      for (const row of ctx.reviews.queue(local.campaignId, local.judgeId).rows) {
        const ref = { campaignId: local.campaignId, judgeId: local.judgeId, entryId: row.entryId };
        const list = listFor(def, row.kind, row.category);
        for (const d of list.rubric) ctx.reviews.setScore(ref, d.key, scoreOf(row.regNo, d.scale, request.salt));
        for (const item of list.eligibility) ctx.reviews.setEligibility(ref, item.key, 'yes', '');
        ctx.reviews.setComplete(ref, true);
      }
      const bundle = exportBundle(ctx.db, opened.manifest.packageId, key);
      const file = path.join(j.dataDir, `${opened.manifest.packageId}.kepubundle`);
      fs.writeFileSync(file, bundle.bytes);
      bundles.push(file);
    } finally {
      ctx.close();
    }
  }
  return bundles;
}
