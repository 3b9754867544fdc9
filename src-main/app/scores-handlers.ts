// Every judge's scores seen and exported (issue 15): the entry view (scores:entry), the score
// matrix as CSV/XLSX (scores:export) and the per-judge score sheet PDF (scores:sheet), and the
// same files as a job on a worker thread (scores:exportJob, the Ranking tab). Read-only;
// a target path (the CLI's --out) is refused when it is one of the app's own files.
import path from 'node:path';
import type { ExportFile, Handlers, NoticeLanguage } from '../contract';
import { safeFileStem } from '../core/campaigns/backup-file';
import { entryScores } from '../core/scores/entry-scores';
import { scoreMatrix } from '../core/scores/score-matrix';
import { nowIso } from '../core/time';
import type { AppContext } from './context';
import { checkedExportTarget, saveExport, writeExport } from './export-file';
import { exportScoreMatrix } from './score-matrix-export';
import { judgeSheets, scoreSheetPdf } from './score-sheet-pdf';
import { runInWorker } from './worker-runner';

type ScoresChannels = 'scores:entry' | 'scores:export' | 'scores:sheet' | 'scores:exportJob';

/** The 评审打分表 PDF (scores:sheet, and the scores.export job on a worker thread). */
export async function exportSheet(
  ctx: Pick<AppContext, 'db' | 'dataDir'>,
  campaignId: string,
  options: { judgeId?: string; roundNo?: number; listKey?: string; language: NoticeLanguage },
  targetPath?: string,
): Promise<ExportFile> {
  const matrix = scoreMatrix(ctx.db, campaignId, options);
  const sheets = judgeSheets(matrix);
  const bytes = await scoreSheetPdf(matrix, sheets, options.language);
  const who = options.judgeId ? (sheets[0]?.judge.name ?? 'judge') : 'all-judges';
  const fileName = `${safeFileStem(`score-sheet-${campaignId}-${who}-${options.language}-${nowIso().slice(0, 10)}`, 'score-sheet')}.pdf`;
  if (targetPath) {
    return { fileName: path.basename(targetPath), mimeType: 'application/pdf', contentBase64: '', ...writeExport(targetPath, bytes) };
  }
  return saveExport(ctx, fileName, bytes, 'application/pdf');
}

export function scoresHandlers(ctx: AppContext): Pick<Handlers, ScoresChannels> {
  const checkedTarget = (targetPath: string | undefined) => checkedExportTarget(ctx, targetPath);
  return {
    'scores:entry': ({ campaignId, entryId }) => {
      ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND
      return entryScores(ctx.db, campaignId, entryId);
    },
    'scores:export': ({ campaignId, format, roundNo, listKey, targetPath }) => {
      ctx.campaigns.summary(campaignId);
      return exportScoreMatrix(ctx, campaignId, format, { roundNo, listKey }, checkedTarget(targetPath));
    },
    'scores:sheet': ({ campaignId, judgeId, roundNo, listKey, language, targetPath }) => {
      ctx.campaigns.summary(campaignId);
      return exportSheet(ctx, campaignId, { judgeId, roundNo, listKey, language }, checkedTarget(targetPath));
    },
    'scores:exportJob': (request) => {
      ctx.campaigns.summary(request.campaignId);
      return ctx.jobs.start('scores.export', (control) => runInWorker(ctx, { module: 'score-exports', export: 'exportScoresJob', args: request }, control, { cancelled: true, file: null }));
    },
  };
}
