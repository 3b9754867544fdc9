// Checks many files against a campaign's media rules: a bounded pool of probes (DESIGN.md §5 —
// 24,424 works in one national round), progress after every file with an ETA from the observed
// rate, cancel through an AbortSignal. Policy:
// - At most `concurrency` probes (ffprobe processes) at once; results come back in input order.
// - Cancelling stops starting new files and kills running ffprobe children; what finished is
//   returned with cancelled: true. Nothing half-done is cached.
// - The cache key is (path, size, mtime) from a fresh stat, so a file edited since the last check
//   is probed again; cache writes are batched.
// - A file that cannot be stat'ed (missing, no permission) is unreadable, not an error of the run;
//   only a broken setup (ffprobe cannot start) rejects.
import fs from 'node:fs/promises';
import os from 'node:os';
import type { FileCheck, MediaRules } from '../../contract';
import { sha256File } from './hash';
import { type ProbeOptions, type ProbeOutcome, probeFile, unprobedOutcome } from './probe';
import type { CacheWrite, ProbeCache } from './probe-cache';
import { checkFacts, isDocumentPath } from './rules';

export interface CheckProgress {
  done: number;
  total: number;
  /** Files with verdict "fail" so far. */
  failed: number;
  unreadable: number;
  /** Seconds left at the rate observed so far; null before the first file finishes. */
  etaSeconds: number | null;
  /** The file that just finished. */
  current?: string;
}

export type CheckedFile = FileCheck & { sha256?: string };

export interface CheckFilesOptions {
  rules: MediaRules;
  /** The rules for one file when they differ by file (a category's own media rules); default: `rules`. */
  rulesFor?: (file: string) => MediaRules;
  cache?: ProbeCache;
  /** Parallel probes; default: the number of CPU cores. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: CheckProgress) => void;
  /** Also compute each file's SHA-256 (streamed), e.g. to find duplicates; cached with the probe. */
  hash?: boolean;
  /**
   * SHA-256 of files the caller has just written itself (mail attachments hashed as they were
   * stored): taken as they are instead of reading the file again.
   */
  knownSha256?: ReadonlyMap<string, string>;
  /** Replaces probeFile (tests, benches). */
  probe?: (file: string, options: ProbeOptions) => Promise<ProbeOutcome>;
}

export interface CheckFilesResult {
  results: CheckedFile[];
  cancelled: boolean;
}

const CACHE_FLUSH_EVERY = 100;

export async function checkFiles(files: readonly string[], options: CheckFilesOptions): Promise<CheckFilesResult> {
  const total = files.length;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? os.availableParallelism()));
  const probe = options.probe ?? probeFile;
  // One controller for the run: the caller's signal, or a fatal error in one worker, stops all.
  const run = new AbortController();
  const onAbort = () => run.abort(options.signal?.reason);
  if (options.signal?.aborted) run.abort(options.signal.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const slots: (CheckedFile | undefined)[] = new Array(total);
  const pendingWrites: CacheWrite[] = [];
  const flush = () => options.cache?.putMany(pendingWrites.splice(0));
  const counts = { done: 0, failed: 0, unreadable: 0 };
  const started = performance.now();
  let next = 0;
  let fatal: unknown = null;

  const rulesOf = (file: string) => options.rulesFor?.(file) ?? options.rules;

  async function checkOne(file: string): Promise<{ check: CheckedFile; write: CacheWrite | null }> {
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.isDirectory()) {
      // Let the probe name the problem (not found, no permission, a folder); no key, no caching.
      return { check: checkFacts(file, await probe(file, { signal: run.signal }), rulesOf(file)), write: null };
    }
    const cached = options.cache?.get(file, stat.size, stat.mtimeMs) ?? null;
    let outcome = cached?.outcome;
    let sha256 = cached?.sha256;
    let changed = false;
    if (!outcome) {
      outcome = isDocumentPath(file) ? unprobedOutcome(stat.size) : await probe(file, { signal: run.signal, sizeBytes: stat.size });
      changed = true;
    }
    if (options.hash && !sha256 && options.knownSha256?.has(file)) {
      sha256 = options.knownSha256.get(file);
      changed = true;
    }
    if (options.hash && !sha256) {
      // A file that vanished or became unreadable since the stat simply has no hash.
      sha256 = await sha256File(file).catch(() => undefined);
      if (run.signal.aborted) throw abortError();
      if (sha256) changed = true;
    }
    const check: CheckedFile = checkFacts(file, outcome, rulesOf(file));
    if (options.hash && sha256) check.sha256 = sha256;
    const keep = changed && !(outcome.ok === false && outcome.transient);
    const write = keep ? { path: file, sizeBytes: stat.size, mtimeMs: stat.mtimeMs, outcome, sha256 } : null;
    return { check, write };
  }

  async function worker(): Promise<void> {
    while (!run.signal.aborted) {
      const index = next++;
      if (index >= total) return;
      const file = files[index];
      let finished: Awaited<ReturnType<typeof checkOne>>;
      try {
        finished = await checkOne(file);
      } catch (error) {
        // After a cancel, a probe that was killed mid-run fails in whatever way: not a result.
        if (run.signal.aborted) return;
        if (fatal === null) fatal = error;
        run.abort(error);
        return;
      }
      slots[index] = finished.check;
      if (finished.write && options.cache) {
        pendingWrites.push(finished.write);
        if (pendingWrites.length >= CACHE_FLUSH_EVERY) flush();
      }
      counts.done += 1;
      if (finished.check.verdict === 'fail') counts.failed += 1;
      if (finished.check.verdict === 'unreadable') counts.unreadable += 1;
      options.onProgress?.({ ...counts, total, etaSeconds: eta(counts.done), current: file });
    }
  }

  function eta(done: number): number | null {
    if (done === 0) return null;
    const elapsedSeconds = (performance.now() - started) / 1000;
    return Math.round((elapsedSeconds / done) * (total - done) * 10) / 10;
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    flush();
  }
  if (fatal !== null) throw fatal;
  const results = slots.filter((r): r is CheckedFile => r !== undefined);
  return { results, cancelled: results.length < total };
}

function abortError(): Error {
  const error = new Error('media: check cancelled');
  error.name = 'AbortError';
  return error;
}
