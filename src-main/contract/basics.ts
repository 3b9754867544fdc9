// The basic vocabulary every other contract module uses (languages, bilingual text, instants,
// time zones, the kinds of campaigns, entries and entrants). Kept apart from domain.ts so modules
// that domain.ts itself builds on (ranking, compliance) can use it without an import cycle.
import { z } from 'zod';

export const languages = ['zh-CN', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Text a person reads, in both languages. */
export const LocalizedText = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

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

export const entryKinds = ['work', 'account', 'individual', 'applicant', 'brand'] as const;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

export const entrantTypes = ['unit', 'individual'] as const;
export const EntrantType = z.enum(entrantTypes);
export type EntrantType = z.infer<typeof EntrantType>;
