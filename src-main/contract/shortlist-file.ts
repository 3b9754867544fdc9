// Levels (issue 14): a round's made shortlist exported as a signed shortlist file (.kepulist;
// core/shortlist/shortlist-file.ts holds its format) and imported by another installation as entries
// of its own campaign, each keeping its origin. Inspect first (nothing stored), then import.
import { z } from 'zod';
import { LocalizedText } from './basics';
import { ExportFile } from './compliance';
import { ImportSource } from './intake';

const Id = z.string().min(1).max(100);

export const OriginMedia = z.object({ role: z.string(), fileName: z.string(), sha256: z.string(), sizeBytes: z.number().int() });
export type OriginMedia = z.infer<typeof OriginMedia>;

/** Where an imported entry came from (shown in the entry panel). */
export const EntryOrigin = z.object({
  campaignName: LocalizedText,
  organiser: z.string().nullable(),
  institution: z.string().nullable(),
  originRegNo: z.string(),
  listName: LocalizedText,
  roundNo: z.number().int(),
  roundName: LocalizedText.nullable(),
  place: z.number().int().nullable(),
  total: z.number().nullable(),
  signerFingerprint: z.string(),
  fileSha256: z.string(),
  importedAt: z.string(),
  /** The media references the file carried; link the works by their file names (they carry the registration number). */
  media: z.array(OriginMedia),
});
export type EntryOrigin = z.infer<typeof EntryOrigin>;

export const ShortlistFileCategoryCount = z.object({
  kind: z.string(),
  category: z.string().nullable(),
  /** The category's (or kind's) name in the target campaign; null when the target lacks it. */
  label: LocalizedText.nullable(),
  count: z.number().int(),
});

export const ShortlistFilePreview = z.object({
  fileName: z.string(),
  sha256: z.string(),
  origin: z.object({
    campaignName: LocalizedText,
    organiser: z.string(),
    institution: z.string().nullable(),
    listName: LocalizedText,
    roundNo: z.number().int(),
    roundName: LocalizedText.nullable(),
    shortlistVersion: z.number().int(),
    exportedAt: z.string(),
  }),
  signer: z.object({ name: z.string(), institution: z.string().nullable(), fingerprint: z.string() }),
  entries: z.number().int(),
  perCategory: z.array(ShortlistFileCategoryCount),
  /** What the target campaign lacks: the file would be refused until Setup adds them. */
  missing: z.array(z.object({ kind: z.string(), category: z.string().nullable(), regNos: z.array(z.string()) })),
  /** Registration numbers the target campaign already has (refused: numbers are kept on import). */
  takenRegNos: z.array(z.string()),
  /** When this very file was imported into the campaign before (then it is refused). */
  alreadyImportedAt: z.string().nullable(),
});
export type ShortlistFilePreview = z.infer<typeof ShortlistFilePreview>;

export const ShortlistImportResult = z.object({
  preview: ShortlistFilePreview,
  imported: z.number().int(),
  entries: z.array(z.object({ entryId: z.number().int(), regNo: z.string() })),
});
export type ShortlistImportResult = z.infer<typeof ShortlistImportResult>;

export const shortlistFileChannels = {
  /** The made shortlist of a round as a signed .kepulist file (the coordinator's key must be unlocked); audit row. */
  'shortlist:exportFile': {
    request: z.object({ campaignId: Id, listKey: Id, roundNo: z.number().int().min(1).max(50) }).strict(),
    response: ExportFile.extend({ entries: z.number().int() }),
  },
  /** Verifies a shortlist file and says what importing it into the campaign would do; nothing is stored. */
  'shortlist:inspectFile': { request: z.object({ campaignId: Id, file: ImportSource }).strict(), response: ShortlistFilePreview },
  /** Imports the file's entries into the campaign, all or nothing; audit row. */
  'shortlist:importFile': { request: z.object({ campaignId: Id, file: ImportSource }).strict(), response: ShortlistImportResult },
} as const;
