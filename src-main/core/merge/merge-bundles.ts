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
// - Each accepted bundle is applied in one transaction: a crash leaves it fully merged or not at all.
//   A rejected bundle changes nothing and says why, naming the file.
// - Rounds (issue 14): the answers are stored under the scoring round the package was issued for
//   (per list; round 1 when it named none). A bundle whose rounds differ from its package's, or
//   name a round the list does not have, is refused (ROUND_MISMATCH); one answering a round that
//   has been closed since is refused too (ROUND_CLOSED).
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { allDimensions, allEligibility, type CampaignDefinition, listFor, rubricOfRound } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { currentDefinitionVersion, definitionAtVersion } from '../campaigns/definition-versions';
import { isKepuError, KepuError } from '../errors';
import { readBundle, verifyBundle } from '../exchange/bundle';
import { publicKeyFromBase64 } from '../keys/identity';
import { validateScore } from '../review/scoring';
import { closedRounds, scoringRoundCount } from '../rounds/round-state';
import { nowIso } from '../time';
import type { DbCampaignJudgeRow, DbEntryListKeyRow } from '../packages/package-rows';

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

/** Reads a bundle file and checks its signature; supplied by the exchange module. */
export interface BundleReader {
  read(bytes: Buffer): { payload: BundlePayload; keyId: string; envelopeJson: string; verify(publicKeyBase64: string): void };
}

/** The definition version the bundle's package was issued with, and the campaign's now. */
export interface DefinitionVersions {
  answered: number;
  current: number;
}

export type FileOutcome =
  | { fileName: string; status: 'accepted' | 'duplicate' | 'superseded'; judgeId: string; judgeName: string; revision: number; entries: number; definitionVersion: DefinitionVersions }
  | { fileName: string; status: 'rejected'; code: string; params: Record<string, string | number> };

export function mergeBundleFiles(
  deps: { db: Database; campaigns: CampaignRepo; reader: BundleReader },
  campaignId: string,
  files: readonly { fileName: string; bytes: Buffer }[],
): FileOutcome[] {
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
  // A merge rewrites hundreds of thousands of rows that the bundle files can always reproduce:
  // each bundle stays atomic (one transaction), but commits skip the per-commit fsync (WAL with
  // synchronous=NORMAL is still crash-safe; only the last bundles could need merging again after a
  // power cut). The usual FULL durability for the judges' own typing is restored afterwards.
  const previous = deps.db.pragma('synchronous', { simple: true });
  const previousCheckpoint = deps.db.pragma('wal_autocheckpoint', { simple: true });
  deps.db.pragma('synchronous = NORMAL');
  // One checkpoint at the end instead of one every few bundles.
  deps.db.pragma('wal_autocheckpoint = 0');
  try {
    return files.map((file) => {
      try {
        return mergeOne(deps, { def, version, at }, campaignId, file, statements);
      } catch (error) {
        if (isKepuError(error)) return { fileName: file.fileName, status: 'rejected', code: error.code, params: { file: file.fileName, ...error.params } };
        throw error;
      }
    });
  } finally {
    deps.db.pragma(`wal_autocheckpoint = ${previousCheckpoint}`);
    deps.db.pragma('wal_checkpoint(TRUNCATE)');
    deps.db.pragma(`synchronous = ${previous}`);
  }
}

function mergeOne(
  deps: { db: Database; campaigns: CampaignRepo; reader: BundleReader },
  current: { def: CampaignDefinition; version: number; at(version: number): CampaignDefinition },
  campaignId: string,
  file: { fileName: string; bytes: Buffer },
  statements: ApplyStatements,
): FileOutcome {
  const def = current.def;
  const { db } = deps;
  // Named as what it is (not as a parse error at byte 0): the judge can simply export again.
  if (file.bytes.length === 0) throw new KepuError('BUNDLE_EMPTY', `merge: ${file.fileName} is empty`, { file: file.fileName });
  const read = deps.reader.read(file.bytes);
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
  read.verify(judge.public_key);
  const issued = db.prepare<[string, string], { judge_id: string; definition_version: number; rounds_json: string }>('SELECT judge_id, definition_version, rounds_json FROM issued_packages WHERE id = ? AND campaign_id = ?').get(payload.packageId, campaignId);
  if (!issued || issued.judge_id !== judge.id) {
    throw new KepuError('BUNDLE_WRONG_PACKAGE', `merge: ${file.fileName}: package ${payload.packageId} was not issued to ${judge.name}`, {
      packageId: payload.packageId,
      judge: judge.name,
    });
  }
  const versions: DefinitionVersions = { answered: issued.definition_version, current: current.version };
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
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
  const inPackage = new Set(db.prepare('SELECT entry_id FROM issued_package_entries WHERE package_id = ?').pluck().all(payload.packageId) as number[]);
  const entryStmt = db.prepare<[number], DbEntryListKeyRow>('SELECT kind, category FROM entries WHERE id = ?');
  // The scoring round each entry's answers belong to: its list's round in the package.
  const entryRounds = new Map<number, number>();
  for (const entry of payload.entries) {
    if (!inPackage.has(entry.entryId)) {
      throw new KepuError('BUNDLE_ENTRY_NOT_ASSIGNED', `merge: ${file.fileName}: entry ${entry.regNo} is not in the package`, { regNo: entry.regNo });
    }
    // The entry's own list says which dimensions and items it is scored on: in the version the
    // judge answered (else the bundle holds what the package never asked) and now.
    // The package's entries are the campaign's own (inPackage above), so the row exists.
    const own = entryStmt.get(entry.entryId)!;
    const listThen = listFor(answered, own.kind, own.category);
    const list = listFor(def, own.kind, own.category);
    const roundNo = packageRounds[list.key] ?? 1;
    entryRounds.set(entry.entryId, roundNo);
    // Checked against the rubric of the package's round (its own, else the list's), then and now.
    const rubricThen = rubricOfRound(listThen, roundNo);
    const rubricNow = rubricOfRound(list, roundNo);
    for (const [key, value] of Object.entries(entry.scores)) {
      const then = rubricThen.find((d) => d.key === key);
      if (!then) throw new KepuError('DIMENSION_UNKNOWN', `merge: ${file.fileName}: no dimension ${key}`, { dimension: key });
      const dim = rubricNow.find((d) => d.key === key);
      if (!dim || dim.scale.min !== then.scale.min || dim.scale.max !== then.scale.max || dim.scale.step !== then.scale.step) throw changed(key);
      validateScore(dim, value);
    }
    for (const item of Object.keys(entry.eligibility)) {
      if (!listThen.eligibility.some((e) => e.key === item)) throw new KepuError('ELIGIBILITY_ITEM_UNKNOWN', `merge: no item ${item}`, { item });
      if (!list.eligibility.some((e) => e.key === item)) throw changed(item);
    }
  }

  // A closed round takes no more results: its lists moved on (shortlist, next round).
  const closed = closedRounds(db, campaignId);
  for (const entry of payload.entries) {
    const own = entryStmt.get(entry.entryId)!;
    const list = listFor(def, own.kind, own.category).key;
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
    // Entries this judge already has something for in the round the package is in.
    const reviewed = new Set(statements.hasReview.all(judge.id).filter((r) => r.round_no === (entryRounds.get(r.entry_id) ?? 1)).map((r) => r.entry_id));
    applyEntries(db, statements, judge.id, payload.entries, entryRounds, now, reviewed);
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

const ROWS_PER_INSERT = 300;

/**
 * Entries this judge has nothing for yet (the usual first merge) are written with multi-row
 * INSERTs, a few hundred rows per statement; the rest go through applyEntry one by one.
 */
function applyEntries(db: Database, st: ApplyStatements, judgeId: string, entries: readonly BundleEntry[], rounds: ReadonlyMap<number, number>, now: string, reviewed: Set<number>): void {
  const scoreRows: unknown[][] = [];
  const reviewRows: unknown[][] = [];
  for (const entry of entries) {
    const round = rounds.get(entry.entryId) ?? 1;
    const simple = !reviewed.has(entry.entryId) && Object.keys(entry.eligibility).length === 0 && !entry.comment && !entry.entrantComment && !entry.conflict;
    if (!simple) {
      applyEntry(st, judgeId, entry, round, now, reviewed);
      continue;
    }
    const revision = Math.max(1, entry.revision);
    for (const [key, value] of Object.entries(entry.scores)) scoreRows.push([entry.entryId, judgeId, round, key, value, revision, now]);
    if (Object.keys(entry.scores).length > 0 || entry.complete) reviewRows.push([entry.entryId, judgeId, round, entry.complete ? 'complete' : 'in_progress', revision, now]);
  }
  insertRows(db, 'scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at)', 7, scoreRows);
  insertRows(db, 'reviews (entry_id, judge_id, round_no, status, revision, updated_at)', 6, reviewRows);
}

const bulkStatements = new WeakMap<Database, Map<string, ReturnType<Database['prepare']>>>();

function insertRows(db: Database, target: string, width: number, rows: unknown[][]): void {
  let cache = bulkStatements.get(db);
  if (!cache) bulkStatements.set(db, (cache = new Map()));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const key = `${target}|${chunk.length}`;
    let statement = cache.get(key);
    if (!statement) {
      statement = db.prepare(`INSERT INTO ${target} VALUES ${Array(chunk.length).fill(`(${Array(width).fill('?').join(', ')})`).join(', ')}`);
      cache.set(key, statement);
    }
    statement.run(chunk.flat());
  }
}

/**
 * The statements an entry's replacement needs, prepared once per merge (250,000 entries each).
 * Clearing a judge's entry removes scores and answers on the definition's dimensions and items
 * only: rows a new version set aside are kept.
 */
function applyStatements(db: Database, def: CampaignDefinition) {
  const dimensions = JSON.stringify(allDimensions(def).map((d) => d.key));
  const items = JSON.stringify(allEligibility(def).map((i) => i.key));
  const clearScores = db.prepare('DELETE FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ? AND dimension_key IN (SELECT value FROM json_each(?))');
  const clearAnswers = db.prepare('DELETE FROM eligibility_answers WHERE entry_id = ? AND judge_id = ? AND round_no = ? AND item_key IN (SELECT value FROM json_each(?))');
  const clearRest = ['comments', 'conflicts'].map((table) => db.prepare(`DELETE FROM ${table} WHERE entry_id = ? AND judge_id = ? AND round_no = ?`));
  // One multi-row INSERT per entry for its scores (3 rows for the usual rubric), prepared per count.
  const scoreInserts = new Map<number, ReturnType<Database['prepare']>>();
  const scoresFor = (n: number) => {
    let statement = scoreInserts.get(n);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO scores (entry_id, judge_id, round_no, dimension_key, value, revision, updated_at) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
      scoreInserts.set(n, statement);
    }
    return statement;
  };
  return {
    hasReview: db.prepare<[string], { entry_id: number; round_no: number }>('SELECT entry_id, round_no FROM reviews WHERE judge_id = ?'),
    clear(entryId: number, judgeId: string, round: number) {
      clearScores.run(entryId, judgeId, round, dimensions);
      clearAnswers.run(entryId, judgeId, round, items);
      for (const statement of clearRest) statement.run(entryId, judgeId, round);
    },
    scoresFor,
    answer: db.prepare('INSERT INTO eligibility_answers (entry_id, judge_id, round_no, item_key, answer, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    comment: db.prepare('INSERT INTO comments (entry_id, judge_id, round_no, body, entrant_body, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    conflict: db.prepare('INSERT INTO conflicts (entry_id, judge_id, round_no, reason, declared_at) VALUES (?, ?, ?, ?, ?)'),
    dropReview: db.prepare('DELETE FROM reviews WHERE entry_id = ? AND judge_id = ? AND round_no = ?'),
    review: db.prepare(`INSERT INTO reviews (entry_id, judge_id, round_no, status, revision, updated_at) VALUES (?, ?, ?, ?, ?, ?)
              ON CONFLICT (entry_id, judge_id, round_no) DO UPDATE SET status = excluded.status, revision = excluded.revision, updated_at = excluded.updated_at`),
  };
}
type ApplyStatements = ReturnType<typeof applyStatements>;

/**
 * Replaces this judge's review of one entry with the bundle's version of it. `reviewed`: entries
 * this judge already has something for (every stored change has a reviews row); only those need
 * clearing first.
 */
function applyEntry(st: ApplyStatements, judgeId: string, entry: BundleEntry, round: number, now: string, reviewed: Set<number>): void {
  if (reviewed.has(entry.entryId)) st.clear(entry.entryId, judgeId, round);
  const revision = Math.max(1, entry.revision);
  const scores = Object.entries(entry.scores);
  if (scores.length) st.scoresFor(scores.length).run(scores.flatMap(([key, value]) => [entry.entryId, judgeId, round, key, value, revision, now]));
  for (const [key, a] of Object.entries(entry.eligibility)) st.answer.run(entry.entryId, judgeId, round, key, a.answer, a.note, now);
  // An older bundle has no entrantComment: the merged row then has none either (the bundle replaces it all).
  if (entry.comment || entry.entrantComment) st.comment.run(entry.entryId, judgeId, round, entry.comment, entry.entrantComment ?? '', now);
  if (entry.conflict) st.conflict.run(entry.entryId, judgeId, round, entry.conflict.reason, now);
  const touched = Object.keys(entry.scores).length + Object.keys(entry.eligibility).length + (entry.comment || entry.entrantComment ? 1 : 0) + (entry.conflict ? 1 : 0);
  if (touched === 0 && !entry.complete) {
    st.dropReview.run(entry.entryId, judgeId, round);
    return;
  }
  st.review.run(entry.entryId, judgeId, round, entry.complete ? 'complete' : 'in_progress', revision, now);
}

/** The exchange module's bundle file reading and signature check, as the merge needs them. */
export function exchangeBundleReader(): BundleReader {
  return {
    read(bytes) {
      const read = readBundle(bytes);
      return {
        payload: read.payload,
        keyId: read.keyId,
        envelopeJson: JSON.stringify(read.envelope),
        verify: (publicKeyBase64: string) => verifyBundle(read, publicKeyFromBase64(publicKeyBase64)),
      };
    },
  };
}
