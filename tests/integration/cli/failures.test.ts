// The CLI's failures (issue 11): a bad file among many bundles is reported by its name while the
// others merge; with --json every failure is one JSON object with ok:false and a code (never
// plain text); a blank certificate argument is a coded error. Real CLI processes, real data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary, MergeReport } from '../../../src-main/contract';
import { ok, openTestApp, repoRoot, tempDir } from '../../helpers';

function kepu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The whole of stdout is exactly one JSON object describing a failure with a code. */
function jsonFailure(r: { stdout: string; stderr: string }) {
  const body = JSON.parse(r.stdout) as { ok: boolean; code: string; message: string; params: Record<string, unknown> };
  expect(body.ok).toBe(false);
  expect(body.code).toMatch(/^[A-Z_]+$/);
  expect(body.message.length).toBeGreaterThan(0);
  expect(r.stderr).toBe('');
  return body;
}

async function demoFolder() {
  const { ctx, dispatch, dataDir } = openTestApp();
  const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
  ctx.close();
  return { dataDir, works: works.id, bundles: path.join(dataDir, 'sample-bundles') };
}

describe('merging a batch with an empty file (the channel behind the CLI and the UI)', () => {
  it('rejects the empty file by name and merges the others, instead of refusing the batch at files.N', async () => {
    const { ctx, dispatch, dataDir } = openTestApp();
    const works = await ok<CampaignSummary>(dispatch('demo:load', {}));
    const dir = path.join(dataDir, 'sample-bundles');
    const files = fs.readdirSync(dir).sort().map((f) => ({ fileName: f, contentBase64: fs.readFileSync(path.join(dir, f)).toString('base64') }));
    files.splice(2, 0, { fileName: '空的.kepubundle', contentBase64: '' });
    const report = await ok<MergeReport>(dispatch('bundle:merge', { campaignId: works.id, files }));
    expect(report.files.map((f) => f.status)).toEqual(['accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(report.files[2]).toMatchObject({ fileName: '空的.kepubundle', error: { code: 'BUNDLE_EMPTY', params: { file: '空的.kepubundle' } } });
    ctx.close();
  });
});

describe('kepu failures', () => {
  it('merges 56 bundles and rejects the one empty file among them by its name, in both languages', async () => {
    const { dataDir, works, bundles } = await demoFolder();
    const samples = fs.readdirSync(bundles).sort();
    const batch = tempDir('kepu-batch-');
    const files: string[] = [];
    for (let i = 0; i < 57; i++) {
      const file = path.join(batch, `judge-${String(i).padStart(2, '0')}.kepubundle`);
      if (i === 37) fs.writeFileSync(file, '');
      else fs.copyFileSync(path.join(bundles, samples[i % samples.length]), file);
      files.push(file);
    }
    const merged = kepu(['bundle', 'merge', ...files, '--campaign', works, '--data-dir', dataDir, '--json']);
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout) as { ok: boolean; files: { fileName: string; status: string; error: { code: string; params: Record<string, string> } | null }[]; coverage: { received: number } };
    expect(report.ok).toBe(false);
    expect(report.files.map((f) => f.fileName)).toEqual(files.map((f) => path.basename(f)));
    expect(report.files[37]).toMatchObject({ status: 'rejected', error: { code: 'BUNDLE_EMPTY', params: { file: 'judge-37.kepubundle' } } });
    expect(report.files.filter((f) => f.status === 'rejected')).toHaveLength(1);
    expect(report.files.filter((f) => f.status === 'accepted').length).toBe(samples.length);
    expect(report.coverage.received).toBe(96); // 32 entries × 3 judges, every one returned

    // As text: one line per file, the empty one named with a translated reason and its code.
    const en = kepu(['bundle', 'merge', files[36], files[37], '--campaign', works, '--data-dir', dataDir]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('DUPLICATE\tjudge-36.kepubundle');
    expect(en.stdout).toContain('REJECTED\tjudge-37.kepubundle\t\tjudge-37.kepubundle is empty (0 bytes)');
    expect(en.stdout).toContain('[BUNDLE_EMPTY]');
    expect(en.stdout).not.toMatch(/files\.\d+/);
    const zh = kepu(['bundle', 'merge', files[37], path.join(batch, 'missing.kepubundle'), '--campaign', works, '--data-dir', dataDir], { KEPU_LANG: 'zh-CN' });
    expect(zh.stdout).toContain('judge-37.kepubundle 是空文件');
    expect(zh.stdout).toContain('missing.kepubundle');
    expect(zh.stdout).toContain('文件不存在');
  });

  it('prints one JSON object with ok:false and a code for every failure when --json is given', async () => {
    const { dataDir, works, bundles } = await demoFolder();
    const stranger = tempDir();
    const bundle = path.join(bundles, fs.readdirSync(bundles)[0]);

    // A bundle whose signer no judge in this data folder registered.
    const unknown = jsonFailure(kepu(['bundle', 'verify', bundle, '--data-dir', stranger, '--json']));
    expect(unknown).toMatchObject({ code: 'BUNDLE_UNKNOWN_SIGNER', valid: false, params: { file: path.basename(bundle) } });
    expect(unknown.message).toContain('which no judge in this data folder registered');

    const cases: [string[], string, number][] = [
      [['campaign', 'create', '--template', 'nope', '--data-dir', dataDir, '--json'], 'TEMPLATE_UNKNOWN', 1],
      [['import', path.join(stranger, 'nope.csv'), '--campaign', works, '--data-dir', dataDir, '--json'], 'IMPORT_FILE_UNREADABLE', 1],
      [['bundle', 'merge', bundle, '--campaign', 'no-such-campaign', '--data-dir', dataDir, '--json'], 'CAMPAIGN_NOT_FOUND', 1],
      [['rank', '--verify', path.join(stranger, 'nope.json'), '--data-dir', dataDir, '--json'], 'RANKING_SNAPSHOT_INVALID', 1],
      [['certificate', 'verify', ' ', '--data-dir', dataDir, '--json'], 'CERTIFICATE_INPUT_EMPTY', 1],
      [['certificates', 'export', '--campaign', works, '--list', 'influence', '--out', stranger, '--data-dir', dataDir, '--json'], 'KEY_NOT_FOUND', 1],
      [['demo', '--no-such-flag', '--json'], 'CLI_USAGE', 2],
    ];
    for (const [args, code, exit] of cases) {
      const r = kepu(args);
      expect(r.code, args.join(' ')).toBe(exit);
      expect(jsonFailure(r).code, args.join(' ')).toBe(code);
    }
  });

  it('answers a blank certificate argument with a coded error instead of "cannot read the file  "', () => {
    const dataDir = tempDir();
    const en = kepu(['certificate', 'verify', ' ', '--data-dir', dataDir]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe('kepu: Nothing to verify: give the verification code printed on the certificate, or a PNG, JPEG or PDF file. [CERTIFICATE_INPUT_EMPTY]\n');
    const zh = kepu(['certificate', 'verify', '', '--data-dir', dataDir], { KEPU_LANG: 'zh-CN' });
    expect(zh.stderr).toContain('没有可核验的内容');
    expect(zh.stderr).toContain('[CERTIFICATE_INPUT_EMPTY]');
    // A path that does not exist is named, with its code.
    const missing = kepu(['certificate', 'verify', path.join(dataDir, 'photo.png'), '--data-dir', dataDir]);
    expect(missing.stderr).toContain('photo.png');
    expect(missing.stderr).toContain('[CERTIFICATE_FILE_UNREADABLE]');
  });
});
