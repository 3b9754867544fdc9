// Mail intake scenario (issue 16): 2,000 registration mails, 10 % of them with a 5 MB attachment,
// imported through the real importer (parse, map, validate, upsert, store the attachments by hash,
// link and check them) from a folder of .eml files and from one .mbox. Peers in the same run:
// `grep -c '^From '` over the mbox (reading the bytes once) and `cp -r` of the folder (copying
// them once). Aim: parsing ≥ 200 mails/s; attachment copying within 2× of cp. The preview decodes
// no attachment (sizes come from the base64 layout); the import decodes, hashes and writes each
// once, its fsync on the thread pool while the next is decoded (core/intake/mail/large-parts.ts,
// mail-media.ts).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../src-main/app/context';
import { importRegistrations, previewImport } from '../src-main/core/intake/import-registrations';
import { storeAttachments } from '../src-main/core/intake/mail/mail-media';
import { parseMail } from '../src-main/core/intake/mail/read-mail';
import { type BenchResult, measure, summarize } from './harness';

const root = path.resolve(import.meta.dirname, '..');
const MAILS = Number(process.env.KEPU_BENCH_MAILS ?? 2000);
const ATTACHMENT_BYTES = 5 * 1024 * 1024;

function wrap76(base64: string): string {
  return base64.replace(/.{76}/g, '$&\r\n');
}

/** One registration mail as a client writes it: UTF-8 base64 body, maybe a PDF attachment. */
function mail(i: number, attachment: Buffer | null): string {
  const body = Buffer.from(
    [`申报类型：作品`, `作品类别：图文`, `作品名称：健康科普作品 ${i + 1}`, `作者：作者${i % 97}`, `单位：医院${i % 31}`, `联系方式：13${String(100000000 + i).slice(-9)}`, `申报理由：长期坚持健康科普`].join('\r\n'),
  ).toString('base64');
  const head = [`From: entrant${i}@example.cn`, 'To: kepu@example.org', `Subject: =?UTF-8?B?${Buffer.from(`报名 ${i + 1}`).toString('base64')}?=`, `Date: Tue, 12 Dec 2023 10:05:00 +0800`, `Message-ID: <bench-${i}@example.cn>`, 'MIME-Version: 1.0'];
  if (!attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', wrap76(body), ''].join('\r\n');
  const boundary = `b${i}`;
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(body),
    `--${boundary}`,
    `Content-Type: application/pdf; name="work-${i}.pdf"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="work-${i}.pdf"`,
    '',
    wrap76(attachment.toString('base64')),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

function timed(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function mailBench(): Promise<BenchResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-bench-mail-'));
  const folder = path.join(work, 'mails');
  fs.mkdirSync(folder);
  const mboxFile = path.join(work, 'mails.mbox');
  const mbox = fs.openSync(mboxFile, 'w');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(ATTACHMENT_BYTES - 9)]);
  for (let i = 0; i < MAILS; i++) {
    const text = mail(i, i % 10 === 0 ? pdf : null);
    fs.writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}.eml`), text);
    fs.writeSync(mbox, `From entrant${i}@example.cn Tue Dec 12 10:05:00 2023\n${text}\n`);
  }
  fs.closeSync(mbox);
  const folderBytes = fs.readdirSync(folder).reduce((n, f) => n + fs.statSync(path.join(folder, f)).size, 0);
  const attachmentMb = (Math.ceil(MAILS / 10) * ATTACHMENT_BYTES) / 1e6;
  const results: BenchResult[] = [];
  try {
    // Peers first, on the same files: reading the mbox once, copying the folder once.
    const grepMs = timed(() => {
      const count = Number(execFileSync('grep', ['-c', '^From ', mboxFile]).toString().trim());
      if (count < MAILS) throw new Error(`bench: grep counted ${count}`);
    });
    const cpMs = timed(() => execFileSync('cp', ['-r', folder, path.join(work, 'copy')]));
    fs.rmSync(path.join(work, 'copy'), { recursive: true, force: true });

    const run = async (label: string, input: () => Parameters<typeof importRegistrations>[2], full: boolean) => {
      let note = '';
      const samples = await measure(2, async () => {
        const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
        const ctx = createAppContext({ dataDir, resourcesDir: path.join(root, 'resources'), shell: 'cli' });
        try {
          const template = ctx.templates.get('sichuan-influence-2023');
          const campaign = ctx.campaigns.create(template.id, template.definition);
          if (full) {
            const report = await importRegistrations(ctx, campaign.id, input());
            if (report.added.length !== MAILS) throw new Error(`bench: ${label} added ${report.added.length} of ${MAILS}`);
            note = `${report.mail?.attachmentsStored ?? 0} attachments stored and checked`;
          } else {
            const preview = await previewImport(ctx, campaign.id, input());
            if (preview.totalRows !== MAILS || preview.rejectedCount !== 0) throw new Error(`bench: ${label} previewed ${preview.totalRows}, ${preview.rejectedCount} refused`);
          }
        } finally {
          ctx.close();
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      });
      return { samples, note };
    };
    const readFolder = () => ({
      fileName: 'mails',
      bytes: new Uint8Array(),
      files: fs.readdirSync(folder).map((f) => ({ fileName: f, bytes: fs.readFileSync(path.join(folder, f)) })),
    });
    const readMbox = () => ({ fileName: 'mails.mbox', bytes: fs.readFileSync(mboxFile) });
    const mb = folderBytes / 1e6;
    const peer = (tool: string, ms: number) => ({ tool, medianMs: Math.round(ms), opsPerSec: Math.round((MAILS / ms) * 1000) });

    const parseFolder = await run('folder preview', readFolder, false);
    results.push(summarize('mail.previewFolder', MAILS, 'mails/s', parseFolder.samples, { peer: peer('cp -r', cpMs), note: `read + parse + map, ${mb.toFixed(0)} MB: ${(mb / (Math.min(...parseFolder.samples) / 1000)).toFixed(0)} MB/s; aim ≥ 200 mails/s` }));
    const importFolder = await run('folder import', readFolder, true);
    results.push(
      summarize('mail.importFolder', MAILS, 'mails/s', importFolder.samples, {
        peer: peer('cp -r', cpMs),
        note: `full import (${importFolder.note}, ${attachmentMb.toFixed(0)} MB of attachments decoded, hashed, written with fsync), ${mb.toFixed(0)} MB read: ${(mb / (Math.min(...importFolder.samples) / 1000)).toFixed(0)} MB/s; cp -r of the folder ${(mb / (cpMs / 1000)).toFixed(0)} MB/s (no fsync): ${(Math.min(...importFolder.samples) / cpMs).toFixed(1)}× cp -r; aim ≤ 2×`,
      }),
    );
    const parseMbox = await run('mbox preview', readMbox, false);
    results.push(summarize('mail.previewMbox', MAILS, 'mails/s', parseMbox.samples, { peer: peer("grep -c '^From '", grepMs), note: `split + parse + map, ${mb.toFixed(0)} MB: ${(mb / (Math.min(...parseMbox.samples) / 1000)).toFixed(0)} MB/s; grep ${(mb / (grepMs / 1000)).toFixed(0)} MB/s` }));
    // The copying stage alone (the aim's "attachment copying"): the attachment-bearing mails,
    // already read and parsed, stored as the import stores them (decoded, hashed, written with
    // fsync), next to `cp` of the same mail files then `sync` in the same run (cp alone leaves its
    // bytes in the page cache; the import's files are on the disk when it returns).
    const withAttachment = fs.readdirSync(folder).filter((_, i) => i % 10 === 0);
    const parsed = await Promise.all(withAttachment.map(async (f, i) => ({ regNo: `M${i}`, mail: await parseMail(fs.readFileSync(path.join(folder, f)), f) })));
    const byRegNo = new Map(parsed.map((p) => [p.regNo, p.mail.attachments]));
    const sourceMb = withAttachment.reduce((n, f) => n + fs.statSync(path.join(folder, f)).size, 0) / 1e6;
    const copyDir = path.join(work, 'copy-attachments');
    fs.mkdirSync(copyDir);
    const cpSyncMs = timed(() => {
      execFileSync('cp', [...withAttachment.map((f) => path.join(folder, f)), copyDir]);
      execFileSync('sync');
    });
    fs.rmSync(copyDir, { recursive: true, force: true });
    const storeSamples = await measure(2, async () => {
      const target = fs.mkdtempSync(path.join(work, 'store-'));
      try {
        const stored = await storeAttachments(target, byRegNo);
        if (stored.written.size !== withAttachment.length) throw new Error(`bench: stored ${stored.written.size} of ${withAttachment.length}`);
      } finally {
        fs.rmSync(target, { recursive: true, force: true });
      }
    });
    results.push(
      summarize('mail.storeAttachments', withAttachment.length, 'files/s', storeSamples, {
        peer: { tool: 'cp + sync', medianMs: Math.round(cpSyncMs), opsPerSec: Math.round((withAttachment.length / cpSyncMs) * 1000) },
        note: `${attachmentMb.toFixed(0)} MB of attachments decoded from ${sourceMb.toFixed(0)} MB of mail, hashed and written with fsync: ${(Math.min(...storeSamples) / cpSyncMs).toFixed(1)}× cp + sync of the same mails; aim ≤ 2×`,
      }),
    );
    const importMbox = await run('mbox import', readMbox, true);
    results.push(summarize('mail.importMbox', MAILS, 'mails/s', importMbox.samples, { peer: peer("grep -c '^From '", grepMs), note: `full import (${importMbox.note}): ${(mb / (Math.min(...importMbox.samples) / 1000)).toFixed(0)} MB/s; ${(Math.min(...importMbox.samples) / cpMs).toFixed(1)}× cp -r of the folder` }));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return results;
}
