// kepu demo | kepu campaign create/list | kepu template list
import type { i18n } from 'i18next';
import path from 'node:path';
import type { CampaignSummary } from '../../contract';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

function printCampaign(t: T, c: CampaignSummary): string {
  const lang = t('meta.language') === 'zh-CN' ? 'zh-CN' : 'en';
  return `${c.id}\t${c.name[lang]}\t${t('cli.entries', { count: c.entryCount })}`;
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
    const { values } = parseCommand(rest, { template: { type: 'string' } });
    if (!values.template) throw new UsageError(t('cli.missingOption', { option: '--template <id>' }));
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      const campaign = await rt.call('campaign:create', { templateId: values.template as string });
      process.stdout.write(values.json ? `${JSON.stringify(campaign, null, 2)}\n` : `${t('cli.campaignCreated')}\t${printCampaign(t, campaign)}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  if (sub === 'list') {
    const { values } = parseCommand(rest, {});
    const rt = openRuntime(values['data-dir'] as string | undefined, t);
    try {
      const list = await rt.call('campaign:list', {});
      if (values.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) process.stdout.write(`${t('cli.noCampaigns')}\n`);
      else for (const c of list) process.stdout.write(`${printCampaign(t, c)}\n`);
      return 0;
    } finally {
      rt.close();
    }
  }
  throw new UsageError(t('cli.unknownCommand', { command: `campaign ${sub ?? ''}`.trim() }));
}

export async function runTemplate(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
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
