import { describe, expect, it } from 'vitest';
import type { DrawText } from '../../../src-main/contract/certificates';
import { type CertificateContent, layoutCertificate, wrapText, wrapUnits } from '../../../src-main/core/certificates/layout';
import { textWidth } from '../../../src-main/core/pdf/fonts';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function content(overrides: Partial<CertificateContent> = {}): CertificateContent {
  return {
    type: 'award',
    organizers: [L('成都高新医学会', 'Chengdu High-tech Medical Association'), L('成都商报-红星新闻', 'Chengdu Business Daily – Red Star News')],
    title: L('荣誉证书', 'Certificate of Honour'),
    holderName: '四川大学华西医院',
    holderUnit: '健康科普中心',
    body: L('作品《冬季流感防护》在评选中，荣获图文类「影响力作品」。\n特发此证，以资鼓励。', 'The work “Winter Flu” has been awarded Influential Work in the Graphics category.'),
    signer: L('组委会', 'Organizing Committee'),
    issueDate: '2023-12-30',
    validUntil: '2025-12-29',
    serial: 'SCKP-2023-000001',
    code: `KP1.${'A'.repeat(110)}.${'B'.repeat(103)}`,
    labels: { serial: L('证书编号', 'Certificate No.'), validUntil: L('有效期至', 'Valid until'), verify: L('扫码验证。', 'Scan to verify.') },
    images: { seal: { width: 240, height: 240 }, signature: { width: 300, height: 100 } },
    ...overrides,
  };
}

function boxes(items: ReturnType<typeof layoutCertificate>['items']) {
  return items
    .filter((i): i is DrawText => i.type === 'text')
    .flatMap((t) => t.lines.map((l) => ({ role: t.role, text: l.text, x0: l.x, x1: l.x + l.width, y0: l.y - t.size * 0.88, y1: l.y + t.size * 0.14 })));
}

describe('line breaking', () => {
  it('keeps closing punctuation off the start of a line and opening punctuation off the end', () => {
    const text = '作品《冬季流感防护：一图读懂》在评选中荣获图文类「影响力作品」。特发此证，以资鼓励。';
    for (let width = 60; width < 400; width += 7) {
      const lines = wrapText(text, 'regular', 15, width);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect('，。、；：？！）》」』'.includes(line[0]), `${width}: ${line}`).toBe(false);
      for (const line of lines.slice(0, -1)) expect('（《「『'.includes(line.at(-1) as string), `${width}: ${line}`).toBe(false);
    }
  });

  it('breaks English at spaces and names lists between names', () => {
    const lines = wrapText('The work has been awarded Influential Work in the Graphics category', 'regular', 11, 150);
    for (const line of lines) expect(textWidth(line, 'regular', 11)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe('The work has been awarded Influential Work in the Graphics category');
    const names = wrapUnits(['成都高新医学会', '成都商报-红星新闻', '四川省医学科技创新研究会'], '\u3000', 'regular', 12, 200);
    expect(names.join('\u3000')).toBe('成都高新医学会\u3000成都商报-红星新闻\u3000四川省医学科技创新研究会');
    for (const line of names) for (const part of line.split('\u3000')) expect(['成都高新医学会', '成都商报-红星新闻', '四川省医学科技创新研究会']).toContain(part);
  });
});

describe('the drawing', () => {
  for (const orientation of ['landscape', 'portrait'] as const) {
    for (const language of ['zh-CN', 'en', 'bilingual'] as const) {
      it(`${orientation} ${language}: everything inside the inner frame, no two texts overlapping`, () => {
        const d = layoutCertificate(content({ holderName: language === 'en' ? 'Sichuan Provincial Maternal and Child Health Hospital' : '四川大学华西医院' }), { orientation, language });
        expect([d.width, d.height]).toEqual(orientation === 'landscape' ? [841.89, 595.28] : [595.28, 841.89]);
        const texts = boxes(d.items);
        for (const b of texts) {
          expect(b.x0, b.text).toBeGreaterThanOrEqual(30);
          expect(b.x1, b.text).toBeLessThanOrEqual(d.width - 30);
          expect(b.y0, b.text).toBeGreaterThanOrEqual(30);
          expect(b.y1, b.text).toBeLessThanOrEqual(d.height - 30);
        }
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i];
            const b = texts[j];
            const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            expect(overlap, `${a.role} "${a.text}" / ${b.role} "${b.text}"`).toBe(false);
          }
        }
        const roles = new Set(texts.map((t) => t.role));
        for (const r of ['organizers', 'title', 'holder', 'body', 'serial', 'validUntil', 'code', 'signer', 'date']) expect(roles.has(r), r).toBe(true);
        const qr = d.items.find((i) => i.type === 'qr');
        expect(qr && qr.rows.length).toBeGreaterThan(20);
        expect(d.items.filter((i) => i.type === 'image').map((i) => i.type === 'image' && i.role).sort()).toEqual(['seal', 'signature']);
        // The printed code is the whole code, in order.
        const code = d.items.find((i): i is DrawText => i.type === 'text' && i.role === 'code');
        expect(code?.lines.map((l) => l.text).join('')).toBe(content().code);
      });
    }
  }

  it('shrinks a very long name instead of running off the page', () => {
    const name = '中国医学科学院肿瘤医院深圳医院健康科普与患者教育中心联合工作组';
    const d = layoutCertificate(content({ holderName: name }), { orientation: 'portrait', language: 'zh-CN' });
    const holder = d.items.find((i): i is DrawText => i.type === 'text' && i.role === 'holder');
    expect(holder?.lines.map((l) => l.text).join('')).toBe(name);
    for (const l of holder?.lines ?? []) expect(l.x + l.width).toBeLessThanOrEqual(d.width - 30);
  });
});
