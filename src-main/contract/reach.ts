// Reach figures and public votes (issue 16): an account's or a work's followers, views, likes,
// shares and comments, and the public-vote count (网络投票), each with the date it was counted and
// where it came from (the platform's export file, a screenshot), imported from a spreadsheet by
// registration number. They inform the communication dimension; they are not scores.
import { z } from 'zod';
import type { ChannelMap } from './channel-def';
import { IntakeSource, RowError } from './intake';

const Id = z.string().min(1).max(100);

import { ReachMetric } from './domain';
export { ReachMetric } from './domain';
export { reachMetrics } from './definition-terms';

export const ReachFigure = z.object({
  metric: ReachMetric,
  value: z.number().int().nonnegative(),
  /** The day it was counted (YYYY-MM-DD), null when the file did not say. */
  asOf: z.string().nullable(),
  /** Where it came from, as the file says (a platform export, a screenshot's name); null: not said. */
  source: z.string().nullable(),
});
export type ReachFigure = z.infer<typeof ReachFigure>;

export const ReachImportReport = z.object({
  fileName: z.string(),
  totalRows: z.number().int(),
  /** Rows whose figures were stored (new or changed), and rows that changed nothing. */
  stored: z.array(z.number().int()),
  unchanged: z.array(z.number().int()),
  rejected: z.array(z.object({ row: z.number().int(), regNo: z.string().nullable(), errors: z.array(RowError) })),
  /** The metrics the file's columns were read as. */
  metrics: z.array(ReachMetric),
});
export type ReachImportReport = z.infer<typeof ReachImportReport>;

export const reachChannels = {
  /** Reach figures from a CSV/XLSX with a registration-number column and one column per metric. */
  'reach:import': { request: z.object({ campaignId: Id, source: IntakeSource }).strict(), response: ReachImportReport },
  'reach:entry': { request: z.object({ entryId: z.number().int().positive() }).strict(), response: z.array(ReachFigure) },
} as const satisfies ChannelMap;
