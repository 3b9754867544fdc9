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
/**
 * The canonical IANA names Intl knows, read once. Building the first Intl.DateTimeFormat of a
 * process loads ICU's date patterns (≈ 22 ms of CPU, every `kepu` command that reads a campaign's
 * definition paid it just to check its time zone); the list costs ≈ 2 ms. It holds canonical names
 * only, so any other name (an alias such as Asia/Calcutta, UTC spelled otherwise) is still decided
 * by a DateTimeFormat, as before: the same names are accepted either way.
 */
let canonicalZones: ReadonlySet<string> | undefined;

/** Whether Intl knows `tz` as a time zone. */
export function isKnownTimeZone(tz: string): boolean {
  canonicalZones ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  if (canonicalZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** IANA time zone name, e.g. Asia/Shanghai; checked against Intl where parsed. */
export const TimeZone = z.string().refine(isKnownTimeZone, 'unknown IANA time zone');

export const campaignKinds = ['works', 'committee'] as const;
export const CampaignKind = z.enum(campaignKinds);
export type CampaignKind = z.infer<typeof CampaignKind>;

export const entryKinds = ['work', 'account', 'individual', 'applicant', 'brand'] as const;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

export const entrantTypes = ['unit', 'individual'] as const;
export const EntrantType = z.enum(entrantTypes);
export type EntrantType = z.infer<typeof EntrantType>;
