// A mail's attachments become the entry's media: stored in the campaign's mail media folder as
// <regNo>/<first 16 hex of SHA-256>/<original name> (the hash folder keeps two different files of
// the same name apart, and storing the same file again writes nothing), then linked and checked by
// the same job as a linked folder of works: the folder's <regNo> level matches each file to its entry.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MediaLinkReport } from '../../../contract';
import { writeFileAtomicAsync } from '../../files/atomic-write';
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

/** Bytes handed to the disk and not yet fsynced, at most: the next attachments wait for room. */
const IN_FLIGHT_BYTES = 256 * 1024 * 1024;

/**
 * Writes the attachments that are not there yet. Each attachment is decoded here, one at a time
 * (a large one was not decoded while the mails were read), hashed and written from the same bytes.
 * The writing (with its fsync) of one attachment runs on the thread pool while the next is
 * decoded and hashed: a pipeline, as `cp` overlaps reading and writing.
 */
export async function storeAttachments(folder: string, byRegNo: ReadonlyMap<string, readonly MailAttachment[]>): Promise<StoredAttachments> {
  let stored = 0;
  const written = new Map<string, string>();
  const claimed = new Set<string>();
  const running = new Set<Promise<void>>();
  let inFlight = 0;
  const failures: unknown[] = [];
  const store = async (regNo: string, a: MailAttachment, bytes: Uint8Array) => {
    // Hashed here, on the main thread: WebCrypto's digest on the thread pool first copies the
    // bytes, which costs the main thread as much as hashing them (measured).
    const sha = createHash('sha256').update(bytes).digest('hex');
    const file = path.resolve(folder, safeComponent(regNo), sha.slice(0, 16), safeComponent(path.basename(a.fileName.replace(/\\/g, '/'))));
    // The same file twice in one import is written once.
    if (claimed.has(file) || fs.existsSync(file)) return;
    claimed.add(file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await writeFileAtomicAsync(file, bytes);
    written.set(file, sha);
  };
  for (const [regNo, attachments] of byRegNo) {
    for (const a of attachments) {
      if (failures.length > 0) break;
      const bytes = a.content();
      while (inFlight > 0 && inFlight + bytes.byteLength > IN_FLIGHT_BYTES) await Promise.race(running);
      inFlight += bytes.byteLength;
      const job: Promise<void> = store(regNo, a, bytes)
        .catch((error: unknown) => {
          failures.push(error);
        })
        .finally(() => {
          inFlight -= bytes.byteLength;
          running.delete(job);
        });
      running.add(job);
      stored += 1;
      // Let finished steps of the writes on the thread pool go on before the next decode.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await Promise.all(running);
  if (failures.length > 0) throw failures[0];
  return { stored, written };
}

/** Links every stored attachment to its entry and checks it under the entry's media rules. */
export function linkMailMedia(deps: LinkDeps, campaignId: string, folder: string, knownSha256?: ReadonlyMap<string, string>): Promise<MediaLinkReport> {
  return linkAndCheckFolder(deps, campaignId, folder, { knownSha256 });
}
