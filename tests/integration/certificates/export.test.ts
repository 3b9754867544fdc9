import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportList, safeFileName } from '../../../src-main/core/certificates/export';
import { issueList } from '../../../src-main/core/certificates/issue';
import { readPayloadFromImage, readPayloadsFromPdf } from '../../../src-main/core/certificates/pdf-writer';
import { saveSettings, setImage } from '../../../src-main/core/certificates/settings';
import { verifyCode, verifyFile } from '../../../src-main/core/certificates/verify';
import { tempDir } from '../../helpers';
import { sealPng, signaturePng } from '../../unit/certificates/images';
import { rankedApp } from './fixture';

function render(pdf: string, dpi: number, env: NodeJS.ProcessEnv = process.env): Buffer {
  const out = path.join(tempDir('kepu-render-'), 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, out], { env });
  return fs.readFileSync(`${out}.png`);
}

function emptyFontconfig(): NodeJS.ProcessEnv {
  const dir = tempDir('kepu-fc-');
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(file, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>\n`);
  return { ...process.env, FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir, HOME: dir };
}

describe('exporting a list to PDF', () => {
  it('writes a batch PDF and one PDF per holder: Chinese text extractable, fonts embedded as subsets, QR and info codes verify', async () => {
    const app = await rankedApp();
    setImage(app.ctx.db, app.works, 'seal', sealPng());
    setImage(app.ctx.db, app.works, 'signature', signaturePng());
    saveSettings(app.ctx.db, app.works, { serialPrefix: 'SCKP' });
    const out = tempDir('kepu-certs-');
    const progress: number[] = [];
    const report = await exportList(app.ctx.db, { campaignId: app.works, listName: 'influence', outDir: out, mode: 'both', issuer: app.issuer, wording: app.wording, onProgress: (done) => progress.push(done) });
    const certs = app.ctx.db.prepare(`SELECT serial, holder_name AS name, payload FROM certificates WHERE list_name = 'influence' ORDER BY serial`).all() as { serial: string; name: string; payload: string }[];
    expect(report).toMatchObject({ certificates: certs.length, newlyIssued: certs.length, cancelled: false });
    expect(progress).toEqual(Array.from({ length: certs.length * 2 }, (_, i) => i + 1));
    expect(fs.readdirSync(out).sort()).toEqual([...report.files.map((f) => path.basename(f))].sort());
    const batch = report.files[0];
    expect(path.basename(batch)).toMatch(/^certificates-influence-\d{8}\.pdf$/);
    for (const c of certs) expect(report.files.map((f) => path.basename(f))).toContain(`${c.serial}-${safeFileName(c.name)}.pdf`);

    const text = execFileSync('pdftotext', ['-layout', batch, '-'], { encoding: 'utf8' });
    for (const c of certs) {
      expect(text).toContain(c.name);
      expect(text).toContain(c.serial);
    }
    expect(text).toContain('荣誉证书');
    expect(text).toContain('影响力作品');
    expect(execFileSync('pdfinfo', [batch], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${certs.length}\\n`));
    // Every font embedded, as a subset (six-letter tag), with a ToUnicode map.
    const fonts = execFileSync('pdffonts', [batch], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // The codes are in the document information, one per page, in page order.
    expect(await readPayloadsFromPdf(fs.readFileSync(batch))).toEqual(certs.map((c) => c.payload));
    expect(await verifyFile(app.ctx.db, fs.readFileSync(batch))).toMatchObject({ status: 'valid', others: certs.map((c) => ({ serial: c.serial, status: 'valid' })) });

    // Rendered like a printer would, the QR code decodes to the certificate's code.
    const single = report.files.find((f) => path.basename(f).startsWith(certs[0].serial)) as string;
    const png = render(single, 150);
    const decoded = readPayloadFromImage(png);
    expect(decoded).toBe(certs[0].payload);
    expect(verifyCode(app.ctx.db, decoded as string).status).toBe('valid');
    expect(await verifyFile(app.ctx.db, png)).toMatchObject({ status: 'valid', fields: { serial: certs[0].serial, holderName: certs[0].name } });
    app.ctx.close();
  }, 120_000);

  it('renders identically on a machine without any system font (empty fontconfig)', async () => {
    const app = await rankedApp();
    const out = tempDir('kepu-certs-');
    const report = await exportList(app.ctx.db, { campaignId: app.committee, listName: 'committee', outDir: out, mode: 'single', template: { orientation: 'portrait', language: 'zh-CN' }, issuer: app.issuer, wording: app.wording });
    const pdf = report.files[0];
    const withFonts = PNG.sync.read(render(pdf, 60));
    const withoutFonts = PNG.sync.read(render(pdf, 60, emptyFontconfig()));
    expect([withoutFonts.width, withoutFonts.height]).toEqual([withFonts.width, withFonts.height]);
    expect(Buffer.compare(withoutFonts.data, withFonts.data)).toBe(0);
    // And it is not a blank page: plenty of dark (text) pixels.
    let dark = 0;
    for (let i = 0; i < withFonts.data.length; i += 4) if (withFonts.data[i] < 100 && withFonts.data[i + 1] < 100) dark++;
    expect(dark).toBeGreaterThan(2000);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', env: emptyFontconfig() });
    expect(text).toContain('委员证书');
    expect(text).toContain('有效期至');
    app.ctx.close();
  }, 120_000);

  it('cancelled, leaves no file (not even a temporary one) and issues nothing', async () => {
    const app = await rankedApp();
    const rows = () => app.ctx.db.prepare('SELECT count(*) FROM certificates').pluck().get();
    const counter = () => app.ctx.db.prepare('SELECT count(*) FROM certificate_sequences').pluck().get();
    const before = [rows(), counter()];
    const out = tempDir('kepu-certs-');
    const controller = new AbortController();
    const report = await exportList(app.ctx.db, {
      campaignId: app.works,
      listName: 'honourable',
      outDir: out,
      mode: 'perHolder',
      issuer: app.issuer,
      wording: app.wording,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) controller.abort();
      },
    });
    expect(report).toMatchObject({ cancelled: true, files: [], newlyIssued: 0 });
    expect(fs.readdirSync(out)).toEqual([]);
    expect([rows(), counter()]).toEqual(before);

    // Cancelled through the `cancelled` callback (the worker's shared flag) while the batch PDF is drawn.
    const batchOut = tempDir('kepu-certs-');
    let stop = false;
    const batch = await exportList(app.ctx.db, {
      campaignId: app.works,
      listName: 'honourable',
      outDir: batchOut,
      mode: 'single',
      issuer: app.issuer,
      wording: app.wording,
      cancelled: () => stop,
      onProgress: (done) => {
        if (done === 2) stop = true;
      },
    });
    expect(batch).toMatchObject({ cancelled: true, files: [] });
    expect(fs.readdirSync(batchOut)).toEqual([]);
    expect([rows(), counter()]).toEqual(before);

    // Not cancelled, the same export issues the list and writes every file.
    const done = await exportList(app.ctx.db, { campaignId: app.works, listName: 'honourable', outDir: out, mode: 'perHolder', issuer: app.issuer, wording: app.wording });
    expect(done.cancelled).toBe(false);
    expect(rows()).toBe(done.certificates);
    expect(fs.readdirSync(out)).toHaveLength(done.certificates);
    app.ctx.close();
  }, 120_000);

  it('plans again when the register moved while it drew, so no serial is given twice', async () => {
    const app = await rankedApp();
    const out = tempDir('kepu-certs-');
    // Another issue (here: the judges' list, same serial counter) commits while the first export draws.
    let otherIssued = 0;
    const report = await exportList(app.ctx.db, {
      campaignId: app.works,
      listName: 'influence',
      outDir: out,
      mode: 'single',
      issuer: app.issuer,
      wording: app.wording,
      onProgress: () => {
        if (otherIssued === 0) otherIssued = issueList(app.ctx.db, app.works, 'judges', app.issuer, app.wording).newlyIssued;
      },
    });
    expect(otherIssued).toBeGreaterThan(0);
    const serials = app.ctx.db.prepare('SELECT serial, list_name FROM certificates ORDER BY serial').all() as { serial: string; list_name: string }[];
    expect(new Set(serials.map((s) => s.serial)).size).toBe(serials.length);
    expect(serials.filter((s) => s.list_name === 'influence')).toHaveLength(report.certificates);
    // The file carries the serials the register holds (drawn again from the second plan).
    const text = execFileSync('pdftotext', ['-layout', report.files[0], '-'], { encoding: 'utf8' });
    for (const s of serials.filter((r) => r.list_name === 'influence')) expect(text).toContain(s.serial);
    expect(fs.readdirSync(out)).toEqual([path.basename(report.files[0])]);
    app.ctx.close();
  }, 120_000);
});

describe('file names', () => {
  it('keep Chinese and drop what a file system refuses', () => {
    expect(safeFileName('SCKP-2023-000001-四川大学华西医院')).toBe('SCKP-2023-000001-四川大学华西医院');
    expect(safeFileName('SCKP-2023-000002-A/B: "C" <d>|e?*')).toBe('SCKP-2023-000002-A_B_C_d_e');
    expect(safeFileName('SCKP-2023-000003-Zhang  Wei\t')).toBe('SCKP-2023-000003-Zhang_Wei');
    expect(safeFileName('..')).toBe('certificate');
    expect([...safeFileName(`X-${'很长的名字'.repeat(40)}`)]).toHaveLength(80);
  });
});
