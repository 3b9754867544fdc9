// The score matrix (CSV, XLSX) and the judges' score sheets (PDF) as a job on a worker thread
// (scores:exportJob): the same functions as scores:export and scores:sheet, with a cancel seen
// before the file is written (the matrix and the document are made in memory; the file is written
// to a temporary name and renamed, so a cancelled job leaves nothing in exports/).
import type { ExportFile, ScoresExportRequest } from '../contract';
import { exportScoreMatrix } from './score-matrix-export';
import { exportSheet } from './scores-handlers';
import { checkCancelled, type WorkerContext, type WorkerControl } from './worker-tasks';

export async function exportScoresJob(ctx: WorkerContext, args: ScoresExportRequest, control: WorkerControl): Promise<{ cancelled: false; file: ExportFile }> {
  const { campaignId, format, roundNo, listKey } = args;
  control.progress({ done: 0, total: 1 });
  const guarded = { db: ctx.db, get dataDir() {
    // Read just before the file is written: the last point a cancel can still leave nothing.
    checkCancelled(control);
    return ctx.dataDir;
  } };
  const file =
    format === 'pdf'
      ? await exportSheet(guarded, campaignId, { judgeId: args.judgeId, roundNo, listKey, language: args.language ?? 'zh' })
      : await exportScoreMatrix(guarded, campaignId, format, { roundNo, listKey });
  control.progress({ done: 1, total: 1 });
  return { cancelled: false, file };
}
