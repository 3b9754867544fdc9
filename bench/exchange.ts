// Exchange scenarios (issue: exchange): merging 200 result bundles that hold 250,000 entry reviews
// (50,000 entries × 5 judges, 3 scores each) into a coordinator database, and verifying one bundle
// (read + Ed25519 signature check). Aims: merge ≤ 1.5× its floor measured in the same run (issue 18:
// the sqlite3 shell importing the same rows into a copy of the same database, plus openssl checking
// the 200 signatures; merge-floor.ts), once before and once after the merge, the lower counted;
// verify < 20 ms. The merge runs as the app runs it: every bundle checked first
// (core/merge/bundle-check.ts), then the one write transaction.
import { randomBytes } from 'node:crypto';
import { type BundlePayload, readBundle, verifyBundle, writeBundle } from '../src-main/core/exchange/bundle';
import { generateIdentity, publicKeyToBase64 } from '../src-main/core/keys/identity';
import { databasePath } from '../src-main/core/db/connection';
import { exchangeBundleReader, mergeBundleFiles } from '../src-main/core/merge/merge-bundles';
import { mergeFloor } from './merge-floor';
import { type BenchResult, measure, round, summarize } from './harness';
import { largeCampaign } from './large-campaign';

const SIZE = 50_000;
const JUDGES = 200;
const PER_ENTRY = 5;

export async function exchangeBench(): Promise<BenchResult[]> {
  const large = largeCampaign('exchange', SIZE);
  const { ctx, ids } = large;
  const campaign = { id: large.campaignId };
  try {
    const regNo = new Map(ids.map((id, i) => [id, large.regNos[i]]));
    const keys = Array.from({ length: JUDGES }, () => generateIdentity());
    const judges = keys.map((k, j) => {
      const judge = ctx.judges.create(campaign.id, `评委${j}`, null);
      ctx.db.prepare('UPDATE judges SET key_id = ?, public_key = ? WHERE id = ?').run(k.keyId, publicKeyToBase64(k.publicKey), judge.id);
      return judge;
    });
    const perJudge = new Map<string, number[]>(judges.map((j) => [j.id, []]));
    ids.forEach((entryId, i) => {
      for (let k = 0; k < PER_ENTRY; k++) perJudge.get(judges[(i + k * 41) % JUDGES].id)!.push(entryId);
    });
    ctx.judges.assign([...perJudge].flatMap(([judgeId, list]) => list.map((entryId) => ({ entryId, judgeId }))), 'auto');
    const now = new Date().toISOString();
    const files = judges.map((judge, j) => {
      const packageId = `pkg-${randomBytes(6).toString('hex')}`;
      const entries = perJudge.get(judge.id)!;
      ctx.db.transaction(() => {
        ctx.db.prepare('INSERT INTO issued_packages (id, campaign_id, judge_id, created_at, entry_count, with_media, manifest_sha256) VALUES (?, ?, ?, ?, ?, 0, ?)').run(
          packageId, campaign.id, judge.id, now, entries.length, '0'.repeat(64),
        );
        const link = ctx.db.prepare('INSERT INTO issued_package_entries (package_id, entry_id) VALUES (?, ?)');
        for (const e of entries) link.run(packageId, e);
      })();
      const payload: BundlePayload = {
        v: 1, kind: 'kepu.bundle', packageId, campaignId: campaign.id, judgeKeyId: keys[j].keyId, revision: 1, createdAt: now,
        entries: entries.map((entryId, i) => ({
          regNo: regNo.get(entryId)!, entryId, scores: { content: (i % 21) / 2, creativity: ((i + 3) % 21) / 2, communication: ((i + 7) % 21) / 2 },
          eligibility: {}, conflict: null, comment: '', complete: true, revision: 3,
        })),
      };
      return { fileName: `j${j}.kepubundle`, bytes: writeBundle(payload, keys[j].privateKey) };
    });
    const scores = [...perJudge.values()].reduce((n, l) => n + l.length, 0);

    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const floor = mergeFloor({ dbFile: databasePath(large.dataDir), files, signers: judges.map((j, i) => ({ publicKey: keys[i].publicKey, judgeId: j.id })) });
    floor?.prepare();
    const floorRuns = floor ? [floor.run()] : [];
    const cpuBefore = process.cpuUsage();
    const merge = await measure(1, async () => {
      const outcomes = await mergeBundleFiles({ ...ctx, reader: exchangeBundleReader() }, campaign.id, files);
      if (outcomes.some((o) => o.status !== 'accepted')) throw new Error(`bench: merge refused ${JSON.stringify(outcomes.find((o) => o.status !== 'accepted'))}`);
    });
    const cpu = process.cpuUsage(cpuBefore);
    const mergeCpuMs = (cpu.user + cpu.system) / 1000;
    if (floor) floorRuns.push(floor.run());
    floor?.dispose();
    const best = floorRuns.map((r) => ({ ...r, total: r.sqliteMs + r.opensslMs })).sort((a, b) => a.total - b.total)[0];
    const verify = await measure(50, (i) => {
      const read = readBundle(files[i % files.length].bytes);
      verifyBundle(read, keys[i % files.length].publicKey);
    });
    const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
    return [
      summarize('exchange.merge200Bundles', scores, 'entry reviews/s', merge, {
        peer: best ? { tool: 'sqlite3 shell .import of the same rows into a copy of the same database + openssl pkeyutl -verify of the 200 signatures', medianMs: round(best.total), opsPerSec: round((scores / best.total) * 1000) } : null,
        note:
          `${files.length} bundles, ${scores} entry reviews (${scores * 3} scores), ${(bytes / 1e6).toFixed(1)} MB, read and verified, then applied in one transaction; aim ≤ 1.5× the floor` +
          (best
            ? `: ${round(merge[0] / best.total)}× (floor runs before/after the merge: ${floorRuns.map((r) => `sqlite3 ${Math.round(r.sqliteMs)} ms + openssl ${Math.round(r.opensslMs)} ms`).join(', ')}; against sqlite3 alone ${round(merge[0] / best.sqliteMs)}×)` +
              (best.cpuMs ? `; CPU time: merge ${Math.round(mergeCpuMs)} ms, floor ${floorRuns.map((r) => Math.round(r.cpuMs ?? 0)).join(' / ')} ms (${round(mergeCpuMs / Math.min(...floorRuns.map((r) => r.cpuMs ?? Infinity)))}×)` : '')
            : ' (sqlite3 or openssl not installed: no floor)'),
      }),
      summarize('exchange.verifyBundle', 1, 'bundles/s', verify, { note: `read + Ed25519 verify of a ${(files[0].bytes.length / 1e3).toFixed(0)} kB bundle (${perJudge.get(judges[0].id)!.length} entries); aim < 20 ms` }),
    ];
  } finally {
    large.dispose();
  }
}
