// The app's own channels (version, settings, templates, a campaign's detail, entries): the
// handlers that belong to no feature module. A group of the handler table (handler-table.ts).
import type { Handlers, TemplateSummary } from '../contract';
import { latestSchemaVersion } from '../core/db/connection';
import { currentDecisions } from '../core/decisions/decision-service';
import { mediaToFetchOf } from '../core/intake/mail/mail-store';
import { entryRuleProblems } from '../core/media/entry-rules';
import { tieEvidence } from '../core/media/evidence-items';
import { openedPackageSummary } from '../core/packages/open-package';
import { entryOrigin } from '../core/shortlist/shortlist-file-import';
import type { AppContext } from './context';
import { APP_VERSION } from './version';

type BasicChannels =
  | 'app:info'
  | 'settings:get'
  | 'settings:update'
  | 'template:list'
  | 'campaign:get'
  | 'campaign:create'
  | 'entry:list'
  | 'entry:get'
  | 'entry:tieEvidence';

export function basicHandlers(ctx: AppContext): Pick<Handlers, BasicChannels> {
  return {
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
  };
}
