// A full disk (issue 11, item 12), on a real one: small tmpfs mounts filled to the last page.
// Import, export and identity creation answer DISK_FULL naming the folder (not INTERNAL), and no
// partial file is left — exports, key files, lock files, certificates, packages. Needs mount
// rights (root on Linux, as in CI); skipped only where mounting is not possible. The same logic is
// covered without a mount in tests/unit/core/atomic-write.test.ts (ENOSPC injected at the write).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { repoRoot, tempDir, ok, openTestApp } from '../../helpers';
import { PASSPHRASE, rankedApp } from '../certificates/fixture';

const mounted: string[] = [];

/** A fresh tmpfs of `size` (e.g. '64k'), or null when this machine does not let us mount one. */
function mountTmpfs(size: string): string | null {
  if (process.platform !== 'linux') return null;
  const dir = tempDir('kepu-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmdirSync(dir);
    return null;
  }
  mounted.push(dir);
  return dir;
}

/** Writes a filler file until the file system has no page left. */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler'), 'a');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Every file under `dir` except the filler (temp files are hidden dot-files: listed too). */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile() && d.name !== 'filler')
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

function kepu(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const probe = mountTmpfs('64k');
const canMount = probe !== null;

afterAll(() => {
  for (const dir of mounted.reverse()) {
    spawnSync('umount', [dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe.skipIf(!canMount)('a full disk under the data folder', () => {
  let app: ReturnType<typeof openTestApp>;
  let campaign: CampaignSummary;
  let dataDir: string;

  beforeAll(() => {
    dataDir = path.join(mountTmpfs('16m')!, 'data');
    app = openTestApp(dataDir);
    const template = app.ctx.templates.get('sichuan-influence-2023');
    campaign = app.ctx.campaigns.create(template.id, template.definition);
    // An empty write-ahead log, so the next transaction needs new pages, as after a restart.
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    fill(path.dirname(dataDir));
  });

  afterAll(() => app?.ctx.close());

  it('import answers DISK_FULL naming the data folder, and nothing is imported', async () => {
    const csv = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv'));
    const result = await app.dispatch('intake:import', { campaignId: campaign.id, source: { fileName: 'reg.csv', contentBase64: csv.toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL', params: { folder: dataDir } } });
    expect(app.ctx.entries.list({ campaignId: campaign.id, limit: 10 }).total).toBe(0);
  });

  it('exports answer DISK_FULL naming the exports folder and leave no partial file', async () => {
    for (const format of ['csv', 'xlsx', 'html'] as const) {
      const result = await app.dispatch('compliance:export', { campaignId: campaign.id, format });
      expect(result, format).toMatchObject({ ok: false, error: { code: 'DISK_FULL', params: { folder: path.join(dataDir, 'exports') } } });
    }
    expect(filesUnder(path.join(dataDir, 'exports'))).toEqual([]);
  });

  it('creating the signing key answers DISK_FULL and leaves no key file behind', async () => {
    const result = await app.dispatch('identity:create', { name: '评委', passphrase: 'a long passphrase' });
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL', params: { folder: path.join(dataDir, 'keys') } } });
    expect(filesUnder(dataDir).filter((f) => f.startsWith('keys'))).toEqual([]);
    expect(await ok(app.dispatch('identity:status', {}))).toMatchObject({ exists: false });
  });

  it('works again once space is freed', async () => {
    fs.rmSync(path.join(path.dirname(dataDir), 'filler'));
    const csv = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/intake/sichuan-registrations.utf8-bom.csv'));
    await ok(app.dispatch('intake:import', { campaignId: campaign.id, source: { fileName: 'reg.csv', contentBase64: csv.toString('base64') } }));
    await ok(app.dispatch('compliance:export', { campaignId: campaign.id, format: 'csv' }));
    expect(filesUnder(path.join(dataDir, 'exports'))).toHaveLength(1);
  });
});

describe.skipIf(!canMount)('a full disk where exports, lock files, certificates and packages go', () => {
  it('answers DISK_FULL naming the folder, in the CLI (text and --json) and the app, with nothing partial left', async () => {
    const ranked = await rankedApp();
    const judgeId = ranked.ctx.db.prepare('SELECT judge_id FROM campaign_judges WHERE campaign_id = ? ORDER BY judge_id').pluck().get(ranked.works) as string;
    const full = probe!;
    fill(full);

    const pkg = await ranked.dispatch('package:export', { campaignId: ranked.works, judgeId, withMedia: false, outDir: path.join(full, 'packages') });
    expect(pkg).toMatchObject({ ok: false, error: { code: 'DISK_FULL', params: { folder: path.join(full, 'packages') } } });
    ranked.ctx.close();

    const lock = kepu(['rank', '--campaign', ranked.works, '--lock', path.join(full, 'ranking.kepurank.json'), '--data-dir', ranked.dataDir]);
    expect(lock.code).toBe(1);
    expect(lock.stderr).toBe(`kepu: There is not enough free disk space to write in ${full}. Free some space (or choose another folder) and try again; nothing was left half-written. [DISK_FULL]\n`);

    const certs = path.join(full, 'certificates');
    const exported = kepu(['certificates', 'export', '--campaign', ranked.works, '--list', 'influence', '--out', certs, '--single', '--passphrase-env', 'ISSUER_PASS', '--data-dir', ranked.dataDir, '--json'], { ISSUER_PASS: PASSPHRASE });
    expect(exported.code).toBe(1);
    expect(JSON.parse(exported.stdout)).toMatchObject({ ok: false, code: 'DISK_FULL', params: { folder: certs } });
    const zh = kepu(['certificates', 'export', '--campaign', ranked.works, '--list', 'influence', '--out', certs, '--per-holder', '--passphrase-env', 'ISSUER_PASS', '--data-dir', ranked.dataDir], { ISSUER_PASS: PASSPHRASE, KEPU_LANG: 'zh-CN' });
    expect(zh.stderr).toContain(`磁盘空间不足，无法写入 ${certs}`);

    expect(filesUnder(full)).toEqual([]);
  }, 300_000);
});
