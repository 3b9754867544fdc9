// Judge profiles of a campaign. On a coordinator's machine several exist side by side and the
// workspace picks the active one; the exchange issue adds keys and key cards to these rows.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Judge } from '../../contract';
import { conflictedPairKeys, pairKey } from '../assignment/conflicted-pairs';
import { assignedInWorkingRounds } from '../assignment/round-coverage';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { declaredConflictsByJudge, NO_CONFLICTS, replaceDeclaredConflicts } from './judge-declared-conflicts';

/** What the coordinator records of a judge on the roster besides name, institution and specialities. */
export interface JudgeRosterDetails {
  contact?: string | null;
  conflictInstitutions?: readonly string[];
  conflictEntries?: readonly { regNo: string; reason: string }[];
}

export interface DbJudgeSignerRow {
  name: string;
  public_key: string;
}

/** A judge as the signer of bundles: the name and the registered Ed25519 public key (base64). */
export interface JudgeSigner {
  name: string;
  publicKey: string;
}

export const toJudgeSigner = (row: DbJudgeSignerRow): JudgeSigner => ({ name: row.name, publicKey: row.public_key });

/** A judge of a campaign as the list query reads it, before `list` parses and folds the raw columns. */
type DbJudgeListRow = Omit<Judge, 'specialities' | 'signedBundle' | 'conflicts'> & {
  specialities_json: string;
  bundle_revision: number | null;
  bundle_received_at: string | null;
};

/** Per judge, how many of their assignments are pairs with a conflict. */
function conflictedAssignments(db: Database, campaignId: string, conflicted: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const rows = db
    .prepare<[string], { entryId: number; judgeId: string }>('SELECT a.entry_id AS entryId, a.judge_id AS judgeId FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE e.campaign_id = ?')
    .all(campaignId);
  for (const r of rows) if (conflicted.has(pairKey(r.entryId, r.judgeId))) out.set(r.judgeId, (out.get(r.judgeId) ?? 0) + 1);
  return out;
}

export class JudgeRepo {
  constructor(private readonly db: Database) {}

  list(campaignId: string): Judge[] {
    // With scoring rounds, "assigned" is the judge's work in the working rounds (round 1's finished
    // work is not round 2's load).
    // A judge who has a conflict with an entry does not judge it: such an assignment is not counted
    // as the judge's work (coverage counts the entry short the same way).
    const conflicted = conflictedPairKeys(this.db, campaignId);
    const inRounds = assignedInWorkingRounds(this.db, campaignId, conflicted);
    const outOfConflict = inRounds || conflicted.size === 0 ? null : conflictedAssignments(this.db, campaignId, conflicted);
    const conflicts = declaredConflictsByJudge(this.db, campaignId);
    return this.rows(campaignId).map(({ specialities_json, bundle_revision, bundle_received_at, ...j }) => ({
      ...j,
      conflicts: conflicts.get(j.id) ?? NO_CONFLICTS,
      assigned: inRounds ? (inRounds.get(j.id) ?? 0) : j.assigned - (outOfConflict?.get(j.id) ?? 0),
      specialities: JSON.parse(specialities_json) as string[],
      signedBundle: bundle_revision === null || bundle_received_at === null ? null : { revision: bundle_revision, receivedAt: bundle_received_at },
    }));
  }

  private rows(campaignId: string) {
    return this.db
      .prepare<[string], DbJudgeListRow>(`SELECT j.id, j.name, j.institution, j.fingerprint, j.specialities_json, j.contact,
                  (SELECT count(*) FROM assignments a JOIN entries e ON e.id = a.entry_id
                   WHERE a.judge_id = j.id AND e.campaign_id = cj.campaign_id) AS assigned,
                  b.revision AS bundle_revision, b.received_at AS bundle_received_at
                FROM campaign_judges cj JOIN judges j ON j.id = cj.judge_id
                LEFT JOIN bundles b ON b.id = (SELECT id FROM bundles WHERE campaign_id = cj.campaign_id AND judge_id = j.id AND status = 'accepted'
                                               ORDER BY received_at DESC, revision DESC LIMIT 1)
                WHERE cj.campaign_id = ? ORDER BY j.name, j.id`)
      .all(campaignId);
  }

  create(campaignId: string, name: string, institution: string | null, specialities: readonly string[] = [], details: JudgeRosterDetails = {}): Judge {
    const id = `j-${randomBytes(4).toString('hex')}`;
    const at = nowIso();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO judges (id, name, institution, specialities_json, contact, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, name, institution, JSON.stringify(specialities), details.contact || null, at);
      this.db.prepare('INSERT INTO campaign_judges (campaign_id, judge_id) VALUES (?, ?)').run(campaignId, id);
      if (details.conflictInstitutions?.length || details.conflictEntries?.length) {
        replaceDeclaredConflicts(this.db, campaignId, id, { institutions: details.conflictInstitutions, entries: details.conflictEntries }, at);
      }
    })();
    return this.one(campaignId, id);
  }

  /** A new judge assigned to every entry of the campaign, in one transaction: never half assigned. */
  createAssignedToAll(campaignId: string, name: string, institution: string | null, specialities: readonly string[] = [], details: JudgeRosterDetails = {}): Judge {
    return this.db.transaction(() => {
      const judge = this.create(campaignId, name, institution, specialities, details);
      const ids = this.db.prepare('SELECT id FROM entries WHERE campaign_id = ?').pluck().all(campaignId) as number[];
      this.assign(ids.map((entryId) => ({ entryId, judgeId: judge.id })), 'manual');
      return this.one(campaignId, judge.id);
    })();
  }

  /**
   * Edits a judge of the campaign: fields left undefined stay; conflicts given replace the declared
   * ones (audited). The profile is shared by the campaigns the judge serves, the conflicts are this
   * campaign's.
   */
  update(
    campaignId: string,
    judgeId: string,
    change: { name?: string; institution?: string | null; specialities?: readonly string[] } & JudgeRosterDetails,
  ): Judge {
    this.assertInCampaign(campaignId, judgeId);
    this.db.transaction(() => {
      const set = (column: string, value: string | null) => this.db.prepare(`UPDATE judges SET ${column} = ? WHERE id = ?`).run(value, judgeId);
      if (change.name !== undefined) set('name', change.name);
      if (change.institution !== undefined) set('institution', change.institution || null);
      if (change.specialities !== undefined) set('specialities_json', JSON.stringify(change.specialities));
      if (change.contact !== undefined) set('contact', change.contact || null);
      replaceDeclaredConflicts(this.db, campaignId, judgeId, { institutions: change.conflictInstitutions, entries: change.conflictEntries }, nowIso());
    })();
    return this.one(campaignId, judgeId);
  }

  private one(campaignId: string, judgeId: string): Judge {
    const judge = this.list(campaignId).find((j) => j.id === judgeId);
    if (!judge) throw new KepuError('JUDGE_NOT_FOUND', `review: judge ${judgeId} is not a judge of ${campaignId}`, { judgeId });
    return judge;
  }

  /** The judge whose key card registered this key id; undefined when no judge holds it. */
  signer(keyId: string): JudgeSigner | undefined {
    const row = this.db.prepare('SELECT name, public_key FROM judges WHERE key_id = ?').get(keyId) as DbJudgeSignerRow | undefined;
    return row && toJudgeSigner(row);
  }

  assertInCampaign(campaignId: string, judgeId: string): void {
    const found = this.db.prepare('SELECT 1 FROM campaign_judges WHERE campaign_id = ? AND judge_id = ?').get(campaignId, judgeId);
    if (!found) throw new KepuError('JUDGE_NOT_FOUND', `review: judge ${judgeId} is not a judge of ${campaignId}`, { judgeId });
  }

  /** Assigns in one transaction, in scoring round `roundNo`; an existing (entry, judge, round) is left as it is. */
  assign(pairs: readonly { entryId: number; judgeId: string }[], source: 'auto' | 'manual', roundNo = 1): void {
    const insert = this.db.prepare(
      'INSERT INTO assignments (entry_id, judge_id, round_no, source, assigned_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const now = nowIso();
    this.db.transaction(() => {
      for (const p of pairs) insert.run(p.entryId, p.judgeId, roundNo, source, now);
    })();
  }
}
