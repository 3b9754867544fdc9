// The record's channels: a campaign's audit rows, the chain check, and the CSV export.
import type { Handlers } from '../contract';
import { verifyAuditChain } from '../core/audit/audit-chain';
import { campaignAuditCsv, campaignAuditRows } from '../core/audit/audit-rows';
import { nowIso } from '../core/time';
import type { AppContext } from './context';
import { saveExport } from './export-file';

type AuditChannels = 'audit:list' | 'audit:verify' | 'audit:export';

const CSV_HEADERS = ['id', 'at', 'actor', 'action', 'subject', 'details_json', 'prev_hash', 'hash'];

export function auditHandlers(ctx: AppContext): Pick<Handlers, AuditChannels> {
  return {
    'audit:list': ({ campaignId, actions, text, offset, limit }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
      return campaignAuditRows(ctx.db, { campaignId, actions, text, offset, limit });
    },
    'audit:verify': () => {
      const check = verifyAuditChain(ctx.db);
      return { ...check, intact: check.problem === null && check.missingGuards.length === 0 };
    },
    'audit:export': ({ campaignId }) => {
      ctx.campaigns.summary(campaignId);
      const stamp = nowIso().replace(/[:.]/g, '-');
      return saveExport(ctx, `audit-${campaignId}-${stamp}.csv`, Buffer.from(campaignAuditCsv(ctx.db, campaignId, CSV_HEADERS), 'utf8'), 'text/csv');
    },
  };
}
