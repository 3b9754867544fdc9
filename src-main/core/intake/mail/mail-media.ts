// A mail's attachments become the entry's media: stored in the campaign's mail media folder as
// <regNo>/<first 16 hex of SHA-256>/<original name> (the hash folder keeps two different files of
// the same name apart, and storing the same file again writes nothing), then linked and checked by
// the same job as a linked folder of works: the folder's <regNo> level matches each file to its entry.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaLinkReport } from '../../../contract';
import { writeFileAtomic } from '../../files/atomic-write';
import { type LinkDeps, linkAndCheckFolder } from '../../media/link-and-check';
import { packageMediaFolder, safeComponent } from '../../packages/package-media';
import type { MailAttachment } from './read-mail';

/** <data>/media/mail/<campaign>: where a campaign's mail attachments are kept. */
export function mailMediaFolder(dataDir: string, campaignId: string): string {
  return packageMediaFolder(path.join(dataDir, 'media', 'mail'), campaignId);
}

/** What storing wrote: how many files the entries now have from mail, and the SHA-256 of each file written now. */
export interface StoredAttachments {
  stored: number;
  /** Absolute path → SHA-256 of the files this call wrote (hashed from the bytes written, so the check need not read them again). */
  written: Map<string, string>;
}

/**
 * Writes the attachments that are not there yet. Each attachment is decoded here, one at a time
 * (a large one was not decoded while the mails were read), hashed and written from the same bytes.
 */
export function storeAttachments(folder: string, byRegNo: ReadonlyMap<string, readonly MailAttachment[]>): StoredAttachments {
  let stored = 0;
  const written = new Map<string, string>();
  for (const [regNo, attachments] of byRegNo) {
    for (const a of attachments) {
      const bytes = a.content();
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = path.resolve(folder, safeComponent(regNo), sha.slice(0, 16), safeComponent(path.basename(a.fileName.replace(/\\/g, '/'))));
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        written.set(file, sha);
      }
      stored += 1;
    }
  }
  return { stored, written };
}

/** Links every stored attachment to its entry and checks it under the entry's media rules. */
export function linkMailMedia(deps: LinkDeps, campaignId: string, folder: string, knownSha256?: ReadonlyMap<string, string>): Promise<MediaLinkReport> {
  return linkAndCheckFolder(deps, campaignId, folder, { knownSha256 });
}
