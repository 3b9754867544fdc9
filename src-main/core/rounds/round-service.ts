// The scoring rounds of a campaign's lists as they stand, and closing one (issue 14). Policy:
// - Rounds close in order: only the list's current round (the lowest not closed) can be closed,
//   with a reason; a closure is recorded once (round_closures, append-only) with an audit row in
//   the same transaction. After it the next scoring round is current; a bundle still answering
//   the closed round is refused at merge (ROUND_CLOSED).
// - Counts are of the round's own assignments and completed reviews (round_no), never mixed, and
//   leave out entries the formal check failed (assigned before the verdict, they are in no round:
//   the coverage view and the merge report count them the same way, core/assignment/round-coverage).
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, EntryKind, ListDef, ListRounds, RoundListView, RoundStatus } from '../../contract';
import { listFor, scoringRoundsOf } from '../../contract/lists';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { KepuError } from '../errors';
import { nowIso } from '../time';
import { formalCheckHolds } from './formal-checks';
import { closedRounds, currentRoundNo, scoringRoundCount } from './round-state';

type Deps = { db: Database; campaigns: CampaignRepo };

interface ClosureRow {
  list_key: string;
  round_no: number;
  closed_at: string;
  actor: string;
  reason: string;
}

/** Assigned and complete counts per "list\u0000round_no", of the entries the formal check did not fail. */
function roundCounts(db: Database, def: CampaignDefinition, campaignId: string): Map<string, { assigned: number; complete: number }> {
  const failed = [...formalCheckHolds(db, def, campaignId)].filter(([, h]) => h.verdict === 'fail').map(([id]) => id);
  const rows = db
    .prepare<[string, string], { kind: EntryKind; category: string | null; round_no: number; assigned: number; complete: number | null }>(`SELECT e.kind, e.category, a.round_no, count(*) AS assigned, sum(r.status = 'complete') AS complete
              FROM assignments a JOIN entries e ON e.id = a.entry_id
              LEFT JOIN reviews r ON r.entry_id = a.entry_id AND r.judge_id = a.judge_id AND r.round_no = a.round_no
              WHERE e.campaign_id = ? AND e.id NOT IN (SELECT value FROM json_each(?)) GROUP BY e.kind, e.category, a.round_no`)
    .all(campaignId, JSON.stringify(failed));
  const out = new Map<string, { assigned: number; complete: number }>();
  for (const r of rows) {
    const key = `${listFor(def, r.kind, r.category).key}\u0000${r.round_no}`;
    const c = out.get(key) ?? { assigned: 0, complete: 0 };
    out.set(key, { assigned: c.assigned + r.assigned, complete: c.complete + (r.complete ?? 0) });
  }
  return out;
}

function listView(list: ListDef, closures: readonly ClosureRow[], counts: Map<string, { assigned: number; complete: number }>): ListRounds {
  const closed = new Map<string, Set<number>>([[list.key, new Set(closures.filter((c) => c.list_key === list.key).map((c) => c.round_no))]]);
  const current = currentRoundNo(list, closed);
  const defs = scoringRoundsOf(list);
  const rounds = Array.from({ length: scoringRoundCount(list) }, (_, i) => {
    const roundNo = i + 1;
    const closure = closures.find((c) => c.list_key === list.key && c.round_no === roundNo);
    const status: RoundStatus = closure ? 'closed' : roundNo === current ? 'current' : 'open';
    return {
      roundNo,
      key: defs[i]?.key ?? null,
      name: defs[i]?.name ?? null,
      kind: 'scoring' as const,
      status,
      closed: closure ? { at: closure.closed_at, by: closure.actor, reason: closure.reason } : null,
      counts: counts.get(`${list.key}\u0000${roundNo}`) ?? { assigned: 0, complete: 0 },
    };
  });
  return { key: list.key, name: list.name, hasRounds: defs.length > 0, current, rounds };
}

function closureRows(db: Database, campaignId: string): ClosureRow[] {
  return db.prepare('SELECT list_key, round_no, closed_at, actor, reason FROM round_closures WHERE campaign_id = ? ORDER BY list_key, round_no').all(campaignId) as ClosureRow[];
}

export function roundListView(deps: Deps, campaignId: string): RoundListView {
  const def = deps.campaigns.definition(campaignId);
  const closures = closureRows(deps.db, campaignId);
  const counts = roundCounts(deps.db, def, campaignId);
  return { lists: def.lists.map((l) => listView(l, closures, counts)) };
}

/** Closes the list's current round with a reason and an audit row; returns the list as it now is. */
export function closeRound(deps: Deps, input: { campaignId: string; listKey: string; roundNo: number; reason: string; actor: string }): ListRounds {
  const def = deps.campaigns.definition(input.campaignId);
  const list = def.lists.find((l) => l.key === input.listKey);
  if (!list || input.roundNo > scoringRoundCount(list)) {
    throw new KepuError('ROUND_UNKNOWN', `rounds: list ${input.listKey} has no scoring round ${input.roundNo}`, { list: input.listKey, round: String(input.roundNo) });
  }
  const reason = input.reason.trim();
  if (reason === '') throw new KepuError('ROUND_CLOSE_REASON_REQUIRED', 'rounds: closing a round needs a reason');
  deps.db.transaction(() => {
    const current = currentRoundNo(list, closedRounds(deps.db, input.campaignId));
    const params = { list: list.key, roundNo: input.roundNo };
    if (closedRounds(deps.db, input.campaignId).get(list.key)?.has(input.roundNo)) {
      throw new KepuError('ROUND_ALREADY_CLOSED', `rounds: round ${input.roundNo} of ${list.key} is closed`, params);
    }
    if (current !== input.roundNo) {
      throw new KepuError('ROUND_NOT_CURRENT', `rounds: round ${input.roundNo} of ${list.key} is not the current round ${current}`, { ...params, current: current ?? 0 });
    }
    const at = nowIso();
    deps.db
      .prepare('INSERT INTO round_closures (campaign_id, list_key, round_no, closed_at, actor, reason) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.campaignId, list.key, input.roundNo, at, input.actor, reason);
    const key = scoringRoundsOf(list)[input.roundNo - 1]?.key ?? null;
    deps.db.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, ?, 'round.close', ?, ?)`).run(
      at,
      input.actor,
      input.campaignId,
      JSON.stringify({ list: list.key, roundNo: input.roundNo, round: key, reason }),
    );
  })();
  return listView(list, closureRows(deps.db, input.campaignId), roundCounts(deps.db, def, input.campaignId));
}
