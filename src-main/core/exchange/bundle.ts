// The result bundle (judge → coordinator): one judge's scores, eligibility answers, conflicts and
// comments for one package, as a DSSE envelope signed with the judge's Ed25519 key.
// Policy:
// - The size is checked before a byte is parsed (a 2 GB file is refused from its stat alone).
// - Reading and verifying are separate steps: readBundle parses and names the signer's key id
//   (so the caller can look up the registered key); verifyBundle checks the signature with it.
// - Refusals have distinct codes: BUNDLE_TOO_LARGE, BUNDLE_MALFORMED (with the failing path),
//   BUNDLE_NOT_CANONICAL (a payload not byte for byte the canonical JSON of what it holds: byte
//   order mark, whitespace, key order, or a key the schema does not keep), BUNDLE_RESERVED_KEY
//   ("__proto__" anywhere), BUNDLE_WRONG_TYPE, BUNDLE_SIGNATURE_INVALID. Merge rules (registered
//   judge, package, revision) belong to the caller.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { assertNever } from '../../contract/errors';
import { DefinitionKey, FileIdentifier } from '../../contract/identifiers';
import { EligibilityAnswer } from '../../contract/review';
import { KepuError } from '../errors';
import { identityFromPrivateKey, KeyId, keyIdOf } from '../keys/identity';
import { canonicalJsonBytes } from '../files/canonical-json';
import { entriesCertainlyValid } from './bundle-entries-check';
import { cleanWalk, encodeEnvelope, parseEnvelope, parsePayload, sameJsonData, signEnvelope, verifyEnvelope, type Envelope, type EnvelopeProblem } from './dsse';

export const BUNDLE_PAYLOAD_TYPE = 'application/vnd.kepu.bundle+json';
export const BUNDLE_EXTENSION = '.kepubundle';
/** 64 MiB: 2,000 entries with long comments stay far below it. */
export const DEFAULT_BUNDLE_MAX_BYTES = 64 * 1024 * 1024;

export const BundleEntry = z.strictObject({
  regNo: FileIdentifier,
  /** The coordinator's entry id, as given in the package. */
  entryId: z.number().int().positive(),
  scores: z.record(DefinitionKey.max(60), z.number().finite()),
  eligibility: z.record(DefinitionKey.max(60), z.strictObject({ answer: EligibilityAnswer, note: z.string().max(5_000) })),
  conflict: z.strictObject({ reason: z.string().max(2_000) }).nullable(),
  comment: z.string().max(20_000),
  /**
   * The judge's comment for the entrant (issue 19). Present only when not empty, so bundles of
   * entries without one keep the bytes they had before the field existed.
   */
  entrantComment: z.string().min(1).max(20_000).optional(),
  complete: z.boolean(),
  /** The judge's review revision of this entry. */
  revision: z.number().int().nonnegative(),
});
export type BundleEntry = z.infer<typeof BundleEntry>;

export const BundlePayload = z
  .strictObject({
    v: z.literal(1),
    kind: z.literal('kepu.bundle'),
    packageId: FileIdentifier,
    campaignId: FileIdentifier,
    /**
     * The definition version of the package this bundle answers (its manifest's definitionVersion).
     * Absent in bundles written before versions were numbered or answering such a package.
     */
    definitionVersion: z.number().int().min(1).optional(),
    /**
     * The scoring round per list, as the package this bundle answers names it (its manifest's
     * rounds: list and number). Absent when the package named none (every list in round 1).
     */
    rounds: z.array(z.strictObject({ list: DefinitionKey, roundNo: z.number().int().min(1) })).optional(),
    judgeKeyId: KeyId,
    /** Increases with every export of this package's results; the coordinator keeps the highest. */
    revision: z.number().int().min(1),
    createdAt: z.iso.datetime({ offset: true }),
    entries: z.array(BundleEntry),
  })
  .superRefine((payload, ctx) => {
    const seen = new Set<number>();
    payload.entries.forEach((entry, i) => {
      if (seen.has(entry.entryId)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'entryId'], message: `entry ${entry.entryId} appears twice` });
      seen.add(entry.entryId);
    });
  });
export type BundlePayload = z.infer<typeof BundlePayload>;

export interface ReadBundle {
  envelope: Envelope;
  payload: BundlePayload;
  /** The signer's key id (checked equal in the envelope and the signed payload). */
  keyId: string;
  /** SHA-256 of the file's bytes, e.g. to recognise the same file dropped twice. */
  sha256: string;
}

export interface ReadBundleOptions {
  maxBytes?: number;
}

/** The bytes of a bundle file (suggested extension .kepubundle). */
export function writeBundle(payload: BundlePayload, privateKey: KeyObject): Buffer {
  const checked = BundlePayload.parse(payload);
  const identity = identityFromPrivateKey(privateKey);
  if (checked.judgeKeyId !== identity.keyId) throw new Error(`bundle: judgeKeyId ${checked.judgeKeyId} is not the signing key ${identity.keyId}`);
  return encodeEnvelope(signEnvelope(BUNDLE_PAYLOAD_TYPE, canonicalJsonBytes(checked), privateKey, identity.keyId));
}

export function readBundle(bytes: Buffer, options: ReadBundleOptions = {}): ReadBundle {
  assertSize(bytes.length, options.maxBytes ?? DEFAULT_BUNDLE_MAX_BYTES);
  const parsed = parseEnvelope(bytes);
  if (!parsed.ok) throw malformed(parsed.problem.path, parsed.problem.detail);
  const { envelope, payload } = parsed;
  if (envelope.payloadType !== BUNDLE_PAYLOAD_TYPE) {
    throw new KepuError('BUNDLE_WRONG_TYPE', `bundle: this file holds ${envelope.payloadType}, not a result bundle`, { payloadType: envelope.payloadType });
  }
  if (envelope.signatures.length !== 1) throw malformed('signatures', 'a result bundle carries exactly one signature');
  const decoded = parsePayload(payload, BundlePayload, { canonical: true, certainlyValid: bundleCertainlyValid });
  if (!decoded.ok) throw payloadRefused(decoded.problem);
  // What the app read must be everything the judge signed: a key a schema dropped on the way
  // (a zod record drops "__proto__"; a future schema might drop more) makes the file unacceptable.
  // The payload is its canonical JSON (parsePayload), so comparing the data is comparing the bytes.
  if (!sameJsonData(decoded.raw, decoded.value)) {
    throw new KepuError('BUNDLE_NOT_CANONICAL', 'bundle: payload holds more than the format defines', { path: 'payload' });
  }
  const keyId = decoded.value.judgeKeyId;
  if (envelope.signatures[0].keyid !== keyId) throw malformed('signatures.0.keyid', 'does not name the key in payload.judgeKeyId');
  decodedPayloads.set(envelope, { text: envelope.payload, bytes: payload });
  return { envelope, payload: decoded.value, keyId, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** The payload bytes readBundle decoded, per envelope, for verifyBundle (used only while the text is the same). */
const decodedPayloads = new WeakMap<Envelope, { text: string; bytes: Buffer }>();

/**
 * The fast check of a parsed payload (dsse.ts CertainlyValid): the few header fields through the
 * schema itself (with no entries: the same zod, the same walk, the same data compared), the
 * entries through the hand loop (bundle-entries-check.ts). False sends the payload the general way.
 */
export function bundleCertainlyValid(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'entries')) return false;
  const entries = (raw as { entries: unknown }).entries;
  if (!Array.isArray(entries)) return false;
  // The spread keeps the members' order, with `entries` where it was.
  const header = { ...raw, entries: [] };
  const parsed = BundlePayload.safeParse(header);
  return parsed.success && cleanWalk(header) && sameJsonData(header, parsed.data) && entriesCertainlyValid(entries);
}

/** Reads a bundle file, refusing it by size (from fstat) before reading any of it. */
export function readBundleFile(file: string, options: ReadBundleOptions = {}): ReadBundle {
  const limit = options.maxBytes ?? DEFAULT_BUNDLE_MAX_BYTES;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new KepuError('BUNDLE_UNREADABLE', `bundle: cannot read ${file}: ${(error as Error).message}`, { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new KepuError('BUNDLE_UNREADABLE', `bundle: ${file} is not a file`, { file, reason: 'not a file' });
    assertSize(stat.size, limit);
    // One byte more than the stat promised: a file that grows while being read is noticed.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      length += n;
    }
    if (length > stat.size) throw new KepuError('BUNDLE_UNREADABLE', `bundle: ${file} changed while it was read`, { file, reason: 'changed while reading' });
    return readBundle(buffer.subarray(0, length), { maxBytes: limit });
  } finally {
    fs.closeSync(fd);
  }
}

/** BUNDLE_SIGNATURE_INVALID unless `publicKey` is the signer's and its signature verifies. */
export function verifyBundle(read: ReadBundle, publicKey: KeyObject): void {
  if (keyIdOf(publicKey) !== read.keyId) {
    throw new KepuError('BUNDLE_SIGNATURE_INVALID', `bundle: signed by key ${read.keyId}, not by the key given for verification`);
  }
  const decoded = decodedPayloads.get(read.envelope);
  if (!verifyEnvelope(read.envelope, publicKey, decoded?.text === read.envelope.payload ? decoded.bytes : undefined)) {
    throw new KepuError('BUNDLE_SIGNATURE_INVALID', 'bundle: the signature does not verify (the file was altered)');
  }
}

function assertSize(size: number, limit: number): void {
  if (size > limit) throw new KepuError('BUNDLE_TOO_LARGE', `bundle: ${size} bytes exceeds the limit of ${limit}`, { size, limit });
}

function payloadRefused(problem: EnvelopeProblem): KepuError {
  switch (problem.kind) {
    case 'not-canonical':
      return new KepuError('BUNDLE_NOT_CANONICAL', `bundle: ${problem.path}: ${problem.detail}`, { path: problem.path });
    case 'reserved-key':
      return new KepuError('BUNDLE_RESERVED_KEY', `bundle: ${problem.path}: ${problem.detail}`, { path: problem.path });
    case undefined:
      return malformed(problem.path, problem.detail);
    default:
      return assertNever(problem.kind, 'payload problem');
  }
}

function malformed(path: string, detail: string): KepuError {
  return new KepuError('BUNDLE_MALFORMED', `bundle: ${path || 'file'}: ${detail}`, { path: path || '-', detail });
}
