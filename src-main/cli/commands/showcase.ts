// kepu showcase export --campaign <id> --out <dir>
// kepu posters export --campaign <id> --size story|square --out <dir> [--language zh-CN|en|bilingual]
// Announcing results (issue 17), the same exports as the Certificates tab's announcing panel: the
// static bilingual showcase folder (index.html + assets/) and one PNG poster per winner whose
// certificate is issued. Ctrl+C cancels; the files already written are complete.
import type { i18n } from 'i18next';
import path from 'node:path';
import { posterLanguages, type PosterLanguage, posterSizes, type PosterSize } from '../../contract/showcase';
import { certificateWording } from '../../app/certificate-handlers';
import { exportPosters } from '../../core/posters/poster-export';
import { exportShowcase } from '../../core/showcase/showcase-export';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { openRuntime } from '../runtime';
import { ttyProgress } from '../tty-progress';
import { interruptOnCtrlC, requireOptions } from '../interrupt';

type T = i18n['t'];

export async function runShowcase(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportCommand('showcase', rest, t);
  throw new UsageError(t('cli.unknownCommand', { command: `showcase ${sub ?? ''}`.trim() }));
}

export async function runPosters(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportCommand('posters', rest, t);
  throw new UsageError(t('cli.unknownCommand', { command: `posters ${sub ?? ''}`.trim() }));
}

function choice<C extends string>(t: T, option: string, value: string | undefined, choices: readonly C[]): C | undefined {
  if (value !== undefined && !(choices as readonly string[]).includes(value)) {
    throw new UsageError(t('cli.certificates.badChoice', { option, choices: choices.join(', '), value }));
  }
  return value as C | undefined;
}

async function exportCommand(what: 'showcase' | 'posters', argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    campaign: { type: 'string' },
    out: { type: 'string' },
    ...(what === 'posters' ? { size: { type: 'string' as const }, language: { type: 'string' as const } } : {}),
  });
  if (positionals.length) throw new UsageError(t(`cli.${what}.exportUsage`));
  requireOptions(values, [['campaign', '--campaign <id>'], ['out', '--out <dir>']] as const, t);
  const size = choice<PosterSize>(t, '--size', values.size as string | undefined, posterSizes) ?? 'story';
  const language = choice<PosterLanguage>(t, '--language', values.language as string | undefined, posterLanguages) ?? 'bilingual';
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  const interrupt = interruptOnCtrlC();
  try {
    const campaignId = values.campaign as string;
    rt.ctx.campaigns.summary(campaignId); // CAMPAIGN_NOT_FOUND, translated by main
    const progress = ttyProgress(t);
    const common = { campaignId, outDir: path.resolve(values.out as string), wording: certificateWording(), signal: interrupt.signal, onProgress: progress.onProgress };
    const report = what === 'showcase' ? await exportShowcase(rt.ctx.db, { ...common, dataDir: rt.ctx.dataDir }) : await exportPosters(rt.ctx.db, { ...common, size, language });
    progress.end();
    if (report.cancelled && values.json) throw new CliFailure('CANCELLED', t('errors.CANCELLED'), {}, { report });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if ('posters' in report) {
      process.stdout.write(`${t('cli.posters.exported', { count: report.posters, dir: report.outDir })}\n`);
      for (const file of report.files) process.stdout.write(`  ${path.basename(file)}\n`);
      if (report.withoutCertificate > 0) process.stdout.write(`${t('cli.posters.withoutCertificate', { count: report.withoutCertificate })}\n`);
    } else {
      process.stdout.write(`${t('cli.showcase.exported', { count: report.winners, lists: report.lists, dir: report.outDir })}\n`);
      if (report.index) process.stdout.write(`  ${report.index}\n`);
    }
    if (report.cancelled) throw new CliFailure('CANCELLED', t('errors.CANCELLED'));
    return 0;
  } finally {
    interrupt.release();
    rt.close();
  }
}
