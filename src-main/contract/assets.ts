// A media file of an entry as the UI lists it (the bytes are fetched separately by id).
import { z } from 'zod';

export const AssetInfo = z.object({
  id: z.number().int(),
  role: z.enum(['video', 'image', 'document', 'screenshot']),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  /** The eligibility item this file is evidence for (a committee applicant's 执业证书 → practising doctor); null: none. */
  eligibilityItem: z.string().nullable(),
});
export type AssetInfo = z.infer<typeof AssetInfo>;

/**
 * Whether an asset's file is still the one that was checked: ok, changed since (size or mtime),
 * missing, refused (a symbolic link or not a regular file), or unreadable (no permission…).
 */
export const AssetFileState = z.enum(['ok', 'changed', 'missing', 'refused', 'unreadable']);
export type AssetFileState = z.infer<typeof AssetFileState>;

/** The outcome of re-checking one asset's file: its new facts are recorded. */
export const AssetRecheck = z.object({
  assetId: z.number().int(),
  entryId: z.number().int(),
  /** The bytes differ from the ones checked before (not only the file's time). */
  contentChanged: z.boolean(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type AssetRecheck = z.infer<typeof AssetRecheck>;
