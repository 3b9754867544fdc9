// Every contract channel, implemented once. Shells never add logic: they only carry requests here.
import { lastMediaFolder, rememberMediaFolder } from '../core/media/last-folder';
import type { Handlers, TemplateSummary } from '../contract';
import { latestSchemaVersion } from '../core/db/connection';
import { currentDecisions } from '../core/decisions/decision-service';
import { loadDemo } from '../core/demo/load-demo';
import { asDiskFull } from '../core/files/disk-full';
import { importRegistrations, previewImport } from '../core/intake/import-registrations';
import { mediaToFetchOf } from '../core/intake/mail/mail-store';
import { complianceReport } from '../core/media/compliance';
import { entryRuleProblems } from '../core/media/entry-rules';
import { assetFileState, recheckAsset } from '../core/media/recheck-asset';
import { linkAndCheckFolder } from '../core/media/link-and-check';
import { tieEvidence } from '../core/media/evidence-items';
import { openedPackageSummary } from '../core/packages/open-package';
import { exportCompliance } from './compliance-export';
import { reviewHandlers } from './review-handlers';
import { assignmentHandlers } from './assignment-handlers';
import { exchangeHandlers } from './exchange-handlers';
import { rankingHandlers } from './ranking-handlers';
import { certificateHandlers } from './certificate-handlers';
import type { AppContext } from './context';
import { APP_VERSION } from './version';
import { programmeHandlers } from './programme-handlers';
import { definitionHandlers } from './definition-handlers';
import { lifecycleHandlers } from './campaign-lifecycle-handlers';
import { noticeFileHandlers } from './notice-file-handlers';
import { auditHandlers } from './audit-handlers';
import { moderationHandlers } from './moderation-handlers';
import { scoresHandlers } from './scores-handlers';
import { progressHandlers } from './progress-handlers';
import { membershipHandlers } from './membership-handlers';
import { rosterHandlers } from './roster-handlers';
import { intakeFileHandlers } from './intake-file-handlers';
import { reachHandlers } from './reach-handlers';
import { importInput } from './import-input';
import { formalCheckHandlers } from './formal-check-handlers';
import { shortlistHandlers } from './shortlist-handlers';
import { roundHandlers } from './round-handlers';
import { shortlistFileHandlers } from './shortlist-file-handlers';
import { entryOrigin } from '../core/shortlist/shortlist-file-import';
import { decisionHandlers } from './decision-handlers';
import { feedbackHandlers } from './feedback-handlers';
import { letterHandlers } from './letter-handlers';
import { showcaseHandlers } from './showcase-handlers';
import { backupHandlers } from './backup-handlers';
import { noticeHandlers } from './notice-handlers';
import { refuseChangesWhenArchived } from './archive-guard';

export function createHandlers(ctx: AppContext): Handlers {
  // Changes to an archived campaign are refused in one place (archive-guard.ts).
  return reportDiskFull(ctx.dataDir, refuseChangesWhenArchived(ctx, {
    'app:info': () => ({
      version: APP_VERSION,
      shell: ctx.shell,
      dataDir: ctx.dataDir,
      schemaVersion: latestSchemaVersion,
    }),
    'settings:get': () => ctx.settings.get(),
    'settings:update': (patch) => ctx.settings.update(patch),
    'template:list': () =>
      ctx.templates.list().map(
        (t): TemplateSummary => ({
          id: t.id,
          kind: t.definition.kind,
          name: t.definition.name,
          description: t.description,
          timeZone: t.definition.timeZone,
          deadline: new Date(t.definition.deadline).toISOString(),
        }),
      ),
    'campaign:get': ({ campaignId }) => ({ ...ctx.campaigns.detail(campaignId), openedPackage: openedPackageSummary(ctx.db, campaignId) }),
    'campaign:create': ({ templateId, name }) => {
      const template = ctx.templates.get(templateId);
      return ctx.campaigns.create(template.id, template.definition, name, undefined, { description: template.description, source: template.source });
    },
    'entry:list': (request) => {
      // The list marks disqualified, withdrawn and accepted-late entries (a badge beside the title).
      const page = ctx.entries.list(request);
      const decided = currentDecisions(ctx.db, request.campaignId);
      const marked = (entryId: number) =>
        (decided.get(entryId) ?? []).map((d) => d.kind).filter((k): k is 'disqualify' | 'withdraw' | 'accept-late' => k === 'disqualify' || k === 'withdraw' || k === 'accept-late');
      return { ...page, rows: page.rows.map((r) => (decided.has(r.id) ? { ...r, decisions: marked(r.id) } : r)) };
    },
    'entry:get': ({ entryId }) => {
      const entry = ctx.entries.get(entryId);
      const mediaToFetch = mediaToFetchOf(ctx.db, entry.campaignId, entry.regNo);
      return {
        ...entry,
        origin: entryOrigin(ctx.db, entryId),
        problems: entryRuleProblems(ctx.db, entry.campaignId, ctx.campaigns.definition(entry.campaignId), entryId),
        ...(mediaToFetch.length ? { mediaToFetch } : {}),
      };
    },
    'entry:tieEvidence': ({ assetId, item }) => tieEvidence(ctx.db, (id) => ctx.campaigns.definition(id), assetId, item),
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
    'job:status': ({ jobId }) => ctx.jobs.status(jobId),
    'job:cancel': ({ jobId }) => ctx.jobs.cancel(jobId),
    'compliance:report': ({ campaignId, filter, limit }) => complianceReport(ctx, campaignId, filter, limit),
    'compliance:export': ({ campaignId, format }) => exportCompliance(ctx, campaignId, format),
    ...programmeHandlers(ctx),
    ...decisionHandlers(ctx),
    ...feedbackHandlers(ctx),
    ...letterHandlers(ctx),
    ...showcaseHandlers(ctx),
    ...backupHandlers(ctx),
    ...definitionHandlers(ctx),
    ...reviewHandlers(ctx),
    ...assignmentHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...rankingHandlers(ctx),
    ...certificateHandlers(ctx),
    ...lifecycleHandlers(ctx),
    ...noticeFileHandlers(ctx),
    ...auditHandlers(ctx),
    ...moderationHandlers(ctx),
    ...formalCheckHandlers(ctx),
    ...shortlistHandlers(ctx),
    ...roundHandlers(ctx),
    ...shortlistFileHandlers(ctx),
    ...noticeHandlers(ctx),
    ...scoresHandlers(ctx),
    ...progressHandlers(ctx),
    ...membershipHandlers(ctx),
    ...rosterHandlers(ctx),
    ...intakeFileHandlers(ctx),
    ...reachHandlers(ctx),
  }));
}

/**
 * A full disk met by something other than the file writers (which name their own folder): most
 * often SQLite's SQLITE_FULL while importing or saving, which can only be the data folder.
 */
function reportDiskFull(dataDir: string, handlers: Handlers): Handlers {
  const wrapped: Record<string, (request: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (request: unknown) => unknown][]) {
    wrapped[channel] = async (request) => {
      try {
        return await handler(request);
      } catch (error) {
        throw asDiskFull(error, dataDir);
      }
    };
  }
  return wrapped as Handlers;
}
