// Opening a review package on the judge's machine. Policy, in this order, and nothing is written
// before step 4:
// 1. the central directory is read and every member is judged by name and metadata alone:
//    absolute paths, "..", backslashes, names resolving outside targetDir, links or other
//    non-files (Unix mode bits), too many members, members declared larger than the limit;
// 2. the container must be exactly in the profile Kepu writes (zip-layout.ts), manifest.json first;
// 3. manifest.json must be a DSSE envelope whose signature verifies under the coordinator key it
//    names (and, when given, a key the judge already trusts); then the manifest is parsed, and the
//    caller may still refuse (or skip extraction) from the verified manifest — `admit`;
// 4. media members must be exactly the included media of the manifest; each is extracted into a
//    private staging folder while its size, SHA-256 and CRC-32 are checked, and moved into
//    <targetDir>/media only when all of them passed. On any refusal the staging folder (and any
//    folder this call created) is removed: nothing is left behind. What was created is returned
//    (`created`) so that a caller whose next step fails can remove it too.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { z } from 'zod';
import { KepuError } from '../errors';
import { fingerprintOf, KeyId, keyIdOf, publicKeyFromBase64, PublicKeyBase64 } from '../keys/identity';
import { parseEnvelope, parsePayload, verifyEnvelope } from './dsse';
import { expectedMediaMembers, MANIFEST_MEMBER, PACKAGE_PAYLOAD_TYPE, PackageManifest, type MediaMember } from './package-manifest';
import { assertStrictLayout, crc32, LayoutError, readCentralDirectory, type CentralRecord } from './zip-layout';
import { memberName, memberProblem } from './zip-names';

export const DEFAULT_MAX_MEMBERS = 10_000;
/** 1 GiB per media file: the rules allow 100 MB videos; a tenfold margin for other campaigns. */
export const DEFAULT_MAX_MEMBER_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface OpenPackageOptions {
  /** Media are extracted to <targetDir>/media. Created when missing. */
  targetDir: string;
  maxMemberBytes?: number;
  maxMembers?: number;
  maxManifestBytes?: number;
  /** When given, the package must be signed by one of these coordinator key ids. */
  trustedCoordinatorKeyIds?: readonly string[];
  /**
   * Called once the manifest verified, before anything is written: throw to refuse the package,
   * return the folder to extract into (instead of targetDir), or null to extract nothing.
   */
  admit?: (verified: VerifiedManifest) => string | null;
}

export interface VerifiedManifest {
  manifest: PackageManifest;
  coordinatorKeyId: string;
  coordinatorFingerprint: string;
}

export interface OpenedPackage {
  manifest: PackageManifest;
  coordinatorKeyId: string;
  coordinatorFingerprint: string;
  /** <targetDir>/media; exists only when the package included media. */
  mediaDir: string;
  /** Every extracted media file, by hash. */
  media: { sha256: string; path: string }[];
  /** The signed manifest envelope as it was in the package (keep it as the judge's proof). */
  envelope: Buffer;
  /** Files and folders this call created (not those already there): what undoing the open removes. */
  created: string[];
}

interface Member {
  name: string;
  record: CentralRecord;
}

export async function openPackage(file: string, options: OpenPackageOptions): Promise<OpenedPackage> {
  const maxMembers = options.maxMembers ?? DEFAULT_MAX_MEMBERS;
  const maxMemberBytes = options.maxMemberBytes ?? DEFAULT_MAX_MEMBER_BYTES;
  const maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
  const targetDir = path.resolve(options.targetDir);
  let fh: FileHandle;
  try {
    fh = await fsp.open(file, 'r');
  } catch (error) {
    throw new KepuError('PACKAGE_UNREADABLE', `package: cannot read ${file}: ${(error as Error).message}`, { file, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' });
  }
  let zip: yauzl.ZipFile | null = null;
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw new KepuError('PACKAGE_UNREADABLE', `package: ${file} is not a file`, { file, reason: 'not a file' });
    // 1. Names and metadata.
    const directory = await layout(() => readCentralDirectory(fh, stat.size, maxMembers));
    if (directory.count > maxMembers) {
      throw new KepuError('PACKAGE_TOO_MANY_MEMBERS', `package: ${directory.count} members, at most ${maxMembers} allowed`, { count: directory.count, limit: maxMembers });
    }
    const members: Member[] = directory.records.map((record) => {
      const name = memberName(record);
      const problem = memberProblem(name, record, targetDir);
      if (problem) throw new KepuError('PACKAGE_UNSAFE_PATH', `package: member ${JSON.stringify(name.text)}: ${problem}`, { member: name.text });
      const limit = name.text === MANIFEST_MEMBER ? maxManifestBytes : maxMemberBytes;
      if (record.uncompressedSize > limit) throw tooLarge(name.text, limit);
      return { name: name.text, record };
    });
    if (new Set(members.map((m) => m.name)).size !== members.length) throw malformed('two members have the same name');
    // 2. The container profile, which puts the signed manifest first (docs/formats.md): a reader
    // that streams the file learns what it is before any media.
    await layout(() => assertStrictLayout(fh, directory));
    const manifestMember = members.find((m) => m.name === MANIFEST_MEMBER);
    if (!manifestMember) throw malformed('no manifest.json: this is not a Kepu review package');
    if (members[0] !== manifestMember) throw malformed('manifest.json is not the first member');
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
    // 3. The signed manifest.
    const { bytes: envelope, check } = await readMember(zip, manifestMember, maxManifestBytes);
    // Signature before CRC: a changed manifest is reported as what it is, a broken signature.
    const { manifest, coordinatorKeyId } = verifyManifest(envelope);
    check.assertIntact(manifestMember.record);
    if (options.trustedCoordinatorKeyIds && !options.trustedCoordinatorKeyIds.includes(coordinatorKeyId)) {
      throw new KepuError('PACKAGE_UNTRUSTED_SIGNER', `package: signed by ${coordinatorKeyId}, not by a coordinator this installation trusts`, { fingerprint: fingerprintOf(coordinatorKeyId) });
    }
    const coordinatorFingerprint = fingerprintOf(coordinatorKeyId);
    const admitted = options.admit ? options.admit({ manifest, coordinatorKeyId, coordinatorFingerprint }) : targetDir;
    const extractTo = admitted === null ? null : path.resolve(admitted);
    // 4. Media.
    const expected = expectedMediaMembers(manifest);
    const media: { member: Member; expected: MediaMember }[] = [];
    for (const member of members) {
      if (member === manifestMember) continue;
      // Judged again against the folder the caller chose (step 1 judged against targetDir).
      const problem = extractTo === null ? null : memberProblem({ text: member.name, decoded: true }, member.record, extractTo);
      if (problem) throw new KepuError('PACKAGE_UNSAFE_PATH', `package: member ${JSON.stringify(member.name)}: ${problem}`, { member: member.name });
      const wanted = expected.get(member.name);
      if (!wanted) throw new KepuError('PACKAGE_UNEXPECTED_MEMBER', `package: ${member.name} is not listed in the manifest`, { member: member.name });
      if (member.record.uncompressedSize !== wanted.sizeBytes) throw hashMismatch(member.name, 'size differs from the manifest');
      media.push({ member, expected: wanted });
    }
    for (const name of expected.keys()) {
      if (!members.some((m) => m.name === name)) throw new KepuError('PACKAGE_MEDIA_MISSING', `package: ${name} is listed as included but missing`, { member: name });
    }
    const base = { manifest, coordinatorKeyId, coordinatorFingerprint, envelope };
    if (extractTo === null) return { ...base, mediaDir: path.join(targetDir, 'media'), media: [], created: [] };
    const extracted = await extractAll(zip, media, extractTo, maxMemberBytes);
    return { ...base, mediaDir: path.join(extractTo, 'media'), ...extracted };
  } finally {
    zip?.close();
    await fh.close();
  }
}

/** Only what is needed to find the signer's key; everything else is parsed after verification. */
const Signer = z.object({ coordinator: z.object({ keyId: KeyId, publicKey: PublicKeyBase64 }) });

function verifyManifest(bytes: Buffer): { manifest: PackageManifest; coordinatorKeyId: string } {
  const parsed = parseEnvelope(bytes);
  if (!parsed.ok) throw malformed(`manifest.json: ${parsed.problem.path || 'file'}: ${parsed.problem.detail}`);
  const { envelope, payload } = parsed;
  if (envelope.payloadType !== PACKAGE_PAYLOAD_TYPE) throw malformed(`manifest.json holds ${envelope.payloadType}, not a review package`);
  if (envelope.signatures.length !== 1) throw malformed('manifest.json must carry exactly one signature');
  // Leniently, only to find the key: a changed manifest is then reported as a broken signature.
  const signer = parsePayload(payload, Signer, { canonical: false });
  if (!signer.ok) throw signatureInvalid(`the signer cannot be read (${signer.problem.path}: ${signer.problem.detail})`);
  const { keyId, publicKey } = signer.value.coordinator;
  let key: KeyObject;
  try {
    key = publicKeyFromBase64(publicKey);
  } catch {
    throw signatureInvalid('the coordinator key is not a valid Ed25519 key');
  }
  if (keyIdOf(key) !== keyId || envelope.signatures[0].keyid !== keyId) throw signatureInvalid('the key ids do not match the coordinator key');
  if (!verifyEnvelope(envelope, key)) throw signatureInvalid('the signature does not verify (the manifest was altered)');
  // Signed, but still out of the canonical form (docs/formats.md): refused as malformed.
  const manifest = parsePayload(payload, PackageManifest);
  if (!manifest.ok) throw malformed(`manifest.json: ${manifest.problem.path}: ${manifest.problem.detail}`);
  return { manifest: manifest.value, coordinatorKeyId: keyId };
}

async function readMember(zip: yauzl.ZipFile, member: Member, limit: number): Promise<{ bytes: Buffer; check: CheckingStream }> {
  const chunks: Buffer[] = [];
  const check = new CheckingStream(member.name, limit);
  await streamErrors(member, async () => {
    const source = await openStream(zip, member.record);
    await pipeline(source, check, async (input: AsyncIterable<Buffer>) => {
      for await (const chunk of input) chunks.push(chunk);
    });
  });
  return { bytes: Buffer.concat(chunks), check };
}

async function extractAll(
  zip: yauzl.ZipFile,
  media: { member: Member; expected: MediaMember }[],
  targetDir: string,
  limit: number,
): Promise<{ media: { sha256: string; path: string }[]; created: string[] }> {
  if (media.length === 0) return { media: [], created: [] };
  const created = await mkdirTracked(targetDir);
  const staging = path.join(targetDir, `.kepu-open-${crypto.randomBytes(6).toString('hex')}`);
  const mediaDir = path.join(targetDir, 'media');
  const moved: string[] = [];
  let mediaCreated: string | undefined;
  try {
    await fsp.mkdir(staging, { mode: 0o700 });
    for (const { member, expected } of media) {
      const check = new CheckingStream(member.name, limit);
      const staged = path.join(staging, path.basename(member.name));
      await streamErrors(member, async () => pipeline(await openStream(zip, member.record), check, fs.createWriteStream(staged, { flags: 'wx', mode: 0o600 })));
      if (check.sha256() !== expected.sha256) throw hashMismatch(member.name, 'SHA-256 differs from the manifest');
      check.assertIntact(member.record);
    }
    mediaCreated = await mkdirTracked(mediaDir);
    const out: { sha256: string; path: string }[] = [];
    for (const { member, expected } of media) {
      const final = path.join(mediaDir, path.basename(member.name));
      // Content-addressed: a file already there from an earlier opening has the same bytes, so it
      // may be replaced, and is not ours to remove if a later step fails.
      const existed = fs.existsSync(final);
      await fsp.rename(path.join(staging, path.basename(member.name)), final);
      if (!existed) moved.push(final);
      out.push({ sha256: expected.sha256, path: final });
    }
    await fsp.rm(staging, { recursive: true, force: true });
    // Removing the topmost new folder removes everything in it; new files elsewhere one by one.
    const folders = [created, mediaCreated].filter((d): d is string => d !== undefined);
    const inNewFolder = (file: string) =>
      folders.some((d) => {
        const relative = path.relative(d, file);
        return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      });
    return { media: out, created: [...folders, ...moved.filter((f) => !inNewFolder(f))] };
  } catch (error) {
    await fsp.rm(staging, { recursive: true, force: true });
    for (const file of moved) await fsp.rm(file, { force: true });
    for (const dir of [mediaCreated, created]) if (dir) await fsp.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Creates `dir` (and parents) when missing; returns the topmost folder it created, to undo. */
async function mkdirTracked(dir: string): Promise<string | undefined> {
  return (await fsp.mkdir(dir, { recursive: true })) ?? undefined;
}

function openStream(zip: yauzl.ZipFile, record: CentralRecord): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStreamLowLevel(record.dataStart, record.compressedSize, 0, record.compressedSize, record.method === 8, record.uncompressedSize, (error, stream) =>
      error ? reject(error) : resolve(stream),
    );
  });
}

/** Counts, hashes and CRCs member data; refuses more than `limit` bytes as it arrives. */
class CheckingStream extends Transform {
  private readonly hash = crypto.createHash('sha256');
  private crc = 0;
  private count = 0;
  private hex = '';

  constructor(
    private readonly member: string,
    private readonly limit: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.limit) return callback(tooLarge(this.member, this.limit));
    this.hash.update(chunk);
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    callback();
  }

  sha256(): string {
    return this.hex;
  }

  assertIntact(record: CentralRecord): void {
    if (this.count !== record.uncompressedSize || this.crc !== record.crc32) throw malformed(`${this.member}: the data does not match its CRC-32 or size`);
  }
}

async function streamErrors<T>(member: Member, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof KepuError) throw error;
    const message = (error as Error).message;
    // yauzl's size check: the data inflates to more than the member declares.
    if (/too many bytes/.test(message)) throw tooLarge(member.name, member.record.uncompressedSize);
    throw malformed(`${member.name}: ${message}`);
  }
}

async function layout<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LayoutError) throw malformed(error.message);
    throw error;
  }
}

function malformed(detail: string): KepuError {
  return new KepuError('PACKAGE_MALFORMED', `package: ${detail}`, { detail });
}

function signatureInvalid(detail: string): KepuError {
  return new KepuError('PACKAGE_SIGNATURE_INVALID', `package: ${detail}`, { detail });
}

function hashMismatch(member: string, detail: string): KepuError {
  return new KepuError('PACKAGE_HASH_MISMATCH', `package: ${member}: ${detail}`, { member });
}

function tooLarge(member: string, limit: number): KepuError {
  return new KepuError('PACKAGE_MEMBER_TOO_LARGE', `package: ${member} is larger than ${limit} bytes`, { member, limit });
}
