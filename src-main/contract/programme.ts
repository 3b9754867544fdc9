// Programme files (.kepuprog): a campaign definition travelling between installations, so
// associations can share a programme and start next year's edition from it. The built-in
// templates are such files. Format in docs/formats.md ("Programme file").
import { z } from 'zod';
import { CampaignDefinition, LocalizedText } from './domain';

import { PROGRAMME_FORMAT, PROGRAMME_FORMAT_V1 } from './programme-format';

export * from './programme-format';

/** One attachment of the notice; `sha256` (hex) of the decoded `data` is checked on reading. */
export const ProgrammeAttachment = z
  .object({
    fileName: z.string().min(1).max(255),
    mediaType: z.string().min(1).max(200),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The bytes, base64 (standard alphabet, padded). */
    data: z.string().min(4).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();
export type ProgrammeAttachment = z.infer<typeof ProgrammeAttachment>;

/** What a programme file holds; `id` names the programme (campaigns made from it record it). */
export const ProgrammeFile = z
  .object({
    // A /1 file is read as /2: its definition is upgraded (definition-upgrade.ts) and written back as /2.
    format: z.enum([PROGRAMME_FORMAT, PROGRAMME_FORMAT_V1]).transform((): typeof PROGRAMME_FORMAT => PROGRAMME_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    description: LocalizedText,
    source: z.string().max(2_000),
    definition: CampaignDefinition,
    /**
     * The notice's attachment files (报名表.docx…), bytes inline. Optional: files written before
     * attachments existed, and programmes without any, have none (and are written without the key).
     */
    attachments: z.array(ProgrammeAttachment).max(200).optional(),
  })
  .strict();
export type ProgrammeFile = z.infer<typeof ProgrammeFile>;

/** One thing wrong with a definition, named by its path in the file (e.g. definition.rubric.2.key). */
export const DefinitionProblem = z.object({
  code: z.string(),
  path: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type DefinitionProblem = z.infer<typeof DefinitionProblem>;

export const ProgrammeCheck = z.object({
  valid: z.boolean(),
  /** Every problem found, in file order; empty when valid. */
  problems: z.array(DefinitionProblem),
  programme: z.object({ id: z.string(), name: LocalizedText, kind: z.string() }).nullable(),
  /**
   * The file's definition when its schema holds (even with problems of the rules), so a problem
   * can be shown with its place and labels instead of a path and keys (contract/definition-places).
   */
  definition: CampaignDefinition.nullable(),
});
export type ProgrammeCheck = z.infer<typeof ProgrammeCheck>;
