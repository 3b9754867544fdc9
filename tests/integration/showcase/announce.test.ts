// Announcing results (issue 17) from the merged sample with a published ranking: the showcase
// folder (every winner, both languages, covers, verification codes of issued certificates, an
// entrant's "<script>" title shown as text), posters decoded as PNG at the chosen size with their
// QR read back and verified by core verify, long Chinese titles and units with no lone character,
// and a cancelled poster job that leaves no partial file.
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { PosterJob, ShowcaseJob } from '../../../src-main/contract';
import { issueList } from '../../../src-main/core/certificates/issue';
import { verifyText } from '../../../src-main/core/certificates/verify';
import { exportPosters } from '../../../src-main/core/posters/poster-export';
import { layoutPoster, type PosterContent } from '../../../src-main/core/posters/poster-layout';
import { allWinners, announcement } from '../../../src-main/core/showcase/winners';
import { finishedJob, ok, tempDir } from '../../helpers';
import { rankedApp } from '../certificates/fixture';

const SHOTS = process.env.KEPU_SHOTS;

async function publishedWithCertificates() {
  const app = await rankedApp();
  // An entrant-provided title with markup: it must show as text on the page.
  const first = allWinners(announcement(app.ctx.db, app.works, app.wording))[0];
  app.ctx.db.prepare('UPDATE entries SET title = ? WHERE campaign_id = ? AND reg_no = ?').run('<script>window.pwned=1</script>防癌<b>指南</b>', app.works, first.regNo);
  // Certificates for the first tier only: the second tier's winners show no code and get no poster.
  issueList(app.ctx.db, app.works, 'influence', app.issuer, app.wording);
  return { ...app, hostile: first.regNo };
}

describe('showcase export', () => {
  it('writes index.html and covers for every winner, bilingual, escaped, with the codes of issued certificates', async () => {
    const app = await publishedWithCertificates();
    const outDir = path.join(tempDir(), 'showcase out');
    const started = await ok<ShowcaseJob>(app.dispatch('showcase:export', { campaignId: app.works, outDir }));
    const done = await finishedJob(app.dispatch, started, { timeoutMs: 110_000 });
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const report = done.result!;
    const winners = allWinners(announcement(app.ctx.db, app.works, app.wording));
    expect(report.winners).toBe(winners.length);
    expect(report.winners).toBeGreaterThan(3);
    expect(report.withCertificate).toBe(winners.filter((w) => w.listName === 'influence').length);
    expect(report.covers.image + report.covers.screenshot + report.covers.card).toBe(new Set(winners.map((w) => w.regNo)).size);
    expect(report.covers.image).toBeGreaterThan(0);
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(report.index).toBe(path.join(outDir, 'index.html'));
    for (const w of winners) {
      expect(html).toContain(`data-reg-no="${w.regNo}"`);
      if (w.regNo !== app.hostile) expect(html).toContain(w.title.replace(/&/g, '&amp;'));
      if (w.certificate) expect(html).toContain(`<span class="serial">${w.certificate.serial}</span> <span class="check">${w.certificate.check}</span>`);
    }
    // Escaped, never markup; nothing outside the folder.
    expect(html).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;防癌&lt;b&gt;指南&lt;/b&gt;');
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const m of html.matchAll(/src="([^"]+)"/g)) expect(fs.existsSync(path.join(outDir, decodeURI(m[1]))), m[1]).toBe(true);
    expect(html).toContain('lang="en"');
    expect(html).toContain('影响力作品');
    expect(html).toContain('Influential Work');
    // Covers are pictures of at most 720 px wide (downscaled) or the drawn card.
    for (const file of report.files.filter((f) => f.endsWith('.png'))) {
      const png = PNG.sync.read(fs.readFileSync(file));
      expect(png.width).toBeLessThanOrEqual(720);
    }
    if (SHOTS) fs.cpSync(outDir, path.join(SHOTS, 'showcase-folder'), { recursive: true });
  });

  it('refuses before a result is published', async () => {
    const app = await rankedApp({ lock: false });
    const result = await app.dispatch('showcase:export', { campaignId: app.works });
    expect(result.ok).toBe(false);
    expect((result as { error: { code: string } }).error.code).toBe('SHOWCASE_NOT_PUBLISHED');
  });
});

/** Width and height from the PNG header (IHDR), without decoding the pixels. */
function pngSize(file: string): [number, number] {
  const head = fs.readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

function readQr(file: string): string | null {
  const png = PNG.sync.read(fs.readFileSync(file));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height, { inversionAttempts: 'attemptBoth' });
  return found?.data ?? null;
}

describe('posters', () => {
  for (const [size, width, height] of [['story', 1080, 1920], ['square', 1080, 1080]] as const) {
    it(`one PNG per winner with a certificate, ${width}×${height} (${size}), with a QR that verifies`, async () => {
      const app = await publishedWithCertificates();
      const outDir = path.join(tempDir(), `posters ${size}`);
      const started = await ok<PosterJob>(app.dispatch('posters:export', { campaignId: app.works, size, outDir }));
      const done = await finishedJob(app.dispatch, started, { timeoutMs: 110_000 });
      expect(done.state, JSON.stringify(done.error)).toBe('done');
      const report = done.result!;
      const winners = allWinners(announcement(app.ctx.db, app.works, app.wording));
      const issued = winners.filter((w) => w.certificate);
      expect(report.posters).toBe(issued.length);
      expect(report.withoutCertificate).toBe(winners.length - issued.length);
      expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.png'))).toHaveLength(issued.length);
      for (const file of report.files) expect(pngSize(file), file).toEqual([width, height]);
      // Decoding and reading a QR takes a second or two each: two posters per size are read back.
      for (const file of report.files.slice(0, 2)) {
        const png = PNG.sync.read(fs.readFileSync(file));
        expect([png.width, png.height]).toEqual([width, height]);
        if (SHOTS) fs.copyFileSync(file, path.join(SHOTS, `poster-${size}-${path.basename(file)}`));
        const code = readQr(file);
        expect(code, file).toMatch(/^KP1\./);
        const verdict = verifyText(app.ctx.db, code!, { trusted: [createPublicKey(app.key)] });
        expect(verdict.status, file).toBe('valid');
        expect(issued.some((w) => w.certificate!.payload === code)).toBe(true);
      }
    });
  }

  it('a cancelled export leaves only complete posters, no partial file', async () => {
    const app = await publishedWithCertificates();
    issueList(app.ctx.db, app.works, 'honourable', app.issuer, app.wording);
    const outDir = path.join(tempDir(), 'cancelled');
    const controller = new AbortController();
    const report = await exportPosters(app.ctx.db, {
      campaignId: app.works,
      outDir,
      size: 'square',
      wording: app.wording,
      signal: controller.signal,
      onProgress: (done) => done === 2 && controller.abort(),
    });
    expect(report.cancelled).toBe(true);
    expect(report.posters).toBe(2);
    const files = fs.readdirSync(outDir);
    expect(files.sort()).toEqual(report.files.map((f) => path.basename(f)).sort());
    for (const f of files) {
      expect(f).toMatch(/\.png$/);
      expect(PNG.sync.read(fs.readFileSync(path.join(outDir, f))).height).toBe(1080);
    }
  });
});

describe('poster layout', () => {
  const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const content = (title: string, unit: string): PosterContent => ({
    organizers: [L('四川省科学技术协会', 'Sichuan Association for Science and Technology'), L('四川省卫生健康委员会', 'Health Commission of Sichuan Province')],
    campaign: L('2023年四川省健康科普作品影响力评选活动', '2023 Sichuan Health Science Popularization Influence Selection'),
    tier: L('影响力作品', 'Influential Work'),
    category: L('图文类', 'Graphics'),
    title,
    entrant: '欧阳明华',
    unit,
    serial: 'SIKP-2026-000005',
    check: 'K7QM3-XRD2P',
    code: `KP1.${'A'.repeat(200)}`,
    labels: { serial: L('证书编号', 'Certificate No.'), check: L('校验码', 'Check code'), verify: L('扫码验证', 'Scan to verify') },
  });
  const titles = [
    '冬季流感防护：一图读懂呼吸道传染病的预防、识别与家庭照护要点',
    '《老年人跌倒预防与居家环境改造指南》科普系列漫画第二季（全十二集）',
    '从“吃”开始：糖尿病患者的一日三餐与血糖管理，营养科医生手把手教你',
    // One "word" wider than the poster: cut by characters, never off the page.
    '<script>window.pwned=1</script>防癌<b>指南</b>',
  ];
  const units = ['四川大学华西医院健康科普与患者教育中心联合工作组办公室', '中国抗癌协会整合肿瘤心脏病学与肿瘤康复科普专业委员会'];
  for (const size of ['story', 'square'] as const) {
    for (const language of ['zh-CN', 'bilingual'] as const) {
      it(`keeps long Chinese titles and units free of lone characters (${size}, ${language})`, () => {
        for (const title of titles) {
          for (const unit of units) {
            const d = layoutPoster(content(title, unit), size, language);
            for (const item of d.items) {
              if (item.type !== 'text' || item.lines.length < 2 || item.align !== 'center') continue;
              const widths = item.lines.map((l) => l.width);
              const last = item.lines[item.lines.length - 1];
              expect(last.width, `${item.role}: ${item.lines.map((l) => l.text).join(' / ')}`).toBeGreaterThanOrEqual(0.45 * Math.max(...widths));
              expect([...last.text].length, last.text).toBeGreaterThan(2);
              for (const line of item.lines.slice(1)) expect('，。、；：？！）》」』'.includes(line.text[0]), line.text).toBe(false);
            }
            // Nothing leaves the page or runs into the QR.
            const qr = d.items.find((i) => i.type === 'qr')!;
            for (const item of d.items) {
              if (item.type !== 'text') continue;
              for (const line of item.lines) {
                expect(line.x).toBeGreaterThanOrEqual(40);
                expect(line.x + line.width).toBeLessThanOrEqual(d.width - 40);
                if (['tier', 'category', 'title', 'entrant', 'unit'].includes(item.role)) expect(line.y, `${item.role} ${line.text}`).toBeLessThan(qr.y);
              }
            }
          }
        }
      });
    }
  }
});
