// Whole-data backups (issue 21): one `.kepubackup` file (a ZIP) holding a consistent copy of the
// database (SQLite's backup API, taken while the app runs), the data folder's own small files (the
// sealed key files, as they are on disk), a manifest describing it all, and optionally the linked
// media. Restored into an empty data folder, or in the app next to the current data (kept aside in
// `<data>/replaced-<time>/`). The campaign backups written before a campaign is deleted share the
// extension but are SQLite files (core/campaigns/backup-file.ts); each restore names the other.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { jobStatus } from './job-status';
import { TypedPath } from './typed-path';

export const DATA_BACKUP_FORMAT = 'kepu-data-backup';
/** Raised when a reader of this version could not restore the file any more (not for additions). */
export const DATA_BACKUP_FORMAT_VERSION = 1;
export const DATA_BACKUP_MANIFEST_MEMBER = 'manifest.json';
export const DATA_BACKUP_DATABASE_MEMBER = 'database/kepu.sqlite';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Size = z.number().int().nonnegative();

export const backupReasons = ['manual', 'before-merge', 'before-publish'] as const;
export const BackupReason = z.enum(backupReasons);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupCampaign = z
  .object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    archived: z.boolean(),
    entries: Size,
    judges: Size,
    scores: Size,
    certificates: Size,
  })
  ;
export type BackupCampaign = z.infer<typeof BackupCampaign>;

/** A file of the data folder itself (the key files): `path` relative to the folder, with `/`. */
export const BackupDataFile = z.object({ path: z.string().min(1).max(1000), member: z.string(), sizeBytes: Size, sha256: Sha256 });
export type BackupDataFile = z.infer<typeof BackupDataFile>;

/** A linked media file as the database records it; `member` is set when its bytes are in the file. */
export const BackupMediaFile = z
  .object({ path: z.string().min(1), sizeBytes: Size, sha256: Sha256, mtimeMs: z.number().int(), member: z.string().nullable() })
  ;
export type BackupMediaFile = z.infer<typeof BackupMediaFile>;

/** Read leniently (fields a later version adds are dropped): only formatVersion says a reader is too old. */
export const BackupManifest = z
  .object({
    format: z.literal(DATA_BACKUP_FORMAT),
    formatVersion: z.number().int().positive(),
    appVersion: z.string(),
    /** The database's user_version (its migration level) when it was copied. */
    schemaVersion: z.number().int().nonnegative(),
    createdAt: z.string(),
    reason: BackupReason,
    database: z.object({ member: z.literal(DATA_BACKUP_DATABASE_MEMBER), sizeBytes: Size, sha256: Sha256 }),
    files: z.array(BackupDataFile),
    campaigns: z.array(BackupCampaign),
    media: z.object({ included: z.boolean(), files: z.array(BackupMediaFile) }),
  })
  ;
export type BackupManifest = z.infer<typeof BackupManifest>;

/** One backup file as listed: where it is, how big, and what its manifest says. */
export const BackupInfo = z
  .object({
    file: z.string(),
    kind: z.enum(['auto', 'manual']),
    sizeBytes: Size,
    createdAt: z.string(),
    reason: BackupReason,
    appVersion: z.string(),
    schemaVersion: z.number().int(),
    campaigns: z.array(BackupCampaign),
    mediaFiles: Size,
    mediaIncluded: z.boolean(),
  })
  .strict();
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupRestoreReport = z
  .object({
    /** The data folder that now holds (or, in the app, will hold after the restart) the restored data. */
    dataDir: z.string(),
    /** In the app: where the data it replaced was kept. */
    replacedDir: z.string().nullable(),
    schemaVersion: z.number().int(),
    /** The backup's schema version: lower when the restore migrated it forward. */
    fromSchemaVersion: z.number().int(),
    campaigns: z.array(BackupCampaign),
    /** Media written back from the backup (into mediaDir), and linked paths that are not there. */
    mediaRestored: Size,
    mediaDir: z.string().nullable(),
    missingMedia: z.array(z.string()),
    /** True when the app must restart to open the restored data (the in-app restore). */
    restartRequired: z.boolean(),
  })
  .strict();
export type BackupRestoreReport = z.infer<typeof BackupRestoreReport>;

const BytesProgress = z.object({ done: Size, total: Size });
export const BackupCreateJob = jobStatus('backup.create', BytesProgress, BackupInfo.extend({ cancelled: z.boolean() }));
export type BackupCreateJob = z.infer<typeof BackupCreateJob>;
export const BackupRestoreJob = jobStatus('backup.restore', BytesProgress, BackupRestoreReport.extend({ cancelled: z.boolean() }));
export type BackupRestoreJob = z.infer<typeof BackupRestoreJob>;

export const BackupSettings = z.object({ autoKeep: z.number().int().min(0).max(1000) }).strict();
export type BackupSettings = z.infer<typeof BackupSettings>;

export const backupChannels = {
  /** Writes a backup (into `out`, else the data folder's backups/manual/) as a job. */
  'backup:create': {
    request: z.object({ includeMedia: z.boolean().default(false), out: TypedPath.optional() }).strict(),
    response: BackupCreateJob,
  },
  /** The automatic and manual backups of the data folder's backups/ folder, newest first. */
  'backup:list': { request: z.object({}).strict(), response: z.array(BackupInfo) },
  /** Checks the file, stages it beside the current data and restores it at the next start (a job). */
  'backup:restore': { request: z.object({ file: TypedPath }).strict(), response: BackupRestoreJob },
  /** Restarts the app onto a prepared restore where the shell can (desktop); false: close and start it again by hand. */
  'backup:restart': { request: z.object({}).strict(), response: z.object({ restarting: z.boolean() }).strict() },
  'backup:settings': { request: z.object({ autoKeep: z.number().int().min(0).max(1000).optional() }).strict(), response: BackupSettings },
} as const satisfies ChannelMap;
