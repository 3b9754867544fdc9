// DSSE v1 envelopes (github.com/secure-systems-lab/dsse): payloadType + base64 payload +
// signatures, each an Ed25519 signature over the pre-authentication encoding (PAE) of type and
// payload. Policy:
// - Envelopes are written as canonical JSON on one line (no trailing newline) and read back only
//   in exactly that form: the parsed envelope re-encoded must equal the file byte for byte. With
//   strict base64 (canonical padding bits) this makes every single changed byte detectable — the
//   signature covers type and payload, and the format readers check the (unsigned) keyid against
//   the signed key id.
// - Signed payloads are read back only in their canonical form too (docs/formats.md): UTF-8 with no
//   byte order mark, exactly the canonical JSON of what they hold, and no "__proto__" key anywhere
//   (JavaScript objects and zod records would drop it silently, so a signed file would say more
//   than what the app read from it).
// - This module knows nothing about bundles or packages: it reports problems as { path, detail }
//   (and a `kind` for the canonical-form rules) and the format modules turn them into their own
//   error codes.
import { isAscii } from 'node:buffer';
import crypto, { type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, canonicalJsonBytes } from '../files/canonical-json';

/** Standard base64 with padding (RFC 4648 §4); canonical padding bits are checked on decode. */
export const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'standard base64 with padding');

export const Signature = z.strictObject({
  /** Lower-case hex SHA-256 of the signer's raw 32-byte Ed25519 public key (unauthenticated hint). */
  keyid: z.string(),
  /** Base64 of the 64-byte Ed25519 signature over PAE(payloadType, payload). */
  sig: Base64,
});

export const Envelope = z.strictObject({
  payloadType: z.string().min(1),
  payload: Base64,
  signatures: z.array(Signature).min(1),
});
export type Envelope = z.infer<typeof Envelope>;

export interface EnvelopeProblem {
  /** Dotted path of the failing field ('' for the whole file). */
  path: string;
  detail: string;
  /** Set when a payload breaks a canonical-form rule rather than the format's schema. */
  kind?: 'not-canonical' | 'reserved-key';
}

export type ParsedEnvelope = { ok: true; envelope: Envelope; payload: Buffer } | { ok: false; problem: EnvelopeProblem };

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body; LEN = decimal byte count. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'ascii'), type, Buffer.from(` ${payload.length} `, 'ascii'), payload]);
}

export function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`dsse: expected an Ed25519 ${type} key, got ${key.asymmetricKeyType ?? key.type} ${key.type}`);
  }
}

export function signEnvelope(payloadType: string, payload: Buffer, privateKey: KeyObject, keyid: string): Envelope {
  assertEd25519(privateKey, 'private');
  const sig = crypto.sign(null, pae(payloadType, payload), privateKey);
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid, sig: sig.toString('base64') }] };
}

/**
 * True when at least one signature verifies under `publicKey`. Keyids are not consulted here.
 * `decoded`: envelope.payload already decoded (strictly) by the caller, so it is not decoded again.
 */
export function verifyEnvelope(envelope: Envelope, publicKey: KeyObject, decoded?: Buffer): boolean {
  assertEd25519(publicKey, 'public');
  const payload = decoded ?? decodeBase64(envelope.payload);
  if (!payload) return false;
  const message = pae(envelope.payloadType, payload);
  return envelope.signatures.some((s) => {
    const sig = decodeBase64(s.sig);
    return sig !== null && sig.length === 64 && crypto.verify(null, message, publicKey, sig);
  });
}

/** The bytes of an envelope file: canonical JSON, UTF-8, one line, no trailing newline. */
export function encodeEnvelope(envelope: Envelope): Buffer {
  return Buffer.from(canonicalJson(envelope), 'utf8');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses envelope bytes; any deviation from the canonical encoding is a problem. */
export function parseEnvelope(bytes: Buffer): ParsedEnvelope {
  const fast = canonicalEnvelope(bytes);
  return fast ? { ok: true, ...fast } : parseEnvelopeGenerally(bytes);
}

/** parseEnvelope without its fast path (exported for the test that compares the two). */
export function parseEnvelopeGenerally(bytes: Buffer): ParsedEnvelope {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem('', 'not UTF-8 text');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return problem('', `not JSON: ${(error as Error).message}`);
  }
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return problem(issue.path.join('.'), issue.message);
  }
  const envelope = parsed.data;
  const payload = decodeBase64(envelope.payload);
  if (!payload) return problem('payload', 'base64 is not in canonical form');
  for (const [i, s] of envelope.signatures.entries()) {
    if (!decodeBase64(s.sig)) return problem(`signatures.${i}.sig`, 'base64 is not in canonical form');
  }
  // Compared as text (the same test as the bytes: the decoder is fatal, and equal byte lengths
  // rule out a byte order mark it skipped), without encoding 400 kB again per bundle.
  const canonical = canonicalJson(envelope);
  if (canonical !== text || Buffer.byteLength(canonical, 'utf8') !== bytes.length) return problem('', 'not in the canonical form Kepu Review writes (the file was altered)');
  return { ok: true, envelope, payload };
}

const PAYLOAD_HEAD = '{"payload":"';

/**
 * The envelope of a file that is certainly what the writer writes (issue 18): ASCII, its payload
 * strict base64 between `{"payload":"` and the next quote, and the rest (`"payloadType"`,
 * `"signatures"`) parsed on its own and equal to its canonical JSON. Then the file is exactly the
 * canonical JSON of the envelope returned, and the general way below would return the same (same
 * members, in the schema's order): the 400 kB payload of a bundle is then neither JSON-parsed, nor
 * matched against the base64 pattern, nor written out again to be compared. Null in any doubt
 * (another key order, an escape, a non-ASCII byte…): the general way decides and names the problem.
 */
export function canonicalEnvelope(bytes: Buffer): { envelope: Envelope; payload: Buffer } | null {
  if (bytes.length < PAYLOAD_HEAD.length || !isAscii(bytes) || bytes.toString('latin1', 0, PAYLOAD_HEAD.length) !== PAYLOAD_HEAD) return null;
  const end = bytes.indexOf(0x22, PAYLOAD_HEAD.length);
  if (end < 0 || bytes[end + 1] !== 0x2c) return null;
  // Strict base64 has no quote or backslash: the next quote closes the payload string.
  const payloadText = bytes.toString('latin1', PAYLOAD_HEAD.length, end);
  const payload = decodeBase64(payloadText);
  if (!payload) return null;
  const restText = `{${bytes.toString('latin1', end + 2)}`;
  let rest: unknown;
  try {
    rest = JSON.parse(restText);
  } catch {
    return null;
  }
  if (!isPlainRecord(rest) || !sameKeys(rest, ['payloadType', 'signatures'])) return null;
  const { payloadType, signatures } = rest;
  if (typeof payloadType !== 'string' || payloadType.length === 0 || !Array.isArray(signatures) || signatures.length === 0) return null;
  const sigs: Envelope['signatures'] = [];
  for (const s of signatures as unknown[]) {
    if (!isPlainRecord(s) || !sameKeys(s, ['keyid', 'sig']) || typeof s.keyid !== 'string' || typeof s.sig !== 'string' || !decodeBase64(s.sig)) return null;
    sigs.push({ keyid: s.keyid, sig: s.sig });
  }
  // The small rest compared with its canonical form (key order, spacing, escapes, duplicate keys).
  if (canonicalJson(rest) !== restText) return null;
  return { envelope: { payloadType, payload: payloadText, signatures: sigs }, payload };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameKeys(value: Record<string, unknown>, expected: readonly string[]): boolean {
  const keys = Object.keys(value);
  return keys.length === expected.length && keys.every((k, i) => k === expected[i]);
}

/**
 * JSON.stringify of an envelope parseEnvelope returned (members in the schema's order), without
 * scanning its payload for characters to escape: the schema let through only base64, which has none.
 */
export function envelopeJson(envelope: Envelope): string {
  return `{"payloadType":${JSON.stringify(envelope.payloadType)},"payload":"${envelope.payload}","signatures":${JSON.stringify(envelope.signatures)}}`;
}

/** Strict base64: null unless re-encoding the decoded bytes gives back the same text. */
export function decodeBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Keys that JavaScript objects do not keep as data. */
const RESERVED_KEYS = new Set(['__proto__']);

/**
 * Decodes a (signed) JSON payload with a format's schema; a problem names the failing path. The
 * payload must be canonical JSON without reserved keys before the schema is even consulted
 * (`canonical: false` only to find the signer's key before the signature is checked). `raw` is the
 * JSON as parsed, before the schema (see sameJsonData).
 */
export function parsePayload<S extends z.ZodType>(
  payload: Buffer,
  schema: S,
  options: { canonical: boolean; certainlyValid?: CertainlyValid } = { canonical: true },
): { ok: true; value: z.output<S>; raw: unknown } | { ok: false; problem: EnvelopeProblem } {
  // TextDecoder would drop a leading byte order mark without a word; the format has none.
  if (options.canonical && payload.subarray(0, 3).equals(UTF8_BOM)) return { ok: false, problem: { path: 'payload', detail: 'starts with a byte order mark', kind: 'not-canonical' } };
  let raw: unknown;
  let text: string;
  try {
    text = utf8.decode(payload);
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { path: 'payload', detail: `not JSON text: ${(error as Error).message}` } };
  }
  // The format's own check vouches for the walk and the schema; the bytes are still compared. Any
  // doubt, or text that is not JSON.stringify's, goes the general way below, which names the refusal.
  if (options.canonical && options.certainlyValid?.(raw) && JSON.stringify(raw) === text) return { ok: true, value: raw as z.output<S>, raw };
  if (options.canonical) {
    const refused = canonicalFormProblem(raw, text, payload);
    if (refused) return { ok: false, problem: refused };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, raw };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: { path: ['payload', ...issue.path].join('.'), detail: issue.message } };
}

/**
 * A format's fast check of a parsed payload (issue 18: zod over a 250,000-entry merge was most of
 * its checking time). True only when `raw` certainly passes what parsePayload checks before the
 * bytes (no reserved key, no lone surrogate, every object's keys in code-unit order, no
 * integer-like key: cleanWalk) and the schema, with the schema's output the same data as `raw`
 * (so `raw` itself is the value). False whenever in any doubt: the general path then decides and
 * names the refusal exactly as before, so a false answer can never change a result.
 */
export type CertainlyValid = (raw: unknown) => boolean;

export const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INTEGER_LIKE = /^(0|[1-9][0-9]*)$/;

/**
 * The canonical-form rules for a parsed payload, in their order of precedence: a reserved key
 * ("__proto__") anywhere, then a lone surrogate in a key or string (RFC 8785 takes I-JSON only: it
 * parses, re-serialises to the same bytes, and would be stored as U+FFFD), then anything the writer
 * would not write (whitespace, key order, duplicate keys, number spellings).
 *
 * One walk over the parsed value finds the first reserved key and the first lone surrogate (each in
 * document order, as separate walks would) and whether every object's keys are already in
 * code-unit order. When they are and no key is integer-like (which JavaScript would enumerate
 * first), canonical JSON of the value is exactly JSON.stringify of it, so the text is compared with
 * that instead of building a sorted copy (a merge of 200 bundles did that 250,000 times per check).
 * Otherwise the canonical writer decides, as before.
 */
function canonicalFormProblem(raw: unknown, text: string, payload: Buffer): EnvelopeProblem | null {
  const found: Walk = { reserved: null, illFormed: null, unsorted: false, integerKey: false };
  walk(raw, ['payload'], found);
  if (found.reserved) return { path: found.reserved.join('.'), detail: 'a reserved key', kind: 'reserved-key' };
  if (found.illFormed) return { path: found.illFormed.join('.'), detail: 'a lone surrogate (not I-JSON)', kind: 'not-canonical' };
  let canonical: boolean;
  if (!found.unsorted && !found.integerKey) canonical = JSON.stringify(raw) === text;
  else {
    try {
      canonical = canonicalJsonBytes(raw).equals(payload);
    } catch {
      canonical = false; // a number JSON cannot write back (1e400): not what the writer wrote
    }
  }
  return canonical ? null : { path: 'payload', detail: 'not in canonical JSON form', kind: 'not-canonical' };
}

/** True when the canonical-form walk finds nothing (see canonicalFormProblem): for CertainlyValid checks of small parts. */
export function cleanWalk(value: unknown): boolean {
  const found: Walk = { reserved: null, illFormed: null, unsorted: false, integerKey: false };
  walk(value, [], found);
  return !found.reserved && !found.illFormed && !found.unsorted && !found.integerKey;
}

interface Walk {
  reserved: (string | number)[] | null;
  illFormed: (string | number)[] | null;
  unsorted: boolean;
  integerKey: boolean;
}

/** `at` is the path so far (pushed and popped, copied only for a finding). */
function walk(value: unknown, at: (string | number)[], found: Walk): void {
  if (typeof value === 'string') {
    if (!found.illFormed && LONE_SURROGATE_RE.test(value)) found.illFormed = [...at];
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walk(value[i], at, found);
      at.pop();
    }
    return;
  }
  let previous: string | null = null;
  for (const key of Object.keys(value)) {
    if (!found.reserved && RESERVED_KEYS.has(key)) found.reserved = [...at, key];
    if (!found.illFormed && LONE_SURROGATE_RE.test(key)) found.illFormed = [...at, key];
    if (previous !== null && !(previous < key)) found.unsorted = true;
    if (INTEGER_LIKE.test(key)) found.integerKey = true;
    previous = key;
    at.push(key);
    walk((value as Record<string, unknown>)[key], at, found);
    at.pop();
  }
}

/**
 * True when two JSON values are the same data (what canonical JSON would write the same): `value`
 * is what a schema made of `raw`, the canonical payload. A member the schema dropped, added or
 * changed makes them differ; key order does not matter.
 */
export function sameJsonData(raw: unknown, value: unknown): boolean {
  if (raw === value) return true;
  if (raw === null || value === null || typeof raw !== 'object' || typeof value !== 'object') return false;
  if (Array.isArray(raw) || Array.isArray(value)) {
    if (!Array.isArray(raw) || !Array.isArray(value) || raw.length !== value.length) return false;
    for (let i = 0; i < raw.length; i++) if (!sameJsonData(raw[i], value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const a = raw as Record<string, unknown>;
  const b = value as Record<string, unknown>;
  let members = 0;
  for (const key of Object.keys(b)) if (b[key] !== undefined) members++;
  const keys = Object.keys(a);
  if (keys.length !== members) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameJsonData(a[key], b[key])) return false;
  return true;
}

function problem(path: string, detail: string): ParsedEnvelope {
  return { ok: false, problem: { path, detail } };
}
