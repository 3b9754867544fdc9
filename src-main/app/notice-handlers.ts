// 公示 channels: notices (list, preview, create, update, export) and their objections (list, add,
// resolve, attachments). Rules and SQL live in core/notices; this file supplies who acts, where a
// copy goes (a path the caller chose, checked not to be the app's own data, or among the exports),
// and how an upheld objection records its decision on the entry (core/decisions).
import type { Handlers } from '../contract';
import { checkedSnapshot, latestLockedSnapshot, noticeDocument } from '../core/notices/notice-document';
import { createNotice, getNotice, listNotices, updateNotice } from '../core/notices/notice-repo';
import { addObjection, addObjectionFile, addObjectionFileFromPath, listObjections, readObjectionFile, resolveObjection } from '../core/notices/objections';
import { recordDecision } from '../core/decisions/decision-service';
import type { AppContext } from './context';
import { autoBackupBefore } from './backup-handlers';
import { checkedExportTarget, saveExport, writeExport } from './export-file';
import { exportNotice } from './notice-export';

type NoticeChannels =
  | 'notice:list' | 'notice:preview' | 'notice:create' | 'notice:update' | 'notice:export'
  | 'objection:list' | 'objection:add' | 'objection:resolve' | 'objection:addFile' | 'objection:saveFile';

export function noticeHandlers(ctx: AppContext): Pick<Handlers, NoticeChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  const checkedTarget = (targetPath: string | undefined) => checkedExportTarget(ctx, targetPath);
  return {
    'notice:list': ({ campaignId }) => listNotices(ctx.db, campaignId),
    'notice:preview': ({ campaignId, listKey, ranked, noticeId }) => {
      if (noticeId !== undefined) {
        const notice = getNotice(ctx.db, campaignId, noticeId);
        return noticeDocument(ctx.db, campaignId, notice.snapshotId, checkedSnapshot(ctx.db, campaignId, notice.snapshotId), notice.listKey, notice.ranked);
      }
      const locked = latestLockedSnapshot(ctx.db, campaignId);
      return noticeDocument(ctx.db, campaignId, locked.id, locked.snapshot, listKey ?? ctx.campaigns.definition(campaignId).lists[0].key, ranked);
    },
    'notice:create': async ({ campaignId, ...input }) => {
      ctx.campaigns.summary(campaignId);
      await autoBackupBefore(ctx, 'before-publish'); // a 公示 publishes the list: blocks when it cannot be written
      return createNotice(ctx.db, campaignId, input, actor());
    },
    'notice:update': ({ campaignId, noticeId, ...patch }) => updateNotice(ctx.db, campaignId, noticeId, patch, actor()),
    'notice:export': ({ campaignId, noticeId, format, language, ranked, targetPath }) => exportNotice(ctx, campaignId, noticeId, format, { language, ranked }, checkedTarget(targetPath)),
    'objection:list': ({ campaignId, noticeId }) => listObjections(ctx.db, campaignId, noticeId),
    'objection:add': ({ campaignId, ...input }) => addObjection(ctx.db, campaignId, input, actor()),
    'objection:resolve': ({ campaignId, objectionId, outcome, resolution, decision }) =>
      resolveObjection(ctx.db, campaignId, objectionId, { outcome, resolution, decision }, actor(), (entryId, kind, reason) => {
        // The decision moves the published (provisional) result: the same agreement as decision:set.
        ctx.publishedChanges.assertMayChange(campaignId, 'decisions');
        const state = recordDecision(ctx.db, { campaignId, entryId, kind, reason, actor: actor() });
        return state.history[state.history.length - 1].id;
      }),
    'objection:addFile': ({ campaignId, objectionId, file, path: filePath }) =>
      file
        ? addObjectionFile(ctx.db, campaignId, objectionId, { fileName: file.fileName, bytes: Buffer.from(file.contentBase64, 'base64') }, actor())
        : addObjectionFileFromPath(ctx.db, campaignId, objectionId, filePath as string, actor()),
    'objection:saveFile': ({ campaignId, fileId, targetPath }) => {
      const { info, bytes } = readObjectionFile(ctx.db, campaignId, fileId);
      const target = checkedTarget(targetPath);
      if (target) {
        return { fileName: info.fileName, mimeType: info.mediaType, contentBase64: '', ...writeExport(target, bytes) };
      }
      return saveExport(ctx, info.fileName, bytes, info.mediaType);
    },
  };
}
