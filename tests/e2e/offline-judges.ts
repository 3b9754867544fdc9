// Judges working offline, for specs that need many of them: each judge is a real signing key and
// a data folder of its own, opens the coordinator's signed package with the same core the app uses,
// scores every assigned entry, and hands back a signed bundle file the coordinator merges in the
// browser. Driving eight judges' browsers would take minutes; the files are the real thing. The
// work runs in a child process through tsx (offline-judge-work.ts), as `kepu` itself runs: the
// app's context imports the locale JSON, which Playwright's own loader does not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runner = path.join(import.meta.dirname, 'offline-judge-run.mjs');

export interface OfflineJudge {
  judgeId: string;
  name: string;
  dataDir: string;
  /** The judge's key card file (the coordinator attaches it to the judge's profile). */
  keyCard: Buffer;
}

function work(request: unknown): unknown {
  const out = execFileSync(process.execPath, [runner, JSON.stringify(request)], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** A signing key and a data folder per judge; their key cards. */
export function offlineJudges(judges: readonly { judgeId: string; name: string }[]): OfflineJudge[] {
  const dirs = judges.map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-judge-')));
  work({ op: 'keys', judges: judges.map((j, i) => ({ name: j.name, dataDir: dirs[i] })) });
  return judges.map((j, i) => ({ ...j, dataDir: dirs[i], keyCard: fs.readFileSync(path.join(dirs[i], 'card.kepukey')) }));
}

/**
 * Each judge opens its package, scores every entry (a value per registration number, varied by
 * `salt`), answers every eligibility item yes, marks each complete and exports the signed bundle;
 * returns the bundles' paths.
 */
export function scoreOffline(packages: readonly { judge: OfflineJudge; packageFile: string }[], salt: number): string[] {
  return work({ op: 'score', salt, judges: packages.map((w) => ({ name: w.judge.name, dataDir: w.judge.dataDir, packageFile: w.packageFile })) }) as string[];
}
