// The mail-only parts of an import: what the preview shows of each mail (reply/forward, the
// registration a reply answers, attachments, cloud links) and, after the entries are written, the
// attachments stored and checked and the report's mail section.
import type { ImportReport, MailRowInfo, MediaLinkReport } from '../../../contract';
import type { LinkDeps } from '../../media/link-and-check';
import { linkMailMedia, mailMediaFolder, storeAttachments } from './mail-media';
import type { MailNumbering } from './mail-store';
import type { ParsedMail } from './read-mail';

/** The mails of one import, one per data row, and the registration numbers they get. */
export interface MailBatch {
  mails: ParsedMail[];
  numbering: MailNumbering;
}

/** Attachments of the accepted mails stored and checked; cloud links counted; replies listed. */
export async function storeMailMedia(
  deps: LinkDeps & { dataDir?: string },
  campaignId: string,
  accepted: { mail: ParsedMail; regNo: string }[],
  /** Row number of every mail, in order. */
  rows: number[],
  mail: MailBatch,
): Promise<NonNullable<ImportReport['mail']>> {
  const byRegNo = new Map(accepted.filter((m) => m.mail.attachments.length > 0).map((m) => [m.regNo, m.mail.attachments]));
  let attachmentsStored = 0;
  let media: MediaLinkReport | null = null;
  if (deps.dataDir && byRegNo.size > 0) {
    const folder = mailMediaFolder(deps.dataDir, campaignId);
    const stored = await storeAttachments(folder, byRegNo);
    attachmentsStored = stored.stored;
    media = await linkMailMedia(deps, campaignId, folder, stored.written);
  }
  return {
    attachmentsStored,
    media,
    mediaToFetch: accepted.reduce((n, m) => n + m.mail.cloudLinks.length, 0),
    replies: rows.filter((_, i) => mailRowInfo(mail, i).answersRegNo !== null),
  };
}

export function mailRowInfo(table: MailBatch, index: number): MailRowInfo {
  const m = table.mails[index];
  const answered = m.answers.map((id) => table.numbering.regNoOfMessageId(id)).find((r) => r !== null) ?? null;
  return {
    source: m.source,
    subject: m.subject,
    from: m.from,
    reply: m.reply,
    forward: m.forward,
    answersRegNo: answered,
    seenBefore: table.numbering.seenBefore(m.key),
    attachments: m.attachments.map((a) => ({ fileName: a.fileName, sizeBytes: a.sizeBytes })),
    mediaToFetch: m.cloudLinks,
  };
}
