// Merging judges' result bundles into the coordinator's database. Policy (DESIGN.md §4):
// - Every bundle is checked before anything is written: well-formed, signed by a judge registered
//   in this campaign with that key, answering a package this coordinator issued to that judge,
//   touching only entries of that package, every score on the rubric's scale.
// - A bundle is checked against the definition version its package was issued with. When the
//   campaign has saved a newer version since, the bundle still merges if every dimension it scores
//   and every item it answers still exists, with the same scale, in the entry's list now; otherwise
//   it is refused with BUNDLE_DEFINITION_CHANGED naming the key and both versions (the judge needs
//   a new package). The outcome names both versions either way.
// - Replacing a judge's review of an entry clears only scores and answers on the current
//   definition: rows an explicit new version set aside stay (they are kept, never deleted).
// - Idempotent: the same file twice changes nothing. The highest revision per (package, judge)
//   wins; an older revision arriving later is recorded as superseded and ignored.
// - A merge is one transaction (each bundle inside it a savepoint of its own): a crash leaves the
//   merge fully done or not at all, and the first merges' rows go in once, in key order, at its end
//   (merge-write.ts). A rejected bundle changes nothing and says why, naming the file.
// - Rounds (issue 14): the answers are stored under the scoring round the package was issued for
//   (per list; round 1 when it named none). A bundle whose rounds differ from its package's, or
//   name a round the list does not have, is refused (ROUND_MISMATCH); one answering a round that
//   has been closed since is refused too (ROUND_CLOSED).
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, EntryKind, ListDef, RubricDimension } from '../../contract';
import { listFor, rubricOfRound } from '../../contract/lists';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { currentDefinitionVersion, definitionAtVersion } from '../campaigns/definition-versions';
import { isKepuError, KepuError } from '../errors';
import { type BundleCheck, checkBundles, refused, type SignerKeys } from './bundle-check';
import { validateScore } from '../review/scoring';
import { closedRounds, scoringRoundCount } from '../rounds/round-state';
import { nowIso } from '../time';
import type { DbCampaignJudgeRow } from '../packages/package-rows';
import { applyEntries, applyStatements, type ApplyStatements, PendingRows } from './merge-write';

export interface BundleEntry {
  entryId: number;
  regNo: string;
  scores: Record<string, number>;
  eligibility: Record<string, { answer: 'yes' | 'no' | 'unsure'; note: string }>;
  conflict: { reason: string } | null;
  comment: string;
  /** Absent in bundles from before entrant feedback (issue 19) and for entries without it. */
  entrantComment?: string;
  complete: boolean;
  revision: number;
}

export interface BundlePayload {
  packageId: string;
  campaignId: string;
  /** The package's definition version as the judge's app copied it (informative: the issued record decides). */
  definitionVersion?: number;
  /** The package's rounds as the bundle repeats them (absent: every list in round 1). */
  rounds?: { list: string; roundNo: number }[];
  judgeKeyId: string;
  revision: number;
  createdAt: string;
  entries: BundleEntry[];
}

/**
 * Reads bundle files and checks their signatures against the campaign's registered keys, one
 * outcome per file in order (exchangeBundleReader: on the calling thread; the interface leaves room
 * for checking on other threads). Everything else a merge checks needs the database and stays in mergeOne.
 */
export interface BundleReader {
  checkAll(files: readonly Buffer[], keys: SignerKeys, watch?: CheckWatch): BundleCheck[] | Promise<BundleCheck[]>;
}

/** A long merge's progress out and cancellation in (the merge job on a worker). */
export interface CheckWatch {
  /** True once cancelled: the checks stop handing out files, the merge stops before its next bundle (nothing written). */
  cancelled?(): boolean;
  /** After each file checked. */
  checked?(done: number, total: number): void;
}

export interface MergeProgress {
  stage: 'checking' | 'writing';
  done: number;
  total: number;
}

/** The definition version the bundle's package was issued with, and the campaign's now. */
export interface DefinitionVersions {
  answered: number;
  current: number;
}

export type FileOutcome =
  | { fileName: string; status: 'accepted' | 'duplicate' | 'superseded'; judgeId: string; judgeName: string; revision: number; entries: number; definitionVersion: DefinitionVersions }
  | { fileName: string; status: 'rejected'; code: string; params: Record<string, string | number> };

export async function mergeBundleFiles(
  deps: { db: Database; campaigns: CampaignRepo; reader: BundleReader },
  campaignId: string,
  files: readonly { fileName: string; bytes: Buffer }[],
  options: { cancelled?: () => boolean; progress?: (progress: MergeProgress) => void } = {},
): Promise<FileOutcome[]> {
  // Reading and signature checks first, outside the write transaction (on worker threads in the
  // app): the transaction then only looks things up and writes. An empty file is not read at all.
  const keys = signerKeys(deps.db, campaignId);
  const toCheck = files.filter((f) => f.bytes.length > 0);
  options.progress?.({ stage: 'checking', done: 0, total: files.length });
  const checked = await deps.reader.checkAll(
    toCheck.map((f) => f.bytes),
    keys,
    { cancelled: options.cancelled, checked: (done) => options.progress?.({ stage: 'checking', done: done + files.length - toCheck.length, total: files.length }) },
  );
  const checks = new Map(toCheck.map((f, i) => [f, checked[i]]));
  if (options.cancelled?.()) throw new MergeCancelled();
  const def = deps.campaigns.definition(campaignId);
  const version = currentDefinitionVersion(deps.db, campaignId);
  // Earlier versions as bundles ask for them, each read once per merge.
  const earlier = new Map<number, CampaignDefinition>();
  const at = (v: number): CampaignDefinition => {
    if (v === version) return def;
    let found = earlier.get(v);
    if (!found) earlier.set(v, (found = definitionAtVersion(deps.db, campaignId, v, def)));
    return found;
  };
  const statements = applyStatements(deps.db, def);
  const kinds = entryKinds(deps.db, campaignId);
  // A merge rewrites hundreds of thousands of rows that the bundle files can always reproduce:
  // each bundle stays atomic (one transaction), but commits skip the per-commit fsync (WAL with
  // synchronous=NORMAL is still crash-safe; only the last bundles could need merging again after a
  // power cut). The usual FULL durability for the judges' own typing is restored afterwards.
  const previous = deps.db.pragma('synchronous', { simple: true });
  const previousCheckpoint = deps.db.pragma('wal_autocheckpoint', { simple: true });
  deps.db.pragma('synchronous = NORMAL');
  // One checkpoint at the end instead of one every few bundles.
  deps.db.pragma('wal_autocheckpoint = 0');
  // The one transaction's new pages (≈180 MB for 250,000 entry reviews, envelopes included) stay
  // in the page cache until the commit instead of spilling to the log and being written again:
  // 135,000 page writes instead of 243,000 for the bench's 200 bundles. Only for the merge.
  const previousCache = deps.db.pragma('cache_size', { simple: true });
  deps.db.pragma(`cache_size = ${-MERGE_CACHE_KIB}`);
  try {
    return deps.db.transaction(() => {
      const pending = new PendingRows(deps.db);
      const outcomes = files.map((file, i): FileOutcome => {
        // A cancel between bundles throws out of the transaction: it rolls back, nothing is written.
        if (options.cancelled?.()) throw new MergeCancelled();
        options.progress?.({ stage: 'writing', done: i, total: files.length });
        try {
          return mergeOne(deps, { def, version, at, kinds }, campaignId, { ...file, check: checks.get(file) }, { statements, pending });
        } catch (error) {
          if (isKepuError(error)) return { fileName: file.fileName, status: 'rejected', code: error.code, params: { file: file.fileName, ...error.params } };
          throw error;
        }
      });
      if (options.cancelled?.()) throw new MergeCancelled();
      options.progress?.({ stage: 'writing', done: files.length, total: files.length });
      pending.flush();
      return outcomes;
    })();
  } finally {
    deps.db.pragma(`wal_autocheckpoint = ${previousCheckpoint}`);
    deps.db.pragma('wal_checkpoint(TRUNCATE)');
    deps.db.pragma(`synchronous = ${previous}`);
    deps.db.pragma(`cache_size = ${previousCache}`);
  }
}

/** The page cache of a merge's connection while it merges (KiB), given back afterwards. */
export const MERGE_CACHE_KIB = 262_144;

function mergeOne(
  deps: { db: Database; campaigns: CampaignRepo; reader: BundleReader },
  current: { def: CampaignDefinition; version: number; at(version: number): CampaignDefinition; kinds: EntryKinds },
  campaignId: string,
  file: { fileName: string; bytes: Buffer; check: BundleCheck | undefined },
  writes: { statements: ApplyStatements; pending: PendingRows },
): FileOutcome {
  const { statements, pending } = writes;
  const def = current.def;
  const { db } = deps;
  // Named as what it is (not as a parse error at byte 0): the judge can simply export again.
  if (file.bytes.length === 0) throw new KepuError('BUNDLE_EMPTY', `merge: ${file.fileName} is empty`, { file: file.fileName });
  if (!file.check) throw new Error(`merge: ${file.fileName} was not read`);
  if (!file.check.ok) throw refused(file.check.refusal);
  const read = file.check.bundle;
  const payload = read.payload;
  if (payload.campaignId !== campaignId) {
    // Named by its name when that campaign is on this computer; its internal id is never shown.
    if (deps.campaigns.exists(payload.campaignId)) {
      const name = deps.campaigns.summary(payload.campaignId).name;
      throw new KepuError('BUNDLE_OTHER_CAMPAIGN', `merge: ${file.fileName} answers campaign ${payload.campaignId}`, { file: file.fileName, campaignZh: name['zh-CN'], campaignEn: name.en });
    }
    throw new KepuError('BUNDLE_WRONG_CAMPAIGN', `merge: ${file.fileName} answers campaign ${payload.campaignId}`, { file: file.fileName });
  }
  const judge = db
    .prepare<[string, string], Pick<DbCampaignJudgeRow, 'id' | 'name'> & { public_key: string }>(`SELECT j.id, j.name, j.public_key FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id
              WHERE cj.campaign_id = ? AND j.key_id = ?`)
    .get(campaignId, read.keyId);
  if (!judge) throw new KepuError('BUNDLE_UNKNOWN_SIGNER', `merge: ${file.fileName} is signed by an unregistered key`, { keyId: read.keyId.slice(0, 16) });
  // Checked by checkBundle against this same registered key (signerKeys).
  if (read.signature === 'unknown-key') throw new Error(`merge: ${file.fileName}: the key of ${judge.name} was not given to the check`);
  if (read.signature) throw refused(read.signature);
  const issued = db.prepare<[string, string], { judge_id: string; definition_version: number; rounds_json: string }>('SELECT judge_id, definition_version, rounds_json FROM issued_packages WHERE id = ? AND campaign_id = ?').get(payload.packageId, campaignId);
  if (!issued || issued.judge_id !== judge.id) {
    throw new KepuError('BUNDLE_WRONG_PACKAGE', `merge: ${file.fileName}: package ${payload.packageId} was not issued to ${judge.name}`, {
      packageId: payload.packageId,
      judge: judge.name,
    });
  }
  const versions: DefinitionVersions = { answered: issued.definition_version, current: current.version };
  const sha256 = read.sha256;
  const base = { fileName: file.fileName, judgeId: judge.id, judgeName: judge.name, revision: payload.revision, entries: payload.entries.length, definitionVersion: versions };
  // A file merged before changes nothing, even if the definition has moved on since: said as such.
  if (db.prepare('SELECT 1 FROM bundles WHERE id = ?').get(sha256)) return { ...base, status: 'duplicate' };
  // The definition the judge was shown; the current one when nothing changed since.
  const answered = current.at(versions.answered);
  const changed = (key: string) =>
    new KepuError('BUNDLE_DEFINITION_CHANGED', `merge: ${file.fileName}: ${key} of definition version ${versions.answered} is gone or rescaled in version ${versions.current}`, {
      key,
      answered: versions.answered,
      current: versions.current,
    });
  const packageRounds = JSON.parse(issued.rounds_json) as Record<string, number>;
  assertSameRounds(def, file.fileName, packageRounds, payload.rounds ?? []);
  // The package's entries (the campaign's own) with what decides their list: kind and category.
  const inPackage = new Map<number, EntryKindRow>();
  for (const entryId of db.prepare<[string], number>('SELECT entry_id FROM issued_package_entries WHERE package_id = ?').pluck().all(payload.packageId)) {
    const own = current.kinds.of(entryId);
    if (own) inPackage.set(entryId, own);
  }
  // An entry's lists and rubrics, then and now, depend only on its kind and category: looked up
  // once per pair, not once per entry.
  type Lists = { listThen: ListDef; list: ListDef; roundNo: number; rubricThen: RubricDimension[]; rubricNow: RubricDimension[]; dims: Map<string, RubricDimension> };
  const listsOf = new Map<string, Lists>();
  // Entry kind rows are shared per (kind, category) (entryKinds): looked up by identity first.
  const listsByRow = new Map<EntryKindRow, Lists>();
  const listsFor = (own: EntryKindRow) => {
    const known = listsByRow.get(own);
    if (known) return known;
    const pair = `${own.kind}\u0000${own.category ?? ''}\u0000${own.category === null ? 0 : 1}`;
    let found = listsOf.get(pair);
    if (!found) {
      const listThen = listFor(answered, own.kind, own.category);
      const list = listFor(def, own.kind, own.category);
      const roundNo = packageRounds[list.key] ?? 1;
      // Checked against the rubric of the package's round (its own, else the list's), then and now.
      listsOf.set(pair, (found = { listThen, list, roundNo, rubricThen: rubricOfRound(listThen, roundNo), rubricNow: rubricOfRound(list, roundNo), dims: new Map() }));
    }
    listsByRow.set(own, found);
    return found;
  };
  // The scoring round each entry's answers belong to: its list's round in the package.
  const entryRounds = new Map<number, number>();
  for (const entry of payload.entries) {
    const own = inPackage.get(entry.entryId);
    if (!own) {
      throw new KepuError('BUNDLE_ENTRY_NOT_ASSIGNED', `merge: ${file.fileName}: entry ${entry.regNo} is not in the package`, { regNo: entry.regNo });
    }
    // The entry's own list says which dimensions and items it is scored on: in the version the
    // judge answered (else the bundle holds what the package never asked) and now.
    const { listThen, list, roundNo, rubricThen, rubricNow, dims } = listsFor(own);
    entryRounds.set(entry.entryId, roundNo);
    for (const key in entry.scores) {
      // A dimension's checks against the rubric, then and now, once per list; the value's every time.
      let dim = dims.get(key);
      if (!dim) {
        const then = rubricThen.find((d) => d.key === key);
        if (!then) throw new KepuError('DIMENSION_UNKNOWN', `merge: ${file.fileName}: no dimension ${key}`, { dimension: key });
        dim = rubricNow.find((d) => d.key === key);
        if (!dim || dim.scale.min !== then.scale.min || dim.scale.max !== then.scale.max || dim.scale.step !== then.scale.step) throw changed(key);
        dims.set(key, dim);
      }
      validateScore(dim, entry.scores[key]);
    }
    for (const item of Object.keys(entry.eligibility)) {
      if (!listThen.eligibility.some((e) => e.key === item)) throw new KepuError('ELIGIBILITY_ITEM_UNKNOWN', `merge: no item ${item}`, { item });
      if (!list.eligibility.some((e) => e.key === item)) throw changed(item);
    }
  }

  // A closed round takes no more results: its lists moved on (shortlist, next round).
  const closed = closedRounds(db, campaignId);
  for (const entry of payload.entries) {
    const list = listsFor(inPackage.get(entry.entryId)!).list.key;
    const roundNo = entryRounds.get(entry.entryId) ?? 1;
    if (closed.get(list)?.has(roundNo)) throw new KepuError('ROUND_CLOSED', `merge: ${file.fileName} answers round ${roundNo} of ${list}, which is closed`, { file: file.fileName, list, roundNo });
  }

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
    // Rows of this judge still waiting (an earlier bundle of this merge) are written before what is
    // stored is read and replaced.
    if (pending.holds(judge.id)) pending.flush();
    // Entries this judge already has something for in the round the package is in.
    const reviewed = new Set(statements.hasReview.all(judge.id).filter((r) => r.round_no === (entryRounds.get(r.entry_id) ?? 1)).map((r) => r.entry_id));
    applyEntries(statements, pending, judge.id, payload.entries, entryRounds, now, reviewed);
    db.prepare(`UPDATE bundles SET status = 'superseded' WHERE package_id = ? AND judge_id = ? AND status = 'accepted'`).run(payload.packageId, judge.id);
    insertBundle.run(sha256, campaignId, judge.id, payload.packageId, payload.revision, 'accepted', now, read.envelopeJson);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'bundle.merge', ?, ?)`).run(
      now,
      judge.id,
      campaignId,
      JSON.stringify({ file: file.fileName, packageId: payload.packageId, revision: payload.revision, entries: payload.entries.length, definitionVersion: versions }),
    );
    return { ...base, status: 'accepted' };
  })();
}

/**
 * The bundle repeats the rounds of the package it answers (none: every list in round 1): a round
 * that differs, or that the list does not have (any more), is refused before anything is stored.
 */
function assertSameRounds(def: CampaignDefinition, fileName: string, packageRounds: Record<string, number>, bundleRounds: readonly { list: string; roundNo: number }[]): void {
  const named = Object.fromEntries(bundleRounds.map((r) => [r.list, r.roundNo]));
  for (const list of new Set([...Object.keys(packageRounds), ...Object.keys(named)])) {
    const packageRound = packageRounds[list] ?? 1;
    const bundleRound = named[list] ?? 1;
    const own = def.lists.find((l) => l.key === list);
    const listRounds = own ? scoringRoundCount(own) : 0;
    if (packageRound !== bundleRound || bundleRound > listRounds) {
      throw new KepuError('ROUND_MISMATCH', `merge: ${fileName} answers round ${bundleRound} of ${list}; its package is for round ${packageRound}, the list has ${listRounds}`, {
        file: fileName,
        list,
        bundleRound,
        packageRound,
        listRounds,
      });
    }
  }
}

type EntryKindRow = { kind: EntryKind; category: string | null };

/** An entry's kind and category (what decides its list), by id. */
interface EntryKinds {
  of(entryId: number): EntryKindRow | undefined;
}

/**
 * The campaign's entries read once per merge (one scan instead of a join per package: 250,000
 * lookups over 200 bundles); an entry of a package that is not among them (none should be) is
 * looked up by itself, as the join did.
 */
function entryKinds(db: Database, campaignId: string): EntryKinds {
  const all = new Map<number, EntryKindRow>();
  // One row object per (kind, category): the merge looks lists up by it (listsFor).
  const shared = new Map<string, EntryKindRow>();
  for (const r of db.prepare<[string], EntryKindRow & { id: number }>('SELECT id, kind, category FROM entries WHERE campaign_id = ?').all(campaignId)) {
    const pair = `${r.kind}\u0000${r.category ?? ''}\u0000${r.category === null ? 0 : 1}`;
    let row = shared.get(pair);
    if (!row) shared.set(pair, (row = { kind: r.kind, category: r.category }));
    all.set(r.id, row);
  }
  const one = db.prepare<[number], EntryKindRow>('SELECT kind, category FROM entries WHERE id = ?');
  return { of: (entryId) => all.get(entryId) ?? one.get(entryId) };
}

/** The bundle checks on the calling thread (bundle:merge, the merge job's worker, tests). */
export function exchangeBundleReader(): BundleReader {
  return {
    checkAll(files, keys, watch) {
      return files.map((bytes, i) => {
        const check = checkBundles({ files: [bytes], keys })[0];
        watch?.checked?.(i + 1, files.length);
        return check;
      });
    },
  };
}

/** The campaign's judges' registered keys, for the signature checks. */
export function signerKeys(db: Database, campaignId: string): SignerKeys {
  const rows = db
    .prepare<[string], { key_id: string; public_key: string }>(
      `SELECT j.key_id, j.public_key FROM judges j JOIN campaign_judges cj ON cj.judge_id = j.id
        WHERE cj.campaign_id = ? AND j.key_id IS NOT NULL AND j.public_key IS NOT NULL`,
    )
    .all(campaignId);
  return Object.fromEntries(rows.map((r) => [r.key_id, r.public_key]));
}

/** Thrown when a merge job is cancelled: the transaction is rolled back, nothing is written. */
export class MergeCancelled extends Error {
  constructor() {
    super('merge cancelled');
    this.name = 'MergeCancelled';
  }
}
