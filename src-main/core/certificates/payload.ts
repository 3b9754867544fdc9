// The signed certificate payload: what the QR code holds and what is printed under it as the
// verification code. Format (docs/formats.md, "Certificate verification code"):
//
//   KP1.<BASE32(payload bytes)>.<BASE32(Ed25519 signature)>
//
// BASE32 is RFC 4648 upper-case A–Z 2–7 without padding. Upper-case only, because a QR code in
// alphanumeric mode packs those characters at 5.5 bits each (base64 would need byte mode at 8),
// and because a person typing the code cannot mix up case, 0/O, 1/I or 8/B. Input is read
// case-insensitively with whitespace removed; any other change fails (non-canonical base32 —
// a last character differing only in unused bits — is refused, so one byte string has exactly
// one text).
//
// Payload bytes (version 1), all strings UTF-8 with a one-byte length:
//   0x01 | serial | holder name | certificate kind | campaign id |
//   issue day (uint16 BE, days since 1970-01-01) | valid-until day (uint16 BE, 0 = none) |
//   first 4 bytes of the issuer key id (SHA-256 of the raw public key)
// The signature is Ed25519 over "kepu-certificate/1\n" followed by the payload bytes, so the
// same key's signatures on bundles or snapshots can never pass for a certificate.
import crypto, { type KeyObject } from 'node:crypto';
import { FileIdentifier } from '../../contract/identifiers';
import { dateInZone } from '../../contract/zoned-time';
import { base32 } from '../keys/identity';

export const CODE_PREFIX = 'KP1';
const VERSION = 1;
const DOMAIN = Buffer.from('kepu-certificate/1\n', 'utf8');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const DAY_MS = 86_400_000;

export interface CertificatePayload {
  serial: string;
  holderName: string;
  /** The certificate kind key of the campaign definition (award, membership, judge_thanks…). */
  kind: string;
  campaignId: string;
  /** YYYY-MM-DD, the issue date in the campaign's time zone. */
  issueDate: string;
  /** YYYY-MM-DD, the last day it is valid; null: does not expire. */
  validUntil: string | null;
  /** 8 lower-case hex digits: the start of the issuer's key id. */
  issuerKeyPrefix: string;
}

export type ParsedCode =
  | { ok: true; payload: CertificatePayload; signed: Buffer; signature: Buffer; code: string }
  | { ok: false; reason: 'malformed' };

export function encodePayload(p: CertificatePayload): Buffer {
  const parts: Buffer[] = [Buffer.from([VERSION])];
  for (const [what, text] of [['serial', p.serial], ['holder', p.holderName], ['kind', p.kind], ['campaign', p.campaignId]] as const) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0 || bytes.length > 255) throw new Error(`certificates: ${what} must be 1–255 UTF-8 bytes`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const days = Buffer.alloc(4);
  days.writeUInt16BE(dayNumber(p.issueDate), 0);
  days.writeUInt16BE(p.validUntil ? dayNumber(p.validUntil) : 0, 2);
  if (!/^[0-9a-f]{8}$/.test(p.issuerKeyPrefix)) throw new Error('certificates: issuer key prefix must be 8 hex digits');
  parts.push(days, Buffer.from(p.issuerKeyPrefix, 'hex'));
  return Buffer.concat(parts);
}

export function decodePayload(bytes: Buffer): CertificatePayload | null {
  if (bytes[0] !== VERSION) return null;
  let at = 1;
  const texts: string[] = [];
  for (let i = 0; i < 4; i++) {
    const len = bytes[at];
    if (len === undefined || len === 0 || at + 1 + len > bytes.length) return null;
    const slice = bytes.subarray(at + 1, at + 1 + len);
    const text = slice.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(slice)) return null; // invalid UTF-8
    texts.push(text);
    at += 1 + len;
  }
  if (bytes.length !== at + 8) return null;
  const issue = bytes.readUInt16BE(at);
  const until = bytes.readUInt16BE(at + 2);
  if (issue === 0 || (until !== 0 && until < issue)) return null;
  // Serial, kind and campaign id are identifiers: no control or bidi control characters (which
  // would make one serial display as another in the verification result).
  if (![texts[0], texts[2], texts[3]].every((id) => FileIdentifier.safeParse(id).success)) return null;
  return {
    serial: texts[0],
    holderName: texts[1],
    kind: texts[2],
    campaignId: texts[3],
    issueDate: dateOfDay(issue),
    validUntil: until === 0 ? null : dateOfDay(until),
    issuerKeyPrefix: bytes.subarray(at + 4, at + 8).toString('hex'),
  };
}

/** The verification code of a payload, signed with the issuer's Ed25519 private key. */
export function signPayload(payload: CertificatePayload, privateKey: KeyObject): string {
  const bytes = encodePayload(payload);
  const signature = crypto.sign(null, Buffer.concat([DOMAIN, bytes]), privateKey);
  return `${CODE_PREFIX}.${base32(bytes)}.${base32(signature)}`;
}

/** Reads a code (any case, whitespace ignored); checks the form only, not the signature. */
export function parseCode(text: string): ParsedCode {
  const code = text.replace(/\s+/g, '').toUpperCase();
  const m = /^KP1\.([A-Z2-7]+)\.([A-Z2-7]+)$/.exec(code);
  if (!m) return { ok: false, reason: 'malformed' };
  const signed = base32Decode(m[1]);
  const signature = base32Decode(m[2]);
  if (!signed || !signature || signature.length !== 64) return { ok: false, reason: 'malformed' };
  const payload = decodePayload(signed);
  if (!payload) return { ok: false, reason: 'malformed' };
  return { ok: true, payload, signed, signature, code };
}

export function verifySignature(parsed: { signed: Buffer; signature: Buffer }, publicKey: KeyObject): boolean {
  return crypto.verify(null, Buffer.concat([DOMAIN, parsed.signed]), publicKey, parsed.signature);
}

/** Every code in a text (a PDF's bytes as latin1, a pasted paragraph). */
export function findCodes(text: string): string[] {
  return [...new Set(text.match(/KP1\.[A-Z2-7]{20,}\.[A-Z2-7]{103}(?![A-Z2-7])/g) ?? [])];
}

/** Strict RFC 4648 base32 without padding: null unless re-encoding gives the same text. */
export function base32Decode(text: string): Buffer | null {
  const out: number[] = [];
  let value = 0;
  let bits = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  const bytes = Buffer.from(out);
  return base32(bytes) === text ? bytes : null;
}

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`certificates: "${date}" is not a YYYY-MM-DD date`);
  const day = Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
  if (!Number.isInteger(day) || day < 1 || day > 0xffff || dateOfDay(day) !== date) throw new Error(`certificates: ${date} cannot be encoded`);
  return day;
}

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date of an instant in a time zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return dateInZone(instant, timeZone);
}

/**
 * The last valid day of a certificate issued on `issueDate` for `months` months: the same day
 * `months` later (clamped to that month's end, so 31 Aug + 6 months is 28/29 Feb), minus one day.
 * Issued 2023-12-30 for 24 months → valid through 2025-12-29.
 */
export function validUntilDate(issueDate: string, months: number): string {
  const [y, m, d] = issueDate.split('-').map(Number);
  const monthIndex = m - 1 + months;
  const ty = y + Math.floor(monthIndex / 12);
  const tm = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const end = Date.UTC(ty, tm, Math.min(d, lastDay)) - DAY_MS;
  return new Date(end).toISOString().slice(0, 10);
}
