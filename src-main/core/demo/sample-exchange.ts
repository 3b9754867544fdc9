// The sample's exchange round, so a new user can try merging at once: every sample judge gets a
// signing key (generated here and thrown away: only their public halves are registered), a review
// package each (signed by a throwaway sample coordinator key, written to sample-packages/), and a
// signed result bundle each with plausible scores in sample-bundles/ — one judge also sent a
// second, corrected revision. Nothing is merged: that is the user's step. For a committee
// selection the bundles also carry eligibility answers, mostly yes, so the member list has both
// admitted and rejected applicants to show (applicant 3 lacks the membership item on purpose).
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { EntryKind } from '../../contract';
import { eligibilityFor, rubricFor } from '../../contract/lists';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { type BundlePayload, writeBundle } from '../exchange/bundle';
import { writeFileAtomic } from '../files/atomic-write';
import { makePrivateDir } from '../files/private-files';
import { fingerprintOf, generateIdentity, publicKeyToBase64 } from '../keys/identity';
import { issuePackage } from '../packages/issue-package';
import { nowIso } from '../time';

/** An entry's id, number, kind and category. */
interface DbEntryKindRow {
  id: number;
  reg_no: string;
  kind: EntryKind;
  category: string | null;
}

/** Judges' feedback for entrants in the sample bundles (issue 19), picked per judge and entry. */
const ENTRANT_FEEDBACK = [
  '选题实用，建议在结尾补充何时就医的提示。 / A practical topic; add when to see a doctor at the end.',
  '画面清晰，数据请注明来源。 / Clear visuals; please cite the sources of the figures.',
  '语言通俗易懂，节奏可以再紧凑一些。 / Plain, easy language; the pace could be tighter.',
] as const;

export async function prepareSampleExchange(
  deps: { db: Database; campaigns: CampaignRepo; dataDir: string },
  campaignId: string,
  folder = 'sample-bundles',
): Promise<string> {
  const { db } = deps;
  const def = deps.campaigns.definition(campaignId);
  const coordinator = generateIdentity();
  const packagesDir = path.join(deps.dataDir, 'sample-packages');
  const bundlesDir = path.join(deps.dataDir, folder);
  const committee = def.kind === 'committee';
  makePrivateDir(bundlesDir);
  // rowid, not the random id, breaks ties between judges created in the same millisecond: the
  // sample scores depend on the judge order, and tests and screenshots must see the same sample.
  const judges = db
    .prepare<[string], { id: string; name: string }>('SELECT j.id, j.name FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id WHERE cj.campaign_id = ? ORDER BY j.created_at, j.rowid')
    .all(campaignId);
  for (const [index, judge] of judges.entries()) {
    const key = generateIdentity();
    db.prepare('UPDATE judges SET key_id = ?, public_key = ?, fingerprint = ? WHERE id = ?').run(key.keyId, publicKeyToBase64(key.publicKey), fingerprintOf(key.keyId), judge.id);
    const issued = await issuePackage(deps, {
      campaignId,
      judgeId: judge.id,
      withMedia: false,
      outPath: path.join(packagesDir, `${folder}-${index + 1}.kepupkg`),
      coordinator: { privateKey: coordinator.privateKey, name: 'Sample coordinator 示例组织方' },
    });
    const entries = db
      .prepare<[string], DbEntryKindRow>('SELECT e.id, e.reg_no, e.kind, e.category FROM issued_package_entries p JOIN entries e ON e.id = p.entry_id WHERE p.package_id = ? ORDER BY e.reg_no')
      .all(issued.packageId);
    const payload = (revision: number, shift: number): BundlePayload => ({
      v: 1,
      kind: 'kepu.bundle',
      packageId: issued.packageId,
      campaignId,
      definitionVersion: issued.definitionVersion,
      judgeKeyId: key.keyId,
      revision,
      createdAt: nowIso(),
      entries: entries.map((e, i) => ({
        regNo: e.reg_no,
        entryId: e.id,
        // Plausible, judge-specific and deterministic: whole points between 3 and 10.
        scores: Object.fromEntries(rubricFor(def, e.kind, e.category).map((d, k) => [d.key, Math.min(d.scale.max, 3 + ((e.id * 7 + index * 3 + k * 5 + shift) % 8))])),
        eligibility: Object.fromEntries(
          eligibilityFor(def, e.kind, e.category).map((item, k) => {
            const roll = (e.id * 3 + index * 5 + k * 7) % 11;
            const answer = i === 2 && k === 0 && index < 3 ? 'no' : roll === 0 ? 'no' : roll === 1 ? 'unsure' : 'yes';
            return [item.key, { answer, note: answer === 'yes' ? '' : '材料未能证明 / evidence missing' }];
          }),
        ),
        conflict: null,
        comment: i % 4 === 0 ? '选题贴近群众，表达清楚。' : '',
        // Feedback for the entrant on every third entry, so the letters have some to share.
        ...(i % 3 === 0 ? { entrantComment: ENTRANT_FEEDBACK[(index + e.id) % ENTRANT_FEEDBACK.length] } : {}),
        complete: committee ? !(index === 4 && i === 0) : i % 5 !== 4,
        revision: 3 + revision,
      })),
    });
    const safe = judge.name.replace(/[\\/:*?"<>|\s]+/g, '_');
    writeFileAtomic(path.join(bundlesDir, `${safe}-r1.kepubundle`), writeBundle(payload(1, 0), key.privateKey));
    if (index === 0) writeFileAtomic(path.join(bundlesDir, `${safe}-r2.kepubundle`), writeBundle(payload(2, 1), key.privateKey));
  }
  return bundlesDir;
}
