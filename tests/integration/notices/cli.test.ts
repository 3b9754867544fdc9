// kepu notice / kepu objection over a real data folder (each run of the CLI is a process, so the
// steps share one folder and one test): create a notice of the locked result,
// list it, export it (format from the extension, --unranked and --lang for that file), record an
// objection and resolve it; failures carry their codes.
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInZone } from '../../../src-main/core/time';
import { repoRoot, tempDir } from '../../helpers';
import { rankedApp } from '../certificates/fixture';

const KEPU = path.join(repoRoot, 'bin/kepu.mjs');
function kepu(args: string[], lang = 'en') {
  const r = spawnSync(process.execPath, [KEPU, ...args], { encoding: 'utf8', env: { ...process.env, KEPU_LANG: lang } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const local = (days: number) => formatInZone(new Date(Date.now() + days * 86_400_000).toISOString(), 'Asia/Shanghai').slice(0, 16);

describe('kepu notice / kepu objection', () => {
  it('creates, lists and exports a notice, and records and resolves an objection', async () => {
    const app = await rankedApp();
    const { works, dataDir } = app;
    app.ctx.close();
    const base = ['--campaign', works, '--data-dir', dataDir];
    const out = tempDir('kepu-cli-notice-');

    expect(kepu(['notice', 'export', ...base, '--list', 'influence']).code).toBe(2);
    const none = kepu(['notice', 'export', ...base, '--list', 'influence', '--out', path.join(out, 'n.pdf'), '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });

    const created = kepu(['notice', 'create', ...base, '--list', 'influence', '--start', local(-1), '--end', local(6), '--json']);
    expect(created.code, created.stderr).toBe(0);
    const notice = JSON.parse(created.stdout).notice as { id: number; periodEndLocal: string };
    const listed = kepu(['notice', 'list', ...base]);
    expect(listed.stdout).toContain(`#${notice.id} influence:`);
    expect(listed.stdout).toContain('Open for objections');

    const pdf = kepu(['notice', 'export', ...base, '--list', 'influence', '--out', path.join(out, '公示.pdf'), '--lang', 'zh']);
    expect(pdf.code, pdf.stderr).toBe(0);
    const text = execFileSync('pdftotext', [path.join(out, '公示.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('公示期');
    expect(text).not.toContain('Notice period');

    const xlsx = kepu(['notice', 'export', ...base, '--list', 'influence', '--out', path.join(out, 'notice.xlsx'), '--unranked', '--lang', 'en', '--json']);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'notice.xlsx'));
    const rows = Array.from(book.worksheets[0].getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1).map((c) => String(c ?? '')) : []));
    const header = rows.findIndex((r) => r[0] === 'Category');
    expect(rows[header]).toEqual(['Category', 'No.', 'Award', 'Reg. no.', 'Title', 'Entrant', 'Unit']);
    expect(rows.some((r) => r[0] === 'Listed in no particular order.')).toBe(true);
    // An entry the notice lists (which ones depends on the sample's random judges).
    const regNo = rows[header + 1][3];
    expect(regNo).toMatch(/^SC2023-\d{4}$/);


    const evidence = path.join(out, '证据.txt');
    fs.writeFileSync(evidence, 'evidence');
    const added = kepu(['objection', 'add', ...base, '--notice', String(notice.id), '--entry', regNo, '--from', '张三', '--text', '雷同', '--received', local(0).slice(0, 10), '--file', evidence, '--json']);
    expect(added.code, added.stdout + added.stderr).toBe(0);
    const objection = JSON.parse(added.stdout).objection as { id: number; files: { fileName: string }[] };
    expect(objection.files.map((f) => f.fileName)).toEqual(['证据.txt']);

    const refused = kepu(['objection', 'add', ...base, '--notice', String(notice.id), '--entry', 'NOPE', '--from', 'x', '--text', 'y', '--received', local(0).slice(0, 10)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[OBJECTION_ENTRY_NOT_LISTED]');

    const resolved = kepu(['objection', 'resolve', ...base, '--id', String(objection.id), '--rejected', '--resolution', '原创'], 'zh-CN');
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toContain('不成立 原创');
    expect(kepu(['objection', 'list', ...base]).stdout).toContain(`#${objection.id} ${regNo} from 张三`);
  }, 600_000);
});
