// The app's own channels (version, settings, templates, a campaign's detail): the
// handlers that belong to no feature module. A group of the handler table (handler-table.ts).
import type { Handlers, TemplateSummary } from '../contract';
import { latestSchemaVersion } from '../core/db/connection';
import { openedPackageSummary } from '../core/packages/opened-package-summary';
import type { AppContext } from './context';
import { APP_VERSION } from './version';

type BasicChannels =
  | 'app:info'
  | 'settings:get'
  | 'settings:update'
  | 'template:list'
  | 'campaign:get'
  | 'campaign:create';

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
  };
}
