// Backup scenarios (issue 21): the automatic backup taken before every merge and publish (database
// and key files, no media) and its restore into a new folder, on the 50,000-entry campaign with
// 200 judges, 5 judges per entry and 3 dimension scores each (750,000 score rows). Aim: the
// automatic backup costs a merge or a publish no more than a few seconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { autoBackup } from '../src-main/core/backup/backup-folder';
import { restoreIntoFolder } from '../src-main/core/backup/restore-backup';
import { nowIso } from '../src-main/core/time';
import { type BenchResult, measure, round, summarize } from './harness';
import { largeCampaign } from './large-campaign';

const ENTRIES = 50_000;
const JUDGES = 200;
const PER_ENTRY = 5;
const RUNS = 3;

export async function backupBench(): Promise<BenchResult[]> {
  const large = largeCampaign('backup', ENTRIES);
  const results: BenchResult[] = [];
  const restoreRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-restore-'));
  try {
    const { ctx, ids, campaignId, dataDir } = large;
    const judges = Array.from({ length: JUDGES }, (_, j) => ctx.judges.create(campaignId, `评委${j}`, null).id);
    ctx.judges.assign(ids.flatMap((entryId, i) => Array.from({ length: PER_ENTRY }, (_, k) => ({ entryId, judgeId: judges[(i + k * 41) % JUDGES] }))), 'auto');
    const insert = ctx.db.prepare('INSERT INTO scores (entry_id, judge_id, dimension_key, value, revision, updated_at) VALUES (?, ?, ?, ?, 1, ?)');
    const now = nowIso();
    ctx.db.transaction(() => {
      ids.forEach((entryId, i) => {
        for (let k = 0; k < PER_ENTRY; k++) for (const d of ['content', 'creativity', 'communication']) insert.run(entryId, judges[(i + k * 41) % JUDGES], d, (i + k) % 11, now);
      });
    })();
    const dbBytes = fs.statSync(path.join(dataDir, 'kepu.sqlite')).size;
    let file = '';
    let size = 0;
    const create = await measure(RUNS, async () => {
      const written = await autoBackup({ db: ctx.db, dataDir, appVersion: 'bench' }, 'before-merge');
      file = written!.file;
      size = written!.sizeBytes;
    });
    results.push(summarize('backup: automatic backup (50,000 entries, 750,000 scores, no media)', ENTRIES, 'entries/s', create, { note: `database ${round(dbBytes / 1e6)} MB → backup file ${round(size / 1e6)} MB` }));
    const restore = await measure(RUNS, async (run) => {
      await restoreIntoFolder(file, path.join(restoreRoot, `r${run}`));
    });
    results.push(summarize('backup: restore into a new folder (same file, checked, integrity_check)', ENTRIES, 'entries/s', restore));
  } finally {
    large.dispose();
    fs.rmSync(restoreRoot, { recursive: true, force: true });
  }
  return results;
}
