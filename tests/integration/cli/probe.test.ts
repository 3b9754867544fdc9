import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCheck } from '../../../src-main/contract';
import { repoRoot, tempDir } from '../../helpers';

const fixtures = path.join(repoRoot, 'tests/fixtures/media');

function kepu(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, KEPU_LANG: 'en', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function compliantFolder(): string {
  const dir = tempDir('kepu-probe-cli-');
  fs.mkdirSync(path.join(dir, 'videos'));
  fs.copyFileSync(path.join(fixtures, 'compliant.mp4'), path.join(dir, 'videos', 'compliant.mp4'));
  fs.copyFileSync(path.join(fixtures, 'rotated-phone.mp4'), path.join(dir, 'videos', 'rotated-phone.mp4'));
  fs.copyFileSync(path.join(fixtures, 'photo.jpg'), path.join(dir, 'photo.jpg'));
  fs.copyFileSync(path.join(fixtures, 'article.txt'), path.join(dir, 'article.txt'));
  fs.writeFileSync(path.join(dir, '.DS_Store'), 'Finder litter, skipped as a dot-file');
  return dir;
}

describe('kepu probe', () => {
  it('prints one JSON verdict per file of a folder and exits 1 when any file has a problem', () => {
    const result = kepu(['probe', fixtures, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as unknown[];
    const byName = new Map(report.map((r) => {
      const check = FileCheck.parse(r); // the shape the UI and scripts rely on
      return [path.basename(check.path), check];
    }));
    expect(byName.get('compliant.mp4')).toMatchObject({
      verdict: 'pass', violations: [],
      facts: { container: 'mp4', durationSeconds: 2, videoCodec: 'h264', audioCodec: 'aac', width: 160, height: 90 },
    });
    expect(byName.get('too-long.mp4')).toMatchObject({ verdict: 'fail', violations: [{ code: 'MEDIA_TOO_LONG', limit: 600, actual: 610 }] });
    expect(byName.get('truncated.mp4')).toMatchObject({ verdict: 'unreadable', facts: null, violations: [{ code: 'MEDIA_TRUNCATED', limit: null }] });
    expect(byName.get('empty.mp4')?.violations).toEqual([{ code: 'MEDIA_EMPTY', limit: null, actual: 0 }]);
    expect(byName.get('webm-renamed.mp4')?.violations[0]).toEqual({ code: 'MEDIA_CONTAINER_NOT_ALLOWED', limit: 'mp4', actual: 'webm' });
    expect(byName.get('small.png')?.violations).toEqual([{ code: 'MEDIA_IMAGE_TOO_SMALL', limit: '600x400', actual: '320x200' }]);
    expect(byName.get('article.txt')).toMatchObject({ mediaClass: 'document', verdict: 'pass' });
  });

  it('exits 0 for a folder of compliant files and skips dot-files', () => {
    const dir = compliantFolder();
    const result = kepu(['probe', dir, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { path: string; verdict: string }[];
    expect(report.map((r) => path.relative(dir, r.path))).toEqual(['article.txt', 'photo.jpg', 'videos/compliant.mp4', 'videos/rotated-phone.mp4']);
    expect(report.every((r) => r.verdict === 'pass')).toBe(true);
  });

  it('prints a human table with the violations and a summary line', () => {
    const result = kepu(['probe', path.join(fixtures, 'compliant.mp4'), path.join(fixtures, 'too-long.mp4'), path.join(fixtures, 'small.png')]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(path.join(fixtures, 'compliant.mp4'));
    expect(lines[0].split('\t')).toEqual(['PASS', path.join(fixtures, 'compliant.mp4')]);
    // Same wording as the compliance report: durations as m:ss, pixels as WxH.
    expect(lines[1]).toBe(`FAIL\t${path.join(fixtures, 'too-long.mp4')}\tMEDIA_TOO_LONG: 10:10 long, longer than the limit of 10:00`);
    expect(lines[2]).toMatch(/^FAIL\t.*small\.png\tMEDIA_IMAGE_TOO_SMALL: .*320x200.*600x400/);
    expect(lines[3]).toBe('3 files: 1 pass, 2 fail, 0 unreadable');
  });

  it('reports a path that does not exist as unreadable with exit 1', () => {
    const missing = path.join(tempDir('kepu-probe-cli-'), 'nothing-here.mp4');
    const result = kepu(['probe', missing, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { path: missing, mediaClass: 'video', verdict: 'unreadable', violations: [{ code: 'MEDIA_NOT_MEDIA', limit: null, actual: 'file not found' }], facts: null },
    ]);
  });

  it('judges with the rules of a named template or a campaign in the database', () => {
    const long = path.join(fixtures, 'too-long.mp4');
    // The committee template sets no duration limit.
    expect(kepu(['probe', long, '--template', 'caca-committee-2021', '--json']).code).toBe(0);
    const unknown = kepu(['probe', long, '--template', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[TEMPLATE_UNKNOWN]');

    const dataDir = tempDir('kepu-probe-cli-');
    const created = kepu(['campaign', 'create', '--template', 'sichuan-influence-2023', '--data-dir', dataDir, '--json']);
    const campaignId = JSON.parse(created.stdout).id as string;
    const viaCampaign = kepu(['probe', long, '--campaign', campaignId, '--data-dir', dataDir, '--json']);
    expect(viaCampaign.code).toBe(1);
    expect(JSON.parse(viaCampaign.stdout)[0].violations).toEqual([{ code: 'MEDIA_TOO_LONG', limit: 600, actual: 610 }]);
    expect(kepu(['probe', long, '--campaign', 'no-such-campaign', '--data-dir', dataDir]).code).toBe(1);
  });

  it('treats a missing path argument, conflicting rule sources and unknown flags as usage errors (exit 2)', () => {
    expect(kepu(['probe']).code).toBe(2);
    expect(kepu(['probe', fixtures, '--template', 'sichuan-influence-2023', '--campaign', 'x']).code).toBe(2);
    expect(kepu(['probe', fixtures, '--frobnicate']).code).toBe(2);
  });
});
