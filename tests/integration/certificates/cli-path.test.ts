// The whole certificate path from the command line, for batch work (issue 17): from an empty data
// folder, the sample campaign, its bundles merged, a signing identity, the ranking published, the
// certificates exported, and one verified by the serial and check code printed on it. And
// `kepu rank` prints a committee campaign's member list by name, as the app shows it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../helpers';
import { rankedApp } from './fixture';

const KEPU = path.join(repoRoot, 'bin/kepu.mjs');

function kepu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [KEPU, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu identity / rank --publish / certificates export', () => {
  it('goes from an empty data folder to verified certificates', () => {
    const dataDir = tempDir('kepu-cli-path-');
    const out = tempDir('kepu-cli-path-out-');
    const env = { BATCH_PASS: 'a long batch passphrase' };
    const demo = JSON.parse(kepu(['demo', '--data-dir', dataDir, '--json']).stdout) as { campaign: { id: string } };
    const works = demo.campaign.id;
    const bundles = fs.readdirSync(path.join(dataDir, 'sample-bundles')).map((f) => path.join(dataDir, 'sample-bundles', f));
    expect(kepu(['bundle', 'merge', ...bundles, '--campaign', works, '--data-dir', dataDir]).code).toBe(0);

    const none = kepu(['identity', 'show', '--data-dir', dataDir]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No signing identity yet');
    // A passphrase only from the environment: naming a variable that is not set is a usage error.
    expect(kepu(['identity', 'create', '--name', '大赛组委会', '--passphrase-env', 'NOT_SET_ANYWHERE', '--data-dir', dataDir]).code).toBe(2);
    const created = kepu(['identity', 'create', '--name', '大赛组委会', '--passphrase-env', 'BATCH_PASS', '--data-dir', dataDir, '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const identity = JSON.parse(created.stdout) as { fingerprint: string; name: string };
    expect(identity.name).toBe('大赛组委会');
    const shown = kepu(['identity', 'show', '--data-dir', dataDir]);
    expect(shown.stdout).toContain(`fingerprint: ${identity.fingerprint}`);

    // A new process holds the key locked: publishing without the passphrase is refused.
    expect(kepu(['rank', '--campaign', works, '--publish', '--data-dir', dataDir]).stderr).toContain('[KEY_LOCKED]');
    const published = kepu(['rank', '--campaign', works, '--publish', '--passphrase-env', 'BATCH_PASS', '--data-dir', dataDir], env);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toMatch(new RegExp(`Published \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\+08:00, signed by 大赛组委会 \\(${identity.fingerprint}\\)`));

    const exported = kepu(['certificates', 'export', '--campaign', works, '--list', 'judges', '--out', out, '--single', '--passphrase-env', 'BATCH_PASS', '--data-dir', dataDir, '--json'], env);
    expect(exported.code, exported.stderr).toBe(0);
    const report = JSON.parse(exported.stdout) as { files: string[]; certificates: number };
    expect(report.certificates).toBeGreaterThan(0);
    const printed = execFileSync('pdftotext', [report.files[0], '-'], { encoding: 'utf8' });
    const serial = /[A-Z]+-\d{4}-\d{6}/.exec(printed)?.[0] as string;
    const check = /[A-Z2-7]{5}-[A-Z2-7]{5}/.exec(printed)?.[0] as string;
    const verified = kepu(['certificate', 'verify', `${serial} ${check}`, '--data-dir', dataDir]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^VALID\n/);
    expect(verified.stdout).toContain(`issuer: 大赛组委会 (${identity.fingerprint})`);
    expect(verified.stdout).toContain("this computer's register");
    const flipped = `${serial} ${check[0] === 'A' ? 'B' : 'A'}${check.slice(1)}`;
    const bad = kepu(['certificate', 'verify', flipped, '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID\nreason: the check code does not belong/);
  }, 300_000);

  it('prints a committee campaign’s members by name', async () => {
    const app = await rankedApp({ lock: false });
    const { committee, dataDir } = app;
    const view = app.ctx.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM entries WHERE campaign_id = ?').get(committee);
    app.ctx.close();
    expect(view?.n).toBeGreaterThan(0);
    const r = kepu(['rank', '--campaign', committee, '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    const members = /Committee members \((\d+)\):\n((?: {2}.+\n)+)/.exec(r.stdout);
    expect(members, r.stdout).not.toBeNull();
    const lines = (members?.[2] ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(Number(members?.[1]));
    for (const line of lines) expect(line).toMatch(/^ {2}\S+\t\S.*$/);
    const json = JSON.parse(kepu(['rank', '--campaign', committee, '--data-dir', dataDir, '--json']).stdout) as { committee: { members: { name: string }[] } };
    expect(json.committee.members.map((m) => m.name)).toEqual(lines.map((l) => l.split('\t')[1]));
  }, 300_000);
});
