// kepu round shortlist: the real command over a real data folder with the merged sample — make by
// top %, print it (text in both languages and JSON), remove and add by registration number with a
// reason, and the usage errors. The sample's scores differ per data folder: the test compares
// with what the command itself reports.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShortlistView } from '../../../src-main/contract';
import { openMergedSample, repoRoot } from '../../helpers';

function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/kepu.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kepu round shortlist', () => {
  it('makes, prints, removes and adds with reasons', async () => {
    const app = await openMergedSample();
    const campaignId = app.works.id;
    app.ctx.close();
    const base = ['round', 'shortlist', '--campaign', campaignId, '--list', 'influence', '--data-dir', app.dataDir];

    const made = kepu([...base, '--round', '1', '--percent', '30', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const view = JSON.parse(made.stdout) as ShortlistView & { ok: boolean };
    expect(view).toMatchObject({ ok: true, roundNo: 1, made: { version: 1, rule: { by: 'percent', value: 30 } } });
    for (const c of view.categories) expect(c.cut).toBe(Math.ceil((30 * c.ranked) / 100));

    const lines = view.categories.flatMap((c) => c.lines);
    const inLine = lines.find((l) => l.in)!;
    const outLine = lines.find((l) => l.why === 'out')!;
    const removed = kepu([...base, '--round', '1', '--remove', inLine.regNo, '--reason', 'withdrawn by the author', '--json']);
    expect(removed.code, removed.stdout).toBe(0);
    const added = JSON.parse(kepu([...base, '--round', '1', '--add', outLine.regNo, '--reason', '评审组复议', '--json']).stdout) as ShortlistView;
    expect(added.counts).toMatchObject({ in: view.counts.in, added: 1, removed: 1 });

    const text = kepu([...base, '--round', '1']);
    expect(text.stdout).toContain('top 30 %');
    expect(text.stdout).toContain(`${outLine.regNo}`);
    expect(text.stdout).toContain('removed by');
    expect(text.stdout).toContain('withdrawn by the author');
    const zh = kepu([...base, '--round', '1'], 'zh-CN');
    expect(zh.stdout).toContain('前 30%');
    expect(zh.stdout).toMatch(/人工增补（.+）：评审组复议/);
    // Each category's count line: its Chinese name, then a full-width colon.
    expect(zh.stdout).toMatch(/^\S+：已排名 \d+ 件中入围 \d+ 件/m);
    expect(text.stdout).toMatch(/^\S.*: \d+ in of \d+ ranked/m);

    // Errors: a reason is required; usage.
    const noReason = kepu([...base, '--round', '1', '--add', inLine.regNo, '--reason', ' ', '--json']);
    expect(noReason.code).toBe(1);
    expect(JSON.parse(noReason.stdout)).toMatchObject({ ok: false, code: 'SHORTLIST_REASON_REQUIRED' });
    expect(kepu([...base, '--round', '1', '--top', '3', '--percent', '5']).code).toBe(2);
    expect(kepu([...base, '--round', 'final']).code).toBe(2);
    expect(kepu(['round', 'shortlist', '--campaign', campaignId]).code).toBe(2);
  });
});
