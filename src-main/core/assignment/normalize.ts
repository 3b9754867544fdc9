// Institution names are typed by people: "四川大学华西医院", "四川大学 华西医院", "四川大学（华西医院）"
// and full-width "ＷＣＨＳＵ" must compare equal. NFKC folds full-width and compatibility forms,
// lower-casing folds Latin case, and only letters, digits and combining marks are kept, so spaces,
// punctuation (Chinese and Western), symbols and invisible format characters do not count.
// Equality of the normalised strings is the rule; no fuzzy or substring matching (a university and
// its hospital are different institutions, and a false "same institution" silently removes a judge).

/** The comparable form of a name, or null when nothing comparable is left (null, '', '—'). */
export function normalizeName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const folded = name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}\p{M}]/gu, '');
  return folded === '' ? null : folded;
}

/** Speciality and category keys: trimmed and lower-cased (template keys are lower-case already). */
export function normalizeKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  const k = key.normalize('NFKC').trim().toLowerCase();
  return k === '' ? null : k;
}
