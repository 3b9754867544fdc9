// kepu roster export --out <file.xlsx> [--days N] [--status S] [--lang zh-CN|en]
// kepu roster expiring [--days N]
// The committee members' roster across campaigns (issue 17), through the same channels as the
// Roster page: the XLSX export, and the certificates that expire within N days (default 90).
import path from 'node:path';
import type { i18n } from 'i18next';
import { RosterStatus } from '../../contract/roster';
import { checkedExportTarget } from '../../app/export-file';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

function days(value: unknown, t: T): number {
  if (value === undefined) return 90;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new UsageError(t('cli.roster.usage'));
  return n;
}

export async function runRoster(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseCommand(rest, { out: { type: 'string' }, days: { type: 'string' }, status: { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length || (sub !== 'export' && sub !== 'expiring')) throw new UsageError(t('cli.roster.usage'));
  const expiringDays = days(values.days, t);
  const status = values.status === undefined ? undefined : RosterStatus.safeParse(values.status);
  if (status && !status.success) throw new UsageError(t('cli.roster.usage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    if (sub === 'export') {
      if (!values.out) throw new UsageError(t('cli.missingOption', { option: '--out <file.xlsx>' }));
      const out = checkedExportTarget(rt.ctx, values.out as string) ?? path.resolve(values.out as string);
      const language = values.lang === 'en' ? 'en' : values.lang === undefined ? (t('meta.language') === 'en' ? 'en' : 'zh-CN') : 'zh-CN';
      const file = await rt.call('roster:export', { expiringDays, status: status?.data, language });
      writeFileAtomic(out, Buffer.from(file.contentBase64, 'base64'));
      const count = (await rt.call('roster:list', { expiringDays, status: status?.data })).members.length;
      process.stdout.write(values.json ? `${JSON.stringify({ ok: true, file: out, members: count }, null, 2)}\n` : `${t('cli.roster.exported', { count, file: out })}\n`);
      return 0;
    }
    const { members } = await rt.call('roster:list', { expiringDays, status: 'expiring' });
    if (values.json) process.stdout.write(`${JSON.stringify({ days: expiringDays, members }, null, 2)}\n`);
    else if (members.length === 0) process.stdout.write(`${t('cli.roster.expiringNone', { days: expiringDays })}\n`);
    else {
      process.stdout.write(`${t('cli.roster.expiringHead', { count: members.length, days: expiringDays })}\n`);
      for (const m of members) process.stdout.write(`  ${m.certificate?.validUntil ?? ''}\t${m.certificate?.serial ?? ''}\t${m.name}${m.unit ? `\t${m.unit}` : ''}\n`);
    }
    return 0;
  } finally {
    rt.close();
  }
}
