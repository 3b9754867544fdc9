// Result letters (issue 19) from the merged sample with a published ranking: one PDF per entrant
// with the outcome and only the shared feedback (pdftotext proves a planted committee comment and
// an unshared entrant comment never appear), a .eml draft per entrant carrying the same PDF bytes
// (parsed back with postal-mime), the mail-merge CSV/XLSX, file names safe on Windows, and cancel.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { CampaignDetail, EntryFeedback, LetterJob } from '../../../src-main/contract';
import { letterFactsOfList } from '../../../src-main/core/letters/letter-facts';
import { finishedJob, ok, openMergedSample, tempDir } from '../../helpers';
import { rankedApp } from '../certificates/fixture';

const PLANTED_INTERNAL = 'PLANTED internal remark: never for the entrant.';

async function publishedSampleWithFeedback() {
  const app = await openMergedSample();
  const campaign = await ok<CampaignDetail>(app.dispatch('campaign:get', { campaignId: app.works.id }));
  const listKey = campaign.definition.lists[0].key;
  const entryId = app.ctx.db
    .prepare(`SELECT c.entry_id FROM comments c JOIN entries e ON e.id = c.entry_id WHERE e.campaign_id = ? AND c.entrant_body <> ''
              GROUP BY c.entry_id HAVING count(*) >= 2 ORDER BY c.entry_id LIMIT 1`)
    .pluck()
    .get(app.works.id) as number;
  const entry = app.ctx.db.prepare<[number], { reg_no: string; entrant_name: string }>('SELECT reg_no, entrant_name FROM entries WHERE id = ?').get(entryId)!;
  const [a, b] = (await ok<EntryFeedback>(app.dispatch('feedback:get', { campaignId: app.works.id, entryId }))).comments;
  await ok(app.dispatch('feedback:choose', { campaignId: app.works.id, entryId, judgeId: a.judgeId, roundNo: a.roundNo, shared: true, editedText: 'Shared copy: clear and practical.', reason: 'typo' }));
  // Judge B's comment stays unshared; a committee comment is planted on the same entry.
  app.ctx.db.prepare('UPDATE comments SET body = ? WHERE entry_id = ? AND judge_id = ?').run(PLANTED_INTERNAL, entryId, b.judgeId);
  // Another entry is disqualified with a recorded reason before the result is published.
  const other = app.ctx.db.prepare('SELECT id, reg_no FROM entries WHERE campaign_id = ? AND id <> ? ORDER BY reg_no LIMIT 1').get(app.works.id, entryId) as { id: number; reg_no: string };
  await ok(app.dispatch('decision:set', { campaignId: app.works.id, entryId: other.id, kind: 'disqualify', reason: 'plagiarised figures' }));
  await ok(app.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
  await ok(app.dispatch('ranking:lock', { campaignId: app.works.id }));
  return { ...app, listKey, entryId, entry, a, b, other };
}

const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

describe('result letters', () => {
  it('write a PDF per entrant with the outcome and only the shared feedback, a .eml draft carrying it, and the mail-merge table', async () => {
    const app = await publishedSampleWithFeedback();
    const outDir = path.join(tempDir(), 'letters out');
    const started = await ok<LetterJob>(app.dispatch('letters:export', { campaignId: app.works.id, list: app.listKey, outDir, language: 'both' }));
    const done = await finishedJob(app.dispatch, started, { timeoutMs: 110_000 });
    expect(done.state).toBe('done');
    const report = done.result!;
    const entrants = app.ctx.db.prepare('SELECT count(*) FROM entries WHERE campaign_id = ?').pluck().get(app.works.id) as number;
    expect(report.letters).toBeGreaterThan(0);
    expect(report.letters).toBeLessThanOrEqual(entrants);
    expect(report.files).toHaveLength(report.letters * 2 + 2);

    const pdfs = report.files.filter((f) => f.endsWith('.pdf'));
    const mine = pdfs.find((f) => path.basename(f).startsWith(`${app.entry.reg_no}-`))!;
    expect(path.basename(mine)).not.toMatch(/[\\/:*?"<>|]/);
    const letter = text(mine);
    expect(letter).toContain('Shared copy: clear and practical.');
    expect(letter).toContain('Judge A');
    expect(letter).not.toContain('PLANTED');
    expect(letter).not.toContain(app.b.signedText.slice(0, 12));
    expect(letter).not.toContain(app.a.signedText.slice(0, 12));
    expect(letter).toMatch(/received the award|not selected|shortlisted/);
    expect(letter).toMatch(/荣获|未获选|入围/);
    const disqualified = text(pdfs.find((f) => path.basename(f).startsWith(`${app.other.reg_no}-`))!);
    expect(disqualified).toContain('Your entry was disqualified. Reason: plagiarised figures');
    expect(disqualified).toContain('您的作品已被取消资格');
    // No letter anywhere carries the planted committee comment.
    for (const f of pdfs) expect(text(f)).not.toContain('PLANTED');

    const eml = fs.readFileSync(mine.replace(/\.pdf$/, '.eml'));
    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toContain(app.entry.reg_no);
    expect(parsed.text).toContain(path.basename(mine));
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]).toMatchObject({ filename: path.basename(mine), mimeType: 'application/pdf' });
    expect(Buffer.from(parsed.attachments[0].content as ArrayBuffer).equals(fs.readFileSync(mine))).toBe(true);

    // letters:jobFile serves the job's own files only.
    const served = await ok<{ fileName: string; mimeType: string; contentBase64: string }>(app.dispatch('letters:jobFile', { jobId: done.jobId, file: mine }));
    expect(served).toMatchObject({ fileName: path.basename(mine), mimeType: 'application/pdf' });
    expect(Buffer.from(served.contentBase64, 'base64').equals(fs.readFileSync(mine))).toBe(true);
    expect(await app.dispatch('letters:jobFile', { jobId: done.jobId, file: path.join(app.dataDir, 'kepu.sqlite') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const csv = fs.readFileSync(report.files.find((f) => f.endsWith('.csv'))!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeff"email","name","regNo","subject","body","attachment"');
    expect(csv).toContain(`"${path.basename(mine)}"`);
    expect(csv.trim().split('\r\n')).toHaveLength(report.letters + 1);
    expect(fs.readFileSync(report.files.find((f) => f.endsWith('.xlsx'))!).subarray(0, 2).toString()).toBe('PK');
    app.ctx.close();
  });

  it('follow the chosen language, refuse before a ranking is published, and stop on cancel keeping whole files', async () => {
    const app = await openMergedSample();
    const campaign = await ok<CampaignDetail>(app.dispatch('campaign:get', { campaignId: app.works.id }));
    const list = campaign.definition.lists[0].key;
    expect(await app.dispatch('letters:export', { campaignId: app.works.id, list, outDir: tempDir() })).toMatchObject({ ok: false, error: { code: 'LETTERS_NO_PUBLISHED_RANKING' } });
    await ok(app.dispatch('identity:create', { name: '组委会', passphrase: 'coordinator secret' }));
    await ok(app.dispatch('ranking:lock', { campaignId: app.works.id }));
    expect(await app.dispatch('letters:export', { campaignId: app.works.id, list: 'nope', outDir: tempDir() })).toMatchObject({ ok: false, error: { code: 'LETTERS_LIST_UNKNOWN' } });

    const outDir = tempDir();
    const started = await ok<LetterJob>(app.dispatch('letters:export', { campaignId: app.works.id, list, outDir, language: 'en' }));
    await ok(app.dispatch('job:cancel', { jobId: started.jobId }));
    const done = await finishedJob(app.dispatch, started, { timeoutMs: 110_000 });
    expect(done.state).toBe('cancelled');
    expect(done.result!.cancelled).toBe(true);
    const pdfs = fs.readdirSync(outDir).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(done.result!.letters);
    expect(fs.readdirSync(outDir).filter((f) => !/\.(pdf|eml|csv|xlsx)$/.test(f))).toEqual([]);

    const full = await finishedJob(app.dispatch, await ok<LetterJob>(app.dispatch('letters:export', { campaignId: app.works.id, list, outDir: tempDir(), language: 'en' })), { timeoutMs: 110_000 });
    const english = text(full.result!.files[0]);
    expect(english).toContain('Result letter');
    expect(english).not.toMatch(/[\u4e00-\u9fff]{4}通知书/);
    expect(english).not.toContain('评选结果通知书');
    app.ctx.close();
  });

  it('name the award tier of ranked entries, committee membership, and the score band when asked', async () => {
    const app = await rankedApp();
    const works = app.ctx.campaigns.definition(app.works).lists[0].key;
    const facts = letterFactsOfList(app.ctx.db, app.works, works, { scoreBand: true });
    const influential = facts.filter((f) => f.outcome.kind === 'award' && f.outcome.tier.en === 'Influential Work');
    expect(influential.length).toBeGreaterThan(0);
    expect(facts.some((f) => f.outcome.kind === 'award' && f.outcome.tier.en === 'Commended Work')).toBe(true);
    // Bands come from the entry's place in its category (small categories: second of three is no band).
    expect(facts.some((f) => f.scoreBand === 'top10' || f.scoreBand === 'top25' || f.scoreBand === 'top50')).toBe(true);
    const banded = influential.find((f) => f.scoreBand !== null)!;
    expect(letterFactsOfList(app.ctx.db, app.works, works, { scoreBand: false }).every((f) => f.scoreBand === null)).toBe(true);
    const committeeList = app.ctx.campaigns.definition(app.committee).lists[0].key;
    expect(letterFactsOfList(app.ctx.db, app.committee, committeeList, { scoreBand: false }).some((f) => f.outcome.kind === 'selected')).toBe(true);

    const started = await ok<LetterJob>(app.dispatch('letters:export', { campaignId: app.works, list: works, outDir: tempDir(), language: 'en', scoreBand: true }));
    const done = await finishedJob(app.dispatch, started, { timeoutMs: 110_000 });
    const first = done.result!.files.find((f) => path.basename(f).startsWith(`${banded.regNo}-`))!;
    const letter = text(first);
    expect(letter).toContain('your entry received the award: Influential Work.');
    expect(letter).toMatch(/top (10%|25%|half) of its category/);
    app.ctx.close();
  });
});
