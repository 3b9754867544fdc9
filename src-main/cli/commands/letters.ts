// kepu letters export --campaign <id> --list <name> --out <dir> [--language zh-CN|en|both] [--score-band]
// Result letters (issue 19), the same export as the Certificates tab's letters section: per entrant
// a PDF and a .eml draft, then the mail-merge CSV and XLSX. Without --language each letter is in the
// entrant's language when the registration names one, else both. Ctrl+C cancels; the files
// already written are complete.
import type { i18n } from 'i18next';
import path from 'node:path';
import { letterLanguages, type LetterLanguage } from '../../contract/letters';
import { certificateWording } from '../../app/certificate-handlers';
import { exportLetters } from '../../core/letters/letter-export';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { openRuntime } from '../runtime';
import { ttyProgress } from '../tty-progress';
import { interruptOnCtrlC, requireOptions } from '../interrupt';

type T = i18n['t'];

export async function runLetters(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportCommand(rest, t);
  throw new UsageError(t('cli.unknownCommand', { command: `letters ${sub ?? ''}`.trim() }));
}

async function exportCommand(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    campaign: { type: 'string' },
    list: { type: 'string' },
    out: { type: 'string' },
    language: { type: 'string' },
    'score-band': { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(t('cli.letters.exportUsage'));
  requireOptions(values, [['campaign', '--campaign <id>'], ['list', '--list <name>'], ['out', '--out <dir>']] as const, t);
  const language = values.language as string | undefined;
  if (language !== undefined && !(letterLanguages as readonly string[]).includes(language)) {
    throw new UsageError(t('cli.certificates.badChoice', { option: '--language', choices: letterLanguages.join(', '), value: language }));
  }
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  const interrupt = interruptOnCtrlC();
  try {
    const campaignId = values.campaign as string;
    rt.ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND, translated by main
    const progress = ttyProgress(t);
    const report = await exportLetters(rt.ctx.db, {
      campaignId,
      listKey: values.list as string,
      outDir: path.resolve(values.out as string),
      language: language as LetterLanguage | undefined,
      scoreBand: values['score-band'] === true,
      wording: certificateWording(),
      signal: interrupt.signal,
      onProgress: progress.onProgress,
    });
    progress.end();
    if (report.cancelled && values.json) throw new CliFailure('CANCELLED', t('errors.CANCELLED'), {}, { report });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      process.stdout.write(`${t('cli.letters.exported', { count: report.letters, list: report.listKey, dir: report.outDir })}\n`);
      for (const file of report.files) process.stdout.write(`  ${path.basename(file)}\n`);
      if (report.withoutEmail > 0) process.stdout.write(`${t('cli.letters.withoutEmail', { count: report.withoutEmail })}\n`);
    }
    if (report.cancelled) throw new CliFailure('CANCELLED', t('errors.CANCELLED'));
    return 0;
  } finally {
    interrupt.release();
    rt.close();
  }
}
