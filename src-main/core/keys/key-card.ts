// The judge's key card: name, institution and public key, self-signed in a DSSE envelope, so the
// coordinator can register a judge from a file that came by USB stick or chat app. Policy: a card
// proves only that its holder has the private key; who that is, the coordinator confirms by
// reading the fingerprint back to the judge over the phone. Every field that can be recomputed
// (keyId, fingerprint) is recomputed and must match.
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { withoutBidiControls } from '../../contract/identifiers';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { encodeEnvelope, parseEnvelope, parsePayload, signEnvelope, verifyEnvelope } from '../exchange/dsse';
import { canonicalJsonBytes } from '../files/canonical-json';
import { Fingerprint, fingerprintOf, identityFromPrivateKey, KeyId, keyIdOf, publicKeyFromBase64, PublicKeyBase64, publicKeyToBase64 } from './identity';

export const KEYCARD_PAYLOAD_TYPE = 'application/vnd.kepu.keycard+json';
export const KEYCARD_EXTENSION = '.kepukey';
/** A card is a few hundred bytes; anything far larger is not a card. */
export const KEYCARD_MAX_BYTES = 64 * 1024;

export const KeyCard = z.strictObject({
  v: z.literal(1),
  kind: z.literal('kepu.keycard'),
  name: withoutBidiControls(z.string().min(1).max(200)),
  institution: withoutBidiControls(z.string().max(200).nullable()),
  publicKey: PublicKeyBase64,
  keyId: KeyId,
  fingerprint: Fingerprint,
  createdAt: z.iso.datetime({ offset: true }),
});
export type KeyCard = z.infer<typeof KeyCard>;

export interface VerifiedKeyCard {
  card: KeyCard;
  publicKey: KeyObject;
}

/** The bytes of a key card file (suggested extension .kepukey). */
export function createKeyCard(privateKey: KeyObject, holder: { name: string; institution: string | null }, createdAt = nowIso()): Buffer {
  const identity = identityFromPrivateKey(privateKey);
  const card = KeyCard.parse({
    v: 1,
    kind: 'kepu.keycard',
    name: holder.name.trim(),
    institution: holder.institution?.trim() || null,
    publicKey: publicKeyToBase64(identity.publicKey),
    keyId: identity.keyId,
    fingerprint: identity.fingerprint,
    createdAt,
  });
  return encodeEnvelope(signEnvelope(KEYCARD_PAYLOAD_TYPE, canonicalJsonBytes(card), privateKey, identity.keyId));
}

/** A card whose self-signature verifies and whose key id and fingerprint match its key; else KEYCARD_INVALID. */
export function readKeyCard(bytes: Buffer): VerifiedKeyCard {
  if (bytes.length > KEYCARD_MAX_BYTES) throw invalid(`${bytes.length} bytes is far too large for a key card`);
  const parsed = parseEnvelope(bytes);
  if (!parsed.ok) throw invalid(`${parsed.problem.path || 'file'}: ${parsed.problem.detail}`);
  const { envelope, payload } = parsed;
  if (envelope.payloadType !== KEYCARD_PAYLOAD_TYPE) throw invalid(`this file holds ${envelope.payloadType}, not a key card`);
  if (envelope.signatures.length !== 1) throw invalid('a key card carries exactly one signature');
  const decoded = parsePayload(payload, KeyCard);
  if (!decoded.ok) throw invalid(`${decoded.problem.path}: ${decoded.problem.detail}`);
  const card = decoded.value;
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyFromBase64(card.publicKey);
  } catch {
    throw invalid('the public key is not a valid Ed25519 key');
  }
  if (keyIdOf(publicKey) !== card.keyId) throw invalid('the key id does not belong to the public key');
  if (fingerprintOf(card.keyId) !== card.fingerprint) throw invalid('the fingerprint does not belong to the public key');
  if (envelope.signatures[0].keyid !== card.keyId) throw invalid('the signature names another key');
  if (!verifyEnvelope(envelope, publicKey)) throw invalid('the self-signature does not verify (the card was altered)');
  return { card, publicKey };
}

function invalid(reason: string): KepuError {
  return new KepuError('KEYCARD_INVALID', `key-card: ${reason}`, { reason });
}
