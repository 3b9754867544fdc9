// The record (issue 14): a campaign's part of the audit log, the check of the installation's hash
// chain, and its export. Rows are shown as recorded; the UI translates actions and says who.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { ExportFile } from './compliance';

const Id = z.string().min(1).max(100);

export const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  /** 'local' (this computer's user) or the key id of the coordinator who signed. */
  actor: z.string(),
  actorKind: z.enum(['local', 'judge', 'key']),
  actorName: z.string().nullable(),
  /** For a coordinator's key: its fingerprint as Settings shows it ("K7QX-3MPA-…"), never the hex key id. */
  actorFingerprint: z.string().nullable().default(null),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditPage = z.object({ total: z.number().int(), actions: z.array(z.string()), rows: z.array(AuditRow) });
export type AuditPage = z.infer<typeof AuditPage>;

export const auditProblemKinds = ['changed', 'link', 'unchained', 'head_mismatch', 'head_signature'] as const;

export const AuditCheckView = z.object({
  /** Every row of the installation's log (one chain). */
  rows: z.number().int(),
  head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  problem: z.object({ kind: z.enum(auditProblemKinds), id: z.number().int(), at: z.string(), action: z.string() }).nullable(),
  missingGuards: z.array(z.string()),
  signedHeads: z.number().int(),
  intact: z.boolean(),
});
export type AuditCheckView = z.infer<typeof AuditCheckView>;

export const auditChannels = {
  /** The campaign's rows, newest first, filtered by action and words. */
  'audit:list': {
    request: z
      .object({
        campaignId: Id,
        actions: z.array(z.string().max(100)).max(50).default([]),
        text: z.string().max(200).default(''),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    response: AuditPage,
  },
  /** Walks the whole chain and the heads that published results signed. */
  'audit:verify': { request: z.object({}).strict(), response: AuditCheckView },
  /** The campaign's rows as CSV, oldest first, hashes included; kept among the exports. */
  'audit:export': { request: z.object({ campaignId: Id }).strict(), response: ExportFile },
} as const satisfies ChannelMap;
