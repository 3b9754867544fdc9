// Archive, delete (behind a backup file) and restore a campaign. The rules live in
// core/campaigns (archive.ts, campaign-delete.ts, campaign-restore.ts); this file supplies who
// acts, where backups go (the data folder's backups/ unless the caller names a folder) and the
// check that a named folder is not the app's own data.
import path from 'node:path';
import type { Handlers } from '../contract';
import { setArchived } from '../core/campaigns/archive';
import { deleteCampaign } from '../core/campaigns/campaign-delete';
import { restoreCampaign } from '../core/campaigns/campaign-restore';
import type { AppContext } from './context';
import { APP_VERSION } from './version';

type LifecycleChannels = 'campaign:list' | 'campaign:archive' | 'campaign:delete' | 'campaign:restore';

export const BACKUPS_FOLDER_NAME = 'backups';

export function lifecycleHandlers(ctx: AppContext): Pick<Handlers, LifecycleChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  const backupsDir = path.join(ctx.dataDir, BACKUPS_FOLDER_NAME);
  return {
    'campaign:list': ({ includeArchived }) => ctx.campaigns.list({ includeArchived }),
    'campaign:archive': ({ campaignId, archived, reason }) => {
      setArchived(ctx.db, campaignId, archived, actor(), reason);
      return ctx.campaigns.summary(campaignId);
    },
    'campaign:delete': ({ campaignId, confirmName, backupDir }) =>
      deleteCampaign(ctx.db, {
        campaignId,
        confirmName,
        dir: backupDir ? path.resolve(backupDir) : backupsDir,
        actor: actor(),
        appVersion: APP_VERSION,
        nativeBinding: ctx.nativeBinding,
        assertWritable: (file) => ctx.protectedFiles.assertNotProtected(file),
      }),
    'campaign:restore': ({ file }) => {
      const id = restoreCampaign(ctx.db, { fileName: file.fileName, bytes: Buffer.from(file.contentBase64, 'base64') }, { tempDir: backupsDir, actor: actor(), nativeBinding: ctx.nativeBinding });
      return ctx.campaigns.summary(id);
    },
  };
}
