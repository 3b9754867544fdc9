// An archived campaign is read-only. Rather than a check in every handler (and one forgotten in
// the next), every channel is classified here once: `null` for a channel that changes no existing
// campaign, otherwise how to find the campaign a request would change. The table is typed over
// all channel names, so a new channel does not compile until someone decides which it is. Every
// handler is wrapped: a change to an archived campaign is refused with CAMPAIGN_ARCHIVED before
// the handler runs. Reads, exports and verification stay allowed.
import type { Database } from 'better-sqlite3';
import type { ChannelName, Handlers } from '../contract';
import { assertNotArchived } from '../core/campaigns/archive';
import { campaignOfCertificate } from '../core/certificates/certificate-repo';
import { campaignOfAsset } from '../core/media/asset-repo';
import type { AppContext } from './context';

type CampaignOf = (db: Database, request: Record<string, unknown>) => string | null | undefined;

const byCampaignId: CampaignOf = (_db, request) => request.campaignId as string;
const byAsset: CampaignOf = (db, request) => campaignOfAsset(db, request.assetId);
const bySerial: CampaignOf = (db, request) => campaignOfCertificate(db, request.serial);

export const campaignChanges = {
  'app:info': null,
  'settings:get': null,
  'settings:update': null,
  'template:list': null,
  'template:show': null,
  'campaign:list': null,
  'campaign:get': null,
  'campaign:create': null,
  'programme:check': null,
  'campaign:createFromProgramme': null,
  'campaign:createBlank': null,
  'campaign:definitionImpact': null,
  'campaign:exportProgramme': null,
  'campaign:updateDefinition': byCampaignId,
  'campaign:definitionVersions': null,
  // Next year's edition is a new campaign, made from the archived one's definition.
  'campaign:newEdition': null,
  // Archiving and restoring to the list are the way out; an archived campaign may be deleted.
  'campaign:archive': null,
  'campaign:delete': null,
  'campaign:restore': null,
  // The notice's attachments: reading and saving a copy stay allowed, adding and removing do not.
  'campaign:noticeFiles': null,
  'campaign:addNoticeFile': byCampaignId,
  'campaign:removeNoticeFile': byCampaignId,
  'campaign:saveNoticeFile': null,
  // The record is read and exported, never changed through a channel.
  'audit:list': null,
  'audit:verify': null,
  'audit:export': null,
  'entry:list': null,
  'entry:get': null,
  'entry:tieEvidence': byAsset,
  'demo:load': null,
  'intake:preview': null,
  'intake:import': byCampaignId,
  'intake:template': null,
  'intake:rejectedRows': null,
  'reach:import': byCampaignId,
  'reach:entry': null,
  'media:link': byCampaignId,
  'media:lastFolder': null,
  'media:assetState': null,
  'media:recheckAsset': byAsset,
  'job:status': null,
  'job:cancel': null,
  'compliance:report': null,
  'compliance:export': null,
  'judge:list': null,
  'judge:create': byCampaignId,
  'judge:update': byCampaignId,
  // Which judge's reviews the workspace shows: a viewing preference, not the campaign's data.
  'judge:activate': null,
  'review:queue': null,
  'review:get': null,
  'review:score': byCampaignId,
  'review:comment': byCampaignId,
  'review:entrantComment': byCampaignId,
  'review:eligibility': byCampaignId,
  'review:conflict': byCampaignId,
  'review:complete': byCampaignId,
  'assignment:run': byCampaignId,
  'assignment:coverage': null,
  'assignment:entry': null,
  'assignment:set': byCampaignId,
  'assignment:matrix': null,
  'assignment:move': byCampaignId,
  'identity:status': null,
  'identity:create': null,
  'identity:unlock': null,
  'identity:lock': null,
  'identity:sealWithPassphrase': null,
  'identity:keycard': null,
  'judge:registerKeyCard': byCampaignId,
  'package:export': byCampaignId,
  // The campaign is known only once the package was read: core/packages/open-package.ts checks.
  'package:open': null,
  'package:locateMedia': byCampaignId,
  'bundle:export': byCampaignId,
  'bundle:merge': byCampaignId,
  'bundle:mergeJob': byCampaignId,
  'ranking:config': null,
  'ranking:configure': byCampaignId,
  'ranking:summary': null,
  'ranking:warm': null,
  'ranking:list': null,
  'ranking:entry': null,
  'ranking:committee': null,
  'ranking:lock': byCampaignId,
  'ranking:snapshots': null,
  'ranking:verify': null,
  'ranking:export': null,
  'ranking:exportJob': null,
  'ranking:allowChanges': byCampaignId,
  // Decisions on entries are read freely; taking one changes the campaign.
  'decision:list': null,
  'decision:set': byCampaignId,
  'feedback:get': null,
  'feedback:choose': byCampaignId,
  'feedback:hold': byCampaignId,
  // Writes files only: an archived campaign's letters may still be exported.
  'letters:export': null,
  'letters:jobFile': null,
  // Writes files only (showcase folder, posters): an archived campaign's results may still be announced.
  'showcase:export': null,
  'posters:export': null,
  'showcase:jobFile': null,
  // Reads winners; keeps a captured video frame in the data folder (not the campaign's record).
  'showcase:videoWinners': null,
  'showcase:storeFrame': null,
  // Whole-data backups touch no campaign's rows (a restore swaps the whole database at the next start).
  'backup:create': null,
  'backup:list': null,
  'backup:restore': null,
  'backup:restart': null,
  'backup:settings': null,
  // The shortlist between rounds: read and previewed freely; making and adjusting change the campaign.
  'shortlist:get': null,
  'shortlist:preview': null,
  'shortlist:make': byCampaignId,
  'shortlist:adjust': byCampaignId,
  // Levels: exporting a shortlist file reads; importing one adds entries.
  'shortlist:exportFile': null,
  'shortlist:inspectFile': null,
  'shortlist:importFile': byCampaignId,
  'certificates:settings': null,
  'certificates:saveSettings': byCampaignId,
  'certificates:setImage': byCampaignId,
  'certificates:lists': null,
  'certificates:preview': null,
  // Exporting issues the serials not issued yet.
  'certificates:export': byCampaignId,
  'certificates:jobFile': null,
  'certificates:issuers': null,
  'certificates:trustIssuer': null,
  'certificates:issued': null,
  'certificates:reissue': bySerial,
  'certificates:revoke': bySerial,
  'certificates:verify': null,
  'certificates:renew': bySerial,
  'moderation:list': null,
  'moderation:set': byCampaignId,
  'moderation:withdraw': byCampaignId,
  'formalCheck:list': null,
  'formalCheck:set': byCampaignId,
  'formalCheck:acceptSuggestions': byCampaignId,
  'round:list': null,
  'round:close': byCampaignId,
  // 公示: reading, previewing, exporting and saving an attachment stay allowed.
  'notice:list': null,
  'notice:preview': null,
  'notice:create': byCampaignId,
  'notice:update': byCampaignId,
  'notice:export': null,
  'objection:list': null,
  'objection:add': byCampaignId,
  'objection:resolve': byCampaignId,
  'objection:addFile': byCampaignId,
  'objection:saveFile': null,
  // Every judge's scores: reading and exporting only.
  'scores:entry': null,
  'scores:export': null,
  'scores:sheet': null,
  'scores:exportJob': null,
  // The progress board: reading only.
  'progress:board': null,
  // Committee membership steps: recording changes the campaign.
  'membership:board': null,
  'membership:record': byCampaignId,
  'membership:history': null,
  'membership:screenshot': null,
  // The roster across campaigns: an activity is recorded on the member's campaign.
  'roster:list': null,
  'roster:addActivity': byCampaignId,
  'roster:export': null,
} as const satisfies Record<ChannelName, CampaignOf | null>;

/** `handlers`, each refusing a change to an archived campaign before it runs. */
export function refuseChangesWhenArchived(ctx: Pick<AppContext, 'db'>, handlers: Handlers): Handlers {
  const wrapped: Record<string, (request: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [ChannelName, (request: unknown) => unknown][]) {
    const campaignOf: CampaignOf | null = campaignChanges[channel];
    wrapped[channel] = campaignOf
      ? (request) => {
          const campaignId = campaignOf(ctx.db, (request ?? {}) as Record<string, unknown>);
          if (campaignId) assertNotArchived(ctx.db, campaignId);
          return handler(request);
        }
      : handler;
  }
  return wrapped as Handlers;
}
