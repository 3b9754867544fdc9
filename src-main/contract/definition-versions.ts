// Numbered versions of a campaign definition (issue 12): what an explicit new version says about
// the data it stops counting. A new version may remove a rubric dimension that has scores or an
// eligibility item that has answers; the rows stay in the database, set aside (no longer counted,
// never deleted), and the version records a statement in the coordinator's words plus this
// machine-readable summary of what it set aside.
import { z } from 'zod';
import { LocalizedText } from './basics';

/** Statement of a new version: what happens to the affected data, in the coordinator's words. */
export const NewVersionRequest = z.object({ statement: z.string().trim().min(1).max(1000) }).strict();
export type NewVersionRequest = z.infer<typeof NewVersionRequest>;

/** The collected data a new version sets aside. */
export const AffectedData = z.object({
  removedDimensions: z.array(z.object({ key: z.string(), label: LocalizedText, scores: z.number().int() })),
  removedItems: z.array(z.object({ key: z.string(), label: LocalizedText, answers: z.number().int() })),
});
export type AffectedData = z.infer<typeof AffectedData>;

export const DefinitionVersionView = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  actor: z.string(),
  reason: z.string(),
  /** Only for an explicit new version. */
  statement: z.string().nullable(),
  affected: AffectedData.nullable(),
});
export type DefinitionVersionView = z.infer<typeof DefinitionVersionView>;

/** What saving a changed definition as a new version would set aside (nothing is stored). */
export const DefinitionImpact = AffectedData.extend({
  /** The campaign's version now; the new version would be this + 1. */
  currentVersion: z.number().int(),
});
export type DefinitionImpact = z.infer<typeof DefinitionImpact>;
