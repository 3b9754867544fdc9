// The shortlist file (.kepulist, issue 14 "Levels"): a round's shortlist of one installation (a
// provincial first round) carried to another (the national final), as a DSSE envelope signed with
// the exporting coordinator's Ed25519 identity — the same envelope, canonical JSON and key card
// fields as result bundles and review packages (core/exchange/dsse.ts), one way to sign. Policy:
// - The file carries the signer's key card fields (name, institution, public key, key id,
//   fingerprint); the key id and fingerprint are recomputed from the key and must match, and the
//   signature must verify under that key. Whether the signer is who they say, the receiving
//   coordinator confirms by the fingerprint (shown in the preview), as with judges' key cards.
// - Refusals name the file and have their own codes: SHORTLIST_FILE_TOO_LARGE, _MALFORMED (with the
//   failing path), _NOT_CANONICAL, _WRONG_KIND (another payload type or kind), _VERSION (a version
//   this app does not know), _SIGNATURE_INVALID.
import crypto, { type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { EntrantType, EntryKind, LocalizedText } from '../../contract/basics';
import { DefinitionKey, FileIdentifier, withoutBidiControls } from '../../contract/identifiers';
import { ShortlistWhy } from '../../contract/shortlist';
import { KepuError } from '../errors';
import { encodeEnvelope, parseEnvelope, parsePayload, signEnvelope, verifyEnvelope, type Envelope, type EnvelopeProblem } from '../exchange/dsse';
import { canonicalJsonBytes } from '../files/canonical-json';
import { Fingerprint, fingerprintOf, identityFromPrivateKey, KeyId, keyIdOf, publicKeyFromBase64, PublicKeyBase64, publicKeyToBase64 } from '../keys/identity';

export const SHORTLIST_PAYLOAD_TYPE = 'application/vnd.kepu.shortlist+json';
export const SHORTLIST_EXTENSION = '.kepulist';
/** 64 MiB: thousands of entries with their fields stay far below it (media are referenced, not carried). */
export const SHORTLIST_MAX_BYTES = 64 * 1024 * 1024;
export const SHORTLIST_FORMAT_VERSION = 1;

const Text = (max: number) => withoutBidiControls(z.string().max(max));

export const ShortlistFileMedia = z.strictObject({
  role: z.enum(['video', 'image', 'document', 'screenshot']),
  /** The file's name where it was linked (no folder). */
  fileName: z.string().min(1).max(260),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
  sizeBytes: z.number().int().nonnegative(),
});
export type ShortlistFileMedia = z.infer<typeof ShortlistFileMedia>;

export const ShortlistFileEntry = z.strictObject({
  regNo: FileIdentifier,
  kind: EntryKind,
  category: DefinitionKey.nullable(),
  title: z.string().min(1).max(1000),
  entrantType: EntrantType,
  entrantName: z.string().min(1).max(500),
  entrantUnit: z.string().max(500).nullable(),
  fields: z.record(DefinitionKey.max(60), z.string().max(20_000)),
  media: z.array(ShortlistFileMedia).max(200),
  /** The entry's result in the origin round: its place in its category (null: held, added by hand), its total, why it is on the shortlist. */
  result: z.strictObject({ place: z.number().int().positive().nullable(), total: z.number().finite().nullable(), why: ShortlistWhy }),
});
export type ShortlistFileEntry = z.infer<typeof ShortlistFileEntry>;

export const ShortlistFileSigner = z.strictObject({
  name: Text(200).min(1),
  institution: Text(200).nullable(),
  publicKey: PublicKeyBase64,
  keyId: KeyId,
  fingerprint: Fingerprint,
});
export type ShortlistFileSigner = z.infer<typeof ShortlistFileSigner>;

export const ShortlistFileOrigin = z.strictObject({
  campaignId: FileIdentifier,
  campaignName: LocalizedText,
  /** The exporting installation's identity: the organiser (e.g. a provincial health commission). */
  organiser: Text(200).min(1),
  institution: Text(200).nullable(),
  list: z.strictObject({ key: z.string().min(1).max(100), name: LocalizedText }),
  round: z.strictObject({ no: z.number().int().min(1).max(50), key: z.string().max(100).nullable(), name: LocalizedText.nullable() }),
  /** The version of the made shortlist the file holds (remaking a shortlist adds a version). */
  shortlistVersion: z.number().int().min(1),
  exportedAt: z.iso.datetime({ offset: true }),
});
export type ShortlistFileOrigin = z.infer<typeof ShortlistFileOrigin>;

export const ShortlistFilePayload = z
  .strictObject({
    v: z.literal(SHORTLIST_FORMAT_VERSION),
    kind: z.literal('kepu.shortlist'),
    origin: ShortlistFileOrigin,
    signer: ShortlistFileSigner,
    entries: z.array(ShortlistFileEntry).max(100_000),
  })
  .superRefine((payload, ctx) => {
    const seen = new Set<string>();
    payload.entries.forEach((entry, i) => {
      if (seen.has(entry.regNo)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'regNo'], message: `registration number ${entry.regNo} appears twice` });
      seen.add(entry.regNo);
    });
  });
export type ShortlistFilePayload = z.infer<typeof ShortlistFilePayload>;

/** Only what tells a kind and version apart, read before the full schema (so a newer file is named as such). */
const Header = z.object({ v: z.unknown(), kind: z.unknown() });

export interface ReadShortlistFile {
  envelope: Envelope;
  payload: ShortlistFilePayload;
  /** SHA-256 of the file's bytes: the same file is imported once per campaign. */
  sha256: string;
}

/** The signer fields of a private key's holder. */
export function signerOf(privateKey: KeyObject, holder: { name: string; institution: string | null }): ShortlistFileSigner {
  const identity = identityFromPrivateKey(privateKey);
  return { name: holder.name, institution: holder.institution, publicKey: publicKeyToBase64(identity.publicKey), keyId: identity.keyId, fingerprint: identity.fingerprint };
}

/** The bytes of a shortlist file, signed with `privateKey` (which must be the payload's signer). */
export function writeShortlistFile(payload: ShortlistFilePayload, privateKey: KeyObject): Buffer {
  const checked = ShortlistFilePayload.parse(payload);
  const identity = identityFromPrivateKey(privateKey);
  if (checked.signer.keyId !== identity.keyId) throw new Error(`shortlist file: signer ${checked.signer.keyId} is not the signing key ${identity.keyId}`);
  return encodeEnvelope(signEnvelope(SHORTLIST_PAYLOAD_TYPE, canonicalJsonBytes(checked), privateKey, identity.keyId));
}

/** Reads and verifies a shortlist file; `file` (its name) is named in every refusal. */
export function readShortlistFile(bytes: Buffer, file: string): ReadShortlistFile {
  if (bytes.length > SHORTLIST_MAX_BYTES) throw new KepuError('SHORTLIST_FILE_TOO_LARGE', `shortlist file: ${file}: ${bytes.length} bytes exceeds ${SHORTLIST_MAX_BYTES}`, { file, size: bytes.length, limit: SHORTLIST_MAX_BYTES });
  const parsed = parseEnvelope(bytes);
  if (!parsed.ok) throw refused(file, parsed.problem);
  const { envelope, payload } = parsed;
  if (envelope.payloadType !== SHORTLIST_PAYLOAD_TYPE) throw wrongKind(file, envelope.payloadType);
  if (envelope.signatures.length !== 1) throw malformed(file, 'signatures', 'a shortlist file carries exactly one signature');
  const header = parsePayload(payload, Header);
  if (!header.ok) throw refused(file, header.problem);
  if (header.value.kind !== 'kepu.shortlist') throw wrongKind(file, String(header.value.kind));
  if (header.value.v !== SHORTLIST_FORMAT_VERSION) {
    throw new KepuError('SHORTLIST_FILE_VERSION', `shortlist file: ${file}: version ${String(header.value.v)} is not one this app reads`, { file, version: String(header.value.v) });
  }
  const decoded = parsePayload(payload, ShortlistFilePayload);
  if (!decoded.ok) throw refused(file, decoded.problem);
  // What the app read must be everything that was signed (a key the schema dropped makes it unacceptable).
  if (!canonicalJsonBytes(decoded.value).equals(payload)) throw new KepuError('SHORTLIST_FILE_NOT_CANONICAL', `shortlist file: ${file}: payload holds more than the format defines`, { file, path: 'payload' });
  const signer = decoded.value.signer;
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyFromBase64(signer.publicKey);
  } catch {
    throw malformed(file, 'payload.signer.publicKey', 'not a valid Ed25519 key');
  }
  if (keyIdOf(publicKey) !== signer.keyId) throw malformed(file, 'payload.signer.keyId', 'does not belong to the public key');
  if (fingerprintOf(signer.keyId) !== signer.fingerprint) throw malformed(file, 'payload.signer.fingerprint', 'does not belong to the public key');
  if (envelope.signatures[0].keyid !== signer.keyId) throw malformed(file, 'signatures.0.keyid', 'does not name the key in payload.signer.keyId');
  if (!verifyEnvelope(envelope, publicKey)) throw new KepuError('SHORTLIST_FILE_SIGNATURE_INVALID', `shortlist file: ${file}: the signature does not verify (the file was altered)`, { file });
  return { envelope, payload: decoded.value, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

function wrongKind(file: string, what: string): KepuError {
  return new KepuError('SHORTLIST_FILE_WRONG_KIND', `shortlist file: ${file} holds ${what}, not a shortlist`, { file, payloadType: what });
}

function refused(file: string, problem: EnvelopeProblem): KepuError {
  if (problem.kind === 'not-canonical' || problem.kind === 'reserved-key') {
    return new KepuError('SHORTLIST_FILE_NOT_CANONICAL', `shortlist file: ${file}: ${problem.path}: ${problem.detail}`, { file, path: problem.path });
  }
  return malformed(file, problem.path, problem.detail);
}

function malformed(file: string, path: string, detail: string): KepuError {
  return new KepuError('SHORTLIST_FILE_MALFORMED', `shortlist file: ${file}: ${path || 'file'}: ${detail}`, { file, path: path || '-', detail });
}
