// Committee membership steps gate the membership certificate (issue 17): a selected member whose
// accounts are not verified, whose work is not published or confirmed, gets no certificate; the
// board says who waits for what; every record is kept (history) and audited; a screenshot is kept
// by hash; bad input is refused with codes and changes nothing.
import { describe, expect, it } from 'vitest';
import type { CertificateJob, CertificateList, MembershipBoard, MemberSteps, StepRecordView } from '../../../src-main/contract';
import { ok, pollUntil, tempDir } from '../../helpers';
import { sealPng } from '../../unit/certificates/images';
import { rankedApp } from './fixture';

describe('membership steps', () => {
  it('holds the membership certificate back until every required step is done', async () => {
    const app = await rankedApp({ steps: false });
    const { dispatch, committee } = app;
    const board = await ok<MembershipBoard>(dispatch('membership:board', { campaignId: committee }));
    // The CACA programme ships its steps: three verified accounts, a published work, the platform's review, the committee's confirmation.
    expect(board.steps.map((s) => s.key)).toEqual(['xiaohe_account', 'toutiao_account', 'douyin_account', 'first_work', 'platform_review', 'committee_confirmation']);
    expect(board.members.length).toBeGreaterThan(1);
    for (const m of board.members) expect(m.missing).toEqual(board.steps.map((s) => s.key));
    const lists = await ok<CertificateList[]>(dispatch('certificates:lists', { campaignId: committee }));
    expect(lists.find((l) => l.name === 'committee')).toMatchObject({ waiting: board.members.length, issued: 0 });

    // Nobody ready: issuing is refused with a code, and nothing is issued.
    const refused = await dispatch('certificates:export', { campaignId: committee, list: 'committee', outDir: tempDir('kepu-members-') });
    const job = refused.ok ? await pollUntil(() => ok<CertificateJob>(dispatch('job:status', { jobId: (refused.value as CertificateJob).jobId })), (j) => j.state !== 'running', 'export') : null;
    expect(job?.error?.code ?? (refused.ok ? null : refused.error.code)).toBe('CERTIFICATE_STEPS_INCOMPLETE');
    expect(app.ctx.db.prepare('SELECT COUNT(*) FROM certificates WHERE campaign_id = ?').pluck().get(committee)).toBe(0);

    // One member: every step but the last; an account only opened (not verified) is not done.
    const [first, second] = board.members;
    const record = (subject: string, step: string, extra: Record<string, unknown> = {}) =>
      dispatch('membership:record', { campaignId: committee, subject, step, doneOn: '2022-01-15', verified: true, note: '', ...extra });
    await ok(record(first.subject, 'xiaohe_account', { platform: '小荷医生', account: '张医生科普', link: 'https://example.org/u/1', screenshot: { fileName: 'v.png', contentBase64: sealPng().toString('base64') } }));
    await ok(record(first.subject, 'toutiao_account', { verified: false, account: '张医生' }));
    for (const step of ['douyin_account', 'first_work', 'platform_review']) await ok(record(first.subject, step));
    let after = await ok<MemberSteps>(record(first.subject, 'toutiao_account', { verified: false, note: 'still waiting for 加V' }));
    expect(after.missing).toEqual(['toutiao_account', 'committee_confirmation']);
    expect(after.steps.xiaohe_account).toMatchObject({ platform: '小荷医生', account: '张医生科普', verified: true, screenshot: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const shot = await ok<{ dataUrl: string }>(dispatch('membership:screenshot', { campaignId: committee, sha256: after.steps.xiaohe_account.screenshot as string }));
    expect(shot.dataUrl).toBe(`data:image/png;base64,${sealPng().toString('base64')}`);

    // Bad input: refused with codes, nothing recorded.
    const before = app.ctx.db.prepare('SELECT COUNT(*) FROM membership_step_records').pluck().get();
    expect(await record(first.subject, 'no_such_step')).toMatchObject({ ok: false, error: { code: 'MEMBERSHIP_STEP_UNKNOWN' } });
    expect(await record('entry:NOBODY', 'first_work')).toMatchObject({ ok: false, error: { code: 'MEMBERSHIP_NOT_A_MEMBER' } });
    expect(await record(first.subject, 'first_work', { doneOn: '2999-01-01' })).toMatchObject({ ok: false, error: { code: 'MEMBERSHIP_STEP_FUTURE' } });
    expect(await record(first.subject, 'first_work', { screenshot: { fileName: 'x.png', contentBase64: Buffer.from('not an image').toString('base64') } })).toMatchObject({
      ok: false,
      error: { code: 'MEMBERSHIP_SCREENSHOT_INVALID' },
    });
    expect(app.ctx.db.prepare('SELECT COUNT(*) FROM membership_step_records').pluck().get()).toBe(before);

    // The last two steps: the first member is ready; the certificate goes to that member only.
    await ok(record(first.subject, 'toutiao_account', { verified: true }));
    after = await ok<MemberSteps>(record(first.subject, 'committee_confirmation', { note: '2022-01-20 会议确认' }));
    expect(after.missing).toEqual([]);
    const started = await ok<CertificateJob>(dispatch('certificates:export', { campaignId: committee, list: 'committee', outDir: tempDir('kepu-members-'), mode: 'single' }));
    const done = await pollUntil(() => ok<CertificateJob>(dispatch('job:status', { jobId: started.jobId })), (j) => j.state !== 'running', 'export');
    expect(done.result).toMatchObject({ certificates: 1, newlyIssued: 1, waiting: board.members.length - 1 });
    const holders = app.ctx.db.prepare<[string], { subject: string }>('SELECT subject FROM certificates WHERE campaign_id = ?').all(committee);
    expect(holders.map((h) => h.subject)).toEqual([first.subject]);
    const again = await ok<MembershipBoard>(dispatch('membership:board', { campaignId: committee }));
    expect(again.members.find((m) => m.subject === first.subject)?.certificate?.serial).toMatch(/-\d{6}$/);
    expect(again.members.find((m) => m.subject === second.subject)).toMatchObject({ certificate: null, missing: board.steps.map((s) => s.key) });

    // The history keeps every record of a step, newest first; each record is in the audit log.
    const history = await ok<StepRecordView[]>(dispatch('membership:history', { campaignId: committee, subject: first.subject, step: 'toutiao_account' }));
    expect(history.map((h) => [h.verified, h.note])).toEqual([[true, ''], [false, 'still waiting for 加V'], [false, '']]);
    const audited = app.ctx.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE action = 'membership.step' AND subject = ?`).pluck().get(committee);
    expect(audited).toBe(app.ctx.db.prepare('SELECT COUNT(*) FROM membership_step_records').pluck().get());
    app.ctx.close();
  }, 120_000);
});
