// The ranking worker's saved answers (issue 18 aim 4): what the Ranking tab was last shown — the
// summary, the pages of lists, the entries opened — kept in a file beside the database with the
// change token of the data they were computed from (core/db/change-token.ts). After the app starts
// again, a read the file holds an answer for, while the token is still the same, is answered from
// it at once, where computing the ranking at 50,000 entries takes about 2 s; the worker computes
// in the background afterwards (ranking-serve.ts) for anything else the tab asks.
// Never stale: the token moves with every committed write to any table, in any process, so an
// answer is given only for the very data it was computed from; a newer build of the app (which
// may rank differently) starts with nothing saved. Never a record: locking, verifying and the
// exports always compute (they never read this file); these are answers to a screen.
// The file holds the answers as V8 serializes them (node:v8), the form postMessage copies them in,
// so an answer comes back exactly as computed (NaN, -0 and absent values included), which JSON
// would not keep. The file is a cache: unreadable, damaged or from another build, it is ignored and written again;
// a write that fails is dropped (the next answer writes it again).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { canonicalJson } from '../core/files/canonical-json';
import { writeFileAtomic } from '../core/files/atomic-write';
import { APP_VERSION } from './version';

export const RANKING_ANSWERS_FILE = path.join('cache', 'ranking-answers.bin');
const FORMAT = 'kepu-ranking-answers/1';
/** Enough for the summaries, the pages looked at and the entries opened of a working session. */
const MAX_ANSWERS = 100;
/** Written this long after the last new answer (a burst of pages writes once). */
const WRITE_AFTER_MS = 1_000;

interface AnswersFile {
  format: string;
  build: string;
  token: string;
  answers: [string, unknown][];
}

/**
 * This build of the app: its version and the worker's own code file, by name, size and time (a
 * rebuilt app may rank differently; in a built app the file's name carries a hash of its code and
 * of the chunks it imports).
 */
function thisBuild(): string {
  try {
    const file = fileURLToPath(import.meta.url);
    const stat = fs.statSync(file);
    return `${APP_VERSION}:${path.basename(file)}:${stat.size}:${Math.round(stat.mtimeMs)}`;
  } catch {
    return APP_VERSION;
  }
}

/** A read's key: its channel and its request as canonical JSON, without `refresh` (a refresh is never answered from here). */
export function answerKey(channel: string, request: Record<string, unknown>): string {
  const { refresh: _refresh, ...rest } = request;
  return `${channel} ${canonicalJson(rest)}`;
}

/** A read the file holds an answer for: its key, channel and request (answerKey's parts). */
export interface SavedRead {
  key: string;
  channel: string;
  request: { campaignId: string; rounds?: Record<string, number> } & Record<string, unknown>;
}

function savedRead(key: string): SavedRead | null {
  const space = key.indexOf(' ');
  try {
    const request = JSON.parse(key.slice(space + 1)) as SavedRead['request'] | null;
    if (space < 0 || request === null || typeof request !== 'object' || typeof request.campaignId !== 'string') return null;
    return { key, channel: key.slice(0, space), request };
  } catch {
    return null;
  }
}

export class RankingAnswers {
  private token: string | null = null;
  private answers = new Map<string, unknown>();
  private loaded = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly file: string;
  private readonly build = thisBuild();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, RANKING_ANSWERS_FILE);
  }

  /** The answer saved for `key` when the data's token is `token`; undefined: none (compute it). */
  get(token: string | null, key: string): unknown {
    if (token === null) return undefined;
    this.load();
    return this.token === token ? this.answers.get(key) : undefined;
  }

  /** Whether any answer of the campaign is saved for this token (the worker then waits before computing). */
  holdsCampaign(token: string | null, campaignId: string): boolean {
    if (token === null) return false;
    this.load();
    if (this.token !== token) return false;
    const needle = `"campaignId":${JSON.stringify(campaignId)}`;
    for (const key of this.answers.keys()) if (key.includes(needle)) return true;
    return false;
  }

  /**
   * The reads answered for data that changed since (saved under another token): those of the
   * campaign and rounds the tab showed last, its summary first, then the others newest first, for
   * the worker to answer again (ranking-serve.ts). None when the answers are of `token` or none were saved.
   */
  outdated(token: string | null): SavedRead[] {
    if (token === null) return [];
    this.load();
    if (this.token === null || this.token === token) return [];
    const saved = [...this.answers.keys()].map(savedRead).filter((r): r is SavedRead => r !== null);
    const last = saved.at(-1);
    if (last === undefined) return [];
    const shown = (r: SavedRead) => r.request.campaignId === last.request.campaignId && canonicalJson(r.request.rounds ?? null) === canonicalJson(last.request.rounds ?? null);
    const reads = saved.filter(shown).reverse();
    return [...reads.filter((r) => r.channel === 'ranking:summary'), ...reads.filter((r) => r.channel !== 'ranking:summary')];
  }

  /** Keeps an answer computed from the data at `token` (answers of another token are dropped) and writes the file soon. */
  put(token: string | null, key: string, value: unknown): void {
    if (token === null) return;
    this.load();
    if (this.token !== token) {
      this.token = token;
      this.answers.clear();
    }
    this.answers.delete(key);
    this.answers.set(key, value);
    while (this.answers.size > MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    if (!this.timer) {
      this.timer = setTimeout(() => this.write(), WRITE_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (the worker closing). */
  flush(): void {
    if (this.timer) this.write();
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.token === null) return;
    const body: AnswersFile = { format: FORMAT, build: this.build, token: this.token, answers: [...this.answers] };
    try {
      writeFileAtomic(this.file, v8.serialize(body));
    } catch {
      /* a cache: the next answer writes it again */
    }
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch {
      return; // none yet
    }
    try {
      const body = v8.deserialize(bytes) as Partial<AnswersFile>;
      if (body === null || typeof body !== 'object' || body.format !== FORMAT || body.build !== this.build || typeof body.token !== 'string' || !Array.isArray(body.answers)) return;
      this.answers = new Map(body.answers.filter((a): a is [string, unknown] => Array.isArray(a) && typeof a[0] === 'string'));
      this.token = body.token;
    } catch {
      /* damaged: ignored, written again */
    }
  }
}
