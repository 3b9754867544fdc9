// 公示 end to end over real SQLite and real files: a notice made from the locked ranking, its
// exports read back (pdftotext on the PDF, exceljs on the XLSX, the HTML's tags and text), the
// objections with an attachment, and the final lock refused while the period runs or objections
// are open, allowed with a recorded override reason.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, ExportFile, NoticeDocument, NoticeInfo, ObjectionInfo, SnapshotInfo } from '../../../src-main/contract';
import { createNodeI18n } from '../../../src-main/app/translate';
import { formatInZone, localToUtcIso } from '../../../src-main/core/time';
import { ok, tempDir } from '../../helpers';
import { type RankedApp, rankedApp } from '../certificates/fixture';

const TZ = 'Asia/Shanghai';
/** "YYYY-MM-DD HH:mm" in the campaign's zone, `days` from now. */
function local(days: number): string {
  return formatInZone(new Date(Date.now() + days * 86_400_000).toISOString(), TZ).slice(0, 16);
}
const today = () => local(0).slice(0, 10);

let app: RankedApp;
let notice: NoticeInfo;
/** The registration numbers the notice lists, in its order (which entries lead depends on the sample's random judges). */
let listed: string[] = [];
const listedOn = async (a: Pick<RankedApp, 'dispatch' | 'works'>, noticeId: number) =>
  (await ok<NoticeDocument>(a.dispatch('notice:preview', { campaignId: a.works, noticeId }))).groups.flatMap((g) => g.entries.map((e) => e.regNo));

beforeAll(async () => {
  app = await rankedApp();
  // The public contact, as Setup would save it.
  app.ctx.db
    .prepare(`UPDATE campaigns SET definition_json = json_set(definition_json, '$.contact', json(?)) WHERE id = ?`)
    .run(JSON.stringify({ person: '李老师', phone: '028-12345678', email: 'kepu@example.org' }), app.works);
}, 120_000);
afterAll(() => app.ctx.close());

describe('public notice (公示)', () => {
  it('is refused before a ranking is locked, and for an unknown list', async () => {
    const fresh = await rankedApp({ lock: false });
    const r = await fresh.dispatch('notice:create', { campaignId: fresh.works, listKey: 'influence', periodStart: local(0), periodEnd: local(7) });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOTICE_NO_LOCKED_RANKING' } });
    fresh.ctx.close();
    const unknown = await app.dispatch('notice:create', { campaignId: app.works, listKey: 'nope', periodStart: local(0), periodEnd: local(7) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOTICE_LIST_UNKNOWN', params: { list: 'nope', lists: 'influence, brand_value' } } });
    const backwards = await app.dispatch('notice:create', { campaignId: app.works, listKey: 'influence', periodStart: local(7), periodEnd: local(0) });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'NOTICE_PERIOD_INVALID' } });
  });

  it('is made from the latest locked snapshot, with the period in the campaign time zone, audited', async () => {
    const start = local(-1);
    notice = await ok<NoticeInfo>(app.dispatch('notice:create', { campaignId: app.works, listKey: 'influence', periodStart: start, periodEnd: local(7), language: 'both' }));
    listed = await listedOn(app, notice.id);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const { id: snapshotId, locked_at: snapshotLockedAt } = app.ctx.db.prepare('SELECT id, locked_at FROM ranking_snapshots WHERE campaign_id = ? ORDER BY locked_at DESC LIMIT 1').get(app.works) as { id: string; locked_at: string };
    // The screen names the published result by when it was published, never by its id.
    expect(notice).toMatchObject({ listKey: 'influence', snapshotId, snapshotLockedAt, ranked: true, language: 'both', createdBy: '大赛组委会', objections: 0 });
    expect(notice.periodStart).toBe(localToUtcIso(start, TZ));
    expect(notice.periodStartLocal).toBe(`${start} UTC+08:00`);
    const stored = app.ctx.db.prepare('SELECT * FROM notices WHERE id = ?').get(notice.id) as Record<string, unknown>;
    expect(stored).toMatchObject({ campaign_id: app.works, list_key: 'influence', snapshot_id: snapshotId, ranked: 1, language: 'both' });
    const audit = await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works, actions: ['notice.create'] }));
    expect(audit.rows[0].details).toMatchObject({ noticeId: notice.id, list: 'influence', snapshotId, ranked: true });

    const changed = await ok<NoticeInfo>(app.dispatch('notice:update', { campaignId: app.works, noticeId: notice.id, language: 'zh' }));
    expect(changed).toMatchObject({ language: 'zh', updatedBy: '大赛组委会' });
    const update = await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works, actions: ['notice.update'] }));
    expect(update.rows[0].details).toMatchObject({ noticeId: notice.id, changes: { language: { from: 'both', to: 'zh' } } });
    notice = await ok<NoticeInfo>(app.dispatch('notice:update', { campaignId: app.works, noticeId: notice.id, language: 'both' }));
  });

  it('lists award winners without scores: ranked, or by tier in registration order (排名不分先后)', async () => {
    const ranked = await ok<NoticeDocument>(app.dispatch('notice:preview', { campaignId: app.works, noticeId: notice.id }));
    const graphic = ranked.groups.find((g) => g.category === 'graphic')!;
    expect(graphic.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(graphic.entries[0]).not.toHaveProperty('score');
    const unranked = await ok<NoticeDocument>(app.dispatch('notice:preview', { campaignId: app.works, listKey: 'influence', ranked: false }));
    const g2 = unranked.groups.find((g) => g.category === 'graphic')!;
    expect(g2.entries.every((e) => e.rank === null)).toBe(true);
    // Tier by tier, each in registration order (entry ids ascending).
    const tiers = g2.entries.map((e) => e.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => (a === 'influence' ? 0 : 1) - (b === 'influence' ? 0 : 1)));
    for (const tier of ['influence', 'honourable']) {
      const ids = g2.entries.filter((e) => e.tier === tier).map((e) => e.entryId);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });

  it('exports a PDF with the title, 公示期, the entries and no scores', async () => {
    const file = await ok<ExportFile>(app.dispatch('notice:export', { campaignId: app.works, noticeId: notice.id, format: 'pdf' }));
    expect(fs.existsSync(file.savedTo)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file.savedTo, '-'], { encoding: 'utf8' });
    const doc = await ok<NoticeDocument>(app.dispatch('notice:preview', { campaignId: app.works, noticeId: notice.id }));
    expect(text).toContain('公示');
    expect(text).toContain('公示期');
    expect(text).toContain('Notice period');
    expect(text).toContain('李老师');
    for (const e of doc.groups.flatMap((g) => g.entries)) expect(text.replace(/\s+/g, '')).toContain(e.title.replace(/\s+/g, '').slice(0, 8));
    // No score of the locked result appears (scores have decimals; the notice has none).
    expect(text).not.toMatch(/\d+\.\d{2}/);
    const zhOnly = await ok<ExportFile>(app.dispatch('notice:export', { campaignId: app.works, noticeId: notice.id, format: 'pdf', language: 'zh' }));
    const zhText = execFileSync('pdftotext', [zhOnly.savedTo, '-'], { encoding: 'utf8' });
    expect(zhText).toContain('公示期');
    expect(zhText).not.toContain('Notice period');
  });

  it('exports self-contained HTML (escaped, no script) and XLSX that read back', async () => {
    // A title with markup must come out as text.
    // Which entries lead depends on the sample's random judges, so the exports are compared with the
    // preview of the same notice.
    const preview = await ok<NoticeDocument>(app.dispatch('notice:preview', { campaignId: app.works, noticeId: notice.id }));
    const first = preview.groups[0].entries[0];
    const entryId = first.entryId;
    const before = app.ctx.db.prepare('SELECT title FROM entries WHERE id = ?').pluck().get(entryId) as string;
    app.ctx.db.prepare('UPDATE entries SET title = ? WHERE id = ?').run(`${before}<script>alert(1)</script>&`, entryId);
    const html = await ok<ExportFile>(app.dispatch('notice:export', { campaignId: app.works, noticeId: notice.id, format: 'html', language: 'en' }));
    app.ctx.db.prepare('UPDATE entries SET title = ? WHERE id = ?').run(before, entryId);
    const page = fs.readFileSync(html.savedTo, 'utf8');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(page).toContain("default-src 'none'");
    // Parsed: every element closes in order, and the table holds the listed entries.
    const stack: string[] = [];
    for (const m of page.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/gi)) {
      const [, close, tag] = m;
      if (['meta', 'br', '!doctype'].includes(tag.toLowerCase())) continue;
      if (close) expect(stack.pop()).toBe(tag);
      else stack.push(tag);
    }
    expect(stack).toEqual([]);
    const rows = [...page.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) => m[3]);
    expect(rows).toEqual(preview.groups.flatMap((g) => g.entries.map((e) => e.regNo)));
    expect(page).toContain('Notice period');
    expect(page).not.toContain('公示期');

    const xlsx = await ok<ExportFile>(app.dispatch('notice:export', { campaignId: app.works, noticeId: notice.id, format: 'xlsx' }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.savedTo);
    const sheet = book.worksheets[0];
    const values = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1).map((c) => String(c ?? '')) : []));
    const header = values.findIndex((r) => r[0] === '类别 / Category');
    expect(values[header]).toEqual(['类别 / Category', '排名 / Rank', '奖项 / Award', '编号 / Reg. no.', '作品名称 / Title', '作者 / Entrant', '单位 / Unit']);
    const tier = first.tierLabel ? `${first.tierLabel['zh-CN']} / ${first.tierLabel.en}` : '';
    // An empty value is an empty cell (no cell written), so a row ends at its last value.
    const row = ['图文 / Graphics', String(first.rank), tier, first.regNo, first.title, first.entrantName, first.entrantUnit ?? ''];
    while (row[row.length - 1] === '') row.pop();
    expect(values[header + 1]).toEqual(row);
    expect(first.rank).toBe(1);
    expect(values.some((r) => r[0]?.startsWith('公示期'))).toBe(true);
  });

  it('writes an export to a chosen path, and never over the database', async () => {
    const out = path.join(tempDir(), '公示.html');
    const file = await ok<ExportFile>(app.dispatch('notice:export', { campaignId: app.works, noticeId: notice.id, format: 'html', targetPath: out }));
    expect(file.savedTo).toBe(out);
    expect(fs.readFileSync(out, 'utf8')).toContain('<table>');
    const db = await app.dispatch('notice:export', { campaignId: app.works, noticeId: notice.id, format: 'html', targetPath: path.join(app.dataDir, 'kepu.sqlite') });
    expect(db.ok).toBe(false);
  });

  let objection: ObjectionInfo;
  it('records objections about listed entries within the period, with attachments, and resolves them once', async () => {
    const outside = await app.dispatch('objection:add', { campaignId: app.works, noticeId: notice.id, regNo: listed[0], receivedOn: '2020-01-01', from: '张三', text: '抄袭' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'OBJECTION_OUTSIDE_PERIOD' } });
    const unlisted = await app.dispatch('objection:add', { campaignId: app.works, noticeId: notice.id, regNo: 'NOPE-1', receivedOn: today(), from: '张三', text: '抄袭' });
    expect(unlisted).toMatchObject({ ok: false, error: { code: 'OBJECTION_ENTRY_NOT_LISTED', params: { entry: 'NOPE-1' } } });
    objection = await ok<ObjectionInfo>(app.dispatch('objection:add', { campaignId: app.works, noticeId: notice.id, regNo: listed[0], receivedOn: today(), from: '张三', text: '该作品图片与他人作品雷同。' }));
    expect(objection).toMatchObject({ status: 'open', regNo: listed[0], from: '张三', recordedBy: '大赛组委会', files: [] });
    const withFile = await ok<ObjectionInfo>(app.dispatch('objection:addFile', { campaignId: app.works, objectionId: objection.id, file: { fileName: 'C:\\Users\\张三\\证据.pdf', contentBase64: Buffer.from('%PDF-1.4 evidence').toString('base64') } }));
    expect(withFile.files).toMatchObject([{ fileName: '证据.pdf', mediaType: 'application/pdf', size: 17 }]);
    const copy = path.join(tempDir(), 'copy.pdf');
    await ok(app.dispatch('objection:saveFile', { campaignId: app.works, fileId: withFile.files[0].id, targetPath: copy }));
    expect(fs.readFileSync(copy, 'utf8')).toBe('%PDF-1.4 evidence');
    const notices = await ok<NoticeInfo[]>(app.dispatch('notice:list', { campaignId: app.works }));
    expect(notices[0]).toMatchObject({ id: notice.id, objections: 1, openObjections: 1, status: 'open' });
  });

  it('refuses the final lock during the period (translated, naming the end) unless overridden, and records the override', async () => {
    const refused = await app.dispatch('ranking:lock', { campaignId: app.works });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOTICE_PERIOD_OPEN', params: { end: notice.periodEndLocal } } });
    const error = (refused as { error: { code: string; params: Record<string, unknown> } }).error;
    const zh = createNodeI18n('zh-CN').t(`errors.${error.code}`, error.params);
    const en = createNodeI18n('en').t(`errors.${error.code}`, error.params);
    expect(zh).toContain(`公示期至 ${notice.periodEndLocal}`);
    expect(en).toContain(`runs until ${notice.periodEndLocal}`);

    // Period ended, an objection still open: refused for that.
    const past = await ok<NoticeInfo>(app.dispatch('notice:update', { campaignId: app.works, noticeId: notice.id, periodStart: local(-10), periodEnd: local(-1) }));
    expect(past.status).toBe('ended');
    expect(await app.dispatch('ranking:lock', { campaignId: app.works })).toMatchObject({ ok: false, error: { code: 'NOTICE_OBJECTIONS_OPEN', params: { count: 1 } } });

    const resolved = await ok<ObjectionInfo>(app.dispatch('objection:resolve', { campaignId: app.works, objectionId: objection.id, outcome: 'rejected', resolution: '经核查，图片为作者原创。' }));
    expect(resolved).toMatchObject({ status: 'rejected', resolution: '经核查，图片为作者原创。', resolvedBy: '大赛组委会', decisionKind: null });
    expect(await app.dispatch('objection:resolve', { campaignId: app.works, objectionId: objection.id, outcome: 'upheld', resolution: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'OBJECTION_RESOLVED' },
    });
    const actions = (await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works }))).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['objection.add', 'objection.addFile', 'objection.resolve']));

    // Period running again: an override reason lets the final lock through, recorded twice.
    await ok(app.dispatch('notice:update', { campaignId: app.works, noticeId: notice.id, periodStart: local(-1), periodEnd: local(5) }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works, override: { reason: '上级通知提前发布' } }));
    const page = await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works, actions: ['ranking.lockOverride', 'ranking.lock'] }));
    expect(page.rows.find((r) => r.action === 'ranking.lockOverride')?.details).toMatchObject({ reason: '上级通知提前发布', noticesOpen: [{ noticeId: notice.id }], openObjections: 0 });
    expect(page.rows.find((r) => r.action === 'ranking.lock' && r.details.snapshotId === lock.id)?.details).toMatchObject({ noticeOverride: { reason: '上级通知提前发布' } });
  });

  it('lets the final lock through without an override once the period ended and nothing is open', async () => {
    await ok(app.dispatch('notice:update', { campaignId: app.works, noticeId: notice.id, periodStart: local(-10), periodEnd: local(-1) }));
    const lock = await ok<SnapshotInfo>(app.dispatch('ranking:lock', { campaignId: app.works }));
    const row = (await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works, actions: ['ranking.lock'] }))).rows.find((r) => r.details.snapshotId === lock.id);
    expect(row?.details).not.toHaveProperty('noticeOverride');
  });

  it('upholds an objection with a decision on the entry, after the coordinator agrees to move the published result', async () => {
    const received = local(-2).slice(0, 10);
    const o = await ok<ObjectionInfo>(app.dispatch('objection:add', { campaignId: app.works, noticeId: notice.id, regNo: listed[1], receivedOn: received, from: '王五', text: '作者身份不符' }));
    const request = { campaignId: app.works, objectionId: o.id, outcome: 'upheld' as const, resolution: '经核实，作者不符合参赛资格。', decision: 'disqualify' as const };
    // The provisional result is published: the decision needs the coordinator's agreement first, and nothing changes without it.
    expect(await app.dispatch('objection:resolve', request)).toMatchObject({ ok: false, error: { code: 'RESULT_PUBLISHED' } });
    expect((await ok<ObjectionInfo[]>(app.dispatch('objection:list', { campaignId: app.works }))).find((x) => x.id === o.id)?.status).toBe('open');
    await ok(app.dispatch('ranking:allowChanges', { campaignId: app.works }));
    const upheld = await ok<ObjectionInfo>(app.dispatch('objection:resolve', request));
    expect(upheld).toMatchObject({ status: 'upheld', decisionKind: 'disqualify', resolution: '经核实，作者不符合参赛资格。' });
    expect(upheld.decisionId).toEqual(expect.any(Number));
    const [state] = await ok<{ current: { id: number; kind: string; reason: string }[] }[]>(app.dispatch('decision:list', { campaignId: app.works, entryId: upheld.entryId }));
    expect(state.current).toMatchObject([{ id: upheld.decisionId, kind: 'disqualify', reason: '经核实，作者不符合参赛资格。' }]);
    const audit = (await ok<AuditPage>(app.dispatch('audit:list', { campaignId: app.works, actions: ['objection.resolve'] }))).rows[0];
    expect(audit.details).toMatchObject({ objectionId: o.id, outcome: 'upheld', decision: 'disqualify', decisionId: upheld.decisionId });
  });
});

describe('a campaign with a notice', () => {
  it('backs up its notices, objections and their files, and restores them', async () => {
    const fresh = await rankedApp();
    const { dispatch, works } = fresh;
    const made = await ok<NoticeInfo>(dispatch('notice:create', { campaignId: works, listKey: 'influence', periodStart: local(-1), periodEnd: local(3) }));
    const [regNo] = await listedOn(fresh, made.id);
    const o = await ok<ObjectionInfo>(dispatch('objection:add', { campaignId: works, noticeId: made.id, regNo, receivedOn: today(), from: '李四', text: '异议' }));
    await ok(dispatch('objection:addFile', { campaignId: works, objectionId: o.id, file: { fileName: 'a.txt', contentBase64: Buffer.from('abc').toString('base64') } }));
    const name = fresh.ctx.campaigns.summary(works).name['zh-CN'];
    const deleted = await ok<{ backupFile: string }>(dispatch('campaign:delete', { campaignId: works, confirmName: name, backupDir: tempDir() }));
    expect(fresh.ctx.db.prepare('SELECT count(*) FROM objection_files').pluck().get()).toBe(0);
    await ok(dispatch('campaign:restore', { file: { fileName: path.basename(deleted.backupFile), contentBase64: fs.readFileSync(deleted.backupFile).toString('base64') } }));
    const [restored] = await ok<ObjectionInfo[]>(dispatch('objection:list', { campaignId: works }));
    expect(restored).toMatchObject({ id: o.id, regNo, from: '李四', files: [{ fileName: 'a.txt', size: 3 }] });
    expect(await ok<NoticeInfo[]>(dispatch('notice:list', { campaignId: works }))).toMatchObject([{ id: made.id, objections: 1, openObjections: 1 }]);
    fresh.ctx.close();
  });
});
