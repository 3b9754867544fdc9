// The progress board (issue 15) of each list's working round. Policy:
// - The round and its entries are the ones the coverage view and the merge report count
//   (core/assignment/round-coverage.ts): round 1 without a failed formal check, a later round the
//   previous round's shortlist; a campaign without rounds is one board over every entry.
// - A judge's row counts the judge's assignments of that round. A declared conflict is neither
//   done nor owed: "missing" is assigned − complete − conflicts, and a judge with nothing missing
//   is complete. Started reviews count as in progress until marked complete.
// - The package shown is the newest issued for that round (a package's rounds_json names the
//   round per list; '{}' is round 1); the bundle is the judge's newest accepted one.
// - Overdue: the round states a due date, it has passed, and the judge still owes reviews.
import type { Database } from 'better-sqlite3';
import type { CampaignDefinition, JudgeProgress, ProgressBoard, RoundProgress } from '../../contract';
import { scoringRoundOf } from '../../contract/lists';
import { roundScopes, type RoundScope, scopePairs } from '../assignment/round-coverage';
import { type BoardData, readBoardData } from './progress-repo';

/** The package's round for a list: its rounds_json names it, else round 1. */
function packageRound(roundsJson: string, listKey: string | null): number {
  if (listKey === null) return 1;
  const named = JSON.parse(roundsJson) as Record<string, number>;
  return named[listKey] ?? 1;
}

function judgeRows(db: Database, campaignId: string, scope: RoundScope, data: BoardData, due: number | null, now: number): JudgeProgress[] {
  const pairs = scopePairs(db, campaignId, scope);
  const key = (entryId: number, judgeId: string) => `${entryId}\u0000${judgeId}`;
  const reviews = new Map(data.reviews.filter((r) => r.roundNo === scope.roundNo).map((r) => [key(r.entryId, r.judgeId), r.status]));
  const conflicts = new Set(data.conflicts.map((c) => key(c.entryId, c.judgeId)));
  // Grouped once: 200 judges × 250,000 pairs must not be scanned per judge.
  const byJudge = new Map<string, { entryId: number; judgeId: string }[]>();
  for (const p of pairs) (byJudge.get(p.judgeId) ?? byJudge.set(p.judgeId, []).get(p.judgeId)!).push(p);
  const newestPackage = new Map<string, BoardData['packages'][number]>();
  for (const x of data.packages) if (packageRound(x.roundsJson, scope.listKey) === scope.roundNo) newestPackage.set(x.judgeId, x); // oldest first: the last wins
  const newestBundle = new Map(data.bundles.map((b) => [b.judgeId, b]));
  const rows: JudgeProgress[] = [];
  for (const judge of data.judges) {
    const mine = byJudge.get(judge.id) ?? [];
    if (mine.length === 0) continue;
    let complete = 0;
    let inProgress = 0;
    let conflicted = 0;
    for (const p of mine) {
      const k = key(p.entryId, p.judgeId);
      if (conflicts.has(k)) conflicted++;
      else if (reviews.get(k) === 'complete') complete++;
      else if (reviews.get(k) === 'in_progress') inProgress++;
    }
    const missing = mine.length - complete - conflicted;
    const pkg = newestPackage.get(judge.id);
    const bundle = newestBundle.get(judge.id);
    rows.push({
      judgeId: judge.id,
      name: judge.name,
      institution: judge.institution,
      assigned: mine.length,
      complete,
      inProgress,
      conflicts: conflicted,
      missing,
      status: missing === 0 ? 'complete' : complete + inProgress > 0 ? 'in_progress' : 'not_started',
      package: pkg ? { issuedAt: pkg.createdAt, definitionVersion: pkg.definitionVersion, entries: pkg.entries } : null,
      lastBundle: bundle ? { revision: bundle.revision, receivedAt: bundle.receivedAt } : null,
      overdue: due !== null && now > due && missing > 0,
    });
  }
  return rows;
}

export function progressBoard(db: Database, campaignId: string, def: CampaignDefinition, now: Date): ProgressBoard {
  const data = readBoardData(db, campaignId);
  const rounds: RoundProgress[] = roundScopes(db, campaignId, def).map((scope) => {
    const list = scope.listKey === null ? null : (def.lists.find((l) => l.key === scope.listKey) ?? null);
    const round = list ? scoringRoundOf(list, scope.roundNo) : null;
    const dueAt = round?.dueAt ?? null;
    return {
      list: scope.listKey,
      listName: list?.name ?? null,
      roundNo: scope.roundNo,
      roundName: round?.name ?? null,
      dueAt,
      entries: scope.entryIds.length,
      judges: judgeRows(db, campaignId, scope, data, dueAt === null ? null : Date.parse(dueAt), now.getTime()),
    };
  });
  return { at: now.toISOString(), timeZone: def.timeZone, rounds };
}
