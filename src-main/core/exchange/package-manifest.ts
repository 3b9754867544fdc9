// The signed manifest of a review package (coordinator → judge) and the names of its media
// members. Policy: the manifest is the only thing the judge's app trusts — it carries the campaign
// definition as the coordinator holds it, the judge's entries (blind-review redaction already
// applied by the caller), and for every media file its size and SHA-256. A media member is named
// by its hash, `media/<sha256>.<ext>`, so names are safe by construction and a file shared by two
// entries travels once.
import path from 'node:path';
import { z } from 'zod';
import { EntryKind, LocalizedText } from '../../contract/basics';
import { upgradeDefinition } from '../../contract/definition-upgrade';
import { CampaignDefinitionShape } from '../../contract/domain';
import { DefinitionKey, FileIdentifier, withoutBidiControls } from '../../contract/identifiers';
import { ReachFigure } from '../../contract/reach';
import { KeyId, PublicKeyBase64 } from '../keys/identity';

export const PACKAGE_PAYLOAD_TYPE = 'application/vnd.kepu.package+json';
export const PACKAGE_EXTENSION = '.kepupkg';
export const MANIFEST_MEMBER = 'manifest.json';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256');

export const PackageAsset = z.strictObject({
  assetId: z.number().int().positive(),
  role: z.enum(['video', 'image', 'document', 'screenshot']),
  fileName: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative(),
  sha256: Sha256Hex,
  /** True when the file travels inside the package; false: locate it by hash (e.g. on a USB stick). */
  included: z.boolean(),
  /** The eligibility item the file is evidence for; absent: none (and in packages before issue 16). */
  eligibilityItem: DefinitionKey.optional(),
});
export type PackageAsset = z.infer<typeof PackageAsset>;

export const PackageEntry = z.strictObject({
  entryId: z.number().int().positive(),
  regNo: FileIdentifier,
  kind: EntryKind,
  category: DefinitionKey.nullable(),
  title: z.string(),
  /** null in blind review. */
  entrantName: z.string().nullable(),
  entrantUnit: z.string().nullable(),
  reason: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  assets: z.array(PackageAsset),
  /** Reach figures and public votes as the coordinator last imported them; absent: none. */
  reach: z.array(ReachFigure).optional(),
});
export type PackageEntry = z.infer<typeof PackageEntry>;

/** One list's scoring round in a package (issue 14). */
export const PackageRound = z.strictObject({ list: DefinitionKey, roundNo: z.number().int().min(1), key: DefinitionKey, name: LocalizedText });
export type PackageRound = z.infer<typeof PackageRound>;

export const PackageManifest = z
  .strictObject({
    v: z.literal(1),
    kind: z.literal('kepu.package'),
    packageId: FileIdentifier,
    createdAt: z.iso.datetime({ offset: true }),
    coordinator: z.strictObject({ keyId: KeyId, publicKey: PublicKeyBase64, name: withoutBidiControls(z.string().min(1).max(200)) }),
    judge: z.strictObject({ id: FileIdentifier, name: withoutBidiControls(z.string().min(1).max(200)), keyId: KeyId.nullable() }),
    // Packages issued before lists existed carry the first definition shape: upgraded on reading.
    campaign: z.preprocess(upgradeDefinition, CampaignDefinitionShape.extend({ id: FileIdentifier })),
    /**
     * The number of the definition version `campaign` is (1 for a campaign never edited). Absent in
     * packages issued before versions were numbered; the judge's bundle repeats it.
     */
    definitionVersion: z.number().int().min(1).optional(),
    /**
     * The scoring round the package is for, per list it covers that has rounds: the round's number
     * (its ordinal among the list's scoring rounds), key and name. Absent when no list it covers
     * has rounds; a list not named here is in round 1.
     */
    rounds: z.array(PackageRound).optional(),
    entries: z.array(PackageEntry),
  })
  .superRefine((manifest, ctx) => {
    const entryIds = new Set<number>();
    const regNos = new Set<string>();
    const sizes = new Map<string, number>();
    manifest.entries.forEach((entry, i) => {
      if (entryIds.has(entry.entryId)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'entryId'], message: `entry ${entry.entryId} appears twice` });
      entryIds.add(entry.entryId);
      // A campaign holds each registration number once (the judge's database enforces it too).
      if (regNos.has(entry.regNo)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'regNo'], message: `registration number ${entry.regNo} appears twice` });
      regNos.add(entry.regNo);
      entry.assets.forEach((asset, j) => {
        const size = sizes.get(asset.sha256);
        if (size !== undefined && size !== asset.sizeBytes) {
          ctx.addIssue({ code: 'custom', path: ['entries', i, 'assets', j, 'sizeBytes'], message: 'the same SHA-256 is listed with two sizes' });
        }
        sizes.set(asset.sha256, asset.sizeBytes);
      });
    });
  });
export type PackageManifest = z.infer<typeof PackageManifest>;

export interface MediaMember {
  name: string;
  sha256: string;
  sizeBytes: number;
}

/** `media/<sha256>.<ext>`, the extension (lower case, 1–10 letters or digits) from the file name. */
export function mediaMemberName(sha256: string, fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? `media/${sha256}${ext}` : `media/${sha256}`;
}

/** The media members a package must contain: one per distinct hash among included assets. */
export function expectedMediaMembers(manifest: PackageManifest): Map<string, MediaMember> {
  const byHash = new Map<string, MediaMember>();
  for (const entry of manifest.entries) {
    for (const asset of entry.assets) {
      if (!asset.included || byHash.has(asset.sha256)) continue;
      byHash.set(asset.sha256, { name: mediaMemberName(asset.sha256, asset.fileName), sha256: asset.sha256, sizeBytes: asset.sizeBytes });
    }
  }
  return new Map([...byHash.values()].map((m) => [m.name, m]));
}
