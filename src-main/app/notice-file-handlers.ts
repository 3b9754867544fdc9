// The programme notice's attachment files: list, add (sent inline by either shell, or a path on
// this machine), remove, save a copy. Rules and SQL live in core/campaigns/notice-files.ts; this
// file supplies who acts and where a copy goes: the path the caller chose (checked not to be the
// app's own data), or — the renderer's way, a download in the browser and a save dialog in the
// desktop app — the bytes in the answer, with a copy among the exports like every other export.
import path from 'node:path';
import type { Handlers } from '../contract';
import { addNoticeFile, addNoticeFileFromPath, listNoticeFiles, readNoticeFile, removeNoticeFile } from '../core/campaigns/notice-files';
import type { AppContext } from './context';
import { saveExport, writeExport } from './export-file';

type NoticeFileChannels = 'campaign:noticeFiles' | 'campaign:addNoticeFile' | 'campaign:removeNoticeFile' | 'campaign:saveNoticeFile';

export function noticeFileHandlers(ctx: AppContext): Pick<Handlers, NoticeFileChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'campaign:noticeFiles': ({ campaignId }) => listNoticeFiles(ctx.db, campaignId),
    'campaign:addNoticeFile': ({ campaignId, file, path: filePath, replace }) =>
      file
        ? addNoticeFile(ctx.db, campaignId, { fileName: file.fileName, bytes: Buffer.from(file.contentBase64, 'base64') }, actor(), { replace })
        : addNoticeFileFromPath(ctx.db, campaignId, filePath as string, actor(), { replace }),
    'campaign:removeNoticeFile': ({ campaignId, fileId }) => removeNoticeFile(ctx.db, campaignId, fileId, actor()),
    'campaign:saveNoticeFile': ({ campaignId, fileId, targetPath }) => {
      if (targetPath) {
        const target = path.resolve(targetPath);
        ctx.protectedFiles.assertNotProtected(target);
        const { info, bytes } = readNoticeFile(ctx.db, campaignId, fileId);
        return { fileName: info.fileName, mimeType: info.mediaType, contentBase64: '', ...writeExport(target, bytes) };
      }
      const { info, bytes } = readNoticeFile(ctx.db, campaignId, fileId);
      return saveExport(ctx, info.fileName, bytes, info.mediaType);
    },
  };
}
