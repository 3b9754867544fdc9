// Issuers whose certificates this installation accepts. Its own key is added when it issues; any
// other issuer (the organizer's office verifying on another computer, a partner institution) is
// trusted by importing the issuer's key card — the same self-signed card judges send — after
// comparing its fingerprint with the issuer by phone or on paper. Trusting never issues anything.
import type { Database } from 'better-sqlite3';
import { KepuError } from '../errors';
import { fingerprintOf, publicKeyToBase64 } from '../keys/identity';
import { readKeyCard, type VerifiedKeyCard } from '../keys/key-card';
import { nowIso } from '../time';

export interface TrustedIssuer {
  keyId: string;
  fingerprint: string;
  name: string;
  addedAt: string;
}

/** Reads a key card (signature checked); KEYCARD_INVALID names what is wrong. */
export function readIssuerCard(bytes: Buffer): VerifiedKeyCard {
  try {
    return readKeyCard(bytes);
  } catch (error) {
    if (error instanceof KepuError) throw error;
    throw new KepuError('KEYCARD_INVALID', `certificates: not a key card (${(error as Error).message})`, { reason: (error as Error).message });
  }
}

export function trustIssuer(db: Database, cardBytes: Buffer): TrustedIssuer {
  const { card, publicKey } = readIssuerCard(cardBytes);
  const name = card.institution ? `${card.name} (${card.institution})` : card.name;
  const addedAt = nowIso();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO certificate_issuers (key_id, public_key, name, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key_id) DO UPDATE SET name = excluded.name`,
    ).run(card.keyId, publicKeyToBase64(publicKey), name, addedAt);
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'certificate.trust_issuer', ?, ?)`).run(
      addedAt,
      card.keyId,
      JSON.stringify({ name, fingerprint: fingerprintOf(card.keyId) }),
    );
  })();
  return { keyId: card.keyId, fingerprint: fingerprintOf(card.keyId), name, addedAt };
}

export function listIssuers(db: Database): TrustedIssuer[] {
  return db.prepare<[], { key_id: string; name: string; added_at: string }>('SELECT key_id, name, added_at FROM certificate_issuers ORDER BY added_at, key_id').all().map((r) => ({
    keyId: r.key_id,
    fingerprint: fingerprintOf(r.key_id),
    name: r.name,
    addedAt: r.added_at,
  }));
}
