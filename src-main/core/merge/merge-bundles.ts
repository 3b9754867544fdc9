// Merging judges' result bundles into the coordinator's database. Policy (DESIGN.md §4):
// - Every bundle is checked before anything is written: well-formed, signed by a judge registered
//   in this campaign with that key, answering a package this coordinator issued to that judge,
//   touching only entries of that package, every score on the rubric's scale.
// - Idempotent: the same file twice changes nothing. The highest revision per (package, judge)
//   wins; an older revision arriving later is recorded as superseded and ignored.
// - Each accepted bundle is applied in one transaction: a crash leaves it fully merged or not at all.
//   A rejected bundle changes nothing and says why, naming the file.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { CampaignDefinition } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { isKepuError, KepuError } from '../errors';
import { readBundle, verifyBundle } from '../exchange/bundle';
import { publicKeyFromBase64 } from '../keys/identity';
import { validateScore } from '../review/scoring';
import { nowIso } from '../time';

export interface BundleEntry {
  entryId: number;
  regNo: string;
  scores: Record<string, number>;
  eligibility: Record<string, { answer: 'yes' | 'no' | 'unsure'; note: string }>;
  conflict: { reason: string } | null;
  comment: string;
  complete: boolean;
  revision: number;
}

export interface BundlePayload {
  packageId: string;
  campaignId: string;
  judgeKeyId: string;
  revision: number;
  createdAt: string;
  entries: BundleEntry[];
}

/** Reads a bundle file and checks its signature; supplied by the exchange module. */
export interface BundleReader {
  read(bytes: Buffer): { payload: BundlePayload; keyId: string; envelopeJson: string };
  verify(bytes: Buffer, publicKeyBase64: string): void;
}

export type FileOutcome =
  | { fileName: string; status: 'accepted' | 'duplicate' | 'superseded'; judgeId: string; judgeName: string; revision: number; entries: number }
  | { fileName: string; status: 'rejected'; code: string; params: Record<string, string | number> };

export function mergeBundleFiles(
  deps: { db: Database; campaigns: CampaignRepo; reader: BundleReader },
  campaignId: string,
  files: readonly { fileName: string; bytes: Buffer }[],
): FileOutcome[] {
  const def = deps.campaigns.definition(campaignId);
  return files.map((file) => {
    try {
      return mergeOne(deps, def, campaignId, file);
    } catch (error) {
      if (isKepuError(error)) return { fileName: file.fileName, status: 'rejected', code: error.code, params: { file: file.fileName, ...error.params } };
      throw error;
    }
  });
}

function mergeOne(
  deps: { db: Database; campaigns: CampaignRepo; reader: BundleReader },
  def: CampaignDefinition,
  campaignId: string,
  file: { fileName: string; bytes: Buffer },
): FileOutcome {
  const { db } = deps;
  const read = deps.reader.read(file.bytes);
  const payload = read.payload;
  if (payload.campaignId !== campaignId) {
    throw new KepuError('BUNDLE_WRONG_CAMPAIGN', `merge: ${file.fileName} answers campaign ${payload.campaignId}`, { campaign: payload.campaignId });
  }
  const judge = db
    .prepare(`SELECT j.id, j.name, j.public_key FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id
              WHERE cj.campaign_id = ? AND j.key_id = ?`)
    .get(campaignId, read.keyId) as { id: string; name: string; public_key: string } | undefined;
  if (!judge) throw new KepuError('BUNDLE_UNKNOWN_SIGNER', `merge: ${file.fileName} is signed by an unregistered key`, { keyId: read.keyId.slice(0, 16) });
  deps.reader.verify(file.bytes, judge.public_key);
  const issued = db.prepare('SELECT judge_id FROM issued_packages WHERE id = ? AND campaign_id = ?').get(payload.packageId, campaignId) as
    | { judge_id: string }
    | undefined;
  if (!issued || issued.judge_id !== judge.id) {
    throw new KepuError('BUNDLE_WRONG_PACKAGE', `merge: ${file.fileName}: package ${payload.packageId} was not issued to ${judge.name}`, {
      packageId: payload.packageId,
      judge: judge.name,
    });
  }
  const inPackage = new Set(db.prepare('SELECT entry_id FROM issued_package_entries WHERE package_id = ?').pluck().all(payload.packageId) as number[]);
  for (const entry of payload.entries) {
    if (!inPackage.has(entry.entryId)) {
      throw new KepuError('BUNDLE_ENTRY_NOT_ASSIGNED', `merge: ${file.fileName}: entry ${entry.regNo} is not in the package`, { regNo: entry.regNo });
    }
    for (const [key, value] of Object.entries(entry.scores)) {
      const dim = def.rubric.find((d) => d.key === key);
      if (!dim) throw new KepuError('DIMENSION_UNKNOWN', `merge: ${file.fileName}: no dimension ${key}`, { dimension: key });
      validateScore(dim, value);
    }
    for (const item of Object.keys(entry.eligibility)) {
      if (!def.eligibility.some((e) => e.key === item)) throw new KepuError('ELIGIBILITY_ITEM_UNKNOWN', `merge: no item ${item}`, { item });
    }
  }

  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const base = { fileName: file.fileName, judgeId: judge.id, judgeName: judge.name, revision: payload.revision, entries: payload.entries.length };
  return db.transaction((): FileOutcome => {
    if (db.prepare('SELECT 1 FROM bundles WHERE id = ?').get(sha256)) return { ...base, status: 'duplicate' };
    const latest = (db
      .prepare(`SELECT max(revision) FROM bundles WHERE package_id = ? AND judge_id = ? AND status = 'accepted'`)
      .pluck()
      .get(payload.packageId, judge.id) as number | null) ?? 0;
    const now = nowIso();
    const insertBundle = db.prepare(
      'INSERT INTO bundles (id, campaign_id, judge_id, package_id, revision, status, received_at, envelope_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    if (payload.revision <= latest) {
      insertBundle.run(sha256, campaignId, judge.id, payload.packageId, payload.revision, 'superseded', now, read.envelopeJson);
      return { ...base, status: 'superseded' };
    }
    for (const entry of payload.entries) applyEntry(db, judge.id, entry, now);
    db.prepare(`UPDATE bundles SET status = 'superseded' WHERE package_id = ? AND judge_id = ? AND status = 'accepted'`).run(payload.packageId, judge.id);
    insertBundle.run(sha256, campaignId, judge.id, payload.packageId, payload.revision, 'accepted', now, read.envelopeJson);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'bundle.merge', ?, ?)`).run(
      now,
      judge.id,
      campaignId,
      JSON.stringify({ file: file.fileName, packageId: payload.packageId, revision: payload.revision, entries: payload.entries.length }),
    );
    return { ...base, status: 'accepted' };
  })();
}

/** Replaces this judge's review of one entry with the bundle's version of it. */
function applyEntry(db: Database, judgeId: string, entry: BundleEntry, now: string): void {
  const args = [entry.entryId, judgeId];
  for (const table of ['scores', 'eligibility_answers', 'comments', 'conflicts']) db.prepare(`DELETE FROM ${table} WHERE entry_id = ? AND judge_id = ?`).run(...args);
  const revision = Math.max(1, entry.revision);
  const score = db.prepare('INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [key, value] of Object.entries(entry.scores)) score.run(entry.entryId, judgeId, key, value, revision, now);
  const answer = db.prepare('INSERT INTO eligibility_answers (entry_id, judge_id, item_key, answer, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const [key, a] of Object.entries(entry.eligibility)) answer.run(entry.entryId, judgeId, key, a.answer, a.note, now);
  if (entry.comment) db.prepare('INSERT INTO comments (entry_id, judge_id, body, updated_at) VALUES (?, ?, ?, ?)').run(entry.entryId, judgeId, entry.comment, now);
  if (entry.conflict) db.prepare('INSERT INTO conflicts (entry_id, judge_id, reason, declared_at) VALUES (?, ?, ?, ?)').run(entry.entryId, judgeId, entry.conflict.reason, now);
  const touched = Object.keys(entry.scores).length + Object.keys(entry.eligibility).length + (entry.comment ? 1 : 0) + (entry.conflict ? 1 : 0);
  if (touched === 0 && !entry.complete) {
    db.prepare('DELETE FROM reviews WHERE entry_id = ? AND judge_id = ?').run(...args);
    return;
  }
  db.prepare(`INSERT INTO reviews (entry_id, judge_id, status, revision, updated_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (entry_id, judge_id) DO UPDATE SET status = excluded.status, revision = excluded.revision, updated_at = excluded.updated_at`)
    .run(entry.entryId, judgeId, entry.complete ? 'complete' : 'in_progress', revision, now);
}

/** The exchange module's bundle file reading and signature check, as the merge needs them. */
export function exchangeBundleReader(): BundleReader {
  return {
    read(bytes) {
      const read = readBundle(bytes);
      return { payload: read.payload, keyId: read.keyId, envelopeJson: JSON.stringify(read.envelope) };
    },
    verify(bytes, publicKeyBase64) {
      verifyBundle(readBundle(bytes), publicKeyFromBase64(publicKeyBase64));
    },
  };
}
