// Exporting the showcase (issue 17): the published result as a static folder, index.html and
// assets/covers/<reg no>.<ext>, written through writeFileAtomic file by file. The covers come
// first and the page last, so a cancelled or failed export never leaves a page that points at
// covers not written (the covers already written are complete files and are reported).
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { ShowcaseReport } from '../../contract/showcase';
import type { Wording } from '../certificates/content';
import { safeFileName } from '../certificates/export';
import { KepuError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { makePrivateDir } from '../files/private-files';
import { coverOf } from './covers';
import { showcasePage } from './showcase-page';
import { allWinners, announcement } from './winners';

export interface ShowcaseExportOptions {
  campaignId: string;
  outDir: string;
  wording: Wording;
  /** The data folder: captured video frames are used as covers (core/showcase/video-frames.ts). */
  dataDir?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export async function exportShowcase(db: Database, options: ShowcaseExportOptions): Promise<ShowcaseReport> {
  const a = announcement(db, options.campaignId, options.wording);
  const winners = allWinners(a);
  const outDir = path.resolve(options.outDir);
  const report: ShowcaseReport = {
    outDir,
    index: null,
    lists: a.lists.length,
    winners: winners.length,
    covers: { frame: 0, image: 0, screenshot: 0, card: 0 },
    withCertificate: winners.filter((w) => w.certificate).length,
    files: [],
    cancelled: false,
  };
  const write = (file: string, bytes: Buffer | string) => {
    try {
      const written = writeFileAtomic(file, bytes);
      report.files.push(written);
      return written;
    } catch (error) {
      if (isDiskFull(error)) throw asDiskFull(error, outDir);
      throw new KepuError('SHOWCASE_OUTPUT_UNWRITABLE', `showcase: cannot write ${file}: ${(error as Error).message}`, { dir: outDir });
    }
  };
  const coversDir = path.join(outDir, 'assets', 'covers');
  try {
    makePrivateDir(coversDir);
  } catch (error) {
    if (isDiskFull(error)) throw asDiskFull(error, outDir);
    throw new KepuError('SHOWCASE_OUTPUT_UNWRITABLE', `showcase: cannot create ${coversDir}: ${(error as Error).message}`, { dir: outDir });
  }
  const covers = new Map<string, string>();
  const total = winners.length + 1;
  let done = 0;
  for (const winner of winners) {
    if (options.signal?.aborted) {
      report.cancelled = true;
      return report;
    }
    // One winner can be on two lists (a brand and a work); one cover serves both.
    if (!covers.has(winner.regNo)) {
      const cover = coverOf(db, winner, options.dataDir ? { dataDir: options.dataDir, campaignId: options.campaignId } : undefined);
      const name = `${safeFileName(winner.regNo, 60)}.${cover.extension}`;
      write(path.join(coversDir, name), cover.bytes);
      covers.set(winner.regNo, `assets/covers/${name}`);
      report.covers[cover.source]++;
    }
    options.onProgress?.(++done, total);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (options.signal?.aborted) {
    report.cancelled = true;
    return report;
  }
  report.index = write(path.join(outDir, 'index.html'), showcasePage({ announcement: a, covers, wording: options.wording }));
  options.onProgress?.(++done, total);
  return report;
}
