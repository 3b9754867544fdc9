// Committee selection (the CACA expert-committee programme), pure. Policy:
// - Per applicant and eligibility item, the votes are the answers of the judges who answered it,
//   without a declared conflict on the applicant. 'unsure' is an answer but not a yes: a judge who
//   could not confirm an item from the evidence has not confirmed it.
//     majority:  yes > answering / 2 (strictly more than half; 2 of 4 is not a majority)
//     unanimous: answering ≥ 1 and every answer is yes
//     any:       at least one yes
//   An item nobody answered fails ('no_answers') under every rule.
// - Works score: with `minScore` set, the applicant's score by `method` (from aggregate) must be
//   ≥ minScore at the published precision; no counted judge means 'no_score', a failure.
// - Applicants with unresolved flags (incomplete coverage, late…) are held, neither members nor
//   rejected. Everyone else is a member when every item passes and the score suffices; a rejected
//   applicant gets every reason that applies, not only the first.
// - Members are listed by score (higher first; without a score requirement too), then by
//   registration number; rejected and held applicants by registration number.
import type { EntryAggregate, ReviewPair } from './aggregate';
import type { CommitteeConfig, EntryFlag } from './config';
import { compareCodeUnits, round6 } from './numbers';

export type Answer = 'yes' | 'no' | 'unsure';

export interface EligibilityAnswer {
  entryId: number;
  judgeId: string;
  item: string;
  answer: Answer;
}

export interface Applicant {
  entryId: number;
  regNo: string;
  aggregate: EntryAggregate | null;
  flags: readonly EntryFlag[];
  /** The eligibility items of the applicant's list; absent: `items` of the call (every list's). */
  items?: readonly string[];
}

export interface ItemVotes {
  item: string;
  yes: number;
  no: number;
  unsure: number;
  passed: boolean;
}

export type RejectionReason =
  | { code: 'item_failed'; item: string; rule: CommitteeConfig['rule']; yes: number; no: number; unsure: number }
  | { code: 'no_answers'; item: string }
  | { code: 'score_below'; method: CommitteeConfig['method']; score: number; minScore: number }
  | { code: 'no_score'; method: CommitteeConfig['method'] };

export interface CommitteeDecision {
  entryId: number;
  regNo: string;
  score: number | null;
  items: ItemVotes[];
}

export interface CommitteeResult {
  members: CommitteeDecision[];
  rejected: (CommitteeDecision & { reasons: RejectionReason[] })[];
  held: (CommitteeDecision & { flags: EntryFlag[] })[];
}

export function itemPasses(rule: CommitteeConfig['rule'], yes: number, answering: number): boolean {
  switch (rule) {
    case 'majority':
      return yes * 2 > answering;
    case 'unanimous':
      return answering > 0 && yes === answering;
    case 'any':
      return yes > 0;
  }
}

export function selectCommittee(
  applicants: readonly Applicant[],
  items: readonly string[],
  answers: readonly EligibilityAnswer[],
  conflicts: readonly ReviewPair[],
  config: CommitteeConfig,
): CommitteeResult {
  const conflicted = new Set(conflicts.map((c) => `${c.entryId}\u0000${c.judgeId}`));
  const votes = new Map<string, { yes: number; no: number; unsure: number }>();
  for (const a of answers) {
    if (conflicted.has(`${a.entryId}\u0000${a.judgeId}`)) continue;
    const key = `${a.entryId}\u0000${a.item}`;
    const v = votes.get(key) ?? { yes: 0, no: 0, unsure: 0 };
    v[a.answer]++;
    votes.set(key, v);
  }
  const result: CommitteeResult = { members: [], rejected: [], held: [] };
  for (const applicant of applicants) {
    const raw = applicant.aggregate?.scores[config.method];
    const score = raw === undefined || raw === null ? null : round6(raw);
    const reasons: RejectionReason[] = [];
    // An applicant answers only to its own list's items (a campaign may have several lists).
    const itemVotes = (applicant.items ?? items).map((item): ItemVotes => {
      const v = votes.get(`${applicant.entryId}\u0000${item}`) ?? { yes: 0, no: 0, unsure: 0 };
      const answering = v.yes + v.no + v.unsure;
      const passed = itemPasses(config.rule, v.yes, answering);
      if (answering === 0) reasons.push({ code: 'no_answers', item });
      else if (!passed) reasons.push({ code: 'item_failed', item, rule: config.rule, ...v });
      return { item, ...v, passed: passed && answering > 0 };
    });
    if (config.minScore !== null) {
      if (score === null) reasons.push({ code: 'no_score', method: config.method });
      else if (score < config.minScore) reasons.push({ code: 'score_below', method: config.method, score, minScore: config.minScore });
    }
    const decision: CommitteeDecision = { entryId: applicant.entryId, regNo: applicant.regNo, score, items: itemVotes };
    if (applicant.flags.length > 0) result.held.push({ ...decision, flags: [...applicant.flags] });
    else if (reasons.length > 0) result.rejected.push({ ...decision, reasons });
    else result.members.push(decision);
  }
  const byScore = (x: CommitteeDecision, y: CommitteeDecision) =>
    x.score === y.score ? 0 : x.score === null ? 1 : y.score === null ? -1 : y.score - x.score;
  result.members.sort((x, y) => byScore(x, y) || compareCodeUnits(x.regNo, y.regNo));
  result.rejected.sort((x, y) => compareCodeUnits(x.regNo, y.regNo));
  result.held.sort((x, y) => compareCodeUnits(x.regNo, y.regNo));
  return result;
}

/** An English sentence per reason for logs, the CLI and tests; the UI translates the codes. */
export function describeRejection(r: RejectionReason): string {
  switch (r.code) {
    case 'item_failed':
      return `${r.item}: ${r.yes} yes, ${r.no} no, ${r.unsure} unsure — not a ${r.rule === 'any' ? 'single yes' : r.rule === 'unanimous' ? 'unanimous yes' : 'majority'}`;
    case 'no_answers':
      return `${r.item}: no judge answered`;
    case 'score_below':
      return `${r.method} score ${r.score} below ${r.minScore}`;
    case 'no_score':
      return `no ${r.method} score: no complete review`;
  }
}
