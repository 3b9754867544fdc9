// Registrations and media: the demo campaign, importing registrations, linking and checking a
// media folder, the compliance report. A group of the handler table (handler-table.ts).
import type { Handlers } from '../contract';
import { loadDemo } from '../core/demo/load-demo';
import { importRegistrations, previewImport } from '../core/intake/import-registrations';
import { complianceReport } from '../core/media/compliance';
import { lastMediaFolder, rememberMediaFolder } from '../core/media/last-folder';
import { linkAndCheckFolder } from '../core/media/link-and-check';
import { assetFileState, recheckAsset } from '../core/media/recheck-asset';
import { exportCompliance } from './compliance-export';
import type { AppContext } from './context';
import { importInput } from './import-input';

type IntakeMediaChannels =
  | 'demo:load'
  | 'intake:preview'
  | 'intake:import'
  | 'media:link'
  | 'media:lastFolder'
  | 'media:assetState'
  | 'media:recheckAsset'
  | 'compliance:report'
  | 'compliance:export';

export function intakeMediaHandlers(ctx: AppContext): Pick<Handlers, IntakeMediaChannels> {
  return {
    'demo:load': () => loadDemo(ctx),
    'intake:preview': ({ campaignId, source, options }) => previewImport(ctx, campaignId, importInput(source, options)),
    'intake:import': ({ campaignId, source, options }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'entries');
      return importRegistrations(ctx, campaignId, importInput(source, options));
    },
    'media:link': ({ campaignId, folder, pattern }) => {
      ctx.campaigns.summary(campaignId); // an unknown campaign fails now, not inside the job
      ctx.protectedFiles.assertNotProtected(folder);
      ctx.publishedChanges.assertMayChange(campaignId, 'media');
      return ctx.jobs.start('media.link', async ({ signal, progress }) => {
        const result = await linkAndCheckFolder(ctx, campaignId, folder, {
          pattern,
          signal,
          // Only the contract's fields travel in the status (the checker's progress carries more).
          onProgress: (p) => progress({ done: p.done, total: p.total, failed: p.failed, unreadable: p.unreadable, etaSeconds: p.etaSeconds }),
        });
        // A folder that was found and read (even if cancelled part-way) is the one to check again.
        rememberMediaFolder(ctx.db, campaignId, { folder, pattern: pattern ?? null });
        return result;
      });
    },
    'media:lastFolder': ({ campaignId }) => lastMediaFolder(ctx.db, campaignId),
    'media:assetState': ({ assetId }) => ({ state: assetFileState(ctx, assetId) }),
    'media:recheckAsset': ({ assetId }) => recheckAsset(ctx, assetId),
    'compliance:report': ({ campaignId, filter, limit }) => complianceReport(ctx, campaignId, filter, limit),
    'compliance:export': ({ campaignId, format }) => exportCompliance(ctx, campaignId, format),
  };
}
