// Where each selected committee member stands (issue 17): the members of the published
// committee result, each step's newest record, the required steps still missing and the
// membership certificate if one was issued. The certificates tab shows it as "who is waiting
// for what"; the lists count the members the certificate waits for.
import type { Database } from 'better-sqlite3';
import type { MembershipBoard } from '../../contract/membership';
import type { Wording } from './content';
import { campaignFacts, certificateLists } from './lists';
import { latestRecords, membershipSteps, missingSteps, retiredSteps } from './membership-steps';

/** The board of the campaign's membership list; no members before a committee result is published. */
export function membershipBoard(db: Database, campaignId: string, wording: Wording): MembershipBoard {
  const def = campaignFacts(db, campaignId).definition;
  const list = certificateLists(db, campaignId, wording).find((l) => l.type === 'membership');
  const steps = membershipSteps(def, list?.kind);
  const retired = retiredSteps(db, campaignId, steps);
  if (!list) return { steps, retired, members: [] };
  const records = latestRecords(db, campaignId);
  const certificates = new Map(
    db
      .prepare<[string, string], { subject: string; serial: string; valid_until: string | null }>(
        `SELECT subject, serial, valid_until FROM certificates WHERE campaign_id = ? AND list_name = ? AND status = 'valid' ORDER BY issued_at`,
      )
      .all(campaignId, list.name)
      .map((r) => [r.subject, { serial: r.serial, validUntil: r.valid_until }]),
  );
  return {
    steps,
    retired,
    members: list.holders.map((h) => ({
      subject: h.subject,
      regNo: h.subject.replace(/^entry:/, ''),
      name: h.name,
      unit: h.unit,
      steps: records.get(h.subject) ?? {},
      missing: missingSteps(steps, records.get(h.subject)),
      certificate: certificates.get(h.subject) ?? null,
    })),
  };
}

/** How many members the membership certificate still waits for (no certificate, steps missing). */
export function waitingMembers(board: MembershipBoard): number {
  return board.members.filter((m) => !m.certificate && m.missing.length > 0).length;
}
