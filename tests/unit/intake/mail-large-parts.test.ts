// The fast paths of mail reading (issue 16's bench) give exactly what the plain paths give: large
// attachments lifted out by walking the MIME tree and decoded only when stored have the bytes and
// sizes postal-mime reads, in any line layout; the mbox splitter that jumps between "From " lines
// cuts as the line-by-line splitter did.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { liftLargeBase64, regularBase64Size } from '../../../src-main/core/intake/mail/large-parts';
import { storeAttachments } from '../../../src-main/core/intake/mail/mail-media';
import { splitMbox } from '../../../src-main/core/intake/mail/mbox';
import { parseMail } from '../../../src-main/core/intake/mail/read-mail';
import { sha256File } from '../../../src-main/core/media/hash';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Base64 in lines of `width` characters ended by `eol`, then `trailer`. */
function wrapped(data: Buffer, width: number, eol: string, trailer = ''): string {
  const b64 = data.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < b64.length; at += width) lines.push(b64.slice(at, at + width));
  return lines.join(eol) + eol + trailer;
}

function mailWith(parts: string[], boundary = 'outer-boundary-1'): Buffer {
  return Buffer.from(
    ['From: a@example.cn', 'Subject: big', 'Message-ID: <big@example.cn>', `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts.map((p) => `--${boundary}\r\n${p}`), `--${boundary}--`, ''].join('\r\n'),
    'latin1',
  );
}

const textPart = 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' + Buffer.from('作品名称：大文件').toString('base64') + '\r\n';
const videoPart = (body: string, name = 'big.mp4') => `Content-Type: video/mp4; name="${name}"\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename="${name}"\r\n\r\n${body}`;

async function reference(raw: Buffer) {
  return (await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' })).attachments.map((a) => Buffer.from(a.content as ArrayBuffer));
}

describe('large attachments read lazily', () => {
  it('know their decoded size from the layout, for every length and the usual line layouts, and decode to the same bytes', () => {
    for (const [width, eol] of [
      [76, '\r\n'],
      [64, '\n'],
      [72, '\r\n'],
    ] as const) {
      for (let n = 60_000; n < 60_004; n++) {
        const data = randomBytes(n);
        for (const trailer of ['', '\r\n', '\r\n\r\n', ' \r\n']) {
          const body = Buffer.from(wrapped(data, width, eol, trailer), 'latin1');
          expect(regularBase64Size(body, 0, body.length), `${width} ${JSON.stringify(eol)} ${n} ${JSON.stringify(trailer)}`).toBe(n);
        }
      }
    }
    // A body laid out otherwise is not trusted (it is then decoded when read, as before).
    const data = randomBytes(60_000).toString('base64');
    const ragged = Buffer.from(`${data.slice(0, 76)}\r\n${data.slice(76, 136)}\r\n${wrapped(Buffer.from(data.slice(136), 'base64'), 76, '\r\n')}`, 'latin1');
    expect(regularBase64Size(ragged, 0, ragged.length)).toBeNull();
    const oneLine = Buffer.from(data, 'latin1');
    expect(regularBase64Size(oneLine, 0, oneLine.length)).toBeNull();
  });

  it('give the bytes postal-mime gives, in a regular, a ragged and an LF-only layout, in nested multiparts and inline forwards', async () => {
    const data = randomBytes(200_000);
    const b64 = data.toString('base64');
    const ragged = `${b64.slice(0, 100)}\r\n${b64.slice(100, 157)}\r\n${b64.slice(157).replace(/.{76}/g, '$&\r\n')}\r\n`;
    const nested = `Content-Type: multipart/mixed; boundary="inner"\r\n\r\n--inner\r\n${textPart}--inner\r\n${videoPart(wrapped(data, 76, '\r\n'), 'nested.mp4')}--inner--\r\n`;
    const forwarded = `Content-Type: message/rfc822\r\n\r\n${mailWith([videoPart(wrapped(data, 76, '\r\n'), 'fwd.mp4')], 'fwd-boundary').toString('latin1')}`;
    for (const raw of [
      mailWith([textPart, videoPart(wrapped(data, 76, '\r\n'))]),
      mailWith([textPart, videoPart(ragged)]),
      Buffer.from(mailWith([textPart, videoPart(wrapped(data, 64, '\n'))]).toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),
      mailWith([nested]),
      mailWith([textPart, forwarded]),
    ]) {
      expect(liftLargeBase64(raw).bodies.size).toBe(1);
      const mail = await parseMail(raw, 'big.eml');
      const expected = await reference(raw);
      expect(mail.attachments.map((a) => [a.sizeBytes, sha(a.content())])).toEqual(expected.map((b) => [b.byteLength, sha(b)]));
      expect(Buffer.from(mail.attachments[0].content()).equals(data)).toBe(true);
    }
  });

  it('decode a body whose regular layout hides a stray character or an inner "=" exactly as the whole body decodes', async () => {
    const lines = wrapped(randomBytes(200_000), 76, '\r\n').split('\r\n');
    for (const damage of ['*', '=']) {
      const damaged = [...lines];
      damaged[1500] = damaged[1500].slice(0, 30) + damage + damaged[1500].slice(31); // inside a line: the layout looks regular
      const body = damaged.join('\r\n');
      const mail = await parseMail(mailWith([textPart, videoPart(body)]), 'odd.eml');
      // What the mail decoded to before the fast path: Node's decoder over the whole body.
      expect(sha(mail.attachments[0].content())).toBe(sha(Buffer.from(body, 'base64')));
    }
  });

  it('keep a forwarded mail sent as an attachment byte for byte (its own big attachment is not lifted out of it)', async () => {
    const inner = mailWith([videoPart(wrapped(randomBytes(200_000), 76, '\r\n'))], 'fwd-boundary');
    const raw = mailWith([textPart, `Content-Type: message/rfc822; name="original.eml"\r\nContent-Disposition: attachment; filename="original.eml"\r\n\r\n${inner.toString('latin1')}`]);
    const mail = await parseMail(raw, 'fwd.eml');
    const expected = await reference(raw);
    expect(mail.attachments.map((a) => a.fileName)).toEqual(['original.eml']);
    expect(sha(mail.attachments[0].content())).toBe(sha(expected[0]));
    expect(Buffer.from(mail.attachments[0].content()).toString('latin1')).not.toContain('KEPU-LIFTED');
  });

  it('are stored under the hash of their decoded bytes, and the hash handed to the check is the file’s', async () => {
    const data = randomBytes(150_000);
    const mail = await parseMail(mailWith([textPart, videoPart(wrapped(data, 76, '\r\n'))]), 'big.eml');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-mail-store-'));
    try {
      const first = await storeAttachments(folder, new Map([['MAIL-0001', mail.attachments]]));
      const file = path.join(folder, 'MAIL-0001', sha(data).slice(0, 16), 'big.mp4');
      expect(first.stored).toBe(1);
      expect([...first.written]).toEqual([[path.resolve(file), sha(data)]]);
      expect(await sha256File(file)).toBe(sha(data));
      // Stored again: nothing written, nothing to hand over.
      const again = await storeAttachments(folder, new Map([['MAIL-0001', mail.attachments]]));
      expect([again.stored, again.written.size]).toEqual([1, 0]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** The splitter as it was (every line looked at): the reference the fast one must match. */
function splitLineByLine(bytes: Buffer): string[] {
  const lines: [number, number][] = [];
  for (let at = 0; at <= bytes.length; ) {
    const next = bytes.indexOf(0x0a, at);
    lines.push([at, next === -1 ? bytes.length : next]);
    if (next === -1) break;
    at = next + 1;
  }
  const starts: number[] = [];
  let afterBlank = true;
  for (const [at, end] of lines) {
    const line = bytes.toString('latin1', at, end);
    if (afterBlank && /^From \S+ .*\d/.test(line.slice(0, 200))) starts.push(at);
    afterBlank = line === '' || line === '\r';
  }
  return starts
    .map((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : bytes.length;
      const body = bytes.toString('latin1', bytes.indexOf(0x0a, start) + 1, end);
      return bytes.indexOf(0x0a, start) === -1 || bytes.indexOf(0x0a, start) + 1 >= end ? null : body.replace(/^>(>*From )/gm, '$1');
    })
    .filter((m): m is string => m !== null && /[^\r\n ]/.test(m));
}

describe('the mbox splitter', () => {
  it('cuts exactly where the line-by-line splitter cut, on mboxes mixing LF and CRLF, quoted and unquoted "From " lines', () => {
    const pieces = [
      'From a@x Tue Dec 12 10:05:00 2023\n',
      'From b@x Tue Dec 12 10:06:00 2023\r\n',
      'From here on\n',
      '>From the start\n',
      '>>From deeper\r\n',
      'Subject: x\n',
      '\n',
      '\r\n',
      'body line\n',
      'From - no date here\n',
      '> quoted reply\n',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 3 + Math.floor(random() * 25) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const mbox = Buffer.from((random() < 0.5 ? pieces[0] : '') + text, 'latin1');
      expect(splitMbox(mbox).map((m) => Buffer.from(m).toString('latin1')), JSON.stringify(mbox.toString('latin1'))).toEqual(splitLineByLine(mbox));
    }
  });
});
