// The programme notice's attachment files (征集通知的附件: 报名表.docx, 承诺书.pdf…), kept with the
// campaign in its database (core/campaigns/notice-files.ts). Limits in notice-file-limits.ts.
import { z } from 'zod';
import { TypedPath } from './typed-path';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';
import { ImportSource } from './intake';

export { MAX_CAMPAIGN_FILES_BYTES, MAX_NOTICE_FILE_BYTES } from './notice-file-limits';

/** One attachment as listed (without its bytes). */
export const NoticeFileInfo = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type NoticeFileInfo = z.infer<typeof NoticeFileInfo>;

const Id = z.string().min(1).max(100);
const FileId = z.number().int().positive();

export const noticeFileChannels = {
  /** The campaign's attachments, in the order they were added. */
  'campaign:noticeFiles': { request: z.object({ campaignId: Id }).strict(), response: z.array(NoticeFileInfo) },
  /**
   * Adds a file, sent inline (`file`, both shells) or read from a path on this machine (`path`).
   * A file of the same name is refused with NOTICE_FILE_EXISTS unless `replace` (the UI asks).
   */
  'campaign:addNoticeFile': {
    request: z
      .object({ campaignId: Id, file: ImportSource.optional(), path: TypedPath.optional(), replace: z.boolean().default(false) })
      .strict()
      .refine((r) => (r.file === undefined) !== (r.path === undefined), { message: 'give either file or path' }),
    response: NoticeFileInfo,
  },
  'campaign:removeNoticeFile': { request: z.object({ campaignId: Id, fileId: FileId }).strict(), response: z.array(NoticeFileInfo) },
  /**
   * A copy of an attachment: written to `targetPath` when given (atomically), otherwise handed to
   * the UI (a download in the browser, a save dialog in the desktop app) and kept among the exports.
   */
  'campaign:saveNoticeFile': {
    request: z.object({ campaignId: Id, fileId: FileId, targetPath: TypedPath.optional() }).strict(),
    response: ExportFile,
  },
} as const satisfies ChannelMap;
