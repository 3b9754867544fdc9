// The hand check of a bundle's entries (issue 18): a merge of 200 bundles reads 250,000 entries,
// and zod walking them (plus the canonical-form walk and the comparison of zod's output with the
// parsed JSON) was most of the merge's CPU outside SQLite. This loop answers only "certainly
// valid": it accepts an entry when the BundleEntry schema (bundle.ts) certainly accepts it and the
// canonical-form walk (dsse.ts) certainly finds nothing in it; anything else, including every edge
// it does not bother to decide (a string over a limit in UTF-16 units but perhaps not in code
// points, a score spelled 1e400), answers false, and the bundle then goes through zod and the walk
// exactly as before, which name the refusal. So it can make a check faster, never different:
// tests/unit/exchange/bundle-entries-check.test.ts feeds every malformed variant to both and pins
// the schema it mirrors (a change to BundleEntry fails that test until this loop follows).
import { DEFINITION_KEY_RE, FILE_IDENTIFIER_RE } from '../../contract/identifiers';
import { eligibilityAnswers } from '../../contract/review';
import { LONE_SURROGATE_RE } from './dsse';

// An entry's keys in canonical (code-unit) order, with and without the optional entrantComment.
const ENTRY_KEYS = ['comment', 'complete', 'conflict', 'eligibility', 'entrantComment', 'entryId', 'regNo', 'revision', 'scores'];
const ENTRY_KEYS_WITHOUT_ENTRANT = ENTRY_KEYS.filter((k) => k !== 'entrantComment');
const ANSWERS: ReadonlySet<unknown> = new Set(eligibilityAnswers);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `keys` are exactly `expected`, in that order. */
function keysAre(keys: string[], expected: readonly string[]): boolean {
  if (keys.length !== expected.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== expected[i]) return false;
  return true;
}

/** A string zod's max(n) certainly accepts (n UTF-16 units are at most n code points) and the walk passes. */
function text(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max && (value === '' || !LONE_SURROGATE_RE.test(value));
}

/**
 * A record keyed by DefinitionKey.max(60), keys in code-unit order (such keys are ASCII and never
 * integer-like or reserved). `known` remembers keys already found valid (a rubric has a few).
 */
function record(value: unknown, known: Set<string>, item: (v: unknown) => boolean): boolean {
  if (!isObject(value)) return false;
  let previous = '';
  for (const key of Object.keys(value)) {
    if (!(previous < key)) return false;
    if (!known.has(key)) {
      if (key.length > 60 || !DEFINITION_KEY_RE.test(key)) return false;
      known.add(key);
    }
    if (!item(value[key])) return false;
    previous = key;
  }
  return true;
}

const finiteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const answer = (v: unknown) => isObject(v) && keysAre(Object.keys(v), ['answer', 'note']) && ANSWERS.has(v.answer) && text(v.note, 5_000);

/** True only when every entry certainly passes BundleEntry and the canonical walk, and no entry id repeats. */
export function entriesCertainlyValid(entries: readonly unknown[]): boolean {
  const ids = new Set<number>();
  const dimensions = new Set<string>();
  const items = new Set<string>();
  for (const entry of entries) {
    if (!isObject(entry)) return false;
    const keys = Object.keys(entry);
    if (!keysAre(keys, keys.length === ENTRY_KEYS.length ? ENTRY_KEYS : ENTRY_KEYS_WITHOUT_ENTRANT)) return false;
    const { comment, complete, conflict, eligibility, entrantComment, entryId, regNo, revision, scores } = entry;
    if (!text(comment, 20_000) || typeof complete !== 'boolean') return false;
    if (conflict !== null && !(isObject(conflict) && keysAre(Object.keys(conflict), ['reason']) && text(conflict.reason, 2_000))) return false;
    if (keys.length === ENTRY_KEYS.length && !(text(entrantComment, 20_000) && (entrantComment as string).length >= 1)) return false;
    if (typeof entryId !== 'number' || !Number.isSafeInteger(entryId) || entryId <= 0 || ids.has(entryId)) return false;
    ids.add(entryId);
    if (!text(regNo, 100) || (regNo as string).length < 1 || !FILE_IDENTIFIER_RE.test(regNo as string)) return false;
    if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) return false;
    if (!record(scores, dimensions, finiteNumber) || !record(eligibility, items, answer)) return false;
  }
  return true;
}
