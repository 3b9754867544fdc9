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
    check: 'K7QM3-XRD2P',
    labels: { serial: L('证书编号', 'Certificate No.'), check: L('校验码', 'Check code'), validUntil: L('有效期至', 'Valid until'), verify: L('扫码验证。', 'Scan to verify.') },
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
        for (const r of ['organizers', 'title', 'holder', 'body', 'serial', 'check', 'validUntil', 'signer', 'date']) expect(roles.has(r), r).toBe(true);
        const qr = d.items.find((i) => i.type === 'qr');
        expect(qr && qr.rows.length).toBeGreaterThan(20);
        expect(d.items.filter((i) => i.type === 'image').map((i) => i.type === 'image' && i.role).sort()).toEqual(['seal', 'signature']);
        // The check code is printed whole beside the QR; the long code is only in the QR.
        const check = d.items.find((i): i is DrawText => i.type === 'text' && i.role === 'check');
        expect(check?.lines.map((l) => l.text).join(' ')).toContain('K7QM3-XRD2P');
        expect(d.items.some((i) => i.type === 'text' && i.lines.some((l) => l.text.includes('KP1.')))).toBe(false);
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

describe('no lone characters, dates kept whole (kinsoku)', () => {
  const bodies = [
    '经遴选，被聘为中国抗癌协会肿瘤防治科普专业委员会委员。',
    '经遴选，被聘为中国抗癌协会整合肿瘤心脏病学与肿瘤康复科普专业委员会青年委员。',
    '作品《冬季流感防护：一图读懂》在2023年成都高新区健康科普作品征集活动中荣获图文类「影响力作品」。',
    '在中华医学会健康科普专家委员会第三届委员遴选中，经专家评审，被聘为委员会委员。特发此证。',
  ];
  for (const orientation of ['landscape', 'portrait'] as const) {
    for (const language of ['zh-CN', 'bilingual'] as const) {
      it(`evens out centred lines (${orientation}, ${language})`, () => {
        for (const body of bodies) {
          for (const unit of ['中国抗癌协会肿瘤防治科普专业委员会', '四川大学华西医院健康科普与患者教育中心联合工作组办公室']) {
            const d = layoutCertificate(content({ body: L(body, 'Appointed a member.'), holderUnit: unit }), { orientation, language });
            for (const item of d.items) {
              if (item.type !== 'text' || item.lines.length < 2 || item.align !== 'center') continue;
              const widths = item.lines.map((l) => l.width);
              const last = item.lines[item.lines.length - 1];
              // The last line is measured in the layout: never a character or two alone.
              expect(last.width, `${item.role}: ${item.lines.map((l) => l.text).join(' / ')}`).toBeGreaterThanOrEqual(0.45 * Math.max(...widths));
              expect([...last.text].length, last.text).toBeGreaterThan(2);
              for (const line of item.lines.slice(1)) expect('，。、；：？！）》」』'.includes(line.text[0]), line.text).toBe(false);
            }
          }
        }
      });
    }
  }

  it('never splits a date across lines', () => {
    for (const width of [90, 110, 130, 160, 200]) {
      const lines = wrapText('有效期至 Valid until：2028年12月1日 / 1\u00a0December\u00a02028', 'regular', 8.5, width);
      const joined = lines.join('\n');
      expect(joined, joined).toMatch(/2028年12月1日/);
      expect(joined, joined).toMatch(/1 December 2028/);
    }
    const d = layoutCertificate(content({ validUntil: '2028-12-01' }), { orientation: 'portrait', language: 'bilingual' });
    const valid = d.items.find((i): i is DrawText => i.type === 'text' && i.role === 'validUntil');
    const lines = valid?.lines.map((l) => l.text) ?? [];
    expect(lines.some((l) => l.includes('2028年12月1日'))).toBe(true);
    expect(lines.some((l) => l.includes('1 December 2028'))).toBe(true);
  });
});
