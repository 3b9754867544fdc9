// Writing a review package: one ZIP file with the signed manifest first, then each included media
// file once, all members stored (not deflated: see below; videos do not compress anyway) and media
// streamed from disk — a 100 MB video never sits in memory. Policy: every media file is hashed while it is copied and must still be the file the
// manifest describes; the package appears under its final name only when complete (temp file in
// the same folder, fsync, rename), so a crash or a changed file never leaves a half package.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { KepuError } from '../errors';
import { renameIntoPlace, syncFile, syncFolder, tempPathFor } from '../files/atomic-write';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../files/private-files';
import { identityFromPrivateKey, publicKeyToBase64 } from '../keys/identity';
import { canonicalJsonBytes } from '../files/canonical-json';
import { encodeEnvelope, signEnvelope } from './dsse';
import { expectedMediaMembers, MANIFEST_MEMBER, PACKAGE_PAYLOAD_TYPE, PackageManifest } from './package-manifest';
import { MEMBER_MODE } from './zip-layout';

export interface MediaFile {
  sha256: string;
  /** Where the coordinator's copy of the file is. */
  path: string;
}

export interface WrittenPackage {
  file: string;
  bytes: number;
  /** manifest.json plus the media members. */
  members: number;
}

/** Writes `outPath` (suggested extension .kepupkg). `mediaFiles` must cover every included asset. */
export async function writePackage(manifest: PackageManifest, mediaFiles: readonly MediaFile[], outPath: string, privateKey: KeyObject): Promise<WrittenPackage> {
  const parsed = PackageManifest.safeParse(manifest);
  if (!parsed.success) throw new Error(`package: manifest invalid at ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  const checked = parsed.data;
  const identity = identityFromPrivateKey(privateKey);
  if (checked.coordinator.keyId !== identity.keyId || checked.coordinator.publicKey !== publicKeyToBase64(identity.publicKey)) {
    throw new Error('package: manifest.coordinator does not describe the signing key');
  }
  const members = [...expectedMediaMembers(checked).values()].sort((a, b) => a.name.localeCompare(b.name));
  const sources = new Map(mediaFiles.map((f) => [f.sha256, f.path]));
  for (const f of mediaFiles) if (!members.some((m) => m.sha256 === f.sha256)) throw new Error(`package: media ${f.sha256} is not an included asset of the manifest`);
  const planned = members.map((member) => {
    const source = sources.get(member.sha256);
    if (!source) throw new Error(`package: no file given for included media ${member.sha256}`);
    let size: number;
    try {
      size = fs.statSync(source).size;
    } catch {
      throw new KepuError('MEDIA_FILE_MISSING', `package: ${source} is missing`, { file: source });
    }
    if (size !== member.sizeBytes) throw changed(source);
    return { ...member, source, hasher: new HashingStream() };
  });

  const envelope = encodeEnvelope(signEnvelope(PACKAGE_PAYLOAD_TYPE, canonicalJsonBytes(checked), privateKey, identity.keyId));
  const mtime = new Date(checked.createdAt);
  const zip = new yazl.ZipFile();
  // Stored, not deflated: deflate has many encodings of the same bytes (a back-reference may point
  // at any identical earlier run), so a compressed member would let some changed bytes through
  // unnoticed. Stored, every byte of the package is covered by a signature, a hash or a cross-check.
  zip.addBuffer(envelope, MANIFEST_MEMBER, { mtime, mode: MEMBER_MODE, forceDosTimestamp: true, compress: false });
  const failures: Promise<never>[] = [];
  for (const item of planned) {
    failures.push(
      new Promise<never>((_, reject) => {
        zip.addReadStreamLazy(item.name, { mtime, mode: MEMBER_MODE, forceDosTimestamp: true, compress: false, size: item.sizeBytes }, (cb) => {
          const source = fs.createReadStream(item.source, { highWaterMark: 1 << 20 });
          source.on('error', (error) => item.hasher.destroy(error));
          item.hasher.on('error', reject);
          cb(null, source.pipe(item.hasher));
        });
      }),
    );
  }
  failures.push(new Promise<never>((_, reject) => zip.on('error', reject)));
  // Raced below; after the race is decided a late rejection must not become an unhandled one.
  for (const failure of failures) failure.catch(() => {});
  zip.end();

  const folder = path.dirname(outPath);
  const temp = tempPathFor(outPath, 'partial');
  let output: fs.WriteStream | null = null;
  let writtenTo = outPath;
  try {
    makePrivateDir(folder);
    output = fs.createWriteStream(temp, { flags: 'wx', mode: PRIVATE_FILE_MODE });
    await Promise.race([pipeline(zip.outputStream, output), ...failures]);
    for (const item of planned) if (item.hasher.digest() !== item.sha256) throw changed(item.source);
    syncFile(temp);
    // Retried while a scanner holds the old package; still held: "name (2).kepupkg", reported as written.
    writtenTo = renameIntoPlace(temp, outPath, { ifHeld: 'numbered' });
    syncFolder(folder);
  } catch (error) {
    output?.destroy();
    fs.rmSync(temp, { force: true });
    if (isDiskFull(error)) throw asDiskFull(error, folder);
    if (error instanceof KepuError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (error as NodeJS.ErrnoException).path) {
      throw new KepuError('MEDIA_FILE_MISSING', `package: ${(error as NodeJS.ErrnoException).path} is missing`, { file: String((error as NodeJS.ErrnoException).path) });
    }
    if (/unexpected number of bytes/.test((error as Error).message)) throw changed('a media file');
    throw error;
  }
  return { file: writtenTo, bytes: fs.statSync(writtenTo).size, members: planned.length + 1 };
}

function changed(file: string): KepuError {
  return new KepuError('PACKAGE_HASH_MISMATCH', `package: ${file} changed since it was checked; check the media again before exporting`, { member: file });
}

/** Passes bytes through while computing their SHA-256. */
class HashingStream extends Transform {
  private readonly hash = crypto.createHash('sha256');
  private hex: string | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    callback();
  }

  digest(): string | null {
    return this.hex;
  }
}
