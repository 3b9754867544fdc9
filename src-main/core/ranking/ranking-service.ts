// The ranking as the app and the CLI serve it: the campaign's stored configuration, the flags
// that hold an entry out (failed media checks, unmet completeness rules; late, early and coverage
// flags come from run-ranking), the per-entry decisions in effect (core/decisions), and one computation per campaign kept in memory while the data is
// unchanged. One service per open database (AppContext.ranking); ranking-rows.ts pages through it.
// Why a cache: the UI asks for the summary, then pages of one category, then an entry's details;
// at 50,000 entries one computation takes seconds, and nothing changes between those calls.
// The cache key is the database's change stamp (db/change-stamp.ts), so any write — a merged
// bundle, a judge's score, a changed configuration — forces a recomputation.
import type { Database } from 'better-sqlite3';
import type { EntryDecision, EntryFlag, EntryProblem, RankingMethod, RankingRow } from '../../contract';
import type { CampaignRepo } from '../campaigns/campaign-repo';
import { changeStamp } from '../db/change-stamp';
import { changeToken } from '../db/change-token';
import { currentDecisions } from '../decisions/decision-service';
import { complianceRows } from '../media/compliance';
import { entryRuleProblems } from '../media/entry-rules';
import { formalCheckHolds } from '../rounds/formal-checks';
import { defaultRankingRounds } from '../rounds/round-state';
import { nowIso } from '../time';
import type { EntryAggregate } from './aggregate';
import { parseRankingConfig, type RankingConfig } from './config';
import { defaultRankingConfig } from './default-config';
import { type CampaignScores, loadCampaignScores } from './load-scores';
import { type EntryInfo, entryInfos, entryInfosOf, judgeNames, rankingConfigJson, saveRankingConfigJson } from './ranking-repo';
import { type RankingOutcome, runRanking } from './run-ranking';

export type { EntryInfo } from './ranking-repo';

export interface ComputedRanking {
  stamp: string;
  /**
   * The database's change token (db/change-token.ts) read with the data: what a lock made from this
   * computation checks, as it stores the snapshot, that the data still is. Null: no token table.
   */
  token: string | null;
  computedAt: string;
  data: CampaignScores;
  outcome: RankingOutcome;
  flags: Map<number, EntryFlag[]>;
  /** The per-entry decisions in effect (core/decisions), honoured by the outcome. */
  decisions: Map<number, EntryDecision[]>;
  /** Every entry's title and entrant: read when first used (the summary needs a few, see infoOf). */
  info: Map<number, EntryInfo>;
  /** The titles and entrants of a few entries, without reading every entry's (unless already read). */
  infoOf(entryIds: readonly number[]): Map<number, EntryInfo>;
  aggregates: Map<number, EntryAggregate>;
  judgeNames: Map<string, string>;
  /** Rows per (category, section, method), built when first asked for. */
  rows: Map<string, RankingRow[]>;
}

/** One ranking run: the configuration it used, the flags, the scores it read and the outcome. */
export interface RankingRun {
  config: RankingConfig;
  flags: Map<number, EntryFlag[]>;
  decisions: Map<number, EntryDecision[]>;
  data: CampaignScores;
  outcome: RankingOutcome;
}

/**
 * The flag that holds an entry missing completeness rules. Its params name the rules' options in
 * both languages, which needs the translations: the app passes app/entry-problem-text's. It depends
 * on the problems' rules and options only (complianceFlags makes it once per kind and rules).
 */
export type EntryRuleFlagOf = (problems: readonly EntryProblem[]) => EntryFlag;

/** The flag that holds an entry by its formal check (its message travels in both languages, like entry_rule's). */
export type FormalCheckFlagOf = (hold: { verdict: 'fail' | 'fix_needed' | 'unchecked'; reason: string }) => EntryFlag;

/** Without translations (tests, tools): the verdict and reason alone. */
const plainFormalCheckFlag: FormalCheckFlagOf = (hold) => ({ code: 'formal_check', params: { verdict: hold.verdict, reason: hold.reason } });

export class RankingService {
  private readonly cache = new Map<string, ComputedRanking>();
  /** What compute() was last asked for, and when (refreshLast keeps it fresh). */
  private lastAsked: { campaignId: string; rounds?: Record<string, number>; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly campaigns: CampaignRepo,
    private readonly entryRuleFlag: EntryRuleFlagOf,
    private readonly formalCheckFlag: FormalCheckFlagOf = plainFormalCheckFlag,
  ) {}

  storedConfig(campaignId: string): { config: RankingConfig; saved: boolean } {
    this.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
    const json = rankingConfigJson(this.db, campaignId);
    // Unsaved: the defaults that fit the campaign's panels (default-config.ts says why).
    if (json === undefined) return { config: defaultRankingConfig(this.campaigns.definition(campaignId)), saved: false };
    return { config: parseRankingConfig(JSON.parse(json)), saved: true };
  }

  saveConfig(campaignId: string, input: unknown): { config: RankingConfig; saved: boolean } {
    this.campaigns.summary(campaignId);
    const config = parseRankingConfig(input);
    // Rejects tie-breaks on unknown dimensions now, not at the next computation.
    const definition = this.campaigns.definition(campaignId);
    runRanking({ campaignId, definition, storedDefinition: definition, entries: [], scores: [], conflicts: [], eligibility: [], bundles: [] }, config);
    saveRankingConfigJson(this.db, campaignId, JSON.stringify(config), nowIso());
    return { config, saved: true };
  }

  /**
   * The flags that hold an entry out for what the media check found: one per entry whose media
   * failed its rules, naming every failing file, and one per entry that misses a completeness rule
   * of its kind (e.g. an account with neither a link nor a screenshot).
   */
  complianceFlags(campaignId: string): Map<number, EntryFlag[]> {
    const failing = new Map<number, string[]>();
    for (const row of complianceRows({ db: this.db, campaigns: this.campaigns }, campaignId)) {
      if (row.verdict === 'fail' || row.verdict === 'unreadable') failing.set(row.entryId, [...(failing.get(row.entryId) ?? []), row.fileName]);
    }
    const flags = new Map<number, EntryFlag[]>(
      [...failing].map(([entryId, files]) => [entryId, [{ code: 'non_compliant_media', params: { files: files.join(', '), count: files.length } }]]),
    );
    const incomplete = new Map<number, EntryProblem[]>();
    for (const p of entryRuleProblems(this.db, campaignId, this.campaigns.definition(campaignId))) incomplete.set(p.entryId, [...(incomplete.get(p.entryId) ?? []), p]);
    // A problem's options follow from the entry's kind and the rule (entry-rules.ts), so entries
    // missing the same rules get the same flag: its texts are made once, not once per entry.
    const flagOf = new Map<string, EntryFlag>();
    for (const [entryId, problems] of incomplete) {
      const key = `${problems[0].kind}\u0000${problems.map((p) => p.rule).join('\u0000')}`;
      let flag = flagOf.get(key);
      if (!flag) flagOf.set(key, (flag = this.entryRuleFlag(problems)));
      flags.set(entryId, [...(flags.get(entryId) ?? []), { code: flag.code, params: { ...flag.params } }]);
    }
    return flags;
  }

  /**
   * Ranks the campaign by its stored configuration; with `method`, that method leads (and is
   * computed even when the configuration does not list it), as `kepu rank --method` asks.
   */
  run(campaignId: string, method?: RankingMethod, rounds?: Record<string, number>): RankingRun {
    // One read transaction (a savepoint inside compute's): the configuration, flags, holds, scores
    // and decisions all of one state of the data, whatever another connection commits meanwhile.
    return this.db.transaction(() => this.runOnce(campaignId, method, rounds)).deferred();
  }

  private runOnce(campaignId: string, method: RankingMethod | undefined, rounds: Record<string, number> | undefined): RankingRun {
    const stored = this.storedConfig(campaignId).config;
    const config = method === undefined ? stored : parseRankingConfig({ ...stored, primary: method, methods: [...new Set([...stored.methods, method])] });
    const flags = this.complianceFlags(campaignId);
    // Held by the formal check (lists with a formal round only); recorded in a locked snapshot's
    // inputs like every flag passed here, so verification uses the holds of lock time.
    for (const [entryId, hold] of formalCheckHolds(this.db, this.campaigns.definition(campaignId), campaignId)) flags.set(entryId, [...(flags.get(entryId) ?? []), this.formalCheckFlag(hold)]);
    const data = loadCampaignScores(this.db, campaignId, rounds ?? this.defaultRounds(campaignId));
    const decisions = currentDecisions(this.db, campaignId);
    return { config, flags, decisions, data, outcome: runRanking(data, config, flags, decisions) };
  }

  /** The scoring round each list is ranked on by default (core/rounds/round-state.ts); {}: round 1 everywhere. */
  defaultRounds(campaignId: string): Record<string, number> {
    return defaultRankingRounds(this.db, campaignId, this.campaigns.definition(campaignId));
  }

  /**
   * The cached computation, recomputed when the database changed (or when `refresh`). `rounds`:
   * the round per list to rank (lists not named: their default round).
   */
  compute(campaignId: string, refresh = false, rounds?: Record<string, number>): ComputedRanking {
    this.lastAsked = { campaignId, ...(rounds === undefined ? {} : { rounds }), at: Date.now() };
    // Read before computing, and kept with the computation: a write another connection commits
    // while it computes (a merge beside the ranking worker) leaves this stamp behind, so the next
    // call computes again. A stamp read afterwards would pass the older data off as the newer.
    const stamp = changeStamp(this.db);
    const { chosen, cacheKey } = this.cacheKeyOf(campaignId, rounds);
    const cached = this.cache.get(cacheKey);
    if (cached && cached.stamp === stamp && !refresh) return cached;

    // The judges' names and the data's token in the same read transaction as everything the ranking read.
    const { run, names, token } = this.db
      .transaction(() => ({ run: this.run(campaignId, undefined, chosen), names: judgeNames(this.db), token: changeToken(this.db) }))
      .deferred();
    const { data, flags, decisions, outcome } = run;
    const db = this.db;
    // The titles are read when first wanted (50,000 rows the first summary does not show). Every
    // reader calls compute() first, which recomputes after any change, so they match the ranking.
    let info: Map<number, EntryInfo> | undefined;
    const computed: ComputedRanking = {
      stamp,
      token,
      computedAt: nowIso(),
      data,
      outcome,
      flags,
      decisions,
      get info() {
        return (info ??= entryInfos(db, campaignId));
      },
      infoOf: (entryIds) => info ?? entryInfosOf(db, campaignId, entryIds),
      aggregates: new Map(outcome.aggregate.entries.map((a) => [a.entryId, a])),
      judgeNames: names,
      rows: new Map(),
    };
    this.cache.set(cacheKey, computed);
    return computed;
  }

  /** Noted as asked, without computing (an answer given from the ranking worker's saved answers), so refreshLast keeps it fresh. */
  noteAsked(campaignId: string, rounds?: Record<string, number>): void {
    this.lastAsked = { campaignId, ...(rounds === undefined ? {} : { rounds }), at: Date.now() };
  }

  /** Whether compute() would answer from its cache now (computed since the last change). */
  isComputed(campaignId: string, rounds?: Record<string, number>): boolean {
    try {
      return this.cache.get(this.cacheKeyOf(campaignId, rounds).cacheKey)?.stamp === changeStamp(this.db);
    } catch {
      return false;
    }
  }

  /** The rounds ranked (explicit ones over the defaults) and the cache's key for them. */
  private cacheKeyOf(campaignId: string, rounds: Record<string, number> | undefined): { chosen: Record<string, number> | undefined; cacheKey: string } {
    const chosen = rounds === undefined ? undefined : { ...this.defaultRounds(campaignId), ...rounds };
    return { chosen, cacheKey: chosen === undefined ? campaignId : `${campaignId}\u0000${JSON.stringify(Object.entries(chosen).sort())}` };
  }

  /**
   * Computes again what was last asked for, if it was asked within `maxAgeMs` and the data
   * changed since (the ranking worker calls it when the data has been quiet for a moment, so
   * the Ranking tab opened after a merge finds its ranking made). True when it computed. A
   * campaign gone since (deleted) is forgotten: its error is the next read's to give.
   */
  refreshLast(maxAgeMs: number, now = Date.now()): boolean {
    const last = this.lastAsked;
    if (!last || now - last.at > maxAgeMs) return false;
    try {
      if (this.cache.get(this.cacheKeyOf(last.campaignId, last.rounds).cacheKey)?.stamp === changeStamp(this.db)) return false;
      this.compute(last.campaignId, false, last.rounds);
    } catch {
      this.lastAsked = null;
      return false;
    }
    this.lastAsked = last; // computing in the background is not being asked: the age stays the reader's
    return true;
  }
}
