// A media file of an entry as the UI lists it (the bytes are fetched separately by id).
import { z } from 'zod';

export const AssetInfo = z.object({
  id: z.number().int(),
  role: z.enum(['video', 'image', 'document', 'screenshot']),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type AssetInfo = z.infer<typeof AssetInfo>;
