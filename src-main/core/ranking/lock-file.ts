// Reading a ranking file handed to `kepu rank --verify`: either a bare snapshot (`kepu rank --lock`)
// or a published lock exported from the app (`kepu-ranking-lock/1`: the snapshot with the
// coordinator's Ed25519 signature over its canonical bytes, the public key and its hash). A lock
// whose signature or hash does not match is refused before anything is recomputed.
import crypto from 'node:crypto';
import { z } from 'zod';
import { publicKeyFromBase64 } from '../keys/identity';
import { type InputLines, unpackInputLines } from './input-lines';
import { parseSnapshot, type RankingSnapshot, snapshotBytes, verifySnapshotSignature } from './snapshot';

const LockFile = z.object({
  format: z.literal('kepu-ranking-lock/1'),
  snapshot: z.unknown(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string(),
  signerPublicKey: z.string(),
  /** The inputs line by line (input-lines.ts), gzip, base64; trusted only where they match the signed hashes. */
  inputLines: z.string().optional(),
});

export function readLockFile(text: string): RankingSnapshot {
  return readLockFileWithLines(text).snapshot;
}

/** The snapshot and, for a lock file that carries them, its input lines (null otherwise). */
export function readLockFileWithLines(text: string): { snapshot: RankingSnapshot; lines: InputLines | null } {
  const raw = JSON.parse(text) as unknown;
  const lock = LockFile.safeParse(raw);
  if (!lock.success) return { snapshot: parseSnapshot(raw), lines: null };
  const snapshot = parseSnapshot(lock.data.snapshot);
  const bytes = snapshotBytes(snapshot);
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== lock.data.sha256) throw new Error('the snapshot does not match its SHA-256');
  if (!verifySnapshotSignature(bytes, lock.data.signature, publicKeyFromBase64(lock.data.signerPublicKey))) throw new Error('the signature is not valid');
  return { snapshot, lines: lock.data.inputLines ? unpackInputLines(Buffer.from(lock.data.inputLines, 'base64')) : null };
}
