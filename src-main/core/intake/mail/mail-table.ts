// Mails as a table, so they go through the same mapping, preview and import as a spreadsheet: one
// row per mail; the first columns are what every mail has (the registration number it is given,
// the sender, the date, the subject), then one column per body label, in the order first seen.
// Labels are columns exactly as a spreadsheet's headers are, so auto-matching and learned
// mappings apply (see learned-labels.ts). Unlike a spreadsheet, each mail words its labels its own
// way ("申报理由" here, "理由" there): labels that name the same target share one column. The
// sender's address is the contact e-mail of a mail whose body gives none.
import path from 'node:path';
import { looksLikeMbox, splitMbox } from './mbox';
import { normaliseHeader, type Target } from '../targets';
import type { MailNumbering } from './mail-store';
import { type ParsedMail, parseMail } from './read-mail';

export interface MailFile {
  fileName: string;
  bytes: Uint8Array;
}

const MAIL_EXTENSIONS = new Set(['.eml', '.mbox', '.mbx']);

/** True for an .eml / .mbox file, or a folder (given as its files). */
export function isMailInput(fileName: string, files?: readonly MailFile[]): boolean {
  return files !== undefined || MAIL_EXTENSIONS.has(path.extname(fileName).toLowerCase());
}

/**
 * Every mail in the given files: an .mbox (or anything starting with an envelope "From " line) is
 * split, an .eml is one mail; in a folder, files of other kinds (notes, thumbnails) are passed over.
 */
export async function readMails(files: readonly MailFile[], inFolder: boolean): Promise<ParsedMail[]> {
  const out: ParsedMail[] = [];
  const sorted = [...files].sort((a, b) => a.fileName.localeCompare(b.fileName, 'en', { numeric: true }));
  for (const file of sorted) {
    const ext = path.extname(file.fileName).toLowerCase();
    if (inFolder && !MAIL_EXTENSIONS.has(ext)) continue;
    if (ext !== '.eml' && (ext === '.mbox' || ext === '.mbx' || looksLikeMbox(file.bytes))) {
      const mails = splitMbox(file.bytes);
      for (let i = 0; i < mails.length; i++) out.push(await parseMail(mails[i], `${file.fileName} #${i + 1}`));
    } else out.push(await parseMail(file.bytes, file.fileName));
  }
  return out;
}

/**
 * Column names of the fixed columns; the registration number and date use the usual aliases, the
 * sender's column matches no target (its address reaches the e-mail column, see below).
 */
export const MAIL_FIXED_HEADERS = ['报名编号', '发件人', '提交时间', '邮件主题'] as const;

/** Making a DateTimeFormat costs far more than using one (≈ 0.3 ms): one per time zone, kept. */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' });
    formats.set(timeZone, format);
  }
  return format;
}

/** A UTC instant as the campaign's local time with its offset ("2023-12-12T10:05:00+08:00"): what the preview shows and the importer reads back. */
export function localWithOffset(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(formatOf(timeZone).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

export function mailTable(mails: readonly ParsedMail[], numbering: MailNumbering, targets: readonly Target[], timeZone: string): { headers: string[]; rows: string[][] } {
  const targetOfAlias = new Map<string, string>();
  for (const t of targets) for (const alias of t.aliases) if (!targetOfAlias.has(normaliseHeader(alias))) targetOfAlias.set(normaliseHeader(alias), t.key);
  const columnKey = (label: string) => {
    const folded = normaliseHeader(label);
    const target = targetOfAlias.get(folded);
    return target ? `target:${target}` : `label:${folded}`;
  };
  const emailTarget = targets.find((t) => t.field?.type === 'email');
  /** The body's labels, then the sender's address under the e-mail field's label (used when the body gives none). */
  const labelsOf = (mail: ParsedMail): [string, string][] =>
    emailTarget && mail.from ? [...mail.labels, [emailTarget.label['zh-CN'], mail.from]] : mail.labels;
  const columns = new Map<string, number>();
  const headers: string[] = [...MAIL_FIXED_HEADERS];
  for (const mail of mails) {
    for (const [label] of labelsOf(mail)) {
      const key = columnKey(label);
      if (columns.has(key)) continue;
      columns.set(key, headers.length);
      headers.push(label);
    }
  }
  const rows = mails.map((mail) => {
    const cells = new Array<string>(headers.length).fill('');
    cells[0] = numbering.regNoOf(mail.key);
    cells[1] = mail.from ?? '';
    cells[2] = mail.date ? localWithOffset(mail.date, timeZone) : '';
    cells[3] = mail.subject;
    for (const [label, value] of labelsOf(mail)) {
      const column = columns.get(columnKey(label))!;
      if (!cells[column]) cells[column] = value; // the first wording a mail uses wins
    }
    return cells;
  });
  return { headers, rows };
}
