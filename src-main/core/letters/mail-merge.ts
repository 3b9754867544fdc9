// Sending result letters offline (issue 19): a mail-merge table (CSV through the one CSV writer,
// and XLSX) that any mail client's merge can send, and one .eml draft per entrant with the letter
// attached (nodemailer's MailComposer writes RFC 5322 with RFC 2047/2231 encoded Chinese names,
// base64 attachments), ready to open in Foxmail, Outlook or Thunderbird.
import { xlsxBuffer } from '../export/xlsx-stream';
// The file itself, not its folder: the desktop main bundle is an ES module, and Node's ESM loader
// resolves no folder imports (ERR_UNSUPPORTED_DIR_IMPORT; the pack test loads it as Electron would).
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { csvDocument } from '../export/csv';

export interface MergeRow {
  email: string;
  name: string;
  regNo: string;
  subject: string;
  body: string;
  attachment: string;
}

const COLUMNS = ['email', 'name', 'regNo', 'subject', 'body', 'attachment'] as const;

export function mergeCsv(rows: readonly MergeRow[]): string {
  return csvDocument([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c]))]);
}

export async function mergeXlsx(rows: readonly MergeRow[]): Promise<Buffer> {
  return xlsxBuffer((workbook) => {
    const sheet = workbook.addSheet({ name: 'letters', widths: COLUMNS.map((_, i) => (i === 4 ? 60 : 24)), frozenRows: 1 });
    sheet.addRow([...COLUMNS], 'bold');
    for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c]));
  });
}

/** A draft message (no Date or Message-ID the client would keep: it sets them when sending). */
export async function emlDraft(input: { from: string | null; to: string | null; subject: string; body: string; attachment: { fileName: string; bytes: Buffer } }): Promise<Buffer> {
  const mail = new MailComposer({
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    subject: input.subject,
    text: input.body,
    // X-Unsent marks the file as a draft to open and send (Outlook honours it; others ignore it).
    headers: { 'X-Unsent': '1' },
    attachments: [{ filename: input.attachment.fileName, content: input.attachment.bytes, contentType: 'application/pdf' }],
  });
  return mail.compile().build();
}
