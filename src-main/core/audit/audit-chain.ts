// Checking the audit log's hash chain (audit-hash.ts) and the heads that published results signed.
// Policy:
// - The chain is the whole installation's log in id order (one chain, not one per campaign: rows
//   about judges, certificates and deleted campaigns belong to it too). A check walks every row
//   and reports the first that does not match: its hash is not the hash of its content (changed),
//   or its prev_hash is not the hash of the row before it (a row removed or slipped in before it).
// - Each ranking lock records the chain's head just before it (id and hash) signed with the
//   coordinator's key (snapshot-store.ts); a check confirms the head row still has that hash and
//   the signature verifies with the key the locked result was signed with.
// - The three triggers that keep the log append-only are part of what is checked: a tool that
//   dropped them could change rows without leaving a trace in later inserts.
import crypto, { type KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { publicKeyFromBase64 } from '../keys/identity';
import { auditRowHash, type AuditContent } from './audit-hash';

export const AUDIT_GUARDS = ['audit_log_chain', 'audit_log_no_update', 'audit_log_no_delete'] as const;
const HEAD_PREFIX = 'kepu-audit-head/1';

export interface AuditHead {
  id: number;
  hash: string;
}

export interface SignedAuditHead extends AuditHead {
  /** Ed25519 over "kepu-audit-head/1\n<id>\n<hash>", base64. */
  signature: string;
}

export type AuditProblemKind = 'changed' | 'link' | 'unchained' | 'head_mismatch' | 'head_signature';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The row that does not match (for a head problem: the lock row that signed it). */
  id: number;
  at: string;
  action: string;
}

export interface AuditCheck {
  rows: number;
  head: AuditHead | null;
  /** The first row that does not match, in id order; null: the chain is intact. */
  problem: AuditProblem | null;
  /** Guard triggers that are missing (the log could be changed without a trace). */
  missingGuards: string[];
  /** Published results whose signed chain head was checked. */
  signedHeads: number;
}

interface DbAuditRow extends AuditContent {
  prev_hash: string | null;
  hash: string | null;
}

export function auditHead(db: Database): AuditHead | null {
  const row = db.prepare<[], { id: number; hash: string | null }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return row && row.hash ? { id: row.id, hash: row.hash } : null;
}

function headBytes(head: AuditHead): Buffer {
  return Buffer.from(`${HEAD_PREFIX}\n${head.id}\n${head.hash}`, 'utf8');
}

export function signAuditHead(head: AuditHead, privateKey: KeyObject): SignedAuditHead {
  return { ...head, signature: crypto.sign(null, headBytes(head), privateKey).toString('base64') };
}

export function verifyAuditChain(db: Database): AuditCheck {
  const triggers = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).pluck().all() as string[]);
  const missingGuards = AUDIT_GUARDS.filter((g) => !triggers.has(g));
  let rows = 0;
  let prev: string | null = null;
  let last: AuditHead | null = null;
  let problem: AuditProblem | null = null;
  const hashes = new Map<number, string>();
  const locks: DbAuditRow[] = [];
  for (const row of db.prepare('SELECT id, at, actor, action, subject, details_json, prev_hash, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<DbAuditRow>) {
    rows++;
    if (!problem) {
      const at = { id: row.id, at: row.at, action: row.action };
      if (row.hash === null) problem = { kind: 'unchained', ...at };
      else if (row.prev_hash !== prev) problem = { kind: 'link', ...at };
      else if (auditRowHash(row.prev_hash, row) !== row.hash) problem = { kind: 'changed', ...at };
    }
    if (row.action === 'ranking.lock') locks.push(row);
    if (row.hash) hashes.set(row.id, row.hash);
    prev = row.hash;
    last = row.hash ? { id: row.id, hash: row.hash } : null;
  }
  let signedHeads = 0;
  for (const lock of locks) {
    if (problem) break;
    const details = safeJson(lock.details_json) as { snapshotId?: string; auditHead?: SignedAuditHead } | null;
    const head = details?.auditHead;
    if (!head) continue; // locked before the chain existed
    const at = { id: lock.id, at: lock.at, action: lock.action };
    if (hashes.get(head.id) !== head.hash) {
      problem = { kind: 'head_mismatch', ...at };
      break;
    }
    const key = db.prepare('SELECT signer_public_key FROM ranking_snapshots WHERE id = ?').pluck().get(details?.snapshotId ?? '') as string | undefined;
    if (!key || !verifyHead(head, publicKeyFromBase64(key))) {
      problem = { kind: 'head_signature', ...at };
      break;
    }
    signedHeads++;
  }
  return { rows, head: last, problem, missingGuards, signedHeads };
}

function verifyHead(head: SignedAuditHead, publicKey: KeyObject): boolean {
  try {
    return crypto.verify(null, headBytes(head), publicKey, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
