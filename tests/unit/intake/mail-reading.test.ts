import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCloudLinks, readBody } from '../../../src-main/core/intake/mail/body-labels';
import { looksLikeMbox, splitMbox } from '../../../src-main/core/intake/mail/mbox';
import { parseMail } from '../../../src-main/core/intake/mail/read-mail';
import { repoRoot } from '../../helpers';

const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'tests/fixtures/mail', name));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('splitting an mbox', () => {
  it('cuts at envelope lines, drops them, unquotes one level of ">From " and keeps bytes as they are', () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GBK: not UTF-8, must pass untouched
    const mbox = Buffer.concat([
      Buffer.from('From a@x Tue Dec 12 10:05:00 2023\nSubject: one\n\nFrom here on\n>From the start\n>>From deeper\n\n'),
      Buffer.from('From b@x Tue Dec 12 10:06:00 2023\r\nSubject: two\r\n\r\n'),
      gbk,
      Buffer.from('\r\n\r\nFrom c@x Tue Dec 12 10:07:00 2023\nSubject: three\n\nbody\n'),
    ]);
    expect(looksLikeMbox(mbox)).toBe(true);
    const mails = splitMbox(mbox);
    expect(mails).toHaveLength(3);
    // "From here on" after a blank line is no envelope line (no date): it stays in the body unquoted.
    // (The blank line before the next envelope line stays: harmless to a MIME reader.)
    expect(text(mails[0])).toBe('Subject: one\n\nFrom here on\nFrom the start\n>From deeper\n\n');
    expect(text(mails[1])).toContain('Subject: two\r\n\r\n');
    expect(Buffer.from(mails[1]).includes(gbk)).toBe(true);
    expect(text(mails[2])).toBe('Subject: three\n\nbody\n');
  });

  it('unquotes >From lines of a body', () => {
    const mails = splitMbox(Buffer.from('From a@x Tue Dec 12 10:05:00 2023\nSubject: one\n\n>From the start\n>>From deeper\nplain\n'));
    expect(text(mails[0])).toBe('Subject: one\n\nFrom the start\n>From deeper\nplain\n');
  });

  it('a single .eml is not an mbox', () => {
    expect(looksLikeMbox(fixture('qp-account.eml'))).toBe(false);
  });
});

describe('reading the labelled lines of a body', () => {
  it('takes 标签：值 and label: value lines, splits 联系方式, skips quoted and forwarded header lines', () => {
    const body = readBody(
      [
        '您好，附件为报名材料。',
        '申报类型：作品',
        'Work title: Seven steps',
        '联系方式：13800138000，wang@example.cn',
        '链接：https://pan.baidu.com/s/1AbC 提取码：ab12',
        '> 作品名称：quoted, not ours',
        '---------- 转发的邮件 ----------',
        '发件人：李四 <li@example.cn>',
        '日期：2023-12-10 08:00',
        '10:30 见',
        'https://example.org/x',
      ].join('\n'),
    );
    expect(body.labels).toEqual([
      ['申报类型', '作品'],
      ['Work title', 'Seven steps'],
      ['电话', '13800138000'],
      ['邮箱', 'wang@example.cn'],
      ['链接', 'https://pan.baidu.com/s/1AbC'],
    ]);
    expect(body.forwardedFrom).toBe('li@example.cn');
    expect(body.forwardedDate).toBe('2023-12-10 08:00');
    expect(body.cloudLinks).toEqual([{ provider: '百度网盘', url: 'https://pan.baidu.com/s/1AbC', code: 'ab12' }]);
  });

  it('finds cloud-drive links of several providers, with codes in the link or on the next line', () => {
    const links = findCloudLinks(
      ['https://pan.baidu.com/s/1xyz?pwd=k9k9', '微云：https://share.weiyun.com/AbCd', '密码：w3w3', 'https://www.123pan.com/s/abc-def', 'https://pan.quark.cn/s/q1', 'https://example.org/not-a-drive'].join('\n'),
    );
    expect(links).toEqual([
      { provider: '百度网盘', url: 'https://pan.baidu.com/s/1xyz?pwd=k9k9', code: 'k9k9' },
      { provider: '腾讯微云', url: 'https://share.weiyun.com/AbCd', code: 'w3w3' },
      { provider: '123云盘', url: 'https://www.123pan.com/s/abc-def', code: null },
      { provider: '夸克网盘', url: 'https://pan.quark.cn/s/q1', code: null },
    ]);
  });
});

describe('parsing a registration mail', () => {
  it('reads a GBK body, a GBK subject and an RFC 2231 Chinese attachment name, with the MP4 bytes intact', async () => {
    const mail = await parseMail(fixture('gbk-video.eml'), 'gbk-video.eml');
    expect(mail).toMatchObject({
      key: 'gbk-video-1@hospital.example.cn',
      subject: '报名：七步洗手法',
      from: 'wang@hospital.example.cn',
      date: '2023-12-12T02:05:00.000Z',
      reply: false,
      forward: false,
    });
    expect(mail.labels).toContainEqual(['作品名称', '七步洗手法']);
    expect(mail.labels).toContainEqual(['电话', '13800138000']);
    expect(mail.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([['七步洗手法.mp4', 'video/mp4']]);
    expect(Buffer.from(mail.attachments[0].content()).equals(fs.readFileSync(path.join(repoRoot, 'tests/fixtures/media/compliant.mp4')))).toBe(true);
  });

  it('reads a quoted-printable body and its cloud link', async () => {
    const mail = await parseMail(fixture('qp-account.eml'), 'qp-account.eml');
    expect(mail.labels).toContainEqual(['账号', '华西妇产科王医生']);
    expect(mail.labels).toContainEqual(['理由', '三年持续更新孕产科普，粉丝 120 万。']);
    expect(mail.cloudLinks).toEqual([{ provider: '百度网盘', url: 'https://pan.baidu.com/s/1AbCdEfGh', code: 'x7k2' }]);
  });

  it('keys a mail without Message-ID by its bytes', async () => {
    const raw = Buffer.from('From: a@example.cn\r\nSubject: x\r\n\r\n作品名称：无编号\r\n');
    const a = await parseMail(raw, 'a.eml');
    expect(a.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await parseMail(raw, 'b.eml')).key).toBe(a.key);
  });
});

describe('the submission time column of a mail', () => {
  it('shows the instant in the campaign time zone with its offset, and reads back to the same instant', async () => {
    const { localWithOffset } = await import('../../../src-main/core/intake/mail/mail-table');
    const { parseSubmissionTime } = await import('../../../src-main/core/intake/values');
    expect(localWithOffset('2023-12-12T02:05:00.000Z', 'Asia/Shanghai')).toBe('2023-12-12T10:05:00+08:00');
    expect(localWithOffset('2023-12-12T02:05:00.000Z', 'UTC')).toBe('2023-12-12T02:05:00+00:00');
    expect(parseSubmissionTime('2023-12-12T10:05:00+08:00', 'UTC')).toBe('2023-12-12T02:05:00.000Z');
  });
});

describe('large attachments', () => {
  it('are decoded natively, byte for byte what postal-mime decodes, and the text parts are untouched', async () => {
    const { randomBytes } = await import('node:crypto');
    const PostalMime = (await import('postal-mime')).default;
    const data = randomBytes(300_000);
    const b64 = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = Buffer.from(
      [
        'From: a@example.cn',
        'Subject: big',
        'Message-ID: <big@example.cn>',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        b64(Buffer.from('作品名称：大文件')),
        '--b',
        'Content-Type: video/mp4; name="big.mp4"',
        'Content-Transfer-Encoding: base64',
        'Content-Disposition: attachment; filename="big.mp4"',
        '',
        b64(data),
        '--b--',
        '',
      ].join('\r\n'),
    );
    const mail = await parseMail(raw, 'big.eml');
    expect(mail.labels).toEqual([['作品名称', '大文件']]);
    expect(mail.attachments).toHaveLength(1);
    expect(Buffer.from(mail.attachments[0].content()).equals(data)).toBe(true);
    const reference = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    expect(Buffer.from(reference.attachments[0].content as ArrayBuffer).equals(data)).toBe(true);
  });
});

describe('other Chinese charsets', () => {
  it('reads a Big5 subject and body and a GB18030 body (four-byte characters included)', async () => {
    const big5 = await parseMail(
      Buffer.from(
        'From: tw@example.tw\r\nSubject: =?big5?B?s/imV6FHvcOx0Lx2pPk=?=\r\nContent-Type: text/plain; charset=big5\r\nContent-Transfer-Encoding: base64\r\n\r\np0CrfqZXutmhR6x+pOK9w7HQDQql07P4w/6rrKFHp0Crfg0K\r\n',
      ),
      'big5.eml',
    );
    expect(big5.subject).toBe('報名：衛教影片');
    expect(big5.labels).toEqual([
      ['作品名稱', '洗手衛教'],
      ['申報類型', '作品'],
    ]);
    const gb18030 = await parseMail(Buffer.from('From: a@example.cn\r\nContent-Type: text/plain; charset=gb18030\r\nContent-Transfer-Encoding: base64\r\n\r\n1/fGt8P7s8ajusuvw9+VMoI2\r\n'), 'gb.eml');
    expect(gb18030.labels).toEqual([['作品名称', '睡眠𠀀']]);
  });
});
