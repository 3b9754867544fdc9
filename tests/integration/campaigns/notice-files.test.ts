// The notice's attachment files, on a real SQLite file: added (inline or from a path), listed,
// saved, replaced only when asked, removed; limits with coded errors naming the file; audited;
// read-only while archived; kept by backup → delete → restore; carried by programme files (a
// changed attachment refused) and by new editions.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CampaignSummary, type ExportFile, MAX_CAMPAIGN_FILES_BYTES, MAX_NOTICE_FILE_BYTES, type NoticeFileInfo, type ProgrammeCheck } from '../../../src-main/contract';
import { noticeFileName } from '../../../src-main/core/campaigns/notice-files';
import { checkProgramme, MAX_PROGRAMME_BYTES } from '../../../src-main/core/campaigns/programme-file';
import { ok, openTestApp, repoRoot, tempDir } from '../../helpers';

const inline = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const form = Buffer.from('PK\u0003\u0004 报名表 (a made-up docx body)', 'utf8');
const pledge = Buffer.from('%PDF-1.4\n承诺书\n%%EOF\n', 'utf8');

async function campaignWithFiles() {
  const app = openTestApp();
  const campaign = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'sichuan-influence-2023' }));
  // A Windows path as a browser or Electron may report it: the name is its last component.
  await ok(app.dispatch('campaign:addNoticeFile', { campaignId: campaign.id, file: inline('C:\\Users\\张三\\报名表.docx', form) }));
  const onDisk = path.join(tempDir(), '承诺书.pdf');
  fs.writeFileSync(onDisk, pledge);
  await ok(app.dispatch('campaign:addNoticeFile', { campaignId: campaign.id, path: onDisk }));
  return { ...app, campaignId: campaign.id };
}

const list = async (app: ReturnType<typeof openTestApp>, campaignId: string) => ok<NoticeFileInfo[]>(app.dispatch('campaign:noticeFiles', { campaignId }));

describe('notice file names', () => {
  it('keeps the last component of a Windows or POSIX path, Chinese included, and makes it safe on every system', () => {
    expect(noticeFileName('C:\\Users\\张三\\报名表.docx')).toBe('报名表.docx');
    expect(path.win32.basename('C:\\Users\\张三\\报名表.docx')).toBe('报名表.docx');
    expect(noticeFileName('/home/zhang/下载/承诺书.pdf')).toBe('承诺书.pdf');
    expect(noticeFileName('\\\\server\\share\\通知.PDF')).toBe('通知.PDF');
    expect(noticeFileName('下载/a?b*c"<>|.pdf')).toBe('a_b_c_.pdf');
    expect(noticeFileName('D:报名表.docx')).toBe('报名表.docx'); // drive-relative, as Windows reads it
    expect(noticeFileName('..\\..\\secret.txt')).toBe('secret.txt');
    expect(noticeFileName('CON.txt')).toBe('_CON.txt');
    expect(noticeFileName('报名表\u202e.docx')).toBe('报名表.docx');
    expect(noticeFileName('   ')).toBe('attachment');
    expect(noticeFileName('.docx')).toBe('docx');
    expect(noticeFileName('notice. ')).toBe('notice');
    for (const raw of ['C:\\Users\\张三\\报名表.docx', 'a?b*c"<>|.pdf', 'CON.txt', 'x'.repeat(300) + '.pdf', ' .. 报名表 . docx']) {
      const once = noticeFileName(raw);
      expect(noticeFileName(once), raw).toBe(once);
    }
  });
});

describe('the notice attachments of a campaign', () => {
  it('adds, lists, saves, replaces only when asked, and removes; every change is audited with who and when', async () => {
    const app = await campaignWithFiles();
    const { campaignId } = app;
    const files = await list(app, campaignId);
    expect(files.map((f) => [f.fileName, f.mediaType, f.size, f.sha256, f.addedBy])).toEqual([
      ['报名表.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', form.length, sha(form), 'local'],
      ['承诺书.pdf', 'application/pdf', pledge.length, sha(pledge), 'local'],
    ]);
    expect(files[0]).not.toHaveProperty('bytes');
    expect(Date.parse(files[0].addedAt)).not.toBeNaN();

    // Save a copy: to a chosen path (atomically), or handed to the UI with a copy among the exports.
    const target = path.join(tempDir(), 'copies', '报名表-副本.docx');
    const written = await ok<ExportFile>(app.dispatch('campaign:saveNoticeFile', { campaignId, fileId: files[0].id, targetPath: target }));
    expect(written.savedTo).toBe(target);
    expect(fs.readFileSync(target).equals(form)).toBe(true);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['报名表-副本.docx']);
    const handed = await ok<ExportFile>(app.dispatch('campaign:saveNoticeFile', { campaignId, fileId: files[1].id }));
    expect(handed).toMatchObject({ fileName: '承诺书.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(handed.contentBase64, 'base64').equals(pledge)).toBe(true);
    expect(fs.readFileSync(handed.savedTo).equals(pledge)).toBe(true);

    // The same name again (ASCII case aside): refused unless the person agreed to replace it.
    const newer = Buffer.from('PK\u0003\u0004 报名表 v2', 'utf8');
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, file: inline('报名表.DOCX', newer) })).toMatchObject({ ok: false, error: { code: 'NOTICE_FILE_EXISTS', params: { file: '报名表.docx' } } });
    expect((await list(app, campaignId)).map((f) => f.sha256)).toEqual([sha(form), sha(pledge)]);
    const replaced = await ok<NoticeFileInfo>(app.dispatch('campaign:addNoticeFile', { campaignId, file: inline('报名表.docx', newer), replace: true }));
    expect(replaced).toMatchObject({ id: files[0].id, fileName: '报名表.docx', size: newer.length, sha256: sha(newer) });
    expect((await list(app, campaignId)).map((f) => f.fileName)).toEqual(['报名表.docx', '承诺书.pdf']);

    const left = await ok<NoticeFileInfo[]>(app.dispatch('campaign:removeNoticeFile', { campaignId, fileId: files[1].id }));
    expect(left.map((f) => f.fileName)).toEqual(['报名表.docx']);
    expect(await app.dispatch('campaign:saveNoticeFile', { campaignId, fileId: files[1].id })).toMatchObject({ ok: false, error: { code: 'NOTICE_FILE_NOT_FOUND' } });
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, path: path.join(tempDir(), 'missing.pdf') })).toMatchObject({ ok: false, error: { code: 'NOTICE_FILE_UNREADABLE', params: { file: 'missing.pdf' } } });

    const audit = app.ctx.db.prepare(`SELECT actor, action, details_json FROM audit_log WHERE subject = ? AND action LIKE 'campaign.noticeFile.%' ORDER BY id`).all(campaignId) as { actor: string; action: string; details_json: string }[];
    expect(audit.map((a) => [a.actor, a.action, JSON.parse(a.details_json).fileName])).toEqual([
      ['local', 'campaign.noticeFile.add', '报名表.docx'],
      ['local', 'campaign.noticeFile.add', '承诺书.pdf'],
      ['local', 'campaign.noticeFile.replace', '报名表.docx'],
      ['local', 'campaign.noticeFile.remove', '承诺书.pdf'],
    ]);
    expect(JSON.parse(audit[2].details_json)).toMatchObject({ sha256: sha(newer), replacedSha256: sha(form) });
    app.ctx.close();
  });

  it('refuses empty files, a file over 25 MB and more than 100 MB in all, naming the file; nothing is stored', async () => {
    const app = openTestApp();
    const { id: campaignId } = await ok<CampaignSummary>(app.dispatch('campaign:create', { templateId: 'caca-committee-2021' }));
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, file: { fileName: '空白.pdf', contentBase64: '' } })).toMatchObject({ ok: false });
    const emptyOnDisk = path.join(tempDir(), '空白.pdf');
    fs.writeFileSync(emptyOnDisk, '');
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, path: emptyOnDisk })).toMatchObject({ ok: false, error: { code: 'NOTICE_FILE_EMPTY', params: { file: '空白.pdf' } } });
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, file: inline('正式通知.pdf', Buffer.alloc(MAX_NOTICE_FILE_BYTES + 1, 1)) })).toMatchObject({
      ok: false,
      error: { code: 'NOTICE_FILE_TOO_LARGE', params: { file: '正式通知.pdf', sizeMb: '25.0', maxMb: '25.0' } },
    });
    for (let i = 1; i <= MAX_CAMPAIGN_FILES_BYTES / MAX_NOTICE_FILE_BYTES; i++) {
      await ok(app.dispatch('campaign:addNoticeFile', { campaignId, file: inline(`材料${i}.pdf`, Buffer.alloc(MAX_NOTICE_FILE_BYTES, i)) }));
    }
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, file: inline('多一页.pdf', Buffer.from('x')) })).toMatchObject({
      ok: false,
      error: { code: 'NOTICE_FILES_TOO_LARGE', params: { file: '多一页.pdf', totalMb: '100.0', maxMb: '100.0' } },
    });
    // Replacing counts the new size instead of the old one.
    await ok(app.dispatch('campaign:addNoticeFile', { campaignId, file: inline('材料1.pdf', Buffer.from('smaller')), replace: true }));
    expect((await list(app, campaignId)).reduce((n, f) => n + f.size, 0)).toBe(3 * MAX_NOTICE_FILE_BYTES + 7);
    app.ctx.close();
  });

  it('an archived campaign lists and saves its attachments but refuses adding and removing', async () => {
    const app = await campaignWithFiles();
    const { campaignId } = app;
    const files = await list(app, campaignId);
    await ok(app.dispatch('campaign:archive', { campaignId, archived: true, reason: 'done' }));
    expect(await app.dispatch('campaign:addNoticeFile', { campaignId, file: inline('新.pdf', pledge) })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_ARCHIVED' } });
    expect(await app.dispatch('campaign:removeNoticeFile', { campaignId, fileId: files[0].id })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_ARCHIVED' } });
    expect(await list(app, campaignId)).toEqual(files);
    const copy = await ok<ExportFile>(app.dispatch('campaign:saveNoticeFile', { campaignId, fileId: files[0].id }));
    expect(Buffer.from(copy.contentBase64, 'base64').equals(form)).toBe(true);
    app.ctx.close();
  });

  it('travel with the backup: delete → restore gives the same files, bytes and audit entries back', async () => {
    const app = await campaignWithFiles();
    const { campaignId } = app;
    const before = await list(app, campaignId);
    const name = app.ctx.campaigns.summary(campaignId).name;
    const deleted = await ok<{ backupFile: string }>(app.dispatch('campaign:delete', { campaignId, confirmName: name['zh-CN'] }));
    expect(app.ctx.db.prepare('SELECT count(*) FROM campaign_files WHERE campaign_id = ?').pluck().get(campaignId)).toBe(0);
    // The backup file holds the rows, bytes included.
    const Database = (await import('better-sqlite3')).default;
    const file = new Database(deleted.backupFile, { readonly: true });
    expect(file.prepare('SELECT file_name FROM campaign_files ORDER BY id').pluck().all()).toEqual(['报名表.docx', '承诺书.pdf']);
    file.close();
    await ok(app.dispatch('campaign:restore', { file: inline(path.basename(deleted.backupFile), fs.readFileSync(deleted.backupFile)) }));
    expect(await list(app, campaignId)).toEqual(before);
    const copy = await ok<ExportFile>(app.dispatch('campaign:saveNoticeFile', { campaignId, fileId: before[1].id }));
    expect(Buffer.from(copy.contentBase64, 'base64').equals(pledge)).toBe(true);
    expect(app.ctx.db.prepare(`SELECT count(*) FROM audit_log WHERE subject = ? AND action = 'campaign.noticeFile.add'`).pluck().get(campaignId)).toBe(2);
    app.ctx.close();
  });

  it('travel in programme files: export → create → export gives the same bytes; a changed attachment is refused, naming it', async () => {
    const app = await campaignWithFiles();
    const exported = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: app.campaignId }));
    const bytes = Buffer.from(exported.contentBase64, 'base64');
    const json = JSON.parse(bytes.toString('utf8'));
    expect(json.format).toBe('kepu-programme/2');
    expect(json.attachments.map((a: { fileName: string; sha256: string }) => [a.fileName, a.sha256])).toEqual([['报名表.docx', sha(form)], ['承诺书.pdf', sha(pledge)]]);
    expect(Buffer.from(json.attachments[0].data, 'base64').equals(form)).toBe(true);

    const created = await ok<CampaignSummary>(app.dispatch('campaign:createFromProgramme', { file: inline('四川.kepuprog', bytes) }));
    const files = await list(app, created.id);
    expect(files.map((f) => [f.fileName, f.sha256, f.size])).toEqual([['报名表.docx', sha(form), form.length], ['承诺书.pdf', sha(pledge), pledge.length]]);
    const again = await ok<ExportFile>(app.dispatch('campaign:exportProgramme', { campaignId: created.id }));
    expect(Buffer.from(again.contentBase64, 'base64').equals(bytes)).toBe(true);
    const audit = app.ctx.db.prepare(`SELECT details_json FROM audit_log WHERE subject = ? AND action = 'campaign.noticeFile.add'`).pluck().all(created.id) as string[];
    expect(audit.map((d) => JSON.parse(d).programmeFile)).toEqual(['四川.kepuprog', '四川.kepuprog']);

    // One byte of an attachment changed, its checksum not: refused before anything is stored.
    const tampered = structuredClone(json);
    const data = Buffer.from(tampered.attachments[1].data, 'base64');
    data[0] ^= 1;
    tampered.attachments[1].data = data.toString('base64');
    const tamperedBytes = Buffer.from(JSON.stringify(tampered));
    const campaigns = app.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get();
    expect(await app.dispatch('campaign:createFromProgramme', { file: inline('改过.kepuprog', tamperedBytes) })).toMatchObject({
      ok: false,
      error: { code: 'PROGRAMME_ATTACHMENT_CORRUPT', params: { file: '承诺书.pdf', programme: '改过.kepuprog', path: 'attachments.1' } },
    });
    const check = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: inline('改过.kepuprog', tamperedBytes) }));
    expect(check.problems.map((p) => [p.code, p.path])).toEqual([['PROGRAMME_ATTACHMENT_CORRUPT', 'attachments.1']]);
    // Two attachments of one name, and an empty one.
    const doubled = { ...json, attachments: [json.attachments[0], { ...json.attachments[0], fileName: '报名表.DOCX' }, { ...json.attachments[1], data: '', sha256: sha(Buffer.alloc(0)) }] };
    const checkDoubled = await ok<ProgrammeCheck>(app.dispatch('programme:check', { file: inline('双份.kepuprog', Buffer.from(JSON.stringify(doubled))) }));
    expect(checkDoubled.valid).toBe(false);
    expect(app.ctx.db.prepare('SELECT count(*) FROM campaigns').pluck().get()).toBe(campaigns);
    // Room for a campaign's attachments at their limit, as base64, checked before parsing.
    expect(MAX_PROGRAMME_BYTES).toBeGreaterThan((MAX_CAMPAIGN_FILES_BYTES * 4) / 3);
    const tooBig = checkProgramme(Buffer.alloc(MAX_PROGRAMME_BYTES + 1, 0x20), '太大.kepuprog');
    expect(tooBig.problems.map((p) => [p.code, p.params.path])).toEqual([['PROGRAMME_INVALID', '(file)']]);
    expect(fs.readFileSync(path.join(repoRoot, 'docs', 'formats.md'), 'utf8')).toContain(`At most ${MAX_PROGRAMME_BYTES.toLocaleString('en-US')} bytes`);
    app.ctx.close();
  });

  it('come along to the next edition', async () => {
    const app = await campaignWithFiles();
    const next = await ok<CampaignSummary>(app.dispatch('campaign:newEdition', { campaignId: app.campaignId, shiftYears: 1 }));
    const files = await list(app, next.id);
    expect(files.map((f) => [f.fileName, f.sha256])).toEqual([['报名表.docx', sha(form)], ['承诺书.pdf', sha(pledge)]]);
    expect((await list(app, app.campaignId)).length).toBe(2);
    app.ctx.close();
  });
});
