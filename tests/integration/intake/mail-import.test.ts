// Registrations that arrive by e-mail: real mails (Python-written fixtures and MailComposer output),
// imported through the same preview/import path as spreadsheets, into a real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import type { CampaignSummary } from '../../../src-main/contract';
import { importRegistrations, previewImport } from '../../../src-main/core/intake/import-registrations';
import { mediaToFetchOf } from '../../../src-main/core/intake/mail/mail-store';
import { openTestApp, repoRoot } from '../../helpers';

const fixture = (name: string) => ({ fileName: name, bytes: fs.readFileSync(path.join(repoRoot, 'tests/fixtures/mail', name)) });

function setup() {
  const app = openTestApp();
  const template = app.ctx.templates.get('sichuan-influence-2023');
  const campaign: CampaignSummary = app.ctx.campaigns.create(template.id, template.definition);
  return { ...app, campaign };
}

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer({ to: 'kepu@example.org', ...options }).compile().build();
}

/** An mbox as Thunderbird writes it: envelope line, mail, blank line; body "From " lines quoted. */
function mbox(mails: Buffer[]): Buffer {
  return Buffer.concat(mails.flatMap((m) => [Buffer.from('From - Tue Dec 12 10:05:00 2023\n'), Buffer.from(m.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1'), Buffer.from('\n')]));
}

const work = (title: string, kind = '作品') =>
  [`申报类型：${kind}`, '作品类别：图文', `作品名称：${title}`, '作者：张敏', '电话：13900001111', '申报理由：通俗易懂', 'From the author: thanks'].join('\n');

describe('importing registration mails', () => {
  it('imports a folder of mails: GBK body with its MP4 stored, linked and checked; quoted-printable account with its cloud link', async () => {
    const { ctx, campaign } = setup();
    const folder = { fileName: 'mails', bytes: new Uint8Array(), files: [fixture('qp-account.eml'), fixture('gbk-video.eml'), { fileName: 'notes.txt', bytes: Buffer.from('x') }] };
    const preview = await previewImport(ctx, campaign.id, folder);
    expect(preview.format).toBe('mail');
    expect(preview.headers.slice(0, 4)).toEqual(['报名编号', '发件人', '提交时间', '邮件主题']);
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.rejectedCount).toBe(0);
    expect(preview.rows.map((r) => [r.row, r.cells[0], r.mail?.source])).toEqual([
      [1, 'MAIL-0001', 'gbk-video.eml'],
      [2, 'MAIL-0002', 'qp-account.eml'],
    ]);
    expect(preview.rows[0].mail?.attachments).toEqual([{ fileName: '七步洗手法.mp4', sizeBytes: fs.statSync(path.join(repoRoot, 'tests/fixtures/media/compliant.mp4')).size }]);

    const report = await importRegistrations(ctx, campaign.id, folder);
    expect(report.added).toEqual([1, 2]);
    expect(report.rejected).toEqual([]);
    const rows = ctx.entries.list({ campaignId: campaign.id, limit: 10 }).rows;
    const byReg = Object.fromEntries(rows.map((r) => [r.regNo, r]));
    expect(byReg['MAIL-0001']).toMatchObject({ kind: 'work', title: '七步洗手法', submittedAt: '2023-12-12T02:05:00.000Z', late: false });
    expect(ctx.entries.get(byReg['MAIL-0001'].id)).toMatchObject({
      category: 'video',
      entrantUnit: '四川大学华西医院',
      contactPhone: '13800138000',
      // The body's own address wins over the sender's.
      contactEmail: 'wangfang@example.cn',
      reason: '原创科普视频，面向社区居民。',
    });
    expect(byReg['MAIL-0002']).toMatchObject({ kind: 'account', title: '抖音 · 华西妇产科王医生' });
    expect(mediaToFetchOf(ctx.db, campaign.id, 'MAIL-0002')).toEqual([{ provider: '百度网盘', url: 'https://pan.baidu.com/s/1AbCdEfGh', code: 'x7k2' }]);

    // The attachment: stored under its own name in a hash folder, linked to the entry and checked.
    expect(report.mail).toMatchObject({ attachmentsStored: 1, mediaToFetch: 1, replies: [] });
    expect(report.mail?.media).toMatchObject({ filesLinked: 1, entriesLinked: 1, checked: { pass: 1, fail: 0, unreadable: 0 } });
    const asset = ctx.db.prepare<[number], { path: string; sha256: string }>('SELECT path, sha256 FROM assets WHERE entry_id = ?').get(byReg['MAIL-0001'].id)!;
    expect(path.basename(asset.path)).toBe('七步洗手法.mp4');
    expect(asset.path.startsWith(path.join(ctx.dataDir, 'media', 'mail'))).toBe(true);
    expect(path.basename(path.dirname(asset.path))).toBe(asset.sha256.slice(0, 16));
    expect(fs.readFileSync(asset.path).equals(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/media/compliant.mp4')))).toBe(true);

    // The same mails again: nothing added; a changed mail with the same Message-ID updates its entry.
    const again = await importRegistrations(ctx, campaign.id, folder);
    expect(again).toMatchObject({ added: [], unchanged: [1, 2] });
    const edited = fixture('qp-account.eml');
    edited.bytes = Buffer.from(edited.bytes.toString('latin1').replace('=E6=8A=96=E9=9F=B3', '=E5=BF=AB=E6=89=8B'), 'latin1'); // 抖音 → 快手
    const changed = await importRegistrations(ctx, campaign.id, edited);
    expect(changed.updated).toEqual([1]);
    expect(ctx.entries.list({ campaignId: campaign.id, limit: 10 }).rows.find((r) => r.regNo === 'MAIL-0002')?.title).toBe('快手 · 华西妇产科王医生');
    expect(ctx.entries.list({ campaignId: campaign.id, limit: 10 }).total).toBe(2);
    ctx.close();
  });

  it('lists a mail whose kind cannot be read for a choice (never dropped); the chosen kind imports it', async () => {
    const { ctx, campaign } = setup();
    const file = {
      fileName: 'registrations.mbox',
      bytes: mbox([
        await compose({ from: 'a@example.cn', subject: '报名一', messageId: '<m1@example.cn>', date: new Date('2023-12-01T02:00:00Z'), text: work('洗手') }),
        await compose({ from: 'b@example.cn', subject: '报名二', messageId: '<m2@example.cn>', date: new Date('2023-12-02T02:00:00Z'), text: work('刷牙', '讲座') }),
        await compose({ from: 'c@example.cn', subject: '报名三', messageId: '<m3@example.cn>', date: new Date('2023-12-30T02:00:00Z'), text: work('睡眠') }),
      ]),
    };
    const preview = await previewImport(ctx, campaign.id, file);
    expect(preview.totalRows).toBe(3);
    expect(preview.rejectedCount).toBe(1);
    expect(preview.rows[1]).toMatchObject({ row: 2, mail: { source: 'registrations.mbox #2', from: 'b@example.cn' } });
    expect(preview.rows[1].errors.map((e) => [e.code, e.target, e.value])).toEqual([['ROW_UNKNOWN_KIND', 'sys.kind', '讲座']]);

    const report = await importRegistrations(ctx, campaign.id, { ...file, rowKinds: { '2': 'work' } });
    expect(report).toMatchObject({ added: [1, 2, 3], rejected: [], late: [3] });
    const rows = ctx.entries.list({ campaignId: campaign.id, limit: 10 }).rows;
    expect(rows.map((r) => [r.regNo, r.title, r.kind])).toEqual([
      ['MAIL-0001', '洗手', 'work'],
      ['MAIL-0002', '刷牙', 'work'],
      ['MAIL-0003', '睡眠', 'work'],
    ]);
    // The sender fills the contact e-mail when the body gives none.
    expect(ctx.entries.get(rows[0].id).contactEmail).toBe('a@example.cn');
    ctx.close();
  });

  it('marks a reply to an imported registration and reads a forwarded one with its original sender', async () => {
    const { ctx, campaign } = setup();
    await importRegistrations(ctx, campaign.id, fixture('gbk-video.eml'));
    const reply = await compose({
      from: 'wang@hospital.example.cn',
      subject: 'Re: 报名：七步洗手法',
      messageId: '<reply-1@hospital.example.cn>',
      inReplyTo: '<gbk-video-1@hospital.example.cn>',
      references: ['<gbk-video-1@hospital.example.cn>'],
      date: new Date('2023-12-13T02:00:00Z'),
      text: '补充：作者姓名有误。\n> 作品名称：七步洗手法',
    });
    const forward = await compose({
      from: 'colleague@example.org',
      subject: '转发：作品报名',
      messageId: '<fwd-1@example.org>',
      date: new Date('2023-12-20T02:00:00Z'),
      text: ['请处理。', '', '---------- 转发的邮件 ----------', '发件人：李四 <li@example.cn>', '日期：2023-12-10T08:00:00+08:00', '主题：作品报名', '', work('合理用药')].join('\n'),
    });
    const folder = { fileName: 'inbox', bytes: new Uint8Array(), files: [{ fileName: 'a-reply.eml', bytes: reply }, { fileName: 'b-forward.eml', bytes: forward }] };
    const preview = await previewImport(ctx, campaign.id, folder);
    expect(preview.rows[0].mail).toMatchObject({ reply: true, forward: false, answersRegNo: 'MAIL-0001' });
    expect(preview.rows[1].mail).toMatchObject({ reply: false, forward: true, from: 'li@example.cn', answersRegNo: null });
    const report = await importRegistrations(ctx, campaign.id, { ...folder, rowKinds: {} });
    expect(report.mail?.replies).toEqual([1]);
    // The forwarded registration is the entrant's: their address, their date.
    const forwarded = ctx.entries.list({ campaignId: campaign.id, limit: 10 }).rows.find((r) => r.title === '合理用药')!;
    expect(forwarded.submittedAt).toBe('2023-12-10T00:00:00.000Z');
    expect(ctx.entries.get(forwarded.id).contactEmail).toBe('li@example.cn');
    ctx.close();
  });

  it('learns a label mapped by hand and applies it to the next batch', async () => {
    const { ctx, campaign } = setup();
    const body = (title: string) => ['类型：作品', '作品类别：图文', `题目：${title}`, '作者：张敏', '电话：13900001111', '理由：好'].join('\n');
    const first = { fileName: 'one.eml', bytes: await compose({ from: 'a@example.cn', subject: 's', messageId: '<l1@x.cn>', text: body('甲') }) };
    const preview = await previewImport(ctx, campaign.id, first);
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.rows[0].errors.map((e) => e.target)).toEqual(['field.title']);
    const titleColumn = preview.headers.indexOf('题目');
    await importRegistrations(ctx, campaign.id, { ...first, mapping: { ...preview.mapping, 'field.title': titleColumn } });
    const second = { fileName: 'two.eml', bytes: await compose({ from: 'b@example.cn', subject: 's', messageId: '<l2@x.cn>', text: `备注：无\n${body('乙')}` }) };
    const next = await previewImport(ctx, campaign.id, second);
    expect(next.mappingSource).toBe('saved');
    expect(next.mapping['field.title']).toBe(next.headers.indexOf('题目'));
    expect(next.rejectedCount).toBe(0);
    ctx.close();
  });
});
