// Domain schemas shared by every layer. Pure zod: no node:, electron or DOM imports here.
// A campaign definition is data (DESIGN.md §2): templates are campaign definitions with an id.
import { z } from 'zod';
import { DefinitionKey } from './identifiers';

export const languages = ['zh-CN', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Text a person reads, in both languages. */
export const LocalizedText = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

const Key = DefinitionKey;

/** An instant with an explicit offset, e.g. 2023-12-25T18:00:00+08:00. */
export const OffsetDateTime = z.iso.datetime({ offset: true });
/** IANA time zone name, e.g. Asia/Shanghai; checked against Intl where parsed. */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

export const campaignKinds = ['works', 'committee'] as const;
export const CampaignKind = z.enum(campaignKinds);
export type CampaignKind = z.infer<typeof CampaignKind>;

export const entryKinds = ['work', 'account', 'individual', 'applicant'] as const;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

export const entrantTypes = ['unit', 'individual'] as const;
export const EntrantType = z.enum(entrantTypes);
export type EntrantType = z.infer<typeof EntrantType>;

export const fieldTypes = ['text', 'longtext', 'phone', 'email', 'url', 'datetime', 'choice'] as const;

export const FieldDef = z.object({
  key: Key,
  label: LocalizedText,
  type: z.enum(fieldTypes),
  required: z.boolean(),
  /** Header names a registration spreadsheet may use for this field (both languages). */
  aliases: z.array(z.string()).default([]),
  choices: z.array(z.object({ key: Key, label: LocalizedText })).optional(),
  /**
   * Names or points to the entrant (authors, unit, phone, a link to their account…): hidden from
   * judges under blind review. Absent in definitions written before the flag existed; see
   * core/campaigns/identifying-fields for how those are read.
   */
  identifying: z.boolean().optional(),
});
export type FieldDef = z.infer<typeof FieldDef>;

export const EntryKindDef = z.object({
  kind: EntryKind,
  label: LocalizedText,
  categories: z.array(z.object({ key: Key, label: LocalizedText })).default([]),
  fields: z.array(FieldDef),
});
export type EntryKindDef = z.infer<typeof EntryKindDef>;

export const RubricDimension = z
  .object({
    key: Key,
    label: LocalizedText,
    description: LocalizedText,
    weight: z.number().positive(),
    scale: z.object({ min: z.number(), max: z.number(), step: z.number().positive() }),
    /** Level descriptors shown next to the score control. */
    anchors: z.array(z.object({ score: z.number(), label: LocalizedText })).default([]),
  })
  .refine((d) => d.scale.max > d.scale.min, { message: 'scale.max must exceed scale.min', path: ['scale'] });
export type RubricDimension = z.infer<typeof RubricDimension>;

export const EligibilityItem = z.object({
  key: Key,
  label: LocalizedText,
  /** What evidence the judge looks for. */
  evidence: LocalizedText,
});
export type EligibilityItem = z.infer<typeof EligibilityItem>;

/**
 * Media rules. Sizes are stored in bytes; `sizeUnit` records how the organiser's wording was read
 * ("100M" in the Sichuan notice is taken as 100 MB = 100 × 10^6 bytes, the SI reading that matches
 * what file managers on Windows/macOS call "MB" only approximately — so the unit is explicit).
 */
export const MediaRules = z.object({
  video: z.object({
    containers: z.array(z.string()).min(1),
    maxSizeBytes: z.number().int().positive().nullable(),
    sizeUnit: z.enum(['MB', 'MiB']),
    maxDurationSeconds: z.number().positive().nullable(),
    playableVideoCodecs: z.array(z.string()),
    playableAudioCodecs: z.array(z.string()),
  }),
  image: z.object({ minWidth: z.number().int().nonnegative(), minHeight: z.number().int().nonnegative() }),
});
export type MediaRules = z.infer<typeof MediaRules>;

export const CertificateKindDef = z.object({
  key: Key,
  label: LocalizedText,
  /** null: does not expire. */
  validityMonths: z.number().int().positive().nullable(),
});

export const CampaignDefinition = z.object({
  kind: CampaignKind,
  name: LocalizedText,
  organizers: z.array(LocalizedText).min(1),
  timeZone: TimeZone,
  opensAt: OffsetDateTime.nullable(),
  deadline: OffsetDateTime,
  entrantTypes: z.array(EntrantType).min(1),
  entryKinds: z.array(EntryKindDef).min(1),
  rubric: z.array(RubricDimension).min(1),
  eligibility: z.array(EligibilityItem),
  mediaRules: MediaRules,
  certificates: z.array(CertificateKindDef),
  judgesPerEntry: z.number().int().min(1).max(15),
  blindReview: z.boolean(),
});
export type CampaignDefinition = z.infer<typeof CampaignDefinition>;

export const CampaignTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: LocalizedText,
  source: z.string(),
  definition: CampaignDefinition,
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;
