// Domain schemas shared by every layer. Pure zod: no node:, electron or DOM imports here.
// A campaign definition is data (DESIGN.md §2): templates are campaign definitions with an id.
import { z } from 'zod';
import { DefinitionKey } from './identifiers';
import { EntrantType, EntryKind, CampaignKind, LocalizedText, OffsetDateTime, TimeZone } from './basics';
import { upgradeDefinition } from './definition-upgrade';
import { organizerRoles, reachBlendMethods, reachMetrics } from './definition-terms';
import { RankingMethod, TierRule } from './ranking-config';

export * from './basics';

const Key = DefinitionKey;

/** number: a plain decimal; date: a calendar day (YYYY-MM-DD); file: a file name or path the entrant sent. */
export const fieldTypes = ['text', 'longtext', 'number', 'date', 'datetime', 'choice', 'phone', 'email', 'url', 'file'] as const;
export type FieldType = (typeof fieldTypes)[number];

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
  /** Retired: no longer asked for (imports ignore the column); values already collected are kept and shown. */
  retired: z.boolean().optional(),
});
export type FieldDef = z.infer<typeof FieldDef>;

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
    /** A video work must hold a video stream (an audio-only .mp4 is refused). Absent: required. */
    requireVideoStream: z.boolean().optional(),
  }),
  image: z.object({ minWidth: z.number().int().nonnegative(), minHeight: z.number().int().nonnegative() }),
});
export type MediaRules = z.infer<typeof MediaRules>;

export const CategoryDef = z.object({
  key: Key,
  label: LocalizedText,
  /** Retired: new registrations may not use it; entries already in it stay and are judged. */
  retired: z.boolean().optional(),
  /** This category's own media rules; absent: the campaign's. */
  mediaRules: MediaRules.optional(),
});
export type CategoryDef = z.infer<typeof CategoryDef>;

/**
 * A completeness rule on an entry: at least one of the named things is present — a field with a
 * value, or linked media of a role (e.g. Sichuan: "an account needs a link or a screenshot").
 */
export const EntryRule = z.object({
  key: Key,
  anyOf: z
    .array(z.union([z.object({ field: Key }), z.object({ media: z.enum(['video', 'image', 'screenshot', 'document']) })]))
    .min(2),
});
export type EntryRule = z.infer<typeof EntryRule>;

export const EntryKindDef = z.object({
  kind: EntryKind,
  label: LocalizedText,
  categories: z.array(CategoryDef).default([]),
  fields: z.array(FieldDef),
  rules: z.array(EntryRule).default([]),
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
    /** The entry's reach figures and public votes are shown beside this dimension (传播 / communication); absent: not. */
    showsReach: z.boolean().optional(),
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

/** Which entries feed a list: a kind, and of it these categories (null: every category, and entries without one). */
export const ListFeed = z.object({ kind: EntryKind, categories: z.array(Key).nullable() });
export type ListFeed = z.infer<typeof ListFeed>;

/** The kinds of round a list runs (issue 14): a formal check (形式审查) by staff, or a scoring round by judges. */
export const roundKinds = ['formal', 'scoring'] as const;
export type RoundKind = (typeof roundKinds)[number];

/**
 * Who goes on from a scoring round to the next, per category: the top `value` entries, the top
 * `value` % of them, or every entry scoring at least `value`.
 */
export const ShortlistRule = z.object({ by: z.enum(['top', 'percent', 'threshold']), value: z.number().positive() }).strict();
export type ShortlistRule = z.infer<typeof ShortlistRule>;

/** A formal check: staff mark each entry pass / fail / fix needed, with a reason. */
export const FormalRoundDef = z.object({ key: Key, name: LocalizedText, kind: z.literal('formal') }).strict();
export type FormalRoundDef = z.infer<typeof FormalRoundDef>;

/**
 * A scoring round: its panel, judges per entry, rubric (contract/lists rubricOfRound), due date
 * (shown to its judges), shortlist to the next round and carry-over weight (core/ranking/carry-over).
 * Every field but key, name and kind has a default, so older programme files stay valid.
 */
export const ScoringRoundDef = z
  .object({
    key: Key,
    name: LocalizedText,
    kind: z.literal('scoring'),
    /** The judges (judge keys) of this round; null: every judge of the campaign. */
    panel: z.array(z.string().min(1).max(100)).min(1).nullable().default(null),
    /** null: the campaign's judgesPerEntry. */
    judgesPerEntry: z.number().int().min(1).max(15).nullable().default(null),
    /** The round's own rubric; null: the list's. */
    rubric: z.array(RubricDimension).min(1).nullable().default(null),
    /** When the judges' scores are due; null: not stated. */
    dueAt: OffsetDateTime.nullable().default(null),
    /** Who goes on to the next round; null: nobody is shortlisted (the last round). */
    shortlist: ShortlistRule.nullable().default(null),
    /**
     * Final = w × previous scoring round's total + (1 − w) × this round's (core/ranking/carry-over.ts);
     * 0: this round alone. Below 1: a round that only repeats the previous one is not a round.
     */
    carryOver: z.number().min(0).lt(1).default(0),
  })
  .strict();
export type ScoringRoundDef = z.infer<typeof ScoringRoundDef>;

export const RoundDef = z.discriminatedUnion('kind', [FormalRoundDef, ScoringRoundDef]);
export type RoundDef = z.infer<typeof RoundDef>;

/**
 * One published list of a campaign (Sichuan runs two: the influence list and the brand value
 * list). Every entry belongs to exactly one list, found from its kind and category; the list gives
 * the rubric it is scored on, the eligibility items its judges answer and the certificate its
 * winners receive; each list is ranked (by category) apart from the others, by its own method and
 * award tiers when the programme states them, else by those of the campaign's ranking settings
 * (contract/lists.ts rankingRulesFor). Dimension and eligibility keys are
 * unique across the whole campaign, so a stored score names its dimension without naming the list.
 */
/** The reach figures and public votes an entry may carry (contract/reach.ts imports them from here). */
export const ReachMetric = z.enum(reachMetrics);
export type ReachMetric = z.infer<typeof ReachMetric>;

/**
 * A list's judges' scores blended with one reach figure (issue 16; core/ranking/blend.ts says how):
 * blended = (1 − weight) × judges' score + weight × reach part, where the reach part places the
 * entry's figure on the span of the judges' scores in its category — by its percentile among the
 * category's entries (`percentile`), or by log(1 + figure) / log(1 + the category's largest)
 * (`log`). Absent: the list ranks on the judges' scores alone.
 */
export const ReachBlend = z
  .object({ metric: ReachMetric, weight: z.number().gt(0).lt(1), method: z.enum(reachBlendMethods) })
  .strict();
export type ReachBlend = z.infer<typeof ReachBlend>;

export const ListDef = z.object({
  key: Key,
  name: LocalizedText,
  feeds: z.array(ListFeed).min(1),
  rubric: z.array(RubricDimension).min(1),
  eligibility: z.array(EligibilityItem).default([]),
  /** definition.certificates[].key its award certificates use; null: the usual award kind. */
  certificateKind: Key.nullable().default(null),
  /** The method the published list is ranked by; null: the ranking settings' primary method. */
  method: RankingMethod.nullable().default(null),
  /** The list's award tiers (e.g. 10 first prizes); null: the ranking settings' tiers. */
  tiers: z.array(TierRule).nullable().default(null),
  /**
   * The list's rounds in order. Absent (or empty): one scoring pass, as before rounds existed —
   * absent stays absent when read and written, so definitions, programme files and the hashes of
   * locked results made without rounds are unchanged.
   */
  rounds: z.array(RoundDef).optional(),
  /** Reach or public votes blended into the score (issue 16); absent: judges' scores alone (and old definitions keep their bytes). */
  blend: ReachBlend.optional(),
});
export type ListDef = z.infer<typeof ListDef>;

/**
 * Committee membership steps (issue 17; contract/membership.ts). What a step's record holds: an account on a platform (platform, account name, link, screenshot,
 * verified), a publication (link, screenshot) or a confirmation (a note).
 */
export const stepEvidenceKinds = ['account', 'publication', 'confirmation'] as const;
export const StepEvidence = z.enum(stepEvidenceKinds);
export type StepEvidence = z.infer<typeof StepEvidence>;

/**
 * A step's name (and platform) in the two languages, one of which may still be empty: the steps are
 * the coordinator's working checklist, never printed, so a name in one language is enough to save
 * (the editor and the board show the other language's name until it is translated). At least one
 * name is required: core/campaigns/validate-definition.ts (DEFINITION_STEP_NAME_MISSING).
 */
export const StepText = z.object({ 'zh-CN': z.string().max(200), en: z.string().max(200) });
export type StepText = z.infer<typeof StepText>;

export const MembershipStepDef = z
  .object({
    key: Key,
    label: StepText,
    evidence: StepEvidence,
    /** For an account step: the platform it is on (小荷医生, 今日头条, 抖音…). */
    platform: StepText.nullable().default(null),
    /** An optional step is recorded but does not hold the certificate back. */
    required: z.boolean().default(true),
  })
  .strict();
export type MembershipStepDef = z.infer<typeof MembershipStepDef>;

export const CertificateKindDef = z.object({
  key: Key,
  label: LocalizedText,
  /** null: does not expire. */
  validityMonths: z.number().int().positive().nullable(),
  /** The large title printed on the certificate; absent: the label. */
  title: LocalizedText.optional(),
  /** Put before the serial number (e.g. "SC2025-"); absent: none. */
  serialPrefix: z.string().regex(/^[A-Za-z0-9-]{1,16}$/).optional(),
  /**
   * A membership certificate's steps after selection, in order; the certificate is issued only
   * once every required one is done. Absent stays absent (older definitions keep their bytes).
   */
  steps: z.array(MembershipStepDef).optional(),
});
export type CertificateKindDef = z.infer<typeof CertificateKindDef>;

export { organizerRoles };
export const OrganizerRole = z.enum(organizerRoles);
export type OrganizerRole = z.infer<typeof OrganizerRole>;
export const Organizer = z.object({ name: LocalizedText, role: OrganizerRole });
export type Organizer = z.infer<typeof Organizer>;

/** Who entrants and the public contact (printed on exports and public notices). */
export const Contact = z.object({
  person: z.string().trim().max(100),
  phone: z.string().trim().max(50),
  email: z.string().trim().max(200),
});
export type Contact = z.infer<typeof Contact>;

/** Text that may be long and may be left empty in one language. */
export const NoticeText = z.object({ 'zh-CN': z.string().max(20_000), en: z.string().max(20_000) });

export const AssignmentRules = z.object({
  /** A judge never reviews an entry from their own institution. */
  excludeOwnInstitution: z.boolean().default(true),
  /** Prefer judges whose speciality names the entry's category. */
  matchSpeciality: z.boolean().default(false),
});
export type AssignmentRules = z.infer<typeof AssignmentRules>;

/** The definition as written today (see definition-upgrade for the earlier shape, read on the way in). */
export const CampaignDefinitionShape = z
  .object({
  kind: CampaignKind,
  name: LocalizedText,
  /** The edition's year as people call it (2023 for the "2023 … list"); null: none stated. */
  editionYear: z.number().int().min(1900).max(2999).nullable().default(null),
  organizers: z.array(Organizer).min(1),
  contact: Contact.nullable().default(null),
  /** The programme's own notice (征集通知), shown to coordinators and judges. */
  notice: NoticeText.nullable().default(null),
  timeZone: TimeZone,
  opensAt: OffsetDateTime.nullable(),
  deadline: OffsetDateTime,
  entrantTypes: z.array(EntrantType).min(1),
  entryKinds: z.array(EntryKindDef).min(1),
  lists: z.array(ListDef).min(1),
  mediaRules: MediaRules,
  certificates: z.array(CertificateKindDef),
  judgesPerEntry: z.number().int().min(1).max(15),
  blindReview: z.boolean(),
  assignment: AssignmentRules.default({ excludeOwnInstitution: true, matchSpeciality: false }),
  })
  // Strict: a key of neither shape (say a top-level rubric beside the lists) is refused, not dropped.
  .strict();

/** A campaign definition; definitions in the first shape (one rubric, organizers as names) are upgraded as they are read. */
export const CampaignDefinition = z.preprocess(upgradeDefinition, CampaignDefinitionShape);
export type CampaignDefinition = z.infer<typeof CampaignDefinitionShape>;

export const CampaignTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: LocalizedText,
  source: z.string(),
  definition: CampaignDefinition,
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;
