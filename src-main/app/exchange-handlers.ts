// Exchange channels: identity and key cards, registering judges by key card, issuing and opening
// review packages, exporting and merging result bundles. The formats live in core/exchange; this
// file only moves bytes between the transport and the core.
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../contract';
import { campaignAssetPaths } from '../core/media/asset-repo';
import { ProbeCache } from '../core/media/probe-cache';
import { checkFiles } from '../core/media/probe-queue';
import { exchangeBundleReader, mergeBundleFiles } from '../core/merge/merge-bundles';
import { runInWorker } from './worker-runner';
import { exportBundle } from '../core/packages/export-bundle';
import { issuePackage } from '../core/packages/issue-package';
import { linkLocatedMedia, openPackageFile } from '../core/packages/open-package';
import { currentOpenedPackage } from '../core/packages/package-pin';
import { registerKeyCard } from '../core/packages/register-judge';
import { KepuError } from '../core/errors';
import { nowIso } from '../core/time';
import type { AppContext } from './context';
import { mergeReport } from '../core/merge/merge-report';
import { saveExport } from './export-file';
import { autoBackupBefore } from './backup-handlers';
import { packagesRoot } from './paths';

type ExchangeChannels =
  | 'judge:registerKeyCard' | 'package:export' | 'package:open' | 'package:locateMedia' | 'bundle:export' | 'bundle:merge' | 'bundle:mergeJob';


/** Probe what arrived, so the judge sees the same media verdicts as the coordinator. */
async function probeCampaignMedia(ctx: AppContext, campaignId: string): Promise<void> {
  const files = campaignAssetPaths(ctx.db, campaignId);
  await checkFiles(files, { rules: ctx.campaigns.definition(campaignId).mediaRules, cache: new ProbeCache(ctx.db) });
}

export function exchangeHandlers(ctx: AppContext): Pick<Handlers, ExchangeChannels> {
  return {
    'judge:registerKeyCard': ({ campaignId, card, attachTo }) => {
      ctx.campaigns.summary(campaignId);
      return registerKeyCard(ctx.db, campaignId, Buffer.from(card.contentBase64, 'base64'), attachTo);
    },
    'package:export': async ({ campaignId, judgeId, withMedia, outDir, allowOver4GiB }) => {
      const dir = outDir ? path.resolve(outDir) : path.join(ctx.dataDir, 'exports');
      fs.mkdirSync(dir, { recursive: true });
      const judge = ctx.judges.list(campaignId).find((j) => j.id === judgeId);
      const safe = (judge?.name ?? judgeId).replace(/[\\/:*?"<>|\s]+/g, '_');
      const outPath = path.join(dir, `${safe}-${nowIso().slice(0, 10)}-${Date.now() % 100000}.kepupkg`);
      const status = ctx.identity.status();
      return issuePackage(ctx, {
        campaignId,
        judgeId,
        withMedia,
        allowOver4GiB,
        outPath,
        coordinator: { privateKey: ctx.identity.privateKey(), name: status.name ?? 'Coordinator' },
      });
    },
    'package:open': async ({ path: file, openAsSeparateCampaign }) => {
      ctx.protectedFiles.assertNotProtected(file);
      const result = await openPackageFile(ctx, path.resolve(file), { packagesRoot: packagesRoot(ctx.dataDir), separateCampaign: openAsSeparateCampaign });
      if (result.outcome !== 'alreadyOpen') await probeCampaignMedia(ctx, result.campaignId);
      return result;
    },
    'package:locateMedia': async ({ campaignId, folder }) => {
      ctx.protectedFiles.assertNotProtected(folder);
      const result = await linkLocatedMedia(ctx, campaignId, path.resolve(folder), (f) => ctx.protectedFiles.isProtected(f));
      await probeCampaignMedia(ctx, campaignId);
      return result;
    },
    'bundle:export': ({ campaignId }) => {
      // The newest package the judge opened: the bundle answers it (see open-package.ts).
      const pkg = currentOpenedPackage(ctx.db, campaignId)?.id;
      if (!pkg) throw new KepuError('NO_OPENED_PACKAGE', `exchange: ${campaignId} was not opened from a package`, { campaignId });
      const bundle = exportBundle(ctx.db, pkg, ctx.identity.privateKey());
      const name = (ctx.identity.status().name ?? 'judge').replace(/[\\/:*?"<>|\s]+/g, '_');
      return { ...saveExport(ctx, `${name}-r${bundle.revision}.kepubundle`, bundle.bytes, 'application/json'), revision: bundle.revision };
    },
    'bundle:merge': async ({ campaignId, files }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'bundles');
      await autoBackupBefore(ctx, 'before-merge'); // blocks the merge when it cannot be written (backup-folder.ts)
      const outcomes = await mergeBundleFiles(
        // Named, not `...ctx`: a spread would read (and build) every service of the context.
        { db: ctx.db, campaigns: ctx.campaigns, reader: exchangeBundleReader() },
        campaignId,
        files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.contentBase64, 'base64') })),
      );
      return mergeReport(ctx, campaignId, outcomes);
    },
    // The same merge as a job on a worker thread with its own writable connection (merge-job.ts):
    // this process stays answered, the UI shows progress and may cancel (nothing is written then).
    'bundle:mergeJob': ({ campaignId, files }) => {
      ctx.campaigns.summary(campaignId);
      ctx.publishedChanges.assertMayChange(campaignId, 'bundles');
      return ctx.jobs.start('bundle.merge', async (control) => {
        control.progress({ stage: 'backup', done: 0, total: 1 });
        await autoBackupBefore(ctx, 'before-merge'); // blocks the merge when it cannot be written (backup-folder.ts)
        if (control.signal.aborted) return { cancelled: true, report: null };
        return runInWorker(ctx, { module: 'merge', export: 'mergeBundlesJob', args: { campaignId, files }, writable: true }, control, { cancelled: true, report: null });
      });
    },
  };
}
