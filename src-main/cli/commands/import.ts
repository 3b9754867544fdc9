// kepu import <file> --campaign <id>: the same import (and report) as the UI's import screen. The
// file is a CSV/XLSX sheet, an .eml, an .mbox, or a folder of mails (its .eml/.mbox files, below
// it too; other files are passed over).
import type { i18n } from 'i18next';
import fs from 'node:fs';
import path from 'node:path';
import type { EntryKind, ImportReport, RegNoGeneration } from '../../contract';
import { entryKinds } from '../../contract/basics';
import { importEncodings } from '../../contract/intake';
import { DEFAULT_GENERATED_PREFIX } from '../../core/intake/import-registrations';
import { mappingTargets } from '../../core/intake/targets';
import { rowErrorText, targetLabels, type TargetLabels } from '../../app/row-error-text';
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
    // A kind chosen for a row (a mail) whose kind could not be read: --kind 3=work, repeatable.
    kind: { type: 'string', multiple: true } as { type: 'string' },
    // A file without registration numbers (a questionnaire export): number the rows, keyed by these columns.
    'number-by': { type: 'string' },
    prefix: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(t('cli.import.usage'));
  if (!values.campaign) throw new UsageError(t('cli.missingOption', { option: '--campaign <id>' }));
  const encoding = (values.encoding as string | undefined) ?? 'auto';
  if (!(importEncodings as readonly string[]).includes(encoding)) {
    throw new UsageError(t('cli.import.badEncoding', { encoding, choices: importEncodings.join(', ') }));
  }
  const rowKinds: Record<string, EntryKind> = {};
  for (const choice of Array.isArray(values.kind) ? (values.kind as string[]) : []) {
    const m = /^(\d+)=(\w+)$/.exec(choice);
    if (!m || !(entryKinds as readonly string[]).includes(m[2])) throw new UsageError(t('cli.import.badKind', { value: choice, choices: entryKinds.join(', ') }));
    rowKinds[m[1]] = m[2] as EntryKind;
  }
  const file = path.resolve(positionals[0]);
  const unreadable = (name: string) => ({ code: 'IMPORT_FILE_UNREADABLE' as const, message: () => t('cli.import.cannotRead', { file: name }) });
  const isFolder = fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const bytes = isFolder ? Buffer.alloc(0) : readInputFile(file, t, unreadable(file));
  const files = isFolder
    ? mailFilesIn(file).map((f) => ({ fileName: path.relative(file, f), contentBase64: readInputFile(f, t, unreadable(f)).toString('base64') }))
    : undefined;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    // After publication, new or changed entries move the live result: only on request.
    if (values['after-publish']) await rt.call('ranking:allowChanges', { campaignId: values.campaign as string });
    const source = { fileName: path.basename(file), contentBase64: bytes.toString('base64'), ...(files ? { files } : {}) };
    const options = {
      encoding: encoding as (typeof importEncodings)[number],
      ...(values.sheet ? { sheet: values.sheet as string } : {}),
      ...(Object.keys(rowKinds).length ? { rowKinds } : {}),
    };
    const generateRegNos = values['number-by']
      ? await generationByHeaders(rt, values.campaign as string, source, options, values['number-by'] as string, (values.prefix as string | undefined) ?? DEFAULT_GENERATED_PREFIX, t)
      : undefined;
    const report = await rt.call('intake:import', {
      campaignId: values.campaign as string,
      source,
      options: { ...options, ...(generateRegNos ? { generateRegNos } : {}) },
    });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: report.rejected.length === 0, ...report }, null, 2)}\n`);
    else {
      const labels = labelsOf(rt.ctx.campaigns.definition(values.campaign as string), t('meta.language'));
      process.stdout.write(`${describeReport(report, t, labels)}\n`);
    }
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    rt.close();
  }
}

/** --number-by 序号 or --number-by 手机,作品名称: the key columns named by their headers in the file. */
async function generationByHeaders(
  rt: ReturnType<typeof openRuntime>,
  campaignId: string,
  source: { fileName: string; contentBase64: string },
  options: { encoding: (typeof importEncodings)[number]; sheet?: string },
  names: string,
  prefix: string,
  t: T,
): Promise<RegNoGeneration> {
  if (!/^[A-Za-z0-9-]{0,12}$/.test(prefix)) throw new UsageError(t('cli.import.badPrefix', { prefix }));
  const preview = await rt.call('intake:preview', { campaignId, source, options: { ...options, generateRegNos: null } });
  const keyColumns = names.split(/[,，]/).map((name) => {
    const column = preview.headers.findIndex((h) => h.trim() === name.trim());
    if (column === -1) throw new UsageError(t('cli.import.noSuchColumn', { column: name.trim(), headers: preview.headers.filter((h) => h).join(', ') }));
    return column;
  });
  return { keyColumns, prefix };
}

/** The .eml and .mbox files in a folder and below it, dot-files skipped. */
function mailFilesIn(folder: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...mailFilesIn(full));
    else if (entry.isFile() && /\.(eml|mbox|mbx)$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function labelsOf(def: Parameters<typeof mappingTargets>[0], language: string): TargetLabels {
  return targetLabels(mappingTargets(def), language);
}

export const describeRowError = rowErrorText;

function describeReport(report: ImportReport, t: T, labels: TargetLabels): string {
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
  if (report.mail) {
    const checked = report.mail.media?.checked ?? { pass: 0, fail: 0, unreadable: 0 };
    lines.push(t('cli.import.mailMedia', { stored: report.mail.attachmentsStored, ...checked, fetch: report.mail.mediaToFetch }));
    if (report.mail.replies.length) lines.push(t('cli.import.mailReplies', { rows: report.mail.replies.join(', ') }));
  }
  return lines.join('\n');
}
