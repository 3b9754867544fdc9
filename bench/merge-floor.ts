// The floor for merging result bundles (issue 18 aim 2): what the rows and signatures cost without
// Kepu Review, measured in the same run as the merge.
// - Rows: Debian's sqlite3 shell imports the bundles' rows (one scores row per entry and dimension,
//   one reviews row per entry, in the order the bundles hold them) with `.import` in one
//   transaction into a copy of the coordinator's database taken just before the merge: the same
//   tables, the same indexes, the same rows already there, foreign keys on, the merge's page cache
//   (MERGE_CACHE_KIB; measured at load 7, the shell was no faster with a 400 MB cache than with the app's 64 MiB) and
//   synchronous=NORMAL (as the merge), then a checkpoint (as the merge ends with). Without the
//   change-token triggers (core/db/change-token.ts): what they cost is counted as the merge's own.
// - Signatures: `openssl pkeyutl -verify -rawin` checks each bundle's Ed25519 signature over the DSSE
//   pre-authentication encoding (one process per bundle: openssl has no batch mode for this).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBundle } from '../src-main/core/exchange/bundle';
import { pae } from '../src-main/core/exchange/dsse';
import { MERGE_CACHE_KIB } from '../src-main/core/merge/merge-bundles';
import type { KeyObject } from 'node:crypto';

export interface MergeFloorInput {
  /** The coordinator's database file, checkpointed (no -wal beside it), before the merge: prepare() copies it. */
  dbFile: string;
  files: { bytes: Buffer }[];
  /** The signer's public key of each file, and the coordinator's judge id for it. */
  signers: { publicKey: KeyObject; judgeId: string }[];
}

export interface MergeFloor {
  prepare(): void;
  /**
   * One measured run: wall ms for the sqlite3 import and for the openssl checks, and the CPU ms
   * (user + system) the processes used, when /usr/bin/time can tell (a busy shared machine makes
   * wall times of both sides swing; CPU time much less).
   */
  run(): { sqliteMs: number; opensslMs: number; cpuMs: number | null };
  dispose(): void;
}

export function mergeFloor(input: MergeFloorInput): MergeFloor | null {
  if (spawnSync('sqlite3', ['-version']).status !== 0 || spawnSync('openssl', ['version']).status !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-merge-floor-'));
  const now = new Date().toISOString();
  const timeTool = fs.existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0 ? '/usr/bin/time' : null;
  let runs = 0;
  return {
    prepare() {
      fs.copyFileSync(input.dbFile, path.join(dir, 'before-merge.sqlite'));
      const copy = new Database(path.join(dir, 'before-merge.sqlite'));
      for (const name of copy.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_token_after_%'`).pluck().all() as string[]) copy.exec(`DROP TRIGGER "${name}"`);
      copy.close();
      const scores: string[] = [];
      const reviews: string[] = [];
      input.files.forEach((file, i) => {
        const read = readBundle(file.bytes);
        const judgeId = input.signers[i].judgeId;
        for (const e of read.payload.entries) {
          for (const [key, value] of Object.entries(e.scores)) scores.push(`${e.entryId},${judgeId},${key},${value},${e.revision},${now},1`);
          reviews.push(`${e.entryId},${judgeId},${e.complete ? 'complete' : 'in_progress'},${e.revision},${now},1`);
        }
        const payload = Buffer.from(read.envelope.payload, 'base64');
        fs.writeFileSync(path.join(dir, `m${i}.bin`), pae(read.envelope.payloadType, payload));
        fs.writeFileSync(path.join(dir, `s${i}.bin`), Buffer.from(read.envelope.signatures[0].sig, 'base64'));
        fs.writeFileSync(path.join(dir, `k${i}.pem`), input.signers[i].publicKey.export({ format: 'pem', type: 'spki' }));
      });
      // Column order of the tables as created (scores: …, updated_at, round_no; reviews likewise).
      fs.writeFileSync(path.join(dir, 'scores.csv'), `${scores.join('\n')}\n`);
      fs.writeFileSync(path.join(dir, 'reviews.csv'), `${reviews.join('\n')}\n`);
    },
    run() {
      const db = path.join(dir, `floor-${runs++}.sqlite`);
      fs.copyFileSync(path.join(dir, 'before-merge.sqlite'), db);
      const script = `PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-${MERGE_CACHE_KIB}; PRAGMA synchronous=NORMAL;
BEGIN;
.mode csv
.import ${path.join(dir, 'scores.csv')} scores
.import ${path.join(dir, 'reviews.csv')} reviews
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
`;
      let cpuMs: number | null = 0;
      // GNU time writes the child's CPU seconds as the last line of stderr.
      const timedSpawn = (command: string, args: string[], options: { input?: string } = {}) => {
        const result = timeTool ? spawnSync(timeTool, ['-f', 'kepu-cpu %U %S', command, ...args], options) : spawnSync(command, args, options);
        const cpu = /kepu-cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr?.toString() ?? '');
        cpuMs = cpu && cpuMs !== null ? cpuMs + (Number(cpu[1]) + Number(cpu[2])) * 1000 : null;
        return result;
      };
      let start = process.hrtime.bigint();
      const sqlite = timedSpawn('sqlite3', ['-bail', db], { input: script });
      const sqliteMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (sqlite.status !== 0) throw new Error(`bench: merge floor: sqlite3: ${sqlite.stderr.toString().slice(0, 300)}`);
      const count = spawnSync('sqlite3', [db, 'SELECT count(*) FROM scores;']).stdout.toString().trim();
      if (Number(count) < input.files.length) throw new Error(`bench: merge floor: sqlite3 imported ${count} scores`);
      fs.rmSync(db, { force: true });
      start = process.hrtime.bigint();
      for (let i = 0; i < input.files.length; i++) {
        const check = timedSpawn('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, `k${i}.pem`), '-rawin', '-in', path.join(dir, `m${i}.bin`), '-sigfile', path.join(dir, `s${i}.bin`)]);
        if (check.status !== 0) throw new Error(`bench: merge floor: openssl refused bundle ${i}: ${check.stdout.toString()}${check.stderr.toString()}`);
      }
      const opensslMs = Number(process.hrtime.bigint() - start) / 1e6;
      return { sqliteMs, opensslMs, cpuMs };
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
