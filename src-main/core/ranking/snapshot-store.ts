// Locked rankings in the database (migration 0005): publishing writes the canonical snapshot bytes
// with the coordinator's Ed25519 signature over exactly those bytes; rows are never updated, so
// every published version stays available and the newest is "the published result". Reading a
// row back checks the stored hash and the signature before anything trusts it.
import { auditHead, signAuditHead } from '../audit/audit-chain';
import { assertEd25519 } from '../exchange/dsse';
import type { Database } from 'better-sqlite3';
import crypto, { type KeyObject } from 'node:crypto';
import { KepuError } from '../errors';
import { fingerprintOf, identityFromPrivateKey, publicKeyFromBase64, publicKeyToBase64 } from '../keys/identity';
import { nowIso } from '../time';
import { type InputLines, packInputLines, unpackInputLines } from './input-lines';
import { parseSnapshot, type RankingSnapshot, signSnapshot, snapshotBytes, verifySnapshotSignature } from './snapshot';

export interface StoredSnapshot {
  id: string;
  campaignId: string;
  lockedAt: string;
  sha256: string;
  /** The first of `methods` (kept for callers from before lists had methods of their own). */
  method: RankingSnapshot['config']['primary'];
  /** The methods the published lists are ordered by, in list order (one, unless lists rank by methods of their own). */
  methods: RankingSnapshot['config']['primary'][];
  rankedCount: number;
  heldCount: number;
  signerName: string;
  signerKeyId: string;
  signerFingerprint: string;
}

interface Row {
  id: string;
  campaign_id: string;
  locked_at: string;
  snapshot_json: string;
  sha256: string;
  signature: string;
  signer_key_id: string;
  signer_public_key: string;
  signer_name: string;
  /** The published methods, comma-separated (a single method for results locked before lists had methods). */
  method: string;
  ranked_count: number;
  held_count: number;
}

function info(row: Omit<Row, 'snapshot_json'>): StoredSnapshot {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    lockedAt: row.locked_at,
    sha256: row.sha256,
    method: row.method.split(',')[0] as StoredSnapshot['method'],
    methods: row.method.split(',') as StoredSnapshot['methods'],
    rankedCount: row.ranked_count,
    heldCount: row.held_count,
    signerName: row.signer_name,
    signerKeyId: row.signer_key_id,
    signerFingerprint: fingerprintOf(row.signer_key_id),
  };
}

/**
 * A snapshot made ready to sign: its canonical bytes, the counts the row keeps and the
 * packed input lines. Making it is the heavy part of a lock at 50,000 entries (canonical JSON of
 * every published list, a gzip of every score line: seconds), so the app makes it on the ranking
 * worker, beside the computation it comes from, and the main process only signs and stores it.
 * Both byte arrays own their whole ArrayBuffer, so a worker can hand them over without a copy.
 */
export interface PreparedSnapshot {
  campaignId: string;
  /** The canonical snapshot bytes (snapshotBytes): what is signed and stored. */
  bytes: Uint8Array;
  /** The published methods, comma-separated, in list order (the primary method when no list). */
  method: string;
  rankedCount: number;
  heldCount: number;
  /** The input lines, packed (input-lines.ts); null when none are kept. */
  linesGz: Uint8Array | null;
  /**
   * The database's change token when the data it was made from was read (db/change-token.ts): the
   * lock stores it only while the token is still this (final-lock-guard.ts). Null: not checked.
   */
  dataToken: string | null;
}

/** A prepared snapshot with the SHA-256 of its bytes and the signer's Ed25519 signature over them. */
export interface SignedSnapshot extends PreparedSnapshot {
  sha256: string;
  signature: string;
}

/** A copy that owns its ArrayBuffer (a Buffer may be a slice of a shared pool, which must never be handed over). */
const owned = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

/** `lines`: the inputs line by line (input-lines.ts), kept so a later verify names each difference. */
export function prepareSnapshot(snapshot: RankingSnapshot, lines?: InputLines, dataToken: string | null = null): PreparedSnapshot {
  const categories = (snapshot.outputs.categories ?? []) as { method: string; ranked: unknown[]; held: unknown[] }[];
  const methods = [...new Set(categories.map((c) => c.method))];
  return {
    campaignId: snapshot.campaignId,
    bytes: owned(snapshotBytes(snapshot)),
    method: methods.length > 0 ? methods.join(',') : snapshot.config.primary,
    rankedCount: categories.reduce((s, c) => s + c.ranked.length, 0),
    heldCount: categories.reduce((s, c) => s + c.held.length, 0),
    linesGz: lines ? owned(packInputLines(lines)) : null,
    dataToken,
  };
}

/** The ArrayBuffers a worker hands over with a prepared snapshot (prepareSnapshot made them its own). */
export function preparedBuffers(prepared: PreparedSnapshot): ArrayBuffer[] {
  return [prepared.bytes, prepared.linesGz].filter((b) => b !== null).map((b) => b.buffer as ArrayBuffer);
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Hashes and signs in this thread (the CLI, tests, certificates' own lock). */
export function signPreparedSync(prepared: PreparedSnapshot, privateKey: KeyObject): SignedSnapshot {
  const bytes = asBuffer(prepared.bytes);
  return { ...prepared, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), signature: signSnapshot(bytes, privateKey) };
}

/**
 * Hashes and signs on libuv's thread pool (WebCrypto's digest, crypto.sign with a callback): at
 * 50,000 entries the bytes are about 20 MB, and the main process keeps answering meanwhile.
 * The same hash and signature as signPreparedSync (Ed25519 signatures are deterministic).
 */
export async function signPrepared(prepared: PreparedSnapshot, privateKey: KeyObject): Promise<SignedSnapshot> {
  assertEd25519(privateKey, 'private');
  const bytes = asBuffer(prepared.bytes);
  const [digest, signature] = await Promise.all([
    crypto.subtle.digest('SHA-256', bytes),
    new Promise<Buffer>((resolve, reject) => crypto.sign(null, bytes, privateKey, (error, sig) => (error ? reject(error) : resolve(sig)))),
  ]);
  return { ...prepared, sha256: Buffer.from(digest).toString('hex'), signature: signature.toString('base64') };
}

/**
 * `lines`: the inputs line by line (input-lines.ts), kept so a later verify names each difference.
 * `lockDetails`: more for the lock's audit row (e.g. the override of a running 公示, core/notices/final-lock-guard.ts).
 */
export function storeSnapshot(db: Database, snapshot: RankingSnapshot, privateKey: KeyObject, signerName: string, lines?: InputLines, lockDetails: Record<string, unknown> = {}): StoredSnapshot {
  return storeSignedSnapshot(db, signPreparedSync(prepareSnapshot(snapshot, lines), privateKey), privateKey, signerName, lockDetails);
}

/**
 * Stores a signed snapshot with its lines and the lock's audit row, in one transaction.
 * `privateKey`: the key that signed it (it names the signer and signs the audit log's head).
 */
export function storeSignedSnapshot(db: Database, signed: SignedSnapshot, privateKey: KeyObject, signerName: string, lockDetails: Record<string, unknown> = {}): StoredSnapshot {
  const identity = identityFromPrivateKey(privateKey);
  const { sha256 } = signed;
  const row: Omit<Row, 'snapshot_json'> = {
    id: `rank-${sha256.slice(0, 12)}-${Date.now().toString(36)}`,
    campaign_id: signed.campaignId,
    locked_at: nowIso(),
    sha256,
    signature: signed.signature,
    signer_key_id: identity.keyId,
    signer_public_key: publicKeyToBase64(identity.publicKey),
    signer_name: signerName,
    method: signed.method,
    ranked_count: signed.rankedCount,
    held_count: signed.heldCount,
  };
  db.transaction(() => {
    // The audit log's head as it stood before this lock, signed with the same key: a later change
    // to any earlier row breaks the chain below a head the coordinator signed (core/audit).
    const head = auditHead(db);
    // The bytes go in as they are and SQLite reads them as the UTF-8 text they are (CAST): no
    // 20 MB string is made in this thread. A later read gets the same text, so the same bytes.
    db.prepare(
      `INSERT INTO ranking_snapshots (id, campaign_id, locked_at, snapshot_json, sha256, signature, signer_key_id, signer_public_key, signer_name, method, ranked_count, held_count)
       VALUES (@id, @campaign_id, @locked_at, CAST(@snapshot_json AS TEXT), @sha256, @signature, @signer_key_id, @signer_public_key, @signer_name, @method, @ranked_count, @held_count)`,
    ).run({ ...row, snapshot_json: asBuffer(signed.bytes) });
    if (signed.linesGz) db.prepare('INSERT INTO ranking_snapshot_lines (snapshot_id, lines_gz) VALUES (?, ?)').run(row.id, asBuffer(signed.linesGz));
    db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'ranking.lock', ?, ?)`).run(
      row.locked_at,
      identity.keyId,
      signed.campaignId,
      JSON.stringify({ snapshotId: row.id, sha256, method: row.method, ranked: row.ranked_count, held: row.held_count, ...lockDetails, ...(head ? { auditHead: signAuditHead(head, privateKey) } : {}) }),
    );
  })();
  return info(row);
}

export function listSnapshots(db: Database, campaignId: string): StoredSnapshot[] {
  return (db.prepare('SELECT * FROM ranking_snapshots WHERE campaign_id = ? ORDER BY locked_at DESC, id DESC').all(campaignId) as Row[]).map(info);
}

export function latestSnapshotInfo(db: Database, campaignId: string): StoredSnapshot | null {
  const row = db.prepare('SELECT * FROM ranking_snapshots WHERE campaign_id = ? ORDER BY locked_at DESC, id DESC LIMIT 1').get(campaignId) as Row | undefined;
  return row ? info(row) : null;
}

export interface LoadedSnapshot {
  info: StoredSnapshot;
  snapshot: RankingSnapshot;
  bytes: Buffer;
  signature: string;
  /** The signer's Ed25519 public key (base64), as stored with the snapshot. */
  signerPublicKey: string;
  signatureValid: boolean;
}

/** A stored snapshot, parsed, with its hash and signature checked (a bad hash is an error). */
export function loadSnapshot(db: Database, campaignId: string, snapshotId: string): LoadedSnapshot {
  const row = db.prepare('SELECT * FROM ranking_snapshots WHERE campaign_id = ? AND id = ?').get(campaignId, snapshotId) as Row | undefined;
  if (!row) throw new KepuError('RANKING_SNAPSHOT_NOT_FOUND', `ranking: no snapshot ${snapshotId}`, { snapshotId });
  const bytes = Buffer.from(row.snapshot_json, 'utf8');
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new KepuError('RANKING_SNAPSHOT_INVALID', `ranking: snapshot ${snapshotId} does not match its hash`, { reason: 'sha256' });
  }
  let snapshot: RankingSnapshot;
  try {
    snapshot = parseSnapshot(JSON.parse(row.snapshot_json));
  } catch (error) {
    throw new KepuError('RANKING_SNAPSHOT_INVALID', (error as Error).message, { reason: (error as Error).message });
  }
  let signatureValid = false;
  try {
    signatureValid = verifySnapshotSignature(bytes, row.signature, publicKeyFromBase64(row.signer_public_key));
  } catch {
    signatureValid = false;
  }
  return { info: info(row), snapshot, bytes, signature: row.signature, signerPublicKey: row.signer_public_key, signatureValid };
}

/** The packed input lines kept with a stored snapshot; null for one locked before they were kept. */
export function snapshotLinesPacked(db: Database, snapshotId: string): Buffer | null {
  return (db.prepare('SELECT lines_gz FROM ranking_snapshot_lines WHERE snapshot_id = ?').pluck().get(snapshotId) as Buffer | undefined) ?? null;
}

/** The input lines of a stored snapshot (by id), or of the stored snapshot whose bytes hash to `sha256`. */
export function snapshotLines(db: Database, by: { snapshotId: string } | { sha256: string }): InputLines | null {
  const packed =
    'snapshotId' in by
      ? snapshotLinesPacked(db, by.snapshotId)
      : ((db
          .prepare('SELECT l.lines_gz FROM ranking_snapshot_lines l JOIN ranking_snapshots r ON r.id = l.snapshot_id WHERE r.sha256 = ? ORDER BY r.locked_at DESC LIMIT 1')
          .pluck()
          .get(by.sha256) as Buffer | undefined) ?? null);
  return packed ? unpackInputLines(packed) : null;
}
