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
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import type { VerifyResult as ShownVerifyResult, VerifyStatus } from '../../contract/certificates';

/** The verdict; the app adds the labels it can find for the kind and the campaign. */
export type VerifyResult = Omit<ShownVerifyResult, 'kindLabel' | 'campaignName'>;
import { keyIdOf, publicKeyFromBase64 } from '../keys/identity';
import { localDate, parseCode, verifySignature } from './payload';
import { isJpeg, isPdf, isPng, readPayloadFromImage, readPayloadsFromPdf } from './pdf-writer';

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

const empty = { fields: null, issuerName: null, replacedBy: null, revokeReason: null, others: [] };

export function verifyCode(db: Database, text: string, options: { now?: Date; trusted?: readonly KeyObject[] } = {}): VerifyResult {
  const parsed = parseCode(text);
  if (!parsed.ok) return { status: 'invalid', reason: 'malformed', ...empty };
  const p = parsed.payload;
  const fields = { ...p };
  const issuer = issuersFor(db, p.issuerKeyPrefix, options.trusted ?? []).find((k) => verifySignature(parsed, k.publicKey));
  if (!issuer) {
    const known = issuersFor(db, p.issuerKeyPrefix, options.trusted ?? []).length > 0;
    return { ...empty, status: 'invalid', reason: known ? 'bad_signature' : 'unknown_issuer', fields };
  }
  const row = db.prepare<[string], { status: 'valid' | 'revoked' | 'replaced'; replaced_by: string | null; revoke_reason: string | null }>('SELECT status, replaced_by, revoke_reason FROM certificates WHERE serial = ?').get(p.serial);
  const base = { ...empty, reason: null, fields, issuerName: issuer.name };
  if (row?.status === 'revoked') return { ...base, status: 'revoked', revokeReason: row.revoke_reason };
  if (row?.status === 'replaced') return { ...base, status: 'replaced', replacedBy: row.replaced_by };
  const now = options.now ?? new Date();
  const campaignZone = db.prepare('SELECT time_zone FROM campaigns WHERE id = ?').pluck().get(p.campaignId) as string | undefined;
  if (p.issueDate > localDate(now, campaignZone ?? EARLIEST_ZONE)) return { ...base, status: 'not_yet_valid' };
  if (p.validUntil && localDate(now, campaignZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone) > p.validUntil) return { ...base, status: 'expired' };
  return { ...base, status: 'valid' };
}

/** A PDF (codes from its information entry), PNG or JPEG (the QR code); the first code decides. */
export async function verifyFile(db: Database, bytes: Buffer, options: { now?: Date; trusted?: readonly KeyObject[] } = {}): Promise<VerifyResult> {
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
