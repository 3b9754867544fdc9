// Judge side: the current state of every review of an opened package, signed as the next revision
// of this judge's result bundle. Revisions only go up, so the coordinator keeps the newest; they
// continue across the packages of one campaign (a re-issued package does not start again at 1).
// The bundle names the coordinator's campaign and package ids, which differ from the local ones
// for a campaign opened separately (package-pin.ts), and the definition version of that package.
// It holds the scores and answers on the dimensions and items of each entry's list in the
// definition the judge has now: work on a dimension a newer package no longer has stays on this
// computer (the coordinator would refuse it) but is not sent.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { CampaignDefinition } from '../../contract/domain';
import { listFor, rubricOfRound } from '../../contract/lists';
import { type BundlePayload, writeBundle } from '../exchange/bundle';
import { KepuError } from '../errors';
import { identityFromPrivateKey } from '../keys/identity';
import { nowIso } from '../time';
import type { DbAnswerRow, DbOpenedPackageRef, DbPackageReviewRow, DbScoreValueRow } from './package-rows';

export function exportBundle(db: Database, packageId: string, privateKey: KeyObject): { bytes: Buffer; revision: number; entries: number } {
  const opened = db
    .prepare<[string], DbOpenedPackageRef & { rounds: string | null }>(`SELECT campaign_id, judge_id, remote_campaign_id, remote_package_id, json_extract(manifest_json, '$.definitionVersion') AS definition_version,
              json_extract(manifest_json, '$.rounds') AS rounds
              FROM opened_packages WHERE id = ?`)
    .get(packageId);
  if (!opened) throw new KepuError('NOT_FOUND', `packages: no opened package ${packageId}`);
  const def = CampaignDefinition.parse(JSON.parse(db.prepare('SELECT definition_json FROM campaigns WHERE id = ?').pluck().get(opened.campaign_id) as string));
  const lastRevision = db.prepare('SELECT max(last_bundle_revision) FROM opened_packages WHERE campaign_id = ?').pluck().get(opened.campaign_id) as number;
  const me = identityFromPrivateKey(privateKey);
  // The round the package names for each list (round 1 when it names none): the judge's work is
  // read from that round, and the bundle repeats the package's rounds.
  const rounds = opened.rounds === null ? [] : (JSON.parse(opened.rounds) as { list: string; roundNo: number }[]);
  const roundOf = (kind: DbPackageReviewRow['kind'], category: string | null) => rounds.find((x) => x.list === listFor(def, kind, category).key)?.roundNo ?? 1;
  const rows = db
    .prepare<[string], Omit<DbPackageReviewRow, 'status' | 'revision'>>(`SELECT m.remote_entry_id AS remoteId, m.entry_id AS entryId, e.reg_no AS regNo, e.kind, e.category
              FROM opened_package_entries m JOIN entries e ON e.id = m.entry_id
              WHERE m.package_id = ? ORDER BY e.reg_no`)
    .all(packageId);
  const review = db.prepare<[number, string, number], Pick<DbPackageReviewRow, 'status' | 'revision'>>('SELECT status, revision FROM reviews WHERE entry_id = ? AND judge_id = ? AND round_no = ?');
  const scores = db.prepare<[number, string, number], DbScoreValueRow>('SELECT dimension_key, value FROM scores WHERE entry_id = ? AND judge_id = ? AND round_no = ?');
  const answers = db.prepare<[number, string, number], DbAnswerRow>('SELECT item_key, answer, note FROM eligibility_answers WHERE entry_id = ? AND judge_id = ? AND round_no = ?');
  const comment = db.prepare<[number, string, number], { body: string; entrant_body: string }>('SELECT body, entrant_body FROM comments WHERE entry_id = ? AND judge_id = ? AND round_no = ?');
  const conflict = db.prepare('SELECT reason FROM conflicts WHERE entry_id = ? AND judge_id = ? AND round_no = ?').pluck();
  const revision = lastRevision + 1;
  const payload: BundlePayload = {
    v: 1,
    kind: 'kepu.bundle',
    packageId: opened.remote_package_id,
    campaignId: opened.remote_campaign_id,
    ...(opened.definition_version === null ? {} : { definitionVersion: opened.definition_version }),
    ...(rounds.length > 0 ? { rounds: rounds.map((x) => ({ list: x.list, roundNo: x.roundNo })) } : {}),
    judgeKeyId: me.keyId,
    revision,
    createdAt: nowIso(),
    entries: rows.map((r) => {
      const round = roundOf(r.kind, r.category);
      const state = review.get(r.entryId, opened.judge_id, round);
      const reason = conflict.get(r.entryId, opened.judge_id, round) as string | undefined;
      const comments = comment.get(r.entryId, opened.judge_id, round);
      const list = listFor(def, r.kind, r.category);
      // The round's own rubric when it has one (rubricOfRound), else the list's.
      const rubric = rubricOfRound(list, round);
      const scored = scores.all(r.entryId, opened.judge_id, round).filter((s) => rubric.some((d) => d.key === s.dimension_key));
      const answered = answers.all(r.entryId, opened.judge_id, round).filter((a) =>
        list.eligibility.some((i) => i.key === a.item_key),
      );
      return {
        regNo: r.regNo,
        entryId: r.remoteId,
        scores: Object.fromEntries(scored.map((s) => [s.dimension_key, s.value])),
        eligibility: Object.fromEntries(answered.map((a) => [a.item_key, { answer: a.answer, note: a.note ?? '' }])),
        conflict: reason === undefined ? null : { reason },
        comment: comments?.body ?? '',
        ...(comments?.entrant_body ? { entrantComment: comments.entrant_body } : {}),
        complete: state?.status === 'complete',
        revision: state?.revision ?? 0,
      };
    }),
  };
  const bytes = writeBundle(payload, privateKey);
  db.prepare('UPDATE opened_packages SET last_bundle_revision = ? WHERE id = ?').run(revision, packageId);
  return { bytes, revision, entries: rows.length };
}
