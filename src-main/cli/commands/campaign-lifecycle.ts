// kepu campaign archive | delete | restore: the same channels as the app's campaign actions.
// On the command line the explicit `delete --campaign <id>` is the confirmation: the campaign's
// own name is passed as the typed name the app asks for.
import type { i18n } from 'i18next';
import path from 'node:path';
import type { CampaignSummary } from '../../contract';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { readInputFile } from '../input-file';
import { openRuntime } from '../runtime';

type T = i18n['t'];

const nameIn = (t: T, c: Pick<CampaignSummary, 'name'>) => c.name[t('meta.language') === 'zh-CN' ? 'zh-CN' : 'en'];

export async function runArchive(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' }, undo: { type: 'boolean' }, reason: { type: 'string' } });
  if (!values.campaign) throw new UsageError(t('cli.lifecycle.archiveUsage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const archived = !values.undo;
    const campaign = await rt.call('campaign:archive', { campaignId: values.campaign as string, archived, reason: (values.reason as string | undefined) ?? '' });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, campaign }, null, 2)}\n`);
    else process.stdout.write(`${t(archived ? 'cli.lifecycle.archived' : 'cli.lifecycle.unarchived', { id: campaign.id, name: nameIn(t, campaign) })}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

export async function runDelete(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' }, 'backup-dir': { type: 'string' } });
  if (!values.campaign) throw new UsageError(t('cli.lifecycle.deleteUsage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaignId = values.campaign as string;
    const summary = await rt.call('campaign:get', { campaignId });
    const backupDir = values['backup-dir'] ? path.resolve(values['backup-dir'] as string) : undefined;
    const result = await rt.call('campaign:delete', { campaignId, confirmName: summary.name.en, ...(backupDir ? { backupDir } : {}) });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.lifecycle.deleted', { id: campaignId, name: nameIn(t, summary), file: result.backupFile })}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

export async function runRestore(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { from: { type: 'string' } });
  if (!values.from) throw new UsageError(t('cli.lifecycle.restoreUsage'));
  // Read before the database is opened (never through fs while it is open: see protected-files).
  const file = path.resolve(values.from as string);
  const bytes = readInputFile(file, t, { code: 'BACKUP_INVALID' });
  if (bytes.length === 0) throw new CliFailure('BACKUP_INVALID', t('errors.BACKUP_INVALID', { file: path.basename(file), reason: '0 bytes' }), { file: path.basename(file), reason: '0 bytes' });
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaign = await rt.call('campaign:restore', { file: { fileName: path.basename(file), contentBase64: bytes.toString('base64') } });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, campaign }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.lifecycle.restored', { id: campaign.id, name: nameIn(t, campaign), file: path.basename(file) })}\n`);
    return 0;
  } finally {
    rt.close();
  }
}
