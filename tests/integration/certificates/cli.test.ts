import Database from 'better-sqlite3';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../../src-main/core/db/connection';
import { repoRoot, tempDir } from '../../helpers';
import { PASSPHRASE, rankedApp } from './fixture';

const KEPU = path.join(repoRoot, 'bin/kepu.mjs');

function kepu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [KEPU, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function kepuAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KEPU, ...args], { env: { ...process.env, KEPU_LANG: 'en', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('kepu certificates export / kepu certificate verify', () => {
  it('exports with the key unlocked from an environment variable and verifies codes, PNGs and PDFs', async () => {
    const app = await rankedApp();
    const { works, dataDir } = app;
    app.ctx.close();
    const out = tempDir('kepu-cli-certs-');
    const env = { ISSUER_PASS: PASSPHRASE };
    expect(kepu(['certificates', 'export', '--campaign', works, '--list', 'influence', '--data-dir', dataDir]).code).toBe(2);
    expect(kepu(['certificates', 'export', '--campaign', works, '--list', 'influence', '--out', out, '--single', '--both', '--data-dir', dataDir]).code).toBe(2);
    const locked = kepu(['certificates', 'export', '--campaign', works, '--list', 'influence', '--out', out, '--data-dir', dataDir]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('[KEY_LOCKED]');

    const r = kepu(['certificates', 'export', '--campaign', works, '--list', 'influence', '--out', out, '--per-holder', '--passphrase-env', 'ISSUER_PASS', '--data-dir', dataDir, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files.length).toBe(report.certificates);
    const file = report.files[0] as string;
    const code = (JSON.parse(kepu(['certificate', 'verify', file, '--data-dir', dataDir, '--json']).stdout) as { fields: { serial: string } }).fields;
    expect(path.basename(file).startsWith(code.serial)).toBe(true);

    const pdf = kepu(['certificate', 'verify', file, '--data-dir', dataDir]);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toMatch(/^VALID\nserial: [A-Z]+-\d{4}-\d{6}\nholder: \S+/);
    const png = path.join(tempDir(), 'page');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, png]);
    expect(kepu(['certificate', 'verify', `${png}.png`, '--data-dir', dataDir]).code).toBe(0);

    const payload = JSON.parse(kepu(['certificate', 'verify', file, '--data-dir', dataDir, '--json']).stdout);
    const text = (fs.readFileSync(file, 'latin1').match(/KP1\.[A-Z2-7]+\.[A-Z2-7]+/) as RegExpMatchArray)[0];
    expect(payload.status).toBe('valid');
    const good = kepu(['certificate', 'verify', text, '--data-dir', dataDir]);
    expect(good.code).toBe(0);
    const i = 20;
    const changed = text.slice(0, i) + (text[i] === 'Q' ? 'R' : 'Q') + text.slice(i + 1);
    const bad = kepu(['certificate', 'verify', changed, '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID\n/);
    const zh = kepu(['certificate', 'verify', changed, '--data-dir', dataDir], { KEPU_LANG: 'zh-CN' });
    expect(zh.stdout).toMatch(/^无效\n原因：/);
    // Not yet ranked: a translated error, exit 1.
    const committee = kepu(['certificates', 'export', '--campaign', works, '--list', 'committee', '--out', out, '--passphrase-env', 'ISSUER_PASS', '--data-dir', dataDir], env);
    expect(committee.code).toBe(1);
    expect(committee.stderr).toContain('[CERTIFICATE_LIST_UNKNOWN]');
  }, 300_000); // several CLI processes and a PDF export (57 s on a loaded 2-core machine)

  it('never hands out a serial twice when two processes export at the same time', async () => {
    const app = await rankedApp();
    const { works, committee, dataDir } = app;
    app.ctx.close();
    const env = { ISSUER_PASS: PASSPHRASE };
    const run = (campaign: string, list: string) =>
      kepuAsync(['certificates', 'export', '--campaign', campaign, '--list', list, '--out', tempDir('kepu-cc-'), '--single', '--passphrase-env', 'ISSUER_PASS', '--data-dir', dataDir, '--json'], env);
    // Same prefix for both campaigns, so every process draws from one counter.
    const db = new Database(databasePath(dataDir));
    for (const id of [works, committee]) {
      db.prepare(`INSERT INTO certificate_settings (campaign_id, settings_json, updated_at) VALUES (?, ?, 'x')`).run(id, JSON.stringify({ serialPrefix: 'SAME', orientation: 'landscape', language: 'bilingual', titles: {}, signerLine: null }));
    }
    db.close();
    const results = await Promise.all([run(works, 'honourable'), run(committee, 'committee'), run(works, 'honourable'), run(works, 'judges')]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const check = new Database(databasePath(dataDir), { readonly: true });
    const serials = check.prepare(`SELECT serial FROM certificates ORDER BY serial`).pluck().all() as string[];
    expect(new Set(serials).size).toBe(serials.length);
    const numbers = serials.map((s) => Number(s.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // The list exported twice at once: each holder still has exactly one certificate.
    const perHolder = check.prepare(`SELECT subject, count(*) AS n FROM certificates WHERE list_name = 'honourable' GROUP BY subject HAVING n > 1`).all();
    expect(perHolder).toEqual([]);
    const reports = results.map((r) => JSON.parse(r.stdout) as { newlyIssued: number; certificates: number });
    expect(reports[0].newlyIssued + reports[2].newlyIssued).toBe(reports[0].certificates);
    check.close();
  }, 120_000);
});
