// The reminder a coordinator copies for a judge, with the app's real locale files: in the language
// picked for the judge whatever the app's own, naming the campaign, the round, what is missing and
// the due date in the campaign's zone; a late judge is told the date has passed; "copy all" holds
// only the judges who still owe.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import type { JudgeProgress, RoundProgress } from '../../../src-main/contract';
import { allReminders, reminderText } from '../../../src-renderer/src/components/progress/reminder-text';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
});

const campaign = { 'zh-CN': '护理科普视频大赛', en: 'Nursing video contest' };
const judge = (over: Partial<JudgeProgress>): JudgeProgress => ({
  judgeId: 'j1', name: '王立新', institution: null, assigned: 10, complete: 6, inProgress: 1, conflicts: 1, missing: 3, status: 'in_progress', package: null, lastBundle: null, overdue: false, ...over,
});
const round = (judges: JudgeProgress[], dueAt: string | null): RoundProgress => ({
  list: 'videos', listName: { 'zh-CN': '视频', en: 'Videos' }, roundNo: 2, roundName: { 'zh-CN': '复评', en: 'Final round' }, dueAt, entries: 14, judges,
});

describe('reminder texts', () => {
  it('names what is missing, the round and the due date in the campaign zone, in the language picked', () => {
    const r = round([judge({})], '2024-01-10T10:00:00Z');
    expect(reminderText(t.t, 'zh-CN', campaign, r, r.judges[0], 'Asia/Shanghai')).toBe(
      '王立新老师您好！护理科普视频大赛（复评）的评审，您还有 3 件作品尚未完成（已完成 6/9 件）。截止时间为 2024-01-10 18:00 (UTC+8)。完成后请将结果包发回组委会。谢谢！',
    );
    expect(reminderText(t.t, 'en', campaign, r, r.judges[0], 'Asia/Shanghai')).toBe(
      'Dear 王立新, for Nursing video contest (Final round) you have 3 entries still to review (6 of 9 done). Reviews are due by 2024-01-10 18:00 (UTC+8). Please send your result bundle back to the organisers when you are done. Thank you!',
    );
  });

  it('tells a late judge the date has passed; one entry is singular; no due date, no sentence', () => {
    const late = judge({ missing: 1, complete: 8, overdue: true });
    const r = round([late], '2024-01-10T10:00:00Z');
    expect(reminderText(t.t, 'en', campaign, r, late, 'Asia/Shanghai')).toContain('you have 1 entry still to review (8 of 9 done). Reviews were due by 2024-01-10 18:00 (UTC+8): please finish as soon as you can.');
    expect(reminderText(t.t, 'zh-CN', campaign, r, late, 'Asia/Shanghai')).toContain('截止时间 2024-01-10 18:00 (UTC+8) 已过，请尽快完成。');
    const open = round([late], null);
    expect(reminderText(t.t, 'en', campaign, open, late, 'Asia/Shanghai')).not.toMatch(/due/);
  });

  it('copies all owing judges and only them, one paragraph each', () => {
    const r = round([judge({ name: '甲' }), judge({ judgeId: 'j2', name: '乙', missing: 0, complete: 9, status: 'complete' }), judge({ judgeId: 'j3', name: '丙' })], null);
    const all = allReminders(t.t, 'zh-CN', campaign, [r], 'Asia/Shanghai').split('\n\n');
    expect(all.map((p) => p.slice(0, 1))).toEqual(['甲', '丙']);
  });
});
