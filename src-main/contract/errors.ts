// Stable error codes that cross every boundary (IPC, HTTP, CLI JSON). The UI translates the code
// (locale key `errors.<CODE>`) with `params`; `message` is an English fallback for logs and CLIs.
// Policy: codes are never renamed or reused once shipped; add new ones at the end of their group.

export const errorCodes = [
  // transport and validation
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'FORBIDDEN_ORIGIN',
  'NOT_FOUND',
  'INTERNAL',
  // database
  'DB_NEWER_VERSION',
  'DB_UNREADABLE',
  'DB_MIGRATION_FAILED',
  // campaigns
  'TEMPLATE_UNKNOWN',
  'TEMPLATE_INVALID',
  'CAMPAIGN_NOT_FOUND',
  'ENTRY_NOT_FOUND',
  'ASSET_NOT_FOUND',
  'MEDIA_FILE_MISSING',
  // sample data
  'DEMO_RESOURCES_MISSING',
  // intake
  'IMPORT_UNSUPPORTED_FORMAT',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_SHEET_NOT_FOUND',
  'IMPORT_NO_HEADER',
  'IMPORT_MAPPING_INCOMPLETE',
  'MEDIA_FOLDER_NOT_FOUND',
  'JOB_NOT_FOUND',
  // review
  'JUDGE_NOT_FOUND',
  'NOT_ASSIGNED',
  'SCORE_OUT_OF_RANGE',
  'DIMENSION_UNKNOWN',
  'ELIGIBILITY_ITEM_UNKNOWN',
  'REVIEW_INCOMPLETE',
  'REVIEW_CONFLICT_DECLARED',
  'CONFLICT_REASON_REQUIRED',
  // merge
  'BUNDLE_WRONG_CAMPAIGN',
  'BUNDLE_UNKNOWN_SIGNER',
  'BUNDLE_WRONG_PACKAGE',
  'BUNDLE_ENTRY_NOT_ASSIGNED',
  'KEY_LOCKED',
  'NO_OPENED_PACKAGE',
  'ASSIGNMENT_STARTED',
  // exchange
  'KEY_NOT_FOUND',
  'KEY_EXISTS',
  'KEY_PASSPHRASE_WRONG',
  'KEY_FILE_INVALID',
  'KEY_PUBLIC_INVALID',
  'KEYCARD_INVALID',
  'BUNDLE_TOO_LARGE',
  'BUNDLE_UNREADABLE',
  'BUNDLE_MALFORMED',
  'BUNDLE_WRONG_TYPE',
  'BUNDLE_SIGNATURE_INVALID',
  'PACKAGE_UNREADABLE',
  'PACKAGE_MALFORMED',
  'PACKAGE_SIGNATURE_INVALID',
  'PACKAGE_UNTRUSTED_SIGNER',
  'PACKAGE_UNSAFE_PATH',
  'PACKAGE_MEMBER_TOO_LARGE',
  'PACKAGE_TOO_MANY_MEMBERS',
  'PACKAGE_UNEXPECTED_MEMBER',
  'PACKAGE_MEDIA_MISSING',
  'PACKAGE_HASH_MISMATCH',
  // ranking
  'RANKING_CATEGORY_NOT_FOUND',
  'RANKING_SNAPSHOT_NOT_FOUND',
  'RANKING_SNAPSHOT_INVALID',
  'RANKING_NOTHING_TO_RANK',
  // certificates
  'CERTIFICATE_NO_PUBLISHED_RANKING',
  'CERTIFICATE_SNAPSHOT_INVALID',
  'CERTIFICATE_LIST_UNKNOWN',
  'CERTIFICATE_HOLDER_UNKNOWN',
  'CERTIFICATE_NOT_FOUND',
  'CERTIFICATE_NOT_ACTIVE',
  'CERTIFICATE_IMAGE_INVALID',
  'CERTIFICATE_OUTPUT_UNWRITABLE',
  'CERTIFICATE_FILE_UNREADABLE',
  'PATH_IS_APP_DATA',
  'REVIEW_SIGNED_READ_ONLY',
  'RESULT_PUBLISHED',
  // hardening: intake
  'IMPORT_XLSX_TOO_MANY_PARTS',
  'IMPORT_XLSX_PART_TOO_LARGE',
  'IMPORT_XLSX_TOO_LARGE',
  'IMPORT_XLSX_SIZE_MISMATCH',
  'IMPORT_XLSX_TEXT_TOO_LONG',
  'IMPORT_CELL_TOO_LONG',
  // hardening: judge-side package opening and bundle strictness
  'PACKAGE_COORDINATOR_CHANGED',
  'PACKAGE_OUTDATED',
  'BUNDLE_NOT_CANONICAL',
  'BUNDLE_RESERVED_KEY',
  // hardening: browser shell, media serving and the Electron shell
  'REQUEST_TOO_LARGE',
  'MEDIA_FILE_CHANGED',
  'MEDIA_FILE_REFUSED',
  'MEDIA_FILE_UNREADABLE',
  'MEDIA_FILE_NOT_AS_SENT',
  // hardening: CLI, file writing, data-folder permissions, key store, database opening, certificate verification
  'DISK_FULL',
  'DB_FILE_EMPTY',
  'BUNDLE_EMPTY',
  'CLI_USAGE',
  'CERTIFICATE_INPUT_EMPTY',
  'CERTIFICATE_NOT_VALID',
  'RANKING_SNAPSHOT_DIFFERS',
  'CANCELLED',
  'PROGRAMME_INVALID',
  'PROGRAMME_FORMAT_UNSUPPORTED',
  'DEFINITION_DUPLICATE_KEY',
  'DEFINITION_DEADLINE_BEFORE_OPENING',
  'DEFINITION_ANCHOR_OUT_OF_SCALE',
  'DEFINITION_CHOICES_MISSING',
  'DEFINITION_SCALE_STEP',
  // hardening: red-team retry (judge keys)
  'JUDGE_KEY_SIGNED',
  'JUDGE_KEY_TAKEN',
  'DEFINITION_INVALID',
  'DEFINITION_KIND_FIXED',
  'DEFINITION_DIMENSION_HAS_SCORES',
  'DEFINITION_SCALE_HAS_SCORES',
  'DEFINITION_KIND_HAS_ENTRIES',
  'DEFINITION_CATEGORY_HAS_ENTRIES',
  'DEFINITION_ITEM_HAS_ANSWERS',
  'DEFINITION_FROM_PACKAGE',
  'DEFINITION_WEIGHTS_TOTAL',
  'DEFINITION_CERTIFICATE_KIND_UNKNOWN',
  'DEFINITION_RULE_FIELD_UNKNOWN',
  'DEFINITION_LIST_KIND_UNKNOWN',
  'DEFINITION_LIST_CATEGORY_UNKNOWN',
  'DEFINITION_LIST_OVERLAP',
  'DEFINITION_LIST_UNFED',
  // definition versions: a bundle answering an older definition that the campaign no longer matches
  'BUNDLE_DEFINITION_CHANGED',
  // campaigns: archive, delete with a backup, restore from it
  'CAMPAIGN_ARCHIVED',
  'CAMPAIGN_DELETE_NAME_MISMATCH',
  'CAMPAIGN_EXISTS',
  'BACKUP_INVALID',
  'BACKUP_NEWER_VERSION',
  'BACKUP_CONFLICT',
  'BACKUP_UNWRITABLE',
  'DEFINITION_TIER_LABEL_MISSING',
  'NOTICE_FILE_TOO_LARGE',
  'NOTICE_FILES_TOO_LARGE',
  'NOTICE_FILE_EMPTY',
  'NOTICE_FILE_EXISTS',
  'NOTICE_FILE_NOT_FOUND',
  'NOTICE_FILE_UNREADABLE',
  'PROGRAMME_ATTACHMENT_CORRUPT',
  'AUDIT_CHAIN_BROKEN',
  'AUDIT_GUARD_MISSING',
  'SCORE_OVERRIDE_REASON_REQUIRED',
  'SCORE_OVERRIDE_NO_SCORE',
  'SCORE_OVERRIDE_NOT_FOUND',
  'SCORE_OVERRIDE_NOT_IN_EFFECT',
  'DEFINITION_ROUND_NO_SCORING',
  'DEFINITION_ROUND_FORMAL_TWICE',
  'DEFINITION_ROUND_FORMAL_ORDER',
  'DEFINITION_ROUND_SHORTLIST_LAST',
  'DEFINITION_ROUND_SHORTLIST_VALUE',
  'DEFINITION_ROUND_CARRY_FIRST',
  'DEFINITION_ROUND_PANEL_SMALL',
  'FORMAL_CHECK_NO_ROUND',
  'FORMAL_CHECK_REASON_REQUIRED',
  'DECISION_REASON_REQUIRED',
  'DECISION_ALREADY_IN_EFFECT',
  'DECISION_ENTRY_NOT_LATE',
  'DECISION_NO_MEDIA_FAULT',
  'DECISION_NOTHING_TO_CANCEL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

/** The envelope every handler result travels in. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorBody };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, params?: ErrorParams): Result<never> {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** For exhaustive switches: a new union member becomes a compile error here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`contract: unexpected ${what}: ${String(value)}`);
}
