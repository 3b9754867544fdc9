// A file handed to the app inline (restoring a campaign, checking a programme, an objection's
// attachment…), apart from intake.ts so a channel taking a file does not build the registration
// import's schemas (issue 18).
import { z } from 'zod';

export const ImportSource = z.object({
  fileName: z.string().min(1).max(260),
  /** The file's bytes. Sent inline so both shells work the same (a browser page has no paths). */
  contentBase64: z.string().min(1).max(200_000_000),
});
