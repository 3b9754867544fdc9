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

/** True when at least one signature verifies under `publicKey`. Keyids are not consulted here. */
export function verifyEnvelope(envelope: Envelope, publicKey: KeyObject): boolean {
  assertEd25519(publicKey, 'public');
  const payload = decodeBase64(envelope.payload);
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
  if (!encodeEnvelope(envelope).equals(bytes)) return problem('', 'not in the canonical form Kepu Review writes (the file was altered)');
  return { ok: true, envelope, payload };
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
 * (`canonical: false` only to find the signer's key before the signature is checked).
 */
export function parsePayload<S extends z.ZodType>(
  payload: Buffer,
  schema: S,
  options: { canonical: boolean } = { canonical: true },
): { ok: true; value: z.output<S> } | { ok: false; problem: EnvelopeProblem } {
  // TextDecoder would drop a leading byte order mark without a word; the format has none.
  if (options.canonical && payload.subarray(0, 3).equals(UTF8_BOM)) return { ok: false, problem: { path: 'payload', detail: 'starts with a byte order mark', kind: 'not-canonical' } };
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(payload));
  } catch (error) {
    return { ok: false, problem: { path: 'payload', detail: `not JSON text: ${(error as Error).message}` } };
  }
  const reserved = options.canonical ? reservedKeyPath(raw, ['payload']) : null;
  if (reserved) return { ok: false, problem: { path: reserved.join('.'), detail: 'a reserved key', kind: 'reserved-key' } };
  // RFC 8785 takes I-JSON only: a lone surrogate ("\ud800") parses, re-serialises to the same bytes,
  // and would be stored as U+FFFD, so what is stored would differ from what was signed.
  const illFormed = options.canonical ? illFormedStringPath(raw, ['payload']) : null;
  if (illFormed) return { ok: false, problem: { path: illFormed.join('.'), detail: 'a lone surrogate (not I-JSON)', kind: 'not-canonical' } };
  // Whitespace, key order, duplicate keys, number spellings: anything the writer would not write.
  if (options.canonical && !canonicalJsonBytes(raw).equals(payload)) return { ok: false, problem: { path: 'payload', detail: 'not in canonical JSON form', kind: 'not-canonical' } };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: { path: ['payload', ...issue.path].join('.'), detail: issue.message } };
}

const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first key or string value holding a lone surrogate, or null. */
function illFormedStringPath(value: unknown, at: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return LONE_SURROGATE_RE.test(value) ? at : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if (typeof key === 'string' && LONE_SURROGATE_RE.test(key)) return [...at, key];
    const found = illFormedStringPath(child, [...at, key]);
    if (found) return found;
  }
  return null;
}

/** The path of the first reserved key in a parsed JSON value, or null (`at` is the path so far). */
function reservedKeyPath(value: unknown, at: (string | number)[]): (string | number)[] | null {
  if (value === null || typeof value !== 'object') return null;
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  for (const key of keys) {
    if (typeof key === 'string' && RESERVED_KEYS.has(key)) return [...at, key];
    at.push(key);
    const found = reservedKeyPath((value as Record<string | number, unknown>)[key], at);
    at.pop();
    if (found) return found;
  }
  return null;
}

function problem(path: string, detail: string): ParsedEnvelope {
  return { ok: false, problem: { path, detail } };
}
