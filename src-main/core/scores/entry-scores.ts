// The coordinator's entry view of every judge's scores (scores:entry): per scoring round that has
// an assigned judge or any review of the entry, each judge with scores, totals, comment,
// eligibility answers and conflict, and the round's spread and disagreement flag (score-view.ts).
import { scoringRoundOf } from '../../contract/lists';
import type { Database } from 'better-sqlite3';
import type { EntryKind, EntryScores } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { listFor } from '../../contract/lists';
import { KepuError } from '../errors';
import { readJudgeReviews } from './judge-reviews';
import { judgeEntryScores, roundSpread } from './score-view';

export function entryScores(db: Database, campaignId: string, entryId: number): EntryScores {
  const entry = db.prepare<unknown[], { reg_no: string; kind: EntryKind; category: string | null; definition_json: string }>('SELECT e.reg_no, e.kind, e.category, c.definition_json FROM entries e JOIN campaigns c ON c.id = e.campaign_id WHERE e.id = ? AND e.campaign_id = ?').get(entryId, campaignId);
  if (!entry) throw new KepuError('ENTRY_NOT_FOUND', `scores: entry #${entryId} is not in campaign ${campaignId}`, { id: entryId });
  const list = listFor(CampaignDefinition.parse(JSON.parse(entry.definition_json)), entry.kind, entry.category);
  const reviews = readJudgeReviews(db, campaignId, { entryId });
  const roundNos = [...new Set(reviews.map((r) => r.roundNo))].sort((a, b) => a - b);
  return {
    entryId,
    regNo: entry.reg_no,
    listKey: list.key,
    rounds: roundNos.map((roundNo) => {
      const judges = reviews.filter((r) => r.roundNo === roundNo).map((r) => judgeEntryScores(list.rubric, r));
      return { roundNo, roundName: scoringRoundOf(list, roundNo)?.name ?? null, judges, ...roundSpread(list.rubric, judges) };
    }),
  };
}
