// kepu showcase export / kepu posters export (issue 17): the same exports from the command line,
// with usage errors (exit 2), the unpublished refusal with its code, JSON reports and the files on disk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueList } from '../../../src-main/core/certificates/issue';
import type { CampaignSummary } from '../../../src-main/contract';
import { ok, repoRoot, tempDir } from '../../helpers';
import { rankedApp } from '../certificates/fixture';

const KEPU = path.join(repoRoot, 'bin/kepu.mjs');

function kepu(args: string[]) {
  const r = spawnSync(process.execPath, [KEPU, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: 'en' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// One ranked data folder for both tests (the sample merged and locked takes a while on a busy machine).
let prepared: Promise<{ dataDir: string; works: string; unpublished: string }> | null = null;
function published() {
  prepared ??= (async () => {
    const app = await rankedApp();
    issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording);
    const unpublished = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
    app.ctx.close();
    return { dataDir: app.dataDir, works: app.works, unpublished: unpublished.id };
  })();
  return prepared;
}

describe('kepu showcase export and kepu posters export', () => {
  it('kepu showcase export writes the folder of a published campaign and refuses an unpublished one', async () => {
    const app = await published();
    const common = ['--campaign', app.works, '--data-dir', app.dataDir];
    expect(kepu(['showcase', 'export', ...common]).code).toBe(2);
    const refused = kepu(['showcase', 'export', '--campaign', app.unpublished, '--data-dir', app.dataDir, '--out', tempDir()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[SHOWCASE_NOT_PUBLISHED]');

    const site = tempDir();
    const s = kepu(['showcase', 'export', ...common, '--out', site, '--json']);
    expect(s.code, s.stderr).toBe(0);
    const showcase = JSON.parse(s.stdout) as { index: string; winners: number; files: string[] };
    expect(showcase.index).toBe(path.join(site, 'index.html'));
    expect(fs.readFileSync(showcase.index, 'utf8').match(/class="winner"/g)).toHaveLength(showcase.winners);
  });

  it('kepu posters export writes square posters of the winners with certificates', async () => {
    const app = await published();
    const common = ['--campaign', app.works, '--data-dir', app.dataDir];
    expect(kepu(['posters', 'export', ...common, '--out', tempDir(), '--size', 'huge']).code).toBe(2);
    const out = tempDir();
    const p = kepu(['posters', 'export', ...common, '--size', 'square', '--out', out]);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toMatch(/\d+ posters? written to/);
    expect(p.stdout).toContain('no issued certificate yet');
    const pngs = fs.readdirSync(out).filter((f) => f.endsWith('-square.png'));
    expect(pngs.length).toBeGreaterThan(0);
    for (const f of pngs) expect(p.stdout).toContain(f);
  });
});
