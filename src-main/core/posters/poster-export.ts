// Batch export of winners' posters (issue 17): one PNG per winner whose certificate is issued,
// named "<serial>-<name>-<size>.png", each written through writeFileAtomic (a temporary sibling
// renamed into place when complete), so a cancel, crash or full disk never leaves a partial PNG
// under a real name. The QR must verify, so a winner without a valid certificate gets no poster
// and is counted (withoutCertificate): the panel says to export the certificates first.
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import type { PosterLanguage, PosterReport, PosterSize } from '../../contract/showcase';
import type { Wording } from '../certificates/content';
import { safeFileName } from '../certificates/export';
import { KepuError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import { asDiskFull, isDiskFull } from '../files/disk-full';
import { makePrivateDir } from '../files/private-files';
import { allWinners, type Announcement, announcement, type Winner } from '../showcase/winners';
import { drawingToPng } from './drawing-png';
import { layoutPoster, type PosterContent } from './poster-layout';

export interface PosterExportOptions {
  campaignId: string;
  outDir: string;
  size: PosterSize;
  language?: PosterLanguage;
  wording: Wording;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export function posterContent(a: Announcement, w: Winner & { certificate: NonNullable<Winner['certificate']> }, wording: Wording): PosterContent {
  const both = (key: string) => ({ 'zh-CN': wording('zh-CN', key), en: wording('en', key) });
  return {
    organizers: a.organizers,
    campaign: a.campaignName,
    tier: w.tier,
    category: w.category,
    title: w.title,
    entrant: w.entrant,
    unit: w.unit,
    serial: w.certificate.serial,
    check: w.certificate.check,
    code: w.certificate.payload,
    labels: { serial: both('certificates.print.serial'), check: both('certificates.print.check'), verify: both('posters.print.verifyHint') },
  };
}

export async function exportPosters(db: Database, options: PosterExportOptions): Promise<PosterReport> {
  const a = announcement(db, options.campaignId, options.wording);
  const winners = allWinners(a);
  const ready = winners.filter((w): w is Winner & { certificate: NonNullable<Winner['certificate']> } => w.certificate !== null);
  const outDir = path.resolve(options.outDir);
  const report: PosterReport = { outDir, size: options.size, posters: 0, withoutCertificate: winners.length - ready.length, files: [], cancelled: false };
  if (ready.length === 0) return report;
  const unwritable = (error: unknown, target: string) =>
    isDiskFull(error) ? asDiskFull(error, outDir) : new KepuError('SHOWCASE_OUTPUT_UNWRITABLE', `posters: cannot write ${target}: ${(error as Error).message}`, { dir: outDir });
  try {
    makePrivateDir(outDir);
  } catch (error) {
    throw unwritable(error, outDir);
  }
  for (const w of ready) {
    if (options.signal?.aborted) {
      report.cancelled = true;
      break;
    }
    const png = drawingToPng(layoutPoster(posterContent(a, w, options.wording), options.size, options.language));
    const file = path.join(outDir, `${safeFileName(`${w.certificate.serial}-${w.entrant}-${options.size}`)}.png`);
    try {
      report.files.push(writeFileAtomic(file, png, { ifHeld: 'numbered' }));
    } catch (error) {
      throw unwritable(error, file);
    }
    report.posters++;
    options.onProgress?.(report.posters, ready.length);
    // Yield between posters so the app's other requests (and a cancel) are answered.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return report;
}
