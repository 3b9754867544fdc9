// The roster of committee members across campaigns (issue 17; contract/roster.ts): each selected
// member of each published committee result, with a status from their steps, their membership
// certificate and its dates (today in the campaign's time zone), the certificate it renews, and
// the activities recorded for them. Activities are appended and audited under the campaign.
import type { Database } from 'better-sqlite3';
import type { ActivityRecord, MemberActivity, RosterMember, RosterStatus } from '../../contract/roster';
import { dateInZone } from '../../contract/zoned-time';
import { KepuError } from '../errors';
import type { Wording } from './content';
import { campaignFacts } from './lists';
import { membershipBoard } from './membership-board';

interface CertificateRow {
  subject: string;
  serial: string;
  issue_date: string;
  valid_until: string | null;
  status: 'valid' | 'revoked' | 'replaced';
  renews: string | null;
}

/** The day `days` after `date` (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function statusOf(cert: CertificateRow | undefined, missing: number, today: string, horizon: string): RosterStatus {
  if (!cert) return missing > 0 ? 'selected' : 'confirmed';
  if (cert.status === 'revoked') return 'revoked';
  if (cert.valid_until === null) return 'certified';
  if (cert.valid_until < today) return 'expired';
  return cert.valid_until <= horizon ? 'expiring' : 'certified';
}

function activitiesOf(db: Database, campaignId: string): Map<string, ActivityRecord[]> {
  const rows = db
    .prepare<[string], { id: number; subject: string; activity: MemberActivity; on_date: string; note: string }>(
      'SELECT id, subject, activity, on_date, note FROM member_activities WHERE campaign_id = ? ORDER BY on_date, id',
    )
    .all(campaignId);
  const out = new Map<string, ActivityRecord[]>();
  for (const r of rows) out.set(r.subject, [...(out.get(r.subject) ?? []), { id: r.id, activity: r.activity, onDate: r.on_date, note: r.note }]);
  return out;
}

export interface RosterOptions {
  expiringDays: number;
  status?: RosterStatus;
  now?: Date;
}

export function memberRoster(db: Database, wording: Wording, options: RosterOptions): { today: string; members: RosterMember[] } {
  const now = options.now ?? new Date();
  const campaigns = db.prepare(`SELECT id FROM campaigns WHERE kind = 'committee' ORDER BY created_at, id`).pluck().all() as string[];
  const members: RosterMember[] = [];
  let today = dateInZone(now, Intl.DateTimeFormat().resolvedOptions().timeZone);
  for (const campaignId of campaigns) {
    const facts = campaignFacts(db, campaignId);
    today = dateInZone(now, facts.timeZone);
    const horizon = addDays(today, options.expiringDays);
    const board = membershipBoard(db, campaignId, wording);
    if (board.members.length === 0) continue;
    // The member's current certificate: the newest that is valid or revoked (a replaced one was reissued).
    const certificates = new Map<string, CertificateRow>();
    for (const c of db
      .prepare<[string], CertificateRow>(
        `SELECT subject, serial, issue_date, valid_until, status, renews FROM certificates
         WHERE campaign_id = ? AND list_name = 'committee' AND status IN ('valid', 'revoked') ORDER BY issued_at, serial`,
      )
      .all(campaignId)) {
      certificates.set(c.subject, c);
    }
    const activities = activitiesOf(db, campaignId);
    for (const m of board.members) {
      const cert = certificates.get(m.subject);
      const status = statusOf(cert, m.missing.length, today, horizon);
      if (options.status && options.status !== status) continue;
      members.push({
        campaignId,
        campaignName: facts.definition.name,
        subject: m.subject,
        regNo: m.regNo,
        name: m.name,
        unit: m.unit,
        status,
        missingSteps: m.missing.length,
        certificate: cert ? { serial: cert.serial, issueDate: cert.issue_date, validUntil: cert.valid_until, renews: cert.renews } : null,
        activities: activities.get(m.subject) ?? [],
      });
    }
  }
  return { today, members };
}

export interface ActivityInput {
  campaignId: string;
  subject: string;
  activity: MemberActivity;
  onDate: string;
  note: string;
}

/** Records what a member did (MEMBERSHIP_NOT_A_MEMBER unless selected in that campaign); audited. */
export function addActivity(db: Database, wording: Wording, input: ActivityInput, actor: string, now = new Date()): ActivityRecord[] {
  if (!membershipBoard(db, input.campaignId, wording).members.some((m) => m.subject === input.subject)) {
    throw new KepuError('MEMBERSHIP_NOT_A_MEMBER', `roster: ${input.subject} is not a selected member`, { member: input.subject.replace(/^entry:/, '') });
  }
  const at = now.toISOString();
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO member_activities (campaign_id, subject, activity, on_date, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.campaignId, input.subject, input.activity, input.onDate, input.note, at, actor);
    const details = { record: Number(lastInsertRowid), member: input.subject, activity: input.activity, onDate: input.onDate };
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'member.activity', ?, ?)`).run(at, actor, input.campaignId, JSON.stringify(details));
  })();
  return activitiesOf(db, input.campaignId).get(input.subject) ?? [];
}
