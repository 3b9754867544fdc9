// Issuing, reissuing and revoking certificates: the register in `certificates`, every change in
// the audit log. Policy:
// - Issuing a list is idempotent: a holder (subject) who already has a valid certificate of that
//   list keeps it (same serial, same code); only holders without one get a new serial.
// - The whole list is issued in one BEGIN IMMEDIATE transaction, so two processes exporting at
//   once serialise on the database lock: no serial twice, no holder issued twice. An export plans
//   the issue first (planIssue: serials, signed codes, nothing written), draws the PDFs, and only
//   then commits the plan (commitIssue), if the register did not move meanwhile; else it plans again.
// - Reissue gives a new serial (holder data read again, e.g. a corrected name) and marks the old
//   one replaced, pointing to the new; revoke marks it revoked with a reason. Only a valid
//   certificate can be reissued or revoked.
// - Issue date is the calendar date in the campaign's time zone; valid-until from the
//   certificate kind's validityMonths (payload.ts validUntilDate).
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import type { CertificateRow } from '../../contract/certificates';
import type { LocalizedText } from '../../contract/domain';
import { KepuError } from '../errors';
import { identityFromPrivateKey, publicKeyToBase64 } from '../keys/identity';
import { bodyText, type Wording } from './content';
import { campaignFacts, certificateList, type Holder, type ListInfo } from './lists';
import { localDate, signPayload, validUntilDate } from './payload';
import { checkOfCode, groupedCheck } from './short-code';
import { latestRecords, membershipSteps, missingSteps } from './membership-steps';
import { allocateSerials, nextSerials, recordSerials, serialCounter } from './serials';
import { getSettings } from './settings';

export interface Issuer {
  privateKey: KeyObject;
  name: string;
}

export interface IssuedCertificate extends Omit<CertificateRow, 'check'> {
  body: LocalizedText;
  issuedAt: string;
}

interface DbRow {
  serial: string;
  campaign_id: string;
  list_name: string;
  kind: string;
  subject: string;
  holder_name: string;
  holder_unit: string | null;
  content_json: string;
  issued_at: string;
  issue_date: string;
  valid_until: string | null;
  payload: string;
  status: CertificateRow['status'];
  replaced_by: string | null;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export function toIssued(r: DbRow): IssuedCertificate {
  return {
    serial: r.serial,
    campaignId: r.campaign_id,
    listName: r.list_name,
    kind: r.kind,
    subject: r.subject,
    holderName: r.holder_name,
    holderUnit: r.holder_unit,
    issueDate: r.issue_date,
    validUntil: r.valid_until,
    status: r.status,
    replacedBy: r.replaced_by,
    revokedAt: r.revoked_at,
    revokeReason: r.revoke_reason,
    payload: r.payload,
    body: (JSON.parse(r.content_json) as { body: LocalizedText }).body,
    issuedAt: r.issued_at,
  };
}

/** The public row (contract) of an issued certificate. */
export function toRow(c: IssuedCertificate): CertificateRow {
  const { body: _body, issuedAt: _at, ...row } = c;
  return { ...row, check: groupedCheck(checkOfCode(c.payload)) };
}

export function getCertificate(db: Database, serial: string): IssuedCertificate {
  const row = db.prepare('SELECT * FROM certificates WHERE serial = ?').get(serial) as DbRow | undefined;
  if (!row) throw new KepuError('CERTIFICATE_NOT_FOUND', `certificates: no certificate ${serial}`, { serial });
  return toIssued(row);
}

export interface IssueResult {
  list: ListInfo;
  certificates: IssuedCertificate[];
  newlyIssued: number;
  /** Members the membership certificate waits for: required steps not done (membership-steps.ts). */
  waiting: { subject: string; name: string; missing: string[] }[];
}

function audit(db: Database, action: string, serial: string, details: object, at: string): void {
  db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', ?, ?, ?)`).run(at, action, serial, JSON.stringify(details));
}

function registerIssuer(db: Database, issuer: Issuer, at: string): string {
  const identity = identityFromPrivateKey(issuer.privateKey);
  db.prepare('INSERT INTO certificate_issuers (key_id, public_key, name, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET name = excluded.name').run(
    identity.keyId,
    publicKeyToBase64(identity.publicKey),
    issuer.name,
    at,
  );
  return identity.keyId;
}

export interface NewCertificate {
  campaignId: string;
  list: Pick<ListInfo, 'name' | 'type' | 'kind' | 'validityMonths' | 'snapshotId'>;
  holder: Holder;
  body: LocalizedText;
}

const INSERT_CERTIFICATE = `INSERT INTO certificates (serial, campaign_id, list_name, kind, subject, holder_name, holder_unit, content_json, issued_at, issue_date,
       valid_until, payload, issuer_key_id, snapshot_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid')`;

/** The certificate `item` gets under `serial`, signed (nothing written). */
function signed(item: NewCertificate, serial: string, issuer: Issuer, keyId: string, issueDate: string, at: string): IssuedCertificate {
  const validUntil = item.list.validityMonths ? validUntilDate(issueDate, item.list.validityMonths) : null;
  const payload = signPayload(
    { serial, holderName: item.holder.name, kind: item.list.kind, campaignId: item.campaignId, issueDate, validUntil, issuerKeyPrefix: keyId.slice(0, 8) },
    issuer.privateKey,
  );
  return {
    serial,
    campaignId: item.campaignId,
    listName: item.list.name,
    kind: item.list.kind,
    subject: item.holder.subject,
    holderName: item.holder.name,
    holderUnit: item.holder.unit,
    issueDate,
    validUntil,
    status: 'valid',
    replacedBy: null,
    revokedAt: null,
    revokeReason: null,
    payload,
    body: item.body,
    issuedAt: at,
  };
}

function insertSigned(db: Database, item: NewCertificate, c: IssuedCertificate, keyId: string): void {
  db.prepare(INSERT_CERTIFICATE).run(c.serial, c.campaignId, c.listName, c.kind, c.subject, c.holderName, c.holderUnit, JSON.stringify({ body: c.body }), c.issuedAt, c.issueDate, c.validUntil, c.payload, keyId, item.list.snapshotId);
  audit(db, 'certificate.issue', c.serial, { campaignId: item.campaignId, list: item.list.name, subject: item.holder.subject }, c.issuedAt);
}

/** Inserts certificates with fresh serials; inside an IMMEDIATE transaction. */
function insertNew(db: Database, items: NewCertificate[], issuer: Issuer, keyId: string, timeZone: string, prefix: string, now: Date): IssuedCertificate[] {
  const issueDate = localDate(now, timeZone);
  const serials = allocateSerials(db, prefix, Number(issueDate.slice(0, 4)), items.length);
  const at = now.toISOString();
  return items.map((item, i) => {
    insertSigned(db, item, signed(item, serials[i], issuer, keyId, issueDate, at), keyId);
    return getCertificate(db, serials[i]);
  });
}

/**
 * A list's issue worked out but not written (an export draws it first, then commits it): the
 * certificates in list order, those kept and those new with their planned serials and signed codes,
 * and where the serial counter stood when it was read.
 */
export interface IssuePlan extends IssueResult {
  issuer: Issuer;
  at: string;
  fresh: { item: NewCertificate; certificate: IssuedCertificate }[];
  counter: { prefix: string; year: number; read: number; lastValue: number };
}

/** Plans the issue of every holder of a list (issueList's rules), reading one snapshot and writing nothing. */
export function planIssue(db: Database, campaignId: string, listName: string, issuer: Issuer, wording: Wording, now = new Date()): IssuePlan {
  const campaign = campaignFacts(db, campaignId);
  const list = certificateList(db, campaignId, listName, wording);
  const settings = getSettings(db, campaignId);
  const existing = db.prepare(`SELECT * FROM certificates WHERE campaign_id = ? AND list_name = ? AND subject = ? AND status = 'valid' ORDER BY issued_at DESC LIMIT 1`);
  return db
    .transaction((): IssuePlan => {
      const keyId = identityFromPrivateKey(issuer.privateKey).keyId;
      const kept = new Map<string, IssuedCertificate>();
      const items: NewCertificate[] = [];
      // A membership certificate waits until the member's required steps are done.
      const steps = list.type === 'membership' ? membershipSteps(campaign.definition, list.kind) : [];
      const records = steps.length ? latestRecords(db, campaignId) : new Map();
      const waiting: IssueResult['waiting'] = [];
      for (const holder of list.holders) {
        const row = existing.get(campaignId, list.name, holder.subject) as DbRow | undefined;
        const missing = missingSteps(steps, records.get(holder.subject));
        if (row) kept.set(holder.subject, toIssued(row));
        else if (missing.length) waiting.push({ subject: holder.subject, name: holder.name, missing });
        else items.push({ campaignId, list, holder, body: bodyText(wording, campaign, list, holder) });
      }
      if (kept.size === 0 && items.length === 0 && waiting.length > 0) {
        throw new KepuError('CERTIFICATE_STEPS_INCOMPLETE', `certificates: all ${waiting.length} members of ${list.name} still have steps to do`, { count: waiting.length, list: list.name });
      }
      const issueDate = localDate(now, campaign.timeZone);
      const year = Number(issueDate.slice(0, 4));
      const at = now.toISOString();
      const next = nextSerials(db, settings.serialPrefix, year, items.length);
      const fresh = items.map((item, i) => ({ item, certificate: signed(item, next.serials[i], issuer, keyId, issueDate, at) }));
      for (const f of fresh) kept.set(f.item.holder.subject, f.certificate);
      const certificates = list.holders.flatMap((h) => kept.get(h.subject) ?? []);
      return { list, certificates, newlyIssued: fresh.length, waiting, issuer, at, fresh, counter: { prefix: settings.serialPrefix, year, read: next.counter, lastValue: next.lastValue } };
    })
    .deferred();
}

/**
 * Writes a plan in one IMMEDIATE transaction, if the register is still as the plan read it: the
 * serial counter unmoved, every kept certificate still the holder's valid one, no new holder issued
 * meanwhile. Answers false (nothing written) when it is not: the caller plans again.
 */
export function commitIssue(db: Database, plan: IssuePlan): boolean {
  const current = db.prepare(`SELECT serial FROM certificates WHERE campaign_id = ? AND list_name = ? AND subject = ? AND status = 'valid' ORDER BY issued_at DESC LIMIT 1`).pluck();
  const taken = db.prepare('SELECT 1 FROM certificates WHERE serial = ?').pluck();
  const campaignId = plan.certificates[0]?.campaignId ?? plan.fresh[0]?.item.campaignId;
  return db
    .transaction((): boolean => {
      const { prefix, year, read, lastValue } = plan.counter;
      if (plan.fresh.length > 0 && serialCounter(db, prefix, year) !== read) return false;
      const fresh = new Set(plan.fresh.map((f) => f.certificate.serial));
      for (const c of plan.certificates) {
        const now = current.get(campaignId, plan.list.name, c.subject) as string | undefined;
        if (fresh.has(c.serial) ? now !== undefined || taken.get(c.serial) !== undefined : now !== c.serial) return false;
      }
      const keyId = registerIssuer(db, plan.issuer, plan.at);
      if (plan.fresh.length > 0) recordSerials(db, prefix, year, lastValue);
      for (const f of plan.fresh) insertSigned(db, f.item, f.certificate, keyId);
      return true;
    })
    .immediate();
}

/** Issues (or re-uses) the certificates of every holder of a list, in list order. */
export function issueList(db: Database, campaignId: string, listName: string, issuer: Issuer, wording: Wording, now = new Date()): IssueResult {
  return db
    .transaction((): IssueResult => {
      const plan = planIssue(db, campaignId, listName, issuer, wording, now);
      // Planned and written under the one write lock: nothing can have moved in between.
      if (!commitIssue(db, plan)) throw new Error('certificates: the register moved inside its own write transaction');
      return { list: plan.list, certificates: plan.certificates, newlyIssued: plan.newlyIssued, waiting: plan.waiting };
    })
    .immediate();
}

function requireValid(c: IssuedCertificate): void {
  if (c.status !== 'valid') throw new KepuError('CERTIFICATE_NOT_ACTIVE', `certificates: ${c.serial} is ${c.status}`, { serial: c.serial, status: c.status });
}

/** What a certificate that follows `old` says: the holder as the list has them now (a corrected name or unit), else as issued. */
function successorOf(db: Database, old: IssuedCertificate, wording: Wording): { campaign: ReturnType<typeof campaignFacts>; item: NewCertificate } {
  const campaign = campaignFacts(db, old.campaignId);
  let list: Pick<ListInfo, 'name' | 'type' | 'kind' | 'validityMonths' | 'snapshotId'> | null = null;
  let holder: Holder | undefined;
  try {
    const current = certificateList(db, old.campaignId, old.listName, wording);
    list = current;
    holder = current.holders.find((h) => h.subject === old.subject);
  } catch {
    list = null;
  }
  const snapshotId = (db.prepare('SELECT snapshot_id FROM certificates WHERE serial = ?').pluck().get(old.serial) as string | null) ?? null;
  const kindDef = campaign.definition.certificates.find((c) => c.key === old.kind);
  const base = list ?? { name: old.listName, type: 'award' as const, kind: old.kind, validityMonths: kindDef?.validityMonths ?? null, snapshotId };
  const body = holder && list ? bodyText(wording, campaign, list, holder) : old.body;
  const who: Holder = holder ?? { subject: old.subject, name: old.holderName, unit: old.holderUnit };
  return { campaign, item: { campaignId: old.campaignId, list: { ...base, kind: old.kind }, holder: who, body } };
}

/** A new certificate for the same holder and list; the old one is marked replaced. */
export function reissueCertificate(db: Database, serial: string, issuer: Issuer, wording: Wording, reason: string | null = null, now = new Date()): IssuedCertificate {
  const old = getCertificate(db, serial);
  requireValid(old);
  const { campaign, item } = successorOf(db, old, wording);
  const prefix = getSettings(db, old.campaignId).serialPrefix;
  return db
    .transaction(() => {
      requireValid(getCertificate(db, serial));
      const keyId = registerIssuer(db, issuer, now.toISOString());
      const [fresh] = insertNew(db, [item], issuer, keyId, campaign.timeZone, prefix, now);
      db.prepare(`UPDATE certificates SET status = 'replaced', replaced_by = ? WHERE serial = ?`).run(fresh.serial, serial);
      audit(db, 'certificate.reissue', serial, { replacedBy: fresh.serial, reason }, now.toISOString());
      return fresh;
    })
    .immediate();
}

/**
 * A committee member's next term: a new certificate, issued today for the kind's validity, that
 * names the one it renews (`renews`); the old one stays as it was and expires on its own date.
 */
export function renewCertificate(db: Database, serial: string, issuer: Issuer, wording: Wording, now = new Date()): IssuedCertificate {
  const old = getCertificate(db, serial);
  requireValid(old);
  if (old.validUntil === null) throw new KepuError('CERTIFICATE_NOT_RENEWABLE', `certificates: ${serial} does not expire`, { serial });
  const { campaign, item } = successorOf(db, old, wording);
  const prefix = getSettings(db, old.campaignId).serialPrefix;
  return db
    .transaction(() => {
      requireValid(getCertificate(db, serial));
      const renewed = db.prepare(`SELECT serial FROM certificates WHERE renews = ? AND status = 'valid'`).pluck().get(serial) as string | undefined;
      if (renewed) throw new KepuError('CERTIFICATE_ALREADY_RENEWED', `certificates: ${serial} was renewed by ${renewed}`, { serial, renewedBy: renewed });
      const keyId = registerIssuer(db, issuer, now.toISOString());
      const [fresh] = insertNew(db, [item], issuer, keyId, campaign.timeZone, prefix, now);
      db.prepare('UPDATE certificates SET renews = ? WHERE serial = ?').run(serial, fresh.serial);
      audit(db, 'certificate.renew', fresh.serial, { renews: serial }, now.toISOString());
      return fresh;
    })
    .immediate();
}

export function revokeCertificate(db: Database, serial: string, reason: string, now = new Date()): IssuedCertificate {
  return db
    .transaction(() => {
      requireValid(getCertificate(db, serial));
      const at = now.toISOString();
      db.prepare(`UPDATE certificates SET status = 'revoked', revoked_at = ?, revoke_reason = ? WHERE serial = ?`).run(at, reason, serial);
      audit(db, 'certificate.revoke', serial, { reason }, at);
      return getCertificate(db, serial);
    })
    .immediate();
}

export interface CertificateFilter {
  list?: string;
  status?: CertificateRow['status'];
  query?: string;
}

/** A page of the register, newest serial first within a list. */
export function listCertificates(db: Database, campaignId: string, filter: CertificateFilter, offset: number, limit: number): { total: number; rows: CertificateRow[] } {
  const where = ['campaign_id = ?'];
  const args: (string | number)[] = [campaignId];
  if (filter.list) {
    where.push('list_name = ?');
    args.push(filter.list);
  }
  if (filter.status) {
    where.push('status = ?');
    args.push(filter.status);
  }
  if (filter.query) {
    where.push(`(serial LIKE ? ESCAPE '\\' OR holder_name LIKE ? ESCAPE '\\' OR holder_unit LIKE ? ESCAPE '\\')`);
    const like = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like, like);
  }
  const sql = where.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM certificates WHERE ${sql}`).pluck().get(...args) as number;
  const rows = db.prepare(`SELECT * FROM certificates WHERE ${sql} ORDER BY list_name, serial LIMIT ? OFFSET ?`).all(...args, limit, offset) as DbRow[];
  return { total, rows: rows.map((r) => toRow(toIssued(r))) };
}
