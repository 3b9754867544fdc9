// kepu demo | kepu campaign create/list/export/validate (archive/delete/restore: campaign-lifecycle.ts) | kepu template list/show
import type { i18n } from 'i18next';
import path from 'node:path';
import type { CampaignSummary, ErrorCode } from '../../contract';
import { problemText, type Translate } from '../../contract/definition-places';
import { checkProgramme } from '../../core/campaigns/programme-file';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { noteHeldOpen } from '../held-open';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { readInputFile } from '../input-file';
import { openRuntime } from '../runtime';
import { runArchive, runDelete, runRestore } from './campaign-lifecycle';

type T = i18n['t'];

function printCampaign(t: T, c: CampaignSummary): string {
  const lang = t('meta.language') === 'zh-CN' ? 'zh-CN' : 'en';
  return `${c.id}\t${c.name[lang]}\t${t('cli.entries', { count: c.entryCount })}${c.archived ? `\t${t('cli.lifecycle.archivedMark')}` : ''}`;
}

export async function runDemo(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, {});
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaign = await rt.call('demo:load', {});
    const all = await rt.call('campaign:list', {});
    if (values.json) process.stdout.write(`${JSON.stringify({ campaign, campaigns: all, dataDir: rt.ctx.dataDir }, null, 2)}\n`);
    else {
      process.stdout.write(`${t('cli.demoLoaded', { dir: rt.ctx.dataDir })}\n`);
      for (const c of all) process.stdout.write(`  ${printCampaign(t, c)}\n`);
      process.stdout.write(`${t('cli.demoBundles', { dir: path.join(rt.ctx.dataDir, 'sample-bundles'), campaign: campaign.id })}\n`);
    }
    return 0;
  } finally {
    rt.close();
  }
}

export async function runCampaign(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') {
    const { values } = parseCommand(rest, { template: { type: 'string' }, from: { type: 'string' } });
    if (!values.template === !values.from) throw new UsageError(t('cli.missingOption', { option: '--template <id> | --from <file.kepuprog>' }));
    // The file is read before the database is opened (never through fs while it is open).
    const from = values.from ? programmeSource(values.from as string, t) : null;
    if (from) refuseInvalidProgramme(from, t);
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      const campaign = from
        ? await rt.call('campaign:createFromProgramme', { file: from })
        : await rt.call('campaign:create', { templateId: values.template as string });
      process.stdout.write(values.json ? `${JSON.stringify(campaign, null, 2)}\n` : `${t('cli.campaignCreated')}\t${printCampaign(t, campaign)}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  if (sub === 'archive') return runArchive(rest, t);
  if (sub === 'delete') return runDelete(rest, t);
  if (sub === 'restore') return runRestore(rest, t);
  if (sub === 'list') {
    const { values } = parseCommand(rest, { all: { type: 'boolean' } });
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      const list = await rt.call('campaign:list', { includeArchived: Boolean(values.all) });
      if (values.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) process.stdout.write(`${t('cli.noCampaigns')}\n`);
      else for (const c of list) process.stdout.write(`${printCampaign(t, c)}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  if (sub === 'validate') {
    const { values, positionals } = parseCommand(rest, {});
    if (positionals.length !== 1) throw new UsageError(t('cli.programme.validateUsage'));
    const file = programmeSource(positionals[0], t);
    const check = checkProgramme(Buffer.from(file.contentBase64, 'base64'), file.fileName);
    // Machines get codes, paths and keys as found; people the place and the labels in words.
    const { parsed: _parsed, definition: _definition, ...result } = check;
    const lang = languageOf(t);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: check.valid, ...result }, null, 2)}\n`);
    else if (check.valid) process.stdout.write(`${t('cli.programme.valid', { id: check.programme!.id, name: check.programme!.name[lang] })}\n`);
    else {
      process.stdout.write(`${t('cli.programme.invalid', { file: file.fileName, count: check.problems.length })}\n`);
      for (const p of check.problems) process.stdout.write(`  ${problemText(p, check.definition, translate(t), lang)} [${p.code}]\n`);
    }
    return check.valid ? 0 : 1;
  }
  if (sub === 'export') {
    const { values } = parseCommand(rest, { campaign: { type: 'string' }, out: { type: 'string' } });
    if (!values.campaign || !values.out) throw new UsageError(t('cli.programme.exportUsage'));
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      const file = await rt.call('campaign:exportProgramme', { campaignId: values.campaign as string });
      const wanted = path.resolve(values.out as string);
      rt.ctx.protectedFiles.assertNotProtected(wanted);
      const out = writeFileAtomic(wanted, Buffer.from(file.contentBase64, 'base64'), { ifHeld: 'numbered' });
      noteHeldOpen(t, wanted, out);
      process.stdout.write(values.json ? `${JSON.stringify({ ok: true, file: out }, null, 2)}\n` : `${t('cli.programme.exported', { file: out })}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  throw new UsageError(t('cli.unknownCommand', { command: `campaign ${sub ?? ''}`.trim() }));
}

const languageOf = (t: T) => (t('meta.language') === 'zh-CN' ? 'zh-CN' : 'en');
const translate = (t: T): Translate => (key, options) => t(key, options ?? {});

/**
 * `create --from` an invalid file: refused here with the first problem in words (the place, labels
 * for keys), as `campaign validate` prints it; --json keeps its code, path and keys in `params`.
 */
function refuseInvalidProgramme(file: { fileName: string; contentBase64: string }, t: T): void {
  const check = checkProgramme(Buffer.from(file.contentBase64, 'base64'), file.fileName);
  const first = check.problems[0];
  if (check.valid || !first) return;
  throw new CliFailure(first.code as ErrorCode, problemText(first, check.definition, translate(t), languageOf(t)), first.params);
}

function programmeSource(given: string, t: T): { fileName: string; contentBase64: string } {
  const file = path.resolve(given);
  const bytes = readInputFile(file, t, { code: 'PROGRAMME_INVALID', message: ({ reason }) => t('errors.PROGRAMME_INVALID', { file: path.basename(file), path: '(file)', detail: reason }) });
  if (bytes.length === 0) throw new CliFailure('PROGRAMME_INVALID', t('errors.PROGRAMME_INVALID', { file: path.basename(file), path: '(file)', detail: '0 bytes' }), { file: path.basename(file) });
  return { fileName: path.basename(file), contentBase64: bytes.toString('base64') };
}

export async function runTemplate(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'show') {
    const { values, positionals } = parseCommand(rest, {});
    if (positionals.length !== 1) throw new UsageError(t('cli.programme.showUsage'));
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      // The whole definition either way: as JSON, or as the programme file's own text.
      const programme = await rt.call('template:show', { templateId: positionals[0] });
      process.stdout.write(`${JSON.stringify(programme, null, 2)}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  if (sub !== 'list') throw new UsageError(t('cli.unknownCommand', { command: `template ${sub ?? ''}`.trim() }));
  const { values } = parseCommand(rest, {});
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const list = await rt.call('template:list', {});
    const lang = t('meta.language') === 'zh-CN' ? 'zh-CN' : 'en';
    if (values.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    else for (const tpl of list) process.stdout.write(`${tpl.id}\t${tpl.name[lang]}\n`);
    return 0;
  } finally {
    rt.close();
  }
}
