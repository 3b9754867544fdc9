// Keys, key cards, review packages and result bundles as the UI and CLI see them.
import { z } from 'zod';
import { WithdrawnEntry } from './campaign-views';
import { TypedPath, unquotePath } from './typed-path';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { withoutBidiControls } from './identifiers';
import { ImportSource } from './intake';
import { jobStatus } from './job-status';

export const IdentityStatus = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  /** 'os': sealed by the operating system's key store (desktop app); 'passphrase': a key file. */
  protection: z.enum(['os', 'passphrase']),
  keyId: z.string().nullable(),
  fingerprint: z.string().nullable(),
  name: z.string().nullable(),
  institution: z.string().nullable(),
  /** Campaigns of its own: a coordinator's installation; only opened review packages: a judge's; neither: new. */
  role: z.enum(['coordinator', 'judge', 'new']),
  /**
   * A key sealed by the OS key store also has a copy sealed by a passphrase (identity:sealWithPassphrase),
   * so the CLI and the browser shell, which cannot reach the OS key store, can unlock it.
   */
  passphraseCopy: z.boolean(),
});
export type IdentityStatus = z.infer<typeof IdentityStatus>;

export const Passphrase = z.string().min(8).max(1024);

export const PackageExportResult = z.object({ packageId: z.string(), file: z.string(), bytes: z.number().int(), entries: z.number().int() });

export { WithdrawnEntry };

export const PackageOpenResult = z.object({
  campaignId: z.string(),
  judgeId: z.string(),
  entries: z.number().int(),
  /** 'updated': a newer package of the same coordinator for a campaign already open. */
  outcome: z.enum(['opened', 'updated', 'alreadyOpen']),
  alreadyOpen: z.boolean(),
  /** Opened apart from a campaign with the same id (another coordinator key, or made on this computer). */
  separateCampaign: z.boolean(),
  added: z.number().int(),
  withdrawn: z.array(WithdrawnEntry),
  coordinatorFingerprint: z.string(),
});

export const PackageOpenRequest = z
  .object({
    path: TypedPath,
    /**
     * The judge's confirmation, after the PACKAGE_COORDINATOR_CHANGED warning, to open the package
     * as a campaign of its own; names the fingerprint they were shown, which must be the signer's.
     */
    openAsSeparateCampaign: z.object({ packageFingerprint: z.string().min(1).max(100) }).strict().optional(),
  })
  .strict();

/**
 * A bundle file to merge. Unlike ImportSource, an empty file is let through: the merge rejects it
 * by its name (BUNDLE_EMPTY) and merges the others, instead of refusing the whole batch.
 */
export const MergeSource = z.object({
  fileName: z.string().min(1).max(260),
  contentBase64: z.string().max(200_000_000),
});

export const MergeFileOutcome = z.object({
  fileName: z.string(),
  status: z.enum(['accepted', 'duplicate', 'superseded', 'rejected']),
  judgeName: z.string().nullable(),
  revision: z.number().int().nullable(),
  entries: z.number().int().nullable(),
  error: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
  /**
   * The definition version the bundle's package was issued with and the campaign's version at the
   * merge; they differ when the bundle was checked against a changed definition and still fits.
   * Null for a rejected file.
   */
  definitionVersion: z.object({ answered: z.number().int(), current: z.number().int() }).nullable(),
});

export const MergeReport = z.object({
  files: z.array(MergeFileOutcome),
  coverage: z.object({ entries: z.number().int(), expected: z.number().int(), received: z.number().int(), complete: z.number().int() }),
  missingJudges: z.array(z.object({ judgeId: z.string(), name: z.string() })),
  disagreements: z.array(z.object({ entryId: z.number().int(), regNo: z.string(), title: z.string(), min: z.number(), max: z.number(), judges: z.number().int() })),
});
export type MergeReport = z.infer<typeof MergeReport>;

const MergeRequest = z.object({ campaignId: z.string().min(1).max(100), files: z.array(MergeSource).min(1).max(500) }).strict();

/**
 * A merge as a job on a worker thread (bundle:mergeJob): the bundles are checked (read, signature)
 * then written in one transaction; progress per file in each stage. Cancelled: nothing was written.
 */
export const MergeJob = jobStatus(
  'bundle.merge',
  z.object({ stage: z.enum(['backup', 'checking', 'writing', 'report']), done: z.number().int(), total: z.number().int() }),
  z.object({ cancelled: z.boolean(), report: MergeReport.nullable() }),
);
export type MergeJob = z.infer<typeof MergeJob>;

export const exchangeChannels = {
  'identity:status': { request: z.object({}).strict(), response: IdentityStatus },
  'identity:create': {
    request: z.object({ name: withoutBidiControls(z.string().trim().min(1).max(200)), institution: withoutBidiControls(z.string().trim().max(200).optional()), passphrase: Passphrase.optional() }).strict(),
    response: IdentityStatus,
  },
  'identity:unlock': { request: z.object({ passphrase: z.string().max(1024).optional() }).strict(), response: IdentityStatus },
  'identity:lock': { request: z.object({}).strict(), response: IdentityStatus },
  /** Seals a copy of the unlocked, OS-sealed key with a passphrase (for the CLI and the browser shell). */
  'identity:sealWithPassphrase': { request: z.object({ passphrase: Passphrase }).strict(), response: IdentityStatus },
  'identity:keycard': { request: z.object({}).strict(), response: ExportFile },
  'judge:registerKeyCard': {
    request: z.object({ campaignId: z.string().min(1).max(100), card: ImportSource, attachTo: z.string().max(100).optional() }).strict(),
    response: z.object({ judgeId: z.string(), name: z.string(), institution: z.string().nullable(), fingerprint: z.string() }),
  },
  'package:export': {
    request: z.object({ campaignId: z.string().min(1).max(100), judgeId: z.string().min(1).max(100), withMedia: z.boolean().default(true), outDir: z.string().overwrite(unquotePath).max(4096).optional(),
      /** Write a package over FAT32's 4 GiB file limit anyway (the stick is exFAT or NTFS); else PACKAGE_OVER_4GIB first. */
      allowOver4GiB: z.boolean().default(false),
    }).strict(),
    response: PackageExportResult,
  },
  'package:open': { request: PackageOpenRequest, response: PackageOpenResult },
  'package:locateMedia': {
    request: z.object({ campaignId: z.string().min(1).max(100), folder: TypedPath }).strict(),
    response: z.object({ found: z.number().int(), missing: z.array(z.string()) }),
  },
  'bundle:export': { request: z.object({ campaignId: z.string().min(1).max(100) }).strict(), response: ExportFile.extend({ revision: z.number().int() }) },
  'bundle:merge': { request: MergeRequest, response: MergeReport },
  'bundle:mergeJob': { request: MergeRequest, response: MergeJob },
} as const satisfies ChannelMap;
