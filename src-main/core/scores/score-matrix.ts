// The score matrix (issue 15): per list, one scoring round's (entry, judge) pairs — every judge
// assigned or who left anything — with the judge's dimension scores, totals, comment, eligibility
// answers and conflict (score-view.ts). The round is the one asked for, else each list's working
// round (rounds/round-state.ts: the current round, the last when all are closed). Entries in
// registration order (entries.id), judges by name. Read-only; the exports (CSV, XLSX, the per-judge
// PDF) are laid out in app/.
import { scoringRoundOf } from '../../contract/lists';
import type { Database } from 'better-sqlite3';
import type { EntryKind, JudgeEntryScores, ListDef, LocalizedText } from '../../contract';
import { CampaignDefinition } from '../../contract/domain';
import { listFor } from '../../contract/lists';
import { KepuError } from '../errors';
import { workingRounds } from '../rounds/round-state';
import { readJudgeReviews } from './judge-reviews';
import { judgeEntryScores } from './score-view';

export interface MatrixEntry {
  entryId: number;
  regNo: string;
  title: string;
  category: LocalizedText;
}

export interface MatrixRow {
  entry: MatrixEntry;
  judge: JudgeEntryScores;
}

export interface MatrixList {
  list: ListDef;
  roundNo: number;
  roundName: LocalizedText | null;
  rows: MatrixRow[];
}

export interface ScoreMatrix {
  campaignId: string;
  campaignName: LocalizedText;
  definition: CampaignDefinition;
  lists: MatrixList[];
}

export interface MatrixOptions {
  roundNo?: number;
  listKey?: string;
  judgeId?: string;
}

function categoryLabel(def: CampaignDefinition, kind: EntryKind, category: string | null): LocalizedText {
  const k = def.entryKinds.find((x) => x.kind === kind);
  const c = category === null ? undefined : k?.categories.find((x) => x.key === category);
  return c?.label ?? k?.label ?? { 'zh-CN': category ?? kind, en: category ?? kind };
}

export function scoreMatrix(db: Database, campaignId: string, options: MatrixOptions = {}): ScoreMatrix {
  const row = db.prepare<unknown[], { name_zh: string; name_en: string; definition_json: string }>('SELECT name_zh, name_en, definition_json FROM campaigns WHERE id = ?').get(campaignId);
  if (!row) throw new KepuError('CAMPAIGN_NOT_FOUND', `scores: no campaign "${campaignId}"`, { id: campaignId });
  const definition = CampaignDefinition.parse(JSON.parse(row.definition_json));
  const lists = options.listKey === undefined ? definition.lists : definition.lists.filter((l) => l.key === options.listKey);
  if (lists.length === 0) throw new KepuError('SCORES_LIST_UNKNOWN', `scores: no list "${options.listKey}"`, { list: options.listKey ?? '', lists: definition.lists.map((l) => l.key).join(', ') });
  const working = workingRounds(db, campaignId, definition);
  const entries = new Map<number, MatrixEntry & { listKey: string }>();
  for (const e of db.prepare<unknown[], { id: number; reg_no: string; title: string; kind: EntryKind; category: string | null }>('SELECT id, reg_no, title, kind, category FROM entries WHERE campaign_id = ? ORDER BY id').all(campaignId)) {
    entries.set(e.id, { entryId: e.id, regNo: e.reg_no, title: e.title, category: categoryLabel(definition, e.kind, e.category), listKey: listFor(definition, e.kind, e.category).key });
  }
  const out: MatrixList[] = lists.map((list) => {
    const roundNo = options.roundNo ?? working.get(list.key) ?? 1;
    return { list, roundNo, roundName: scoringRoundOf(list, roundNo)?.name ?? null, rows: [] };
  });
  const byList = new Map(out.map((m) => [m.list.key, m]));
  // One read per distinct round asked for (usually one).
  for (const roundNo of new Set(out.map((m) => m.roundNo))) {
    for (const review of readJudgeReviews(db, campaignId, { roundNo, ...(options.judgeId ? { judgeId: options.judgeId } : {}) })) {
      const entry = entries.get(review.entryId);
      const target = entry && byList.get(entry.listKey);
      if (!entry || !target || target.roundNo !== roundNo) continue;
      const { listKey: _listKey, ...shown } = entry;
      target.rows.push({ entry: shown, judge: judgeEntryScores(target.list.rubric, review) });
    }
  }
  return { campaignId, campaignName: { 'zh-CN': row.name_zh, en: row.name_en }, definition, lists: out };
}
