// Entry rows: batched inserts (one transaction per batch) and the paged, sorted, filtered list
// the virtualized entry table asks for. Every list query is served by an index on campaign_id.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { AssetInfo, EntrantType, EntryDetail, EntryKind, EntryRow, EntrySortField } from '../../contract';
import { EntryListRequest } from '../../contract/campaign-views';
import { KepuError } from '../errors';
import { nowIso } from '../time';

/** An entry's file as the entry panel lists it. */
interface DbEntryAsset {
  id: number;
  role: AssetInfo['role'];
  path: string;
  size_bytes: number;
  sha256: string;
  eligibility_item: string | null;
}

export interface NewEntry {
  regNo: string;
  kind: EntryKind;
  category: string | null;
  title: string;
  entrantType: EntrantType;
  entrantName: string;
  entrantUnit: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  reason: string | null;
  fields: Record<string, string>;
  /** UTC ISO instant, or null when the registration carried no time. */
  submittedAt: string | null;
}

interface EntryDbRow {
  id: number;
  campaign_id: string;
  reg_no: string;
  kind: EntryKind;
  category: string | null;
  title: string;
  entrant_type: EntrantType;
  entrant_name: string;
  entrant_unit: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  reason: string | null;
  fields_json: string;
  submitted_at: string | null;
  is_late: number;
  is_early: number;
}

const SORT_COLUMNS: Record<EntrySortField, string> = {
  regNo: 'reg_no',
  title: 'title',
  kind: 'kind',
  entrant: 'entrant_name',
  submittedAt: 'submitted_at',
};

export class EntryRepo {
  constructor(private readonly db: Database) {}

  /**
   * Inserts in one transaction. Late (after the deadline) and early (before `opensAtUtc`, the
   * registration's opening; null: it has none) are flags derived from the window, never a drop.
   */
  insertMany(campaignId: string, deadlineUtc: string, entries: readonly NewEntry[], opensAtUtc: string | null = null): number[] {
    const insert = this.db.prepare(`
      INSERT INTO entries (campaign_id, reg_no, kind, category, title, entrant_type, entrant_name,
        entrant_unit, contact_phone, contact_email, reason, fields_json, submitted_at, is_late, is_early,
        created_at, updated_at)
      VALUES (@campaignId, @regNo, @kind, @category, @title, @entrantType, @entrantName,
        @entrantUnit, @contactPhone, @contactEmail, @reason, @fieldsJson, @submittedAt, @late, @early,
        @now, @now)`);
    const now = nowIso();
    const window = windowFlags(deadlineUtc, opensAtUtc);
    return this.db.transaction(() =>
      entries.map((e) => {
        const info = insert.run({ ...e, campaignId, fieldsJson: JSON.stringify(e.fields), ...window(e.submittedAt), now });
        return Number(info.lastInsertRowid);
      }),
    )();
  }

  /**
   * Adds new registration numbers and updates changed ones, in the caller's transaction. Returns,
   * per input, whether it was added, updated or already identical (fields compared whatever
   * their order).
   */
  upsertMany(campaignId: string, window: { deadlineUtc: string; opensAtUtc: string | null }, entries: readonly NewEntry[]): ('added' | 'updated' | 'unchanged')[] {
    const existing = new Map<string, { id: number; signature: string }>();
    const rows = this.db
      .prepare(`SELECT id, reg_no, kind, category, title, entrant_type, entrant_name, entrant_unit, contact_phone,
                       contact_email, reason, fields_json, submitted_at FROM entries WHERE campaign_id = ?`)
      .all(campaignId) as EntryDbRow[];
    for (const r of rows) existing.set(r.reg_no, { id: r.id, signature: signatureOfRow(r) });
    const update = this.db.prepare(`
      UPDATE entries SET kind = @kind, category = @category, title = @title, entrant_type = @entrantType,
        entrant_name = @entrantName, entrant_unit = @entrantUnit, contact_phone = @contactPhone,
        contact_email = @contactEmail, reason = @reason, fields_json = @fieldsJson, submitted_at = @submittedAt,
        is_late = @late, is_early = @early, updated_at = @now
      WHERE id = @id`);
    const flags = windowFlags(window.deadlineUtc, window.opensAtUtc);
    const now = nowIso();
    const toInsert: NewEntry[] = [];
    const outcome = entries.map((e) => {
      const found = existing.get(e.regNo);
      if (!found) {
        toInsert.push(e);
        return 'added' as const;
      }
      if (found.signature === signatureOfEntry(e)) return 'unchanged' as const;
      update.run({ ...e, id: found.id, fieldsJson: JSON.stringify(e.fields), ...flags(e.submittedAt), now });
      return 'updated' as const;
    });
    if (toInsert.length) this.insertMany(campaignId, window.deadlineUtc, toInsert, window.opensAtUtc);
    return outcome;
  }

  list(input: EntryListRequest): { total: number; rows: EntryRow[] } {
    const req = EntryListRequest.parse(input);
    const where: string[] = ['campaign_id = @campaignId'];
    const params: Record<string, unknown> = { campaignId: req.campaignId };
    if (req.filter.kind) {
      where.push('kind = @kind');
      params.kind = req.filter.kind;
    }
    if (req.filter.late !== undefined) {
      where.push('is_late = @late');
      params.late = req.filter.late ? 1 : 0;
    }
    if (req.filter.early !== undefined) {
      where.push('is_early = @early');
      params.early = req.filter.early ? 1 : 0;
    }
    if (req.filter.imported !== undefined) {
      where.push(`id ${req.filter.imported ? '' : 'NOT '}IN (SELECT entry_id FROM entry_origins WHERE campaign_id = @campaignId)`);
    }
    if (req.filter.query) {
      where.push(`(title LIKE @q ESCAPE '\\' OR reg_no LIKE @q ESCAPE '\\' OR entrant_name LIKE @q ESCAPE '\\'
        OR entrant_unit LIKE @q ESCAPE '\\')`);
      params.q = `%${req.filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const whereSql = where.join(' AND ');
    const total = this.db.prepare<[typeof params], { n: number }>(`SELECT count(*) AS n FROM entries WHERE ${whereSql}`).get(params)!.n;
    const column = SORT_COLUMNS[req.sort.field];
    const direction = req.sort.direction === 'desc' ? 'DESC' : 'ASC';
    const rows = this.db
      .prepare<[typeof params & { limit: number; offset: number }], EntryDbRow>(
        `SELECT * FROM entries WHERE ${whereSql}
         ORDER BY ${column} ${direction}, id ${direction} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: req.limit, offset: req.offset });
    const counts = this.assetCounts(rows.map((r) => r.id));
    return { total, rows: rows.map((r) => toRow(r, counts.get(r.id) ?? 0)) };
  }

  /** The entry as stored; its completeness problems need the definition and are added by the caller. */
  get(entryId: number): Omit<EntryDetail, 'problems'> {
    const row = this.db.prepare<[number], EntryDbRow>('SELECT * FROM entries WHERE id = ?').get(entryId);
    if (!row) throw new KepuError('ENTRY_NOT_FOUND', `entries: no entry #${entryId}`, { id: entryId });
    const assets = this.db
      .prepare<[number], DbEntryAsset>('SELECT id, role, path, size_bytes, sha256, eligibility_item FROM assets WHERE entry_id = ? ORDER BY position, id')
      .all(entryId);
    return {
      ...toRow(row, assets.length),
      campaignId: row.campaign_id,
      contactPhone: row.contact_phone,
      contactEmail: row.contact_email,
      reason: row.reason,
      fields: JSON.parse(row.fields_json) as Record<string, string>,
      assets: assets.map((a) => ({
        id: a.id,
        role: a.role,
        fileName: path.basename(a.path),
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
        eligibilityItem: a.eligibility_item,
      })),
    };
  }

  private assetCounts(ids: number[]): Map<number, number> {
    const counts = new Map<number, number>();
    if (ids.length === 0) return counts;
    const rows = this.db
      .prepare<[string], { entry_id: number; n: number }>(`SELECT entry_id, count(*) AS n FROM assets WHERE entry_id IN (SELECT value FROM json_each(?)) GROUP BY entry_id`)
      .all(JSON.stringify(ids));
    for (const r of rows) counts.set(r.entry_id, r.n);
    return counts;
  }
}

/** is_late / is_early of a submission time under a registration window (UTC ISO instants). */
function windowFlags(deadlineUtc: string, opensAtUtc: string | null): (submittedAt: string | null) => { late: 0 | 1; early: 0 | 1 } {
  const deadline = Date.parse(deadlineUtc);
  const opens = opensAtUtc === null ? null : Date.parse(opensAtUtc);
  return (submittedAt) => {
    const at = submittedAt === null ? null : Date.parse(submittedAt);
    return { late: at !== null && at > deadline ? 1 : 0, early: at !== null && opens !== null && at < opens ? 1 : 0 };
  };
}

/** The fields as JSON with sorted keys: the same values compare equal whatever order a form lists them in. */
function fieldsSignature(fields: Record<string, string>): string {
  return JSON.stringify(Object.keys(fields).sort().map((k) => [k, fields[k]]));
}

function signatureOfEntry(e: NewEntry): string {
  return JSON.stringify([e.kind, e.category, e.title, e.entrantType, e.entrantName, e.entrantUnit, e.contactPhone,
    e.contactEmail, e.reason, fieldsSignature(e.fields), e.submittedAt]);
}

function signatureOfRow(r: EntryDbRow): string {
  return JSON.stringify([r.kind, r.category, r.title, r.entrant_type, r.entrant_name, r.entrant_unit, r.contact_phone,
    r.contact_email, r.reason, fieldsSignature(JSON.parse(r.fields_json) as Record<string, string>), r.submitted_at]);
}

function toRow(r: EntryDbRow, assetCount: number): EntryRow {
  return {
    id: r.id,
    regNo: r.reg_no,
    kind: r.kind,
    category: r.category,
    title: r.title,
    entrantName: r.entrant_name,
    entrantUnit: r.entrant_unit,
    entrantType: r.entrant_type,
    submittedAt: r.submitted_at,
    late: r.is_late === 1,
    early: r.is_early === 1,
    assetCount,
  };
}
