// Which rows of the database belong to one campaign: the one list that backing up, deleting and
// restoring a campaign (campaign-backup.ts, campaign-delete.ts, campaign-restore.ts) work from.
// Every table of the schema is either listed here or in NOT_CAMPAIGN_TABLES; a test fails when
// a migration adds a table that is in neither, so a new table is never left out of backups.
//
// `rows` is an SQL condition on the table's own columns with the parameter @campaign. The list is
// in the order rows are inserted on restore (parents before children); deletion runs it backwards.
// Rows some campaigns share are `shared`, with what happens to them:
// - judges: a judge profile can serve several campaigns (one key, several campaigns). Backed up
//   whole; deleted only when no other campaign refers to it; on restore an existing profile of the
//   same id is kept as it is (another campaign may have updated it since).
// - certificate_issuers: keys certificates verify against. Backed up so certificates restored on
//   another machine still verify; never deleted; an existing row is kept.
// - certificate_sequences: serial counters, keyed by prefix and year, never decreased (a serial is
//   never given twice). Backed up for the prefixes the campaign's certificates use; never deleted;
//   on restore a counter is raised to the backup's value when it is lower.
// - audit_log: the installation's history. The campaign's rows are backed up but never deleted:
//   the history of what happened here, the deletion included, stays. On restore a row that is
//   still there is skipped; a row whose number another row took since is added under a new one.

export type SharedPolicy = 'judges' | 'keep-existing' | 'raise-counter' | 'history';

export interface CampaignTable {
  name: string;
  rows: string;
  shared?: SharedPolicy;
}

const OF_ENTRIES = 'entry_id IN (SELECT id FROM entries WHERE campaign_id = @campaign)';
const OF_CAMPAIGN = 'campaign_id = @campaign';

/** Every judge the campaign's rows name (normally all of them are in campaign_judges). */
const CAMPAIGN_JUDGES = `id IN (
  SELECT judge_id FROM campaign_judges WHERE ${OF_CAMPAIGN}
  UNION SELECT judge_id FROM bundles WHERE ${OF_CAMPAIGN}
  UNION SELECT judge_id FROM issued_packages WHERE ${OF_CAMPAIGN}
  UNION SELECT judge_id FROM opened_packages WHERE ${OF_CAMPAIGN}
  UNION SELECT judge_id FROM assignments WHERE ${OF_ENTRIES}
  UNION SELECT judge_id FROM scores WHERE ${OF_ENTRIES}
  UNION SELECT judge_id FROM eligibility_answers WHERE ${OF_ENTRIES}
  UNION SELECT judge_id FROM conflicts WHERE ${OF_ENTRIES}
  UNION SELECT judge_id FROM comments WHERE ${OF_ENTRIES}
  UNION SELECT judge_id FROM reviews WHERE ${OF_ENTRIES})`;

export const CAMPAIGN_TABLES: readonly CampaignTable[] = [
  { name: 'campaigns', rows: 'id = @campaign' },
  { name: 'rubric_dimensions', rows: OF_CAMPAIGN },
  { name: 'definition_versions', rows: OF_CAMPAIGN },
  // The notice's attachment files, bytes included (core/campaigns/notice-files.ts).
  { name: 'campaign_files', rows: OF_CAMPAIGN },
  { name: 'judges', rows: CAMPAIGN_JUDGES, shared: 'judges' },
  { name: 'campaign_judges', rows: OF_CAMPAIGN },
  { name: 'entries', rows: OF_CAMPAIGN },
  // Decisions on entries: the history, appended only (core/decisions/decision-service.ts).
  { name: 'entry_decisions', rows: OF_CAMPAIGN },
  { name: 'assets', rows: OF_ENTRIES },
  // Where entries imported from a shortlist file came from (core/shortlist/shortlist-file-import.ts).
  { name: 'entry_origins', rows: OF_CAMPAIGN },
  { name: 'assignments', rows: OF_ENTRIES },
  { name: 'scores', rows: OF_ENTRIES },
  // Moderation overrides beside the signed scores (core/moderation), history included.
  { name: 'score_overrides', rows: OF_CAMPAIGN },
  { name: 'eligibility_answers', rows: OF_ENTRIES },
  { name: 'conflicts', rows: OF_ENTRIES },
  { name: 'comments', rows: OF_ENTRIES },
  // Conflicts the coordinator declared for a judge (core/review/judge-declared-conflicts.ts); only
  // for judges of the campaign, so CAMPAIGN_JUDGES need not name this table (older backups lack it).
  { name: 'judge_declared_conflicts', rows: OF_CAMPAIGN },
  { name: 'reviews', rows: OF_ENTRIES },
  // The coordinator's review of entrant feedback (core/feedback): shared or not, edited copies, holds.
  { name: 'feedback_choices', rows: OF_CAMPAIGN },
  { name: 'feedback_holds', rows: OF_CAMPAIGN },
  // Formal check verdicts (core/rounds/formal-checks.ts), after the entries they name.
  { name: 'formal_checks', rows: OF_CAMPAIGN },
  // Shortlists between rounds (core/shortlist): made versions, their lines, manual adjustments.
  { name: 'shortlists', rows: OF_CAMPAIGN },
  { name: 'shortlist_lines', rows: `shortlist_id IN (SELECT id FROM shortlists WHERE ${OF_CAMPAIGN})` },
  { name: 'shortlist_adjustments', rows: OF_CAMPAIGN },
  // Closed scoring rounds (core/rounds/round-state.ts).
  { name: 'round_closures', rows: OF_CAMPAIGN },
  { name: 'import_mappings', rows: OF_CAMPAIGN },
  { name: 'imports', rows: OF_CAMPAIGN },
  // Imported registration mails: re-import keys, their numbers, cloud links (core/intake/mail).
  { name: 'mail_registrations', rows: OF_CAMPAIGN },
  // Numbers given to registrations that came without one (core/intake/reg-no-generation.ts).
  { name: 'generated_reg_nos', rows: OF_CAMPAIGN },
  { name: 'import_value_maps', rows: OF_CAMPAIGN },
  // Reach figures and public votes of entries (core/intake/reach-figures.ts).
  { name: 'reach_figures', rows: OF_ENTRIES },
  { name: 'bundles', rows: OF_CAMPAIGN },
  { name: 'issued_packages', rows: OF_CAMPAIGN },
  { name: 'issued_package_entries', rows: `package_id IN (SELECT id FROM issued_packages WHERE ${OF_CAMPAIGN})` },
  { name: 'opened_packages', rows: OF_CAMPAIGN },
  { name: 'opened_package_entries', rows: `package_id IN (SELECT id FROM opened_packages WHERE ${OF_CAMPAIGN})` },
  { name: 'ranking_settings', rows: OF_CAMPAIGN },
  { name: 'ranking_snapshots', rows: OF_CAMPAIGN },
  { name: 'ranking_snapshot_lines', rows: `snapshot_id IN (SELECT id FROM ranking_snapshots WHERE ${OF_CAMPAIGN})` },
  // 公示 and its objections (core/notices), attachments' bytes included.
  { name: 'notices', rows: OF_CAMPAIGN },
  { name: 'objections', rows: OF_CAMPAIGN },
  { name: 'objection_files', rows: `objection_id IN (SELECT id FROM objections WHERE ${OF_CAMPAIGN})` },
  // Committee members' steps before their certificate (core/certificates/membership-steps.ts), evidence first.
  { name: 'membership_evidence', rows: OF_CAMPAIGN },
  { name: 'membership_step_records', rows: OF_CAMPAIGN },
  { name: 'member_activities', rows: OF_CAMPAIGN },
  { name: 'certificate_settings', rows: OF_CAMPAIGN },
  { name: 'certificate_images', rows: OF_CAMPAIGN },
  { name: 'certificate_issuers', rows: `key_id IN (SELECT issuer_key_id FROM certificates WHERE ${OF_CAMPAIGN})`, shared: 'keep-existing' },
  { name: 'certificates', rows: OF_CAMPAIGN },
  {
    name: 'certificate_sequences',
    rows: `EXISTS (SELECT 1 FROM certificates c WHERE c.campaign_id = @campaign
             AND substr(c.serial, 1, length(prefix || '-' || year || '-')) = prefix || '-' || year || '-')`,
    shared: 'raise-counter',
  },
  // The judge workspace's "active judge" preference of this campaign (app/review-handlers.ts).
  { name: 'settings', rows: `key = 'review.activeJudge.' || @campaign` },
  {
    name: 'audit_log',
    rows: `subject = @campaign
           OR subject IN (SELECT serial FROM certificates WHERE ${OF_CAMPAIGN})
           OR (action = 'judge.register_key' AND json_extract(details_json, '$.campaignId') = @campaign)`,
    shared: 'history',
  },
];

/**
 * Tables that hold no campaign's rows. probe_results caches what ffprobe found in a file, keyed
 * by path, size and time: shared by every campaign that links the file, and recomputed when gone.
 * change_token is the database's own (core/db/change-token.ts): a restore's writes move it.
 */
export const NOT_CAMPAIGN_TABLES: readonly string[] = ['probe_results', 'change_token'];

/** Columns of a table in schema order (the same in the database and in a backup of it). */
export function tableColumns(db: import('better-sqlite3').Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]);
}
