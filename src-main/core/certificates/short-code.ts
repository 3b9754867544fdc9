// The short code a person can type from a printed certificate: the serial and a 10-character
// check derived from the certificate's signature, e.g. "SIKP-2026-000005 K7QM3-XRD2P".
//
// Why: the full signed code (KP1.…, about 220 characters) is what proves a certificate anywhere,
// offline, and it stays in the QR code and the PDF; nobody types it from paper. The serial alone
// proves nothing (serials are sequential and guessable). The check is 50 bits of
// SHA-256("kepu-certificate-check/1\n" ‖ signature): only someone holding the certificate (or the
// issuer's register) knows it, and a changed character fails. Checking a short code needs the
// issuer's register, so it answers only on a computer that issued (or imported) the certificate;
// the verification screen says so.
//
// Alphabet: RFC 4648 base32 (A–Z, 2–7) like the other codes: no 0/1/8 to mistake for O/I/B.
// Input is read case-insensitively; spaces, hyphens and middle dots between the parts are ignored,
// and the digits 0, 1 and 8 in the check are read as the letters O, I and B they are mistaken for.
import crypto from 'node:crypto';
import { base32 } from '../keys/identity';
import { parseCode } from './payload';

const DOMAIN = Buffer.from('kepu-certificate-check/1\n', 'utf8');
export const CHECK_LENGTH = 10;

/** The 10-character check of a certificate's Ed25519 signature. */
export function checkOf(signature: Buffer): string {
  return base32(crypto.createHash('sha256').update(DOMAIN).update(signature).digest()).slice(0, CHECK_LENGTH);
}

/** "SIKP-2026-000005 K7QM3-XRD2P": the serial, then the check in two groups of five. */
export function shortCodeOf(serial: string, signature: Buffer): string {
  return `${serial} ${groupedCheck(checkOf(signature))}`;
}

export interface TypedSerial {
  serial: string;
  /** The typed check, upper-case without separators; null when only the serial was typed. */
  check: string | null;
}

/** A typed serial, with or without its check; null when the text is neither. */
export function parseShortCode(text: string): TypedSerial | null {
  const compact = text.trim().toUpperCase().replace(/[\s\u00b7\u30fb]+/g, ' ');
  const m = /^([A-Z][A-Z0-9]{0,11}-\d{4}-\d{6,})(?:[ -]+([A-Z0-9]{5})[ -]?([A-Z0-9]{5}))?$/.exec(compact);
  if (!m) return null;
  if (!m[2]) return { serial: m[1], check: null };
  // The alphabet has no 0, 1 or 8: a person who reads the letter O, I or B as a digit still types the right code.
  const check = (m[2] + m[3]).replace(/0/g, 'O').replace(/1/g, 'I').replace(/8/g, 'B');
  return /^[A-Z2-7]{10}$/.test(check) ? { serial: m[1], check } : null;
}

/** The check of a full signed code (what the register and the QR hold). */
export function checkOfCode(code: string): string {
  const parsed = parseCode(code);
  if (!parsed.ok) throw new Error('certificates: a stored certificate code does not parse');
  return checkOf(parsed.signature);
}

/** The check printed in two groups of five: "K7QM3-XRD2P". */
export function groupedCheck(check: string): string {
  return `${check.slice(0, 5)}-${check.slice(5)}`;
}
