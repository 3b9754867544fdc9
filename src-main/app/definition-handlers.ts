// The campaign editor's channels: save a changed definition as a new version (an explicit one,
// with a statement, may set collected data aside), preview what such a version would set aside,
// list the versions, start next year's edition. Rules live in core/campaigns (definition-update,
// definition-versions, new-edition).
import type { CampaignDefinition, Handlers } from '../contract';
import { checkDefinitionChange, saveDefinition } from '../core/campaigns/definition-update';
import { currentDefinitionVersion, definitionVersions } from '../core/campaigns/definition-versions';
import { nextEdition } from '../core/campaigns/new-edition';
import { createNewEdition } from '../core/campaigns/campaign-with-files';
import { currentOpenedPackage } from '../core/packages/package-pin';
import { KepuError } from '../core/errors';
import type { AppContext } from './context';

/** The parts of a definition a ranking is computed from, as one comparable string. */
function resultInputs(def: CampaignDefinition): string {
  return JSON.stringify({
    lists: def.lists.map((l) => [l.key, l.feeds, l.rubric.map((d) => [d.key, d.weight, d.scale]), l.eligibility.map((e) => e.key)]),
    judgesPerEntry: def.judgesPerEntry,
    window: [def.opensAt, def.deadline],
    kinds: def.entryKinds.map((k) => [k.kind, k.categories.map((c) => c.key)]),
    media: def.mediaRules,
  });
}

type DefinitionChannels = 'campaign:updateDefinition' | 'campaign:definitionImpact' | 'campaign:definitionVersions' | 'campaign:newEdition';

export function definitionHandlers(ctx: AppContext): Pick<Handlers, DefinitionChannels> {
  const actor = () => ctx.identity.status().name ?? 'local';
  return {
    'campaign:updateDefinition': ({ campaignId, definition, reason, newVersion }) => {
      const before = ctx.campaigns.definition(campaignId);
      if (currentOpenedPackage(ctx.db, campaignId)) throw new KepuError('DEFINITION_FROM_PACKAGE', `campaign: ${campaignId} came from a review package`, {});
      const { definition: after, affected } = checkDefinitionChange(ctx.db, campaignId, before, definition, { asNewVersion: newVersion !== undefined });
      // The rubric, judges per entry, the window, kinds, items and media rules feed the result:
      // after publication, a change to them asks first (names and texts do not).
      if (resultInputs(before) !== resultInputs(after)) ctx.publishedChanges.assertMayChange(campaignId, 'settings');
      const version = saveDefinition(ctx.db, campaignId, before, after, actor(), reason, newVersion && { statement: newVersion.statement, affected });
      return { version };
    },
    'campaign:definitionImpact': ({ campaignId, definition }) => {
      const before = ctx.campaigns.definition(campaignId);
      const { affected } = checkDefinitionChange(ctx.db, campaignId, before, definition, { asNewVersion: true });
      return { ...affected, currentVersion: currentDefinitionVersion(ctx.db, campaignId) };
    },
    'campaign:definitionVersions': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      return definitionVersions(ctx.db, campaignId);
    },
    'campaign:newEdition': ({ campaignId, shiftYears }) => {
      const summary = ctx.campaigns.summary(campaignId);
      const def = nextEdition(ctx.campaigns.definition(campaignId), shiftYears);
      // The notice's attachments come along (next year's forms start from this year's).
      return createNewEdition(ctx.db, ctx.campaigns, summary, def, actor);
    },
  };
}
