// Which registration fields identify the entrant, and so are hidden from judges under blind
// review (in the review workspace and in the review packages judges receive). The campaign
// definition says so per field (`identifying`); definitions stored before that flag existed did not,
// and were hidden by this fixed list of keys, which still decides for a field without the flag.
import type { CampaignDefinition } from '../../contract';

const IDENTIFYING_BEFORE_THE_FLAG = new Set(['authors', 'unit', 'name', 'phone', 'email', 'hospital', 'department', 'account_name', 'link', 'platforms', 'published_link']);

/** Keys of the fields to hide under blind review for entries of `kind`. */
export function identifyingFieldKeys(def: CampaignDefinition, kind: string): Set<string> {
  const keys = new Set<string>();
  for (const k of def.entryKinds.filter((x) => x.kind === kind)) {
    for (const field of k.fields) if (field.identifying ?? IDENTIFYING_BEFORE_THE_FLAG.has(field.key)) keys.add(field.key);
  }
  return keys;
}

/** An entry's fields as a judge may see them. */
export function fieldsForJudges(def: CampaignDefinition, kind: string, fields: Record<string, string>): Record<string, string> {
  if (!def.blindReview) return fields;
  const hidden = identifyingFieldKeys(def, kind);
  const defined = new Set(def.entryKinds.filter((k) => k.kind === kind).flatMap((k) => k.fields.map((f) => f.key)));
  // A stored value whose field the definition no longer lists: hidden when its key used to be.
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !hidden.has(key) && (defined.has(key) || !IDENTIFYING_BEFORE_THE_FLAG.has(key))));
}
