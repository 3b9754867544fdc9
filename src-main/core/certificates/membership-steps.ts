// Committee members' steps between selection and the membership certificate (issue 17; contract
// /membership.ts). The steps come from the membership certificate kind of the campaign definition;
// the records are appended (the newest of a member's step is its state) and every record is in
// the audit log under the campaign, so the history of who confirmed what, when, is kept and
// travels with a campaign backup. A step is done when its newest record has a date and, for an
// account step, the account was verified (加V): an account that is only opened is not done.
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, MembershipStepDef } from '../../contract/domain';
import type { MemberSteps, StepRecordView } from '../../contract/membership';
import { dateInZone } from '../../contract/zoned-time';
import { lastDefinedStep } from '../campaigns/definition-versions';
import { KepuError } from '../errors';
import { isJpeg, isPng } from './pdf-writer';

const MAX_SCREENSHOT_BYTES = 5_000_000;

/** The steps of the campaign's membership certificate; empty when the programme lists none. */
export function membershipSteps(def: CampaignDefinition, kind?: string): MembershipStepDef[] {
  const certificate = def.certificates.find((c) => (kind ? c.key === kind : c.key === 'membership')) ?? def.certificates.find((c) => c.steps?.length);
  return certificate?.steps ?? [];
}

interface RecordRow {
  id: number;
  subject: string;
  step_key: string;
  done_on: string | null;
  platform: string | null;
  account: string | null;
  link: string | null;
  screenshot_sha256: string | null;
  verified: number;
  note: string;
  recorded_at: string;
  recorded_by: string;
}

function toView(r: RecordRow): StepRecordView {
  return {
    id: r.id,
    doneOn: r.done_on,
    platform: r.platform,
    account: r.account,
    link: r.link,
    screenshot: r.screenshot_sha256,
    verified: r.verified === 1,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

export function stepDone(step: MembershipStepDef, record: StepRecordView | undefined): boolean {
  if (!record?.doneOn) return false;
  return step.evidence !== 'account' || record.verified;
}

/** The newest record of every step of each member: subject → step key → record. */
export function latestRecords(db: Database, campaignId: string): Map<string, Record<string, StepRecordView>> {
  const rows = db
    .prepare<[string], RecordRow>(
      `SELECT r.* FROM membership_step_records r
       WHERE r.campaign_id = ? AND r.id = (SELECT MAX(id) FROM membership_step_records x WHERE x.campaign_id = r.campaign_id AND x.subject = r.subject AND x.step_key = r.step_key)`,
    )
    .all(campaignId);
  const out = new Map<string, Record<string, StepRecordView>>();
  for (const r of rows) {
    const steps = out.get(r.subject) ?? {};
    steps[r.step_key] = toView(r);
    out.set(r.subject, steps);
  }
  return out;
}

/**
 * Steps members have records of that the programme no longer lists (the coordinator removed them
 * in Setup): the records are kept, never deleted, and shown apart as "no longer in the programme";
 * they no longer hold a certificate back. Named as the newest definition version that had them
 * named them (by key when none did, e.g. records restored from elsewhere).
 */
export function retiredSteps(db: Database, campaignId: string, steps: readonly MembershipStepDef[]): MembershipStepDef[] {
  const keys = db.prepare<[string], string>('SELECT DISTINCT step_key FROM membership_step_records WHERE campaign_id = ? ORDER BY step_key').pluck().all(campaignId);
  return keys
    .filter((key) => !steps.some((s) => s.key === key))
    .map((key) => lastDefinedStep(db, campaignId, key) ?? { key, label: { 'zh-CN': key, en: key }, evidence: 'confirmation', platform: null, required: false });
}

/** Required steps a member has not done, in the programme's order. */
export function missingSteps(steps: readonly MembershipStepDef[], records: Record<string, StepRecordView> | undefined): string[] {
  return steps.filter((s) => s.required && !stepDone(s, records?.[s.key])).map((s) => s.key);
}

export function stepHistory(db: Database, campaignId: string, subject: string, step: string): StepRecordView[] {
  return db
    .prepare<[string, string, string], RecordRow>('SELECT * FROM membership_step_records WHERE campaign_id = ? AND subject = ? AND step_key = ? ORDER BY id DESC')
    .all(campaignId, subject, step)
    .map(toView);
}

export interface StepInput {
  campaignId: string;
  subject: string;
  step: string;
  doneOn: string | null;
  platform?: string;
  account?: string;
  link?: string;
  verified: boolean;
  note: string;
  screenshot?: Buffer;
}

/** Appends a record of one member's step (MEMBERSHIP_STEP_UNKNOWN, MEMBERSHIP_SCREENSHOT_INVALID). */
export function recordStep(db: Database, def: CampaignDefinition, input: StepInput, actor: string, now = new Date()): void {
  const step = membershipSteps(def).find((s) => s.key === input.step);
  if (!step) throw new KepuError('MEMBERSHIP_STEP_UNKNOWN', `membership: the programme has no step "${input.step}"`, { step: input.step });
  // A date after today (in the campaign's zone) is a typing slip: nothing is done in the future.
  if (input.doneOn && input.doneOn > dateInZone(now, def.timeZone)) throw new KepuError('MEMBERSHIP_STEP_FUTURE', `membership: ${input.doneOn} is after today`, { date: input.doneOn });
  const at = now.toISOString();
  db.transaction(() => {
    let sha256: string | null = null;
    if (input.screenshot) {
      const bytes = input.screenshot;
      const mimeType = isPng(bytes) ? 'image/png' : isJpeg(bytes) ? 'image/jpeg' : null;
      if (!mimeType || bytes.length > MAX_SCREENSHOT_BYTES) {
        throw new KepuError('MEMBERSHIP_SCREENSHOT_INVALID', 'membership: a screenshot is a PNG or JPEG of at most 5 MB', { limit: MAX_SCREENSHOT_BYTES / 1_000_000 });
      }
      sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      db.prepare('INSERT INTO membership_evidence (campaign_id, sha256, mime_type, bytes) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(input.campaignId, sha256, mimeType, bytes);
    }
    const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO membership_step_records (campaign_id, subject, step_key, done_on, platform, account, link, screenshot_sha256, verified, note, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.campaignId, input.subject, step.key, input.doneOn, blank(input.platform), blank(input.account), blank(input.link), sha256, input.verified ? 1 : 0, input.note, at, actor);
    const details = { record: Number(lastInsertRowid), member: input.subject, step: step.key, doneOn: input.doneOn, verified: input.verified, screenshot: sha256 };
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'membership.step', ?, ?)`).run(at, actor, input.campaignId, JSON.stringify(details));
  })();
}

export function screenshotDataUrl(db: Database, campaignId: string, sha256: string): string {
  const row = db.prepare<[string, string], { mime_type: string; bytes: Buffer }>('SELECT mime_type, bytes FROM membership_evidence WHERE campaign_id = ? AND sha256 = ?').get(campaignId, sha256);
  if (!row) throw new KepuError('MEMBERSHIP_SCREENSHOT_NOT_FOUND', `membership: no screenshot ${sha256}`, {});
  return `data:${row.mime_type};base64,${row.bytes.toString('base64')}`;
}

export type { MemberSteps };
