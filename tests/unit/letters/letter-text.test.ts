// The result letter's own punctuation in Chinese (GB/T 15834): the salutation and each shared
// comment's "评委 A：" take the full-width colon; a bilingual letter's label ends in English and
// takes ": ". Real locale files through the app's wording, as the letter export uses them.
import { describe, expect, it } from 'vitest';
import { certificateWording } from '../../../src-main/app/certificate-wording';
import type { LetterFacts } from '../../../src-main/core/letters/letter-facts';
import { letterText } from '../../../src-main/core/letters/letter-text';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const facts: LetterFacts = {
  campaignName: L('健康科普影响力榜', 'Health Influence List'),
  organizers: [],
  contact: null,
  timeZone: 'Asia/Shanghai',
  entryId: 1,
  regNo: 'SC-0001',
  title: '七步洗手法',
  entrantName: '李晓雯',
  entrantUnit: null,
  email: null,
  category: L('视频', 'Video'),
  language: null,
  outcome: { kind: 'selected' },
  scoreBand: null,
  feedback: [{ label: 'A', text: '讲解清楚，建议补充参考文献。' }],
};

describe('result letter text', () => {
  it('writes the Chinese letter with full-width colons, the bilingual one with the English colon last', () => {
    const zh = letterText(certificateWording(), facts, ['zh-CN']);
    expect(zh.sections[0].heading).toBe('李晓雯：');
    expect(zh.feedback).toEqual(['评委 A：讲解清楚，建议补充参考文献。']);
    const both = letterText(certificateWording(), facts, ['zh-CN', 'en']);
    expect(both.feedback).toEqual(['评委 A / Judge A: 讲解清楚，建议补充参考文献。']);
    expect(both.sections.map((s) => s.heading)).toEqual(['李晓雯：', 'Dear 李晓雯,']);
  });
});
