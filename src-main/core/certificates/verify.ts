// Offline verification of a certificate code, a PDF we wrote, or a photo of the QR code.
// Order of checks: the code's form (malformed), the issuer (a key in certificate_issuers, or one
// the caller trusts, whose key id starts with the payload's prefix: else unknown issuer), the
// Ed25519 signature, then the register of this database (revoked, replaced), then the dates:
// not_yet_valid while the issue date is after today, expired once today is after the last valid
// day. "Today" is the campaign's (its time zone). For a campaign this database does not know,
// expiry uses the computer's zone, and the issue-date check the zone where the date changes first
// (UTC+14), so a certificate issued today in Beijing is never taken for a future one in Europe.
// A future issue date is never valid: either the date was forged with a stolen key or the issuing
// computer's clock was wrong, and either way the holder should ask the issuer.
// A typed serial or short code (short-code.ts) is looked up in the register and its stored signed
// code is checked the same way; the answer says it came from the register (`checkedBy`), because
// elsewhere only the QR code or the PDF can prove a certificate offline.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import type { VerifyResult as ShownVerifyResult, VerifyStatus } from '../../contract/certificates';

import type { LocalizedText } from '../../contract/domain';
import { fingerprintOf, keyIdOf, publicKeyFromBase64 } from '../keys/identity';
import { localDate, parseCode, verifySignature } from './payload';
import { checkOf, parseShortCode } from './short-code';
import { isJpeg, isPdf, isPng, readPayloadFromImage, readPayloadsFromPdf } from './pdf-writer';

/** The verdict; the app adds the labels it can find for the kind, the list and the campaign. */
export type VerifyResult = Omit<ShownVerifyResult, 'kindLabel' | 'campaignName' | 'listLabel'>;

interface Trusted {
  keyId: string;
  publicKey: KeyObject;
  name: string | null;
}

function issuersFor(db: Database, prefix: string, extra: readonly KeyObject[]): Trusted[] {
  const rows = db.prepare<[string], { key_id: string; public_key: string; name: string }>('SELECT key_id, public_key, name FROM certificate_issuers WHERE substr(key_id, 1, 8) = ?').all(prefix);
  const found: Trusted[] = rows.map((r) => ({ keyId: r.key_id, publicKey: publicKeyFromBase64(r.public_key), name: r.name }));
  for (const key of extra) {
    const keyId = keyIdOf(key);
    if (keyId.startsWith(prefix) && !found.some((f) => f.keyId === keyId)) found.push({ keyId, publicKey: key, name: null });
  }
  return found;
}

/** The first zone on Earth to reach a new date (Kiribati, UTC+14; the IANA sign is inverted). */
const EARLIEST_ZONE = 'Etc/GMT-14';

const empty = { fields: null, issuerName: null, issuerFingerprint: null, register: null, replacedBy: null, revokeReason: null, others: [], checkedBy: null };

interface VerifyOptions {
  now?: Date;
  trusted?: readonly KeyObject[];
}

type RegisterRow = { status: 'valid' | 'revoked' | 'replaced'; replaced_by: string | null; revoke_reason: string | null; list_name: string; holder_unit: string | null; content_json: string; payload: string };

function registerRow(db: Database, serial: string): RegisterRow | undefined {
  return db
    .prepare<[string], RegisterRow>('SELECT status, replaced_by, revoke_reason, list_name, holder_unit, content_json, payload FROM certificates WHERE serial = ?')
    .get(serial);
}

function registerFacts(row: RegisterRow | undefined): VerifyResult['register'] {
  if (!row) return null;
  const content = JSON.parse(row.content_json) as { body: LocalizedText };
  return { listName: row.list_name, holderUnit: row.holder_unit, body: content.body };
}

/** Whatever a person typed or pasted: the full code, a short code (serial + check) or a serial. */
export function verifyText(db: Database, text: string, options: VerifyOptions = {}): VerifyResult {
  if (parseCode(text).ok) return verifyCode(db, text, options);
  const typed = parseShortCode(text);
  if (!typed) return { status: 'invalid', reason: 'malformed', ...empty };
  const checkedBy = typed.check ? 'shortCode' : 'serial';
  const row = registerRow(db, typed.serial);
  if (!row) return { ...empty, status: 'invalid', reason: 'not_registered', checkedBy };
  const stored = parseCode(row.payload);
  if (typed.check && (!stored.ok || checkOf(stored.signature) !== typed.check)) return { ...empty, status: 'invalid', reason: 'bad_check', checkedBy };
  return { ...verifyCode(db, row.payload, options), checkedBy };
}

export function verifyCode(db: Database, text: string, options: VerifyOptions = {}): VerifyResult {
  const parsed = parseCode(text);
  if (!parsed.ok) return { status: 'invalid', reason: 'malformed', ...empty };
  const p = parsed.payload;
  const fields = { ...p };
  const issuer = issuersFor(db, p.issuerKeyPrefix, options.trusted ?? []).find((k) => verifySignature(parsed, k.publicKey));
  if (!issuer) {
    const known = issuersFor(db, p.issuerKeyPrefix, options.trusted ?? []).length > 0;
    return { ...empty, status: 'invalid', reason: known ? 'bad_signature' : 'unknown_issuer', fields };
  }
  const row = registerRow(db, p.serial);
  // The register speaks only for the certificate it issued: a different code under the same serial is not it.
  const same = row !== undefined && row.payload === parsed.code;
  const base = { ...empty, reason: null, fields, issuerName: issuer.name, issuerFingerprint: fingerprintOf(issuer.keyId), register: same ? registerFacts(row) : null, checkedBy: 'code' as const };
  if (row?.status === 'revoked') return { ...base, status: 'revoked', revokeReason: row.revoke_reason };
  if (row?.status === 'replaced') return { ...base, status: 'replaced', replacedBy: row.replaced_by };
  const now = options.now ?? new Date();
  const campaignZone = db.prepare('SELECT time_zone FROM campaigns WHERE id = ?').pluck().get(p.campaignId) as string | undefined;
  if (p.issueDate > localDate(now, campaignZone ?? EARLIEST_ZONE)) return { ...base, status: 'not_yet_valid' };
  if (p.validUntil && localDate(now, campaignZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone) > p.validUntil) return { ...base, status: 'expired' };
  return { ...base, status: 'valid' };
}

/** A PDF (codes from its information entry), PNG or JPEG (the QR code); the first code decides. */
export async function verifyFile(db: Database, bytes: Buffer, options: VerifyOptions = {}): Promise<VerifyResult> {
  let codes: string[] = [];
  if (isPdf(bytes)) codes = await readPayloadsFromPdf(bytes);
  else if (isPng(bytes) || isJpeg(bytes)) {
    const code = readPayloadFromImage(bytes);
    codes = code ? [code] : [];
  }
  if (codes.length === 0) return { status: 'invalid', reason: 'not_found', ...empty };
  const results = codes.map((c) => verifyCode(db, c, options));
  const others = results.map((r): { serial: string | null; status: VerifyStatus } => ({ serial: r.fields?.serial ?? null, status: r.status }));
  return { ...results[0], others: codes.length > 1 ? others : [] };
}
