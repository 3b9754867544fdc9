// The record nobody can quietly change (issue 14): the audit log is append-only (the database
// refuses to change, remove or slip in a row), hash-chained (each row carries its predecessor's
// hash), and every published result signs the chain's head. A row changed with the sqlite3 tool,
// after dropping the guard, makes `kepu audit verify` fail naming that row; rows written before the
// chain existed are chained by the migration; a campaign restored into another data folder is
// appended to that folder's chain; the export carries the campaign's rows with their hashes.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditCheckView, AuditPage, CampaignSummary, ExportFile } from '../../../src-main/contract';
import { auditRowHash } from '../../../src-main/core/audit/audit-hash';
import { openDatabase } from '../../../src-main/core/db/connection';
import { migrations } from '../../../src-main/core/db/migrations';
import { ok, openMergedSample, openTestApp, repoRoot, tempDir } from '../../helpers';

const kepu = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });

describe('the audit record', () => {
  it('is chained, refuses changes, and a published result signs its head', async () => {
    const app = await openMergedSample();
    const { ctx, dispatch, works } = app;
    await ok(dispatch('identity:create', { name: '组委会', passphrase: 'correct horse battery' }));
    await ok(dispatch('ranking:lock', { campaignId: works.id }));
    const check = await ok<AuditCheckView>(dispatch('audit:verify', {}));
    const count = ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(check).toMatchObject({ intact: true, rows: count, problem: null, missingGuards: [], signedHeads: 1 });

    // Every row's hash is the hash of its content and its predecessor's hash.
    const rows = ctx.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; action: string; subject: string | null; details_json: string; prev_hash: string | null; hash: string }[];
    rows.forEach((r, i) => {
      expect(r.prev_hash).toBe(i === 0 ? null : rows[i - 1].hash);
      expect(r.hash).toBe(auditRowHash(r.prev_hash, r));
    });
    // The lock row names the head before it, signed.
    const lock = rows.find((r) => r.action === 'ranking.lock')!;
    const head = (JSON.parse(lock.details_json) as { auditHead: { id: number; hash: string; signature: string } }).auditHead;
    expect(head.id).toBe(rows[rows.indexOf(lock) - 1].id);
    expect(head.hash).toBe(rows[rows.indexOf(lock) - 1].hash);
    expect(head.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);

    // The database refuses to change, remove, or slip in a row.
    expect(() => ctx.db.prepare('UPDATE audit_log SET actor = ? WHERE id = ?').run('someone', rows[1].id)).toThrow(/cannot be changed/);
    expect(() => ctx.db.prepare('DELETE FROM audit_log WHERE id = ?').run(rows[1].id)).toThrow(/cannot be removed/);
    expect(() => ctx.db.prepare(`INSERT INTO audit_log (at, actor, action, details_json, hash) VALUES ('2026-01-01T00:00:00Z', 'x', 'x.y', '{}', 'abc')`).run()).toThrow(/only appended/);
    expect(ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(count);

    // The campaign's rows, filtered, and the CSV export with their hashes.
    const page = await ok<AuditPage>(dispatch('audit:list', { campaignId: works.id, actions: ['ranking.lock'] }));
    expect(page.rows.map((r) => r.action)).toEqual(['ranking.lock']);
    expect(page.actions).toEqual(['bundle.merge', 'campaign.create', 'package.issue', 'ranking.lock']);
    const all = await ok<AuditPage>(dispatch('audit:list', { campaignId: works.id }));
    // Who: this computer for what was done here, the judge by name for a merged bundle they signed.
    const merged = all.rows.find((r) => r.action === 'bundle.merge')!;
    const judgeName = ctx.db.prepare('SELECT name FROM judges WHERE id = ?').pluck().get(merged.actor) as string;
    expect(merged).toMatchObject({ actorKind: 'judge', actorName: judgeName });
    expect(all.rows.find((r) => r.action === 'campaign.create')).toMatchObject({ actorKind: 'local', actorName: null });
    const lockRow = all.rows.find((r) => r.action === 'ranking.lock')!;
    expect(lockRow).toMatchObject({ actorKind: 'key' });
    // Shown to a person as the fingerprint Settings shows, not as the hex key id.
    expect(lockRow.actorFingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const csv = await ok<ExportFile>(dispatch('audit:export', { campaignId: works.id }));
    const lines = Buffer.from(csv.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('"id","at","actor","action","subject","details_json","prev_hash","hash"');
    expect(lines.filter((l) => /^\d+,/.test(l))).toHaveLength(all.total);
    expect(lines.some((l) => l.endsWith(`"${lock.hash}"`))).toBe(true);
    ctx.close();
  });

  it('kepu audit verify fails naming the row changed with sqlite3 behind the app', async () => {
    const app = await openMergedSample();
    const { ctx, works, dataDir } = app;
    const target = ctx.db.prepare(`SELECT id FROM audit_log WHERE action = 'bundle.merge' ORDER BY id LIMIT 1`).pluck().get() as number;
    ctx.close();
    const intact = kepu('audit', 'verify', '--campaign', works.id, '--data-dir', dataDir, '--json');
    expect(intact.status, intact.stderr).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, intact: true, problem: null });

    // Someone with the file and the sqlite3 tool removes the guard and edits a merge's record.
    const db = path.join(dataDir, 'kepu.sqlite');
    execFileSync('sqlite3', [db, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details_json = '{"accepted":0}' WHERE id = ${target};`]);
    const broken = kepu('audit', 'verify', '--data-dir', dataDir, '--json');
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, code: 'AUDIT_CHAIN_BROKEN', params: { id: target, action: 'bundle.merge' }, check: { problem: { kind: 'changed', id: target } } });
    const text = kepu('audit', 'verify', '--data-dir', dataDir);
    expect(text.status).toBe(1);
    expect(text.stdout + text.stderr).toContain(`entry ${target} (bundle.merge`);
    expect(text.stdout + text.stderr).toContain('its content was changed after it was recorded');

    // Put back as it was, the content matches again, but the guard is still gone: still refused.
    const fresh = openTestApp(dataDir);
    fresh.ctx.close();
    execFileSync('sqlite3', [db, `UPDATE audit_log SET details_json = (SELECT details_json FROM audit_log WHERE id = ${target}) WHERE id = ${target};`]);
    const unguarded = kepu('audit', 'verify', '--data-dir', dataDir, '--json');
    expect(unguarded.status).toBe(1);
    expect(JSON.parse(unguarded.stdout).code).toMatch(/^AUDIT_(CHAIN_BROKEN|GUARD_MISSING)$/);
  }, 300_000);

  it('chains the rows written before the chain existed, as they were', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kepu.sqlite');
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 12) });
    const insert = before.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES (?, 'local', ?, ?, ?)`);
    insert.run('2025-03-01T08:00:00.000Z', 'campaign.create', 'c-1', '{"template":"x"}');
    insert.run('2025-03-02T08:00:00.000Z', 'intake.import', 'c-1', '{"added":3}');
    before.close();
    const after = openDatabase(file);
    const rows = after.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; at: string; actor: string; action: string; subject: string | null; details_json: string; prev_hash: string | null; hash: string }[];
    expect(rows.map((r) => [r.action, r.details_json])).toEqual([['campaign.create', '{"template":"x"}'], ['intake.import', '{"added":3}']]);
    expect(rows[0].prev_hash).toBeNull();
    expect(rows[0].hash).toBe(auditRowHash(null, rows[0]));
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[1].hash).toBe(auditRowHash(rows[0].hash, rows[1]));
    // New rows continue the chain.
    after.prepare(`INSERT INTO audit_log (at, actor, action, subject, details_json) VALUES ('2025-03-03T08:00:00.000Z', 'local', 'media.link', 'c-1', '{}')`).run();
    const third = after.prepare('SELECT * FROM audit_log WHERE id = 3').get() as (typeof rows)[number];
    expect(third.prev_hash).toBe(rows[1].hash);
    after.close();
    // The file is an ordinary SQLite database: a plain connection reads the chain.
    const plain = new Database(file, { readonly: true });
    expect(plain.prepare('SELECT count(*) FROM audit_log WHERE hash IS NOT NULL').pluck().get()).toBe(3);
    plain.close();
  });

  it('appends a campaign restored into another data folder to that folder’s chain', async () => {
    const first = openTestApp();
    const works = await ok<CampaignSummary>(first.dispatch('demo:load', {}));
    const deleted = await ok<{ backupFile: string }>(first.dispatch('campaign:delete', { campaignId: works.id, confirmName: works.name.en }));
    first.ctx.close();
    const second = openTestApp();
    await ok(second.dispatch('template:list', {}));
    const bytes = fs.readFileSync(deleted.backupFile);
    await ok(second.dispatch('campaign:restore', { file: { fileName: path.basename(deleted.backupFile), contentBase64: bytes.toString('base64') } }));
    const check = await ok<AuditCheckView>(second.dispatch('audit:verify', {}));
    expect(check).toMatchObject({ intact: true, problem: null });
    const page = await ok<AuditPage>(second.dispatch('audit:list', { campaignId: works.id }));
    expect(page.actions).toEqual(expect.arrayContaining(['campaign.create', 'campaign.restore']));
    second.ctx.close();
  });
});
