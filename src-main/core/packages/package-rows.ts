// Row types of the exchange tables as the packages and merge queries select them. Statements are
// prepared with these as better-sqlite3's result type (db.prepare<Params, Row>(sql)), so a row is
// typed where it is read instead of cast at each use. Column names are the SQL's (snake_case), or
// the aliases the query gives them.
import type { AssetInfo, EntryKind, eligibilityAnswers } from '../../contract';

/** An opened package's ids and the definition version its manifest names (export-bundle.ts). */
export interface DbOpenedPackageRef {
  campaign_id: string;
  judge_id: string;
  remote_campaign_id: string;
  remote_package_id: string;
  definition_version: number | null;
}

/** One entry of an opened package with the judge's review state (export-bundle.ts). */
export interface DbPackageReviewRow {
  remoteId: number;
  entryId: number;
  regNo: string;
  kind: EntryKind;
  category: string | null;
  status: string | null;
  revision: number | null;
}

export interface DbScoreValueRow {
  dimension_key: string;
  value: number;
}

export interface DbAnswerRow {
  item_key: string;
  answer: (typeof eligibilityAnswers)[number];
  note: string | null;
}

/** A judge of a campaign with the key it signs with (issue-package.ts, merge-bundles.ts). */
export interface DbCampaignJudgeRow {
  id: string;
  name: string;
  key_id: string | null;
  public_key: string | null;
}

/** An entry as a package carries it (issue-package.ts). */
export interface DbPackageEntryRow {
  id: number;
  reg_no: string;
  kind: EntryKind;
  category: string | null;
  title: string;
  entrant_name: string;
  entrant_unit: string | null;
  reason: string | null;
  fields_json: string;
}

export interface DbPackageAssetRow {
  id: number;
  role: AssetInfo['role'];
  path: string;
  size_bytes: number;
  sha256: string;
  eligibility_item: string | null;
}

/** The coordinator's entry id → the judge's local one (open-package.ts, locate-package-media.ts). */
export interface DbEntryIdPair {
  remote: number;
  local: number;
}

export interface DbRegNoRow {
  reg_no: string;
  id: number;
}

export interface DbAssetHashRow {
  sha256: string;
  path: string;
}

export interface DbEntryListKeyRow {
  kind: EntryKind;
  category: string | null;
}
