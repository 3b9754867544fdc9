// kepu import <file> --campaign <id>: the same import (and report) as the UI's import screen.
import type { i18n } from 'i18next';
import path from 'node:path';
import { importEncodings, type ImportReport, type RowError } from '../../contract';
import { mappingTargets } from '../../core/intake/targets';
import { parseCommand, UsageError } from '../args';
import { readInputFile } from '../input-file';
import { openRuntime } from '../runtime';

type T = i18n['t'];

export async function runImport(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    campaign: { type: 'string' },
    encoding: { type: 'string' },
    sheet: { type: 'string' },
    'after-publish': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError(t('cli.import.usage'));
  if (!values.campaign) throw new UsageError(t('cli.missingOption', { option: '--campaign <id>' }));
  const encoding = (values.encoding as string | undefined) ?? 'auto';
  if (!(importEncodings as readonly string[]).includes(encoding)) {
    throw new UsageError(t('cli.import.badEncoding', { encoding, choices: importEncodings.join(', ') }));
  }
  const file = path.resolve(positionals[0]);
  const bytes = readInputFile(file, t, { code: 'IMPORT_FILE_UNREADABLE', message: () => t('cli.import.cannotRead', { file }) });
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    // After publication, new or changed entries move the live result: only on request.
    if (values['after-publish']) await rt.call('ranking:allowChanges', { campaignId: values.campaign as string });
    const report = await rt.call('intake:import', {
      campaignId: values.campaign as string,
      source: { fileName: path.basename(file), contentBase64: bytes.toString('base64') },
      options: { encoding: encoding as (typeof importEncodings)[number], ...(values.sheet ? { sheet: values.sheet as string } : {}) },
    });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: report.rejected.length === 0, ...report }, null, 2)}\n`);
    else {
      const labels = targetLabels(rt.ctx.campaigns.definition(values.campaign as string), t('meta.language'));
      process.stdout.write(`${describeReport(report, t, labels)}\n`);
    }
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    rt.close();
  }
}

function targetLabels(def: Parameters<typeof mappingTargets>[0], language: string): Map<string, string> {
  return new Map(mappingTargets(def).map((target) => [target.key, language === 'zh-CN' ? target.label['zh-CN'] : target.label.en]));
}

export function describeRowError(t: T, labels: Map<string, string>, error: RowError): string {
  const fields = (error.targets ?? []).map((key) => t('intake.fieldList', { label: labels.get(key) ?? key })).join(t('intake.fieldListSeparator'));
  return t(`intake.rowErrors.${error.code}`, { field: labels.get(error.target) ?? error.target, value: error.value, fields });
}

function describeReport(report: ImportReport, t: T, labels: Map<string, string>): string {
  const lines = [
    t('cli.import.summary', {
      file: report.fileName,
      added: report.added.length,
      updated: report.updated.length,
      unchanged: report.unchanged.length,
      rejected: report.rejected.length,
      late: report.late.length,
    }),
  ];
  for (const r of report.rejected) {
    lines.push(t('cli.import.rejectedRow', { row: r.row, problems: r.errors.map((e) => describeRowError(t, labels, e)).join('; ') }));
  }
  for (const f of report.flagged) {
    lines.push(t('cli.import.flaggedRow', { row: f.row, problems: f.warnings.map((e) => describeRowError(t, labels, e)).join('; ') }));
  }
  if (report.late.length) lines.push(t('cli.import.lateRows', { rows: report.late.join(', ') }));
  if (report.early.length) lines.push(t('cli.import.earlyRows', { rows: report.early.join(', ') }));
  return lines.join('\n');
}
