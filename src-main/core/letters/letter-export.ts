// Batch export of a programme list's result letters (issue 19): per entrant a PDF named
// "<reg no>-<name>.pdf" (safe on Windows: certificates/export.ts safeFileName) and a .eml draft of
// the same name with the letter attached, then the mail-merge table as CSV and XLSX. Every file
// goes through writeFileAtomic (a cancel or crash never leaves a half-written file under a real
// name); a cancelled export keeps the letters already finished and reports cancelled: true.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { LetterExportReport } from '../../contract';
import type { Wording } from '../certificates/content';
import { safeFileName } from '../certificates/export';
import { KepuError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { makePrivateDir } from '../files/private-files';
import { letterFactsOfList } from './letter-facts';
import { letterPdf } from './letter-pdf';
import { languagesOf, type LetterLanguageChoice, letterText, mailText } from './letter-text';
import { emlDraft, mergeCsv, type MergeRow, mergeXlsx } from './mail-merge';

export interface LetterExportOptions {
  campaignId: string;
  listKey: string;
  outDir: string;
  language?: LetterLanguageChoice;
  scoreBand?: boolean;
  wording: Wording;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export async function exportLetters(db: Database, options: LetterExportOptions): Promise<LetterExportReport> {
  const all = letterFactsOfList(db, options.campaignId, options.listKey, { scoreBand: options.scoreBand ?? false });
  const outDir = path.resolve(options.outDir);
  const report: LetterExportReport = { listKey: options.listKey, letters: 0, files: [], outDir, withoutEmail: 0, cancelled: false };
  if (all.length === 0) return report;
  try {
    makePrivateDir(outDir);
  } catch (error) {
    if (isDiskFull(error)) throw asDiskFull(error, outDir);
    throw new KepuError('LETTERS_OUTPUT_UNWRITABLE', `letters: cannot create ${outDir}: ${(error as Error).message}`, { dir: outDir });
  }
  const rows: MergeRow[] = [];
  const write = (file: string, bytes: Buffer | string) => {
    try {
      writeFileAtomic(file, bytes);
    } catch (error) {
      if (isDiskFull(error)) throw asDiskFull(error, outDir);
      throw new KepuError('LETTERS_OUTPUT_UNWRITABLE', `letters: cannot write ${file}: ${(error as Error).message}`, { dir: outDir });
    }
    report.files.push(file);
  };
  for (const facts of all) {
    if (options.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    const languages = languagesOf(facts, options.language);
    const base = safeFileName(`${facts.regNo}-${facts.entrantName}`);
    const pdfName = `${base}.pdf`;
    const text = letterText(options.wording, facts, languages);
    const pdf = await letterPdf(text, { title: `${facts.campaignName['zh-CN']} — ${facts.regNo}`, author: facts.organizers.map((o) => o.name['zh-CN']).join('、') });
    write(path.join(outDir, pdfName), pdf);
    const mail = mailText(options.wording, facts, languages, pdfName);
    const contact = facts.contact?.email ? `"${facts.organizers[0]?.name['zh-CN'] ?? ''}" <${facts.contact.email}>` : null;
    write(path.join(outDir, `${base}.eml`), await emlDraft({ from: contact, to: facts.email, subject: mail.subject, body: mail.body, attachment: { fileName: pdfName, bytes: pdf } }));
    rows.push({ email: facts.email ?? '', name: facts.entrantName, regNo: facts.regNo, subject: mail.subject, body: mail.body, attachment: pdfName });
    if (!facts.email) report.withoutEmail++;
    report.letters++;
    options.onProgress?.(report.letters, all.length);
    // Yield between letters so the app's other requests (and a cancel) are answered.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The merge table lists the letters written (all of them, or those before a cancel).
  const mergeBase = safeFileName(`mail-merge-${options.listKey}`);
  write(path.join(outDir, `${mergeBase}.csv`), mergeCsv(rows));
  write(path.join(outDir, `${mergeBase}.xlsx`), await mergeXlsx(rows));
  return report;
}
