// Conflicts a coordinator declares for a judge on the roster (issue 15), before or after the key
// card: institutions the judge must not judge besides their own (a former employer) and single
// entries, by registration number, with a reason. Kept in judge_declared_conflicts, apart from the
// judge's own declarations in `conflicts` (which bundles carry and replace), so neither side ever
// overwrites the other. Every change is an audit row ('judge.conflicts') naming what was added
// and removed. Assignment reads the pairs these rows exclude (declaredConflictPairs).
import type { Database } from 'better-sqlite3';
import type { JudgeConflicts } from '../../contract';
import { normalizeName } from '../assignment/normalize';
import { KepuError } from '../errors';

interface DeclaredRow {
  id: number;
  judgeId: string;
  institution: string | null;
  entryId: number | null;
  regNo: string | null;
  reason: string;
}

const ROWS = `SELECT d.id, d.judge_id AS judgeId, d.institution, d.entry_id AS entryId, e.reg_no AS regNo, d.reason
              FROM judge_declared_conflicts d LEFT JOIN entries e ON e.id = d.entry_id
              WHERE d.campaign_id = ?`;

function rowsOf(db: Database, campaignId: string, judgeId?: string): DeclaredRow[] {
  const sql = judgeId === undefined ? `${ROWS} ORDER BY d.id` : `${ROWS} AND d.judge_id = ? ORDER BY d.id`;
  const args = judgeId === undefined ? [campaignId] : [campaignId, judgeId];
  return db.prepare<unknown[], DeclaredRow>(sql).all(...args);
}

/** Every judge's declared conflicts in the campaign, by judge id (judges without any are absent). */
export function declaredConflictsByJudge(db: Database, campaignId: string): Map<string, JudgeConflicts> {
  const out = new Map<string, JudgeConflicts>();
  for (const r of rowsOf(db, campaignId)) {
    let c = out.get(r.judgeId);
    if (!c) out.set(r.judgeId, (c = { institutions: [], entries: [] }));
    if (r.institution !== null) c.institutions.push(r.institution);
    else if (r.regNo !== null) c.entries.push({ regNo: r.regNo, reason: r.reason });
  }
  return out;
}

export const NO_CONFLICTS: JudgeConflicts = { institutions: [], entries: [] };

/**
 * Replaces the judge's declared institutions and/or entries (a part left undefined stays). An
 * unknown registration number is refused before anything is written. Rows that stay keep their
 * time; the audit row lists only what changed, and none is written when nothing did.
 */
export function replaceDeclaredConflicts(
  db: Database,
  campaignId: string,
  judgeId: string,
  next: { institutions?: readonly string[]; entries?: readonly { regNo: string; reason: string }[] },
  at: string,
): void {
  const regNo = db.prepare('SELECT id FROM entries WHERE campaign_id = ? AND reg_no = ?').pluck();
  const wantedEntries = new Map<number, { regNo: string; reason: string }>();
  for (const e of next.entries ?? []) {
    const id = regNo.get(campaignId, e.regNo) as number | undefined;
    if (id === undefined) throw new KepuError('JUDGE_CONFLICT_ENTRY_UNKNOWN', `judge: no entry ${e.regNo} in ${campaignId}`, { regNo: e.regNo });
    wantedEntries.set(id, e);
  }
  const current = rowsOf(db, campaignId, judgeId);
  const added: Record<string, unknown>[] = [];
  const removed: Record<string, unknown>[] = [];
  const del = db.prepare('DELETE FROM judge_declared_conflicts WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO judge_declared_conflicts (campaign_id, judge_id, institution, entry_id, reason, declared_by, declared_at) VALUES (?, ?, ?, ?, ?, 'local', ?)`,
  );
  db.transaction(() => {
    if (next.institutions) {
      // Institutions compare as assignment compares them: "四川大学 华西医院" equals "四川大学华西医院".
      const wanted = new Map<string, string>();
      for (const name of next.institutions) {
        const key = normalizeName(name);
        if (key !== null && !wanted.has(key)) wanted.set(key, name);
      }
      for (const r of current.filter((c) => c.institution !== null)) {
        const key = normalizeName(r.institution);
        if (key !== null && wanted.has(key)) wanted.delete(key);
        else {
          del.run(r.id);
          removed.push({ institution: r.institution });
        }
      }
      for (const name of wanted.values()) {
        insert.run(campaignId, judgeId, name, null, '', at);
        added.push({ institution: name });
      }
    }
    if (next.entries) {
      for (const r of current.filter((c) => c.entryId !== null)) {
        const want = wantedEntries.get(r.entryId as number);
        if (want && want.reason === r.reason) wantedEntries.delete(r.entryId as number);
        else {
          del.run(r.id);
          removed.push({ regNo: r.regNo, reason: r.reason });
        }
      }
      for (const [entryId, e] of wantedEntries) {
        insert.run(campaignId, judgeId, null, entryId, e.reason, at);
        added.push({ regNo: e.regNo, reason: e.reason });
      }
    }
    if (added.length || removed.length) {
      db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', 'judge.conflicts', ?, ?)`).run(
        at,
        campaignId,
        JSON.stringify({ judgeId, added, removed }),
      );
    }
  })();
}

/**
 * The (entry, judge) pairs the coordinator's declarations exclude: declared entries, and every entry
 * whose entrant (unit or name) is one of the judge's declared institutions — the comparison
 * excludeOwnInstitution makes for the judge's own institution.
 */
export function declaredConflictPairs(db: Database, campaignId: string): { entryId: number; judgeId: string }[] {
  const rows = rowsOf(db, campaignId);
  if (rows.length === 0) return [];
  const pairs: { entryId: number; judgeId: string }[] = [];
  const byInstitution = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.entryId !== null) pairs.push({ entryId: r.entryId, judgeId: r.judgeId });
    const key = normalizeName(r.institution);
    if (key === null) continue;
    const judges = byInstitution.get(key) ?? new Set<string>();
    judges.add(r.judgeId);
    byInstitution.set(key, judges);
  }
  if (byInstitution.size === 0) return pairs;
  const entries = db
    .prepare<[string], { id: number; unit: string | null; name: string | null }>('SELECT id, entrant_unit AS unit, entrant_name AS name FROM entries WHERE campaign_id = ?')
    .all(campaignId);
  for (const e of entries) {
    const judges = new Set<string>();
    for (const key of [normalizeName(e.unit), normalizeName(e.name)]) for (const j of (key !== null && byInstitution.get(key)) || []) judges.add(j);
    for (const judgeId of judges) pairs.push({ entryId: e.id, judgeId });
  }
  return pairs;
}
