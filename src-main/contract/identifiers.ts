// Identifiers people and files hand us: what characters they may hold. Two threats drive this:
// - Bidirectional control characters (U+202A–U+202E embeddings/overrides, U+2066–U+2069 isolates)
//   are invisible and reorder what is displayed: "SC-0001\u202E1000" reads like another number, a
//   title can show a different text than it holds ("Trojan Source"). In an identifier they are
//   refused; in free text they are flagged (a row warning at import) and shown as visible markers.
// - Registration numbers end up in file and folder names (media matching), CSV cells and CLI
//   output, so they take only a plain character set: Latin and CJK letters (Han, kana, Hangul,
//   Bopomofo), the digits 0–9 and - _ / . — starting with a letter or digit (so never "-…", "=…",
//   "." or ".."). They are read in NFKC form first, so a number typed with a full-width IME
//   ("ＳＣ－０００１") is the same number as "SC-0001"; Cyrillic and Greek letters, whose look-alikes
//   ("ЅС-0001") would pass for another entry's number, are refused.
import { z } from 'zod';

export const BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROL_ALL_RE = /[\u202A-\u202E\u2066-\u2069]/g;

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL_RE.test(text);
}

/** The text with every bidi control replaced by a visible marker, e.g. "[U+202E]", for messages and previews. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL_ALL_RE, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

export const REG_NO_MAX_LENGTH = 100;
const REG_NO_LETTER = '\\p{Script=Latin}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}';
export const REG_NO_RE = new RegExp(`^[${REG_NO_LETTER}0-9][${REG_NO_LETTER}0-9\\-_/.]*$`, 'u');

/** The form a registration number is compared and stored in (full-width → ASCII, and so on). */
export function normalizeRegNo(text: string): string {
  return text.normalize('NFKC');
}

export function isSafeRegNo(text: string): boolean {
  return text.length <= REG_NO_MAX_LENGTH && REG_NO_RE.test(text);
}

/**
 * An identifier read from a file another installation wrote (package, bundle): ids are generated
 * (j-…, pkg-…, template-…), registration numbers may predate REG_NO_RE, so the rule here is only
 * what no identifier may ever hold: control characters (C0, DEL, C1) and bidi controls.
 */
export const FILE_IDENTIFIER_RE = /^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+$/;
export const FileIdentifier = z.string().min(1).max(100).regex(FILE_IDENTIFIER_RE, 'no control or bidirectional control characters');

/**
 * A person's name or institution (a judge, a coordinator, a key card's holder): free text, but it
 * identifies who signed or scored, so a bidirectional control, which can make one name display as
 * another, is refused rather than flagged.
 */
export function withoutBidiControls<S extends z.ZodType<string | null | undefined>>(schema: S) {
  return schema.refine((text) => typeof text !== 'string' || !hasBidiControl(text), 'no bidirectional control characters');
}

/** A key of the campaign definition (rubric dimension, eligibility item, category): lower-case ASCII. */
export const DEFINITION_KEY_RE = /^[a-z][a-z0-9_]*$/;
export const DefinitionKey = z.string().regex(DEFINITION_KEY_RE, 'lower-case key: letters, digits, underscores');
