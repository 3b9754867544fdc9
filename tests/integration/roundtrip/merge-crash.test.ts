// "A crash during merge leaves the database as before or fully merged": a real `kepu bundle merge`
// process is killed with SIGKILL while it works through many bundles; in the reopened database the
// merge (one transaction since issue 18) is either completely applied or not at all, and so is
// each bundle.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BundlePayload, writeBundle } from '../../../src-main/core/exchange/bundle';
import { databasePath } from '../../../src-main/core/db/connection';
import { generateIdentity, publicKeyToBase64 } from '../../../src-main/core/keys/identity';
import { syntheticEntries } from '../../e2e/seed';
import { openTestApp, repoRoot, tempDir } from '../../helpers';

const JUDGES = 30;
const ENTRIES = 15_000;
const PER_JUDGE = 2_000;

describe('merge and crashes', () => {
  it('applies the merge completely or not at all when it is killed', async () => {
    const { ctx, dataDir } = openTestApp();
    const template = ctx.templates.get('sichuan-influence-2023');
    const campaign = ctx.campaigns.create(template.id, template.definition);
    const all = syntheticEntries(ENTRIES);
    const ids = ctx.entries.insertMany(campaign.id, '2023-12-25T10:00:00.000Z', all);
    const regNoOf = new Map(ids.map((id, i) => [id, all[i].regNo]));
    const files: string[] = [];
    const dir = tempDir('kepu-crash-bundles-');
    const expected = new Map<string, number>();
    for (let j = 0; j < JUDGES; j++) {
      const key = generateIdentity();
      const judge = ctx.judges.create(campaign.id, `评委${j}`, null);
      ctx.db.prepare('UPDATE judges SET key_id = ?, public_key = ? WHERE id = ?').run(key.keyId, publicKeyToBase64(key.publicKey), judge.id);
      const mine = Array.from({ length: PER_JUDGE }, (_, i) => ids[(j * 397 + i) % ids.length]);
      ctx.judges.assign(mine.map((entryId) => ({ entryId, judgeId: judge.id })), 'auto');
      const packageId = `pkg-${randomBytes(6).toString('hex')}`;
      ctx.db.prepare('INSERT INTO issued_packages (id, campaign_id, judge_id, created_at, entry_count, with_media, manifest_sha256) VALUES (?, ?, ?, ?, ?, 0, ?)').run(packageId, campaign.id, judge.id, new Date().toISOString(), mine.length, '0'.repeat(64));
      const link = ctx.db.prepare('INSERT INTO issued_package_entries VALUES (?, ?)');
      ctx.db.transaction(() => mine.forEach((e) => link.run(packageId, e)))();
      const payload: BundlePayload = {
        v: 1, kind: 'kepu.bundle', packageId, campaignId: campaign.id, judgeKeyId: key.keyId, revision: 1, createdAt: new Date().toISOString(),
        entries: mine.map((entryId, i) => ({
          regNo: regNoOf.get(entryId)!, entryId,
          scores: { content: (i % 21) / 2, creativity: 5, communication: 7 }, eligibility: {}, conflict: null, comment: '', complete: true, revision: 1,
        })),
      };
      const file = path.join(dir, `j${String(j).padStart(2, '0')}.kepubundle`);
      fs.writeFileSync(file, writeBundle(payload, key.privateKey));
      files.push(file);
      expected.set(judge.id, PER_JUDGE * 3);
    }
    ctx.close();

    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), 'bundle', 'merge', ...files, '--campaign', campaign.id, '--data-dir', dataDir], {
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, s) => resolve(s)));
    // The merge starts right after its automatic backup is written: killed while it reads and
    // writes the 30 bundles (60,000 entry reviews), long before it can be done.
    const backups = path.join(dataDir, 'backups', 'auto');
    const deadline = Date.now() + 60_000;
    while (!(fs.existsSync(backups) && fs.readdirSync(backups).length > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const db = new Database(databasePath(dataDir));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const merged = new Set(db.prepare(`SELECT judge_id FROM bundles WHERE status = 'accepted'`).pluck().all() as string[]);
    expect([0, JUDGES]).toContain(merged.size);
    const scores = db.prepare('SELECT count(*) FROM scores WHERE judge_id = ?').pluck();
    for (const [judgeId, full] of expected) expect(scores.get(judgeId), judgeId).toBe(merged.has(judgeId) ? full : 0);
    db.close();
  }, 120_000);
});
