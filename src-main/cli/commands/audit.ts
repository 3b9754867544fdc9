// kepu audit verify [--campaign <id>]  |  kepu audit export --campaign <id> --out <file>
// The record on the command line, through the same channels as the Audit screen. verify walks the
// installation's whole chain (one chain for every campaign) and exits 1 naming the first row that
// does not match; --campaign also checks the campaign exists and counts its rows.
import type { i18n } from 'i18next';
import path from 'node:path';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { noteHeldOpen } from '../held-open';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { openRuntime } from '../runtime';

type T = i18n['t'];

export async function runAudit(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') return verify(rest, t);
  if (sub === 'export') return exportRows(rest, t);
  throw new UsageError(t('cli.audit.usage'));
}

async function verify(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' } });
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaignId = values.campaign as string | undefined;
    const campaignRows = campaignId ? (await rt.call('audit:list', { campaignId, limit: 1 })).total : null;
    const check = await rt.call('audit:verify', {});
    if (check.problem) {
      const p = check.problem;
      const params = { id: p.id, at: p.at, action: p.action, kind: t(`audit.problem.${p.kind}`) };
      throw new CliFailure('AUDIT_CHAIN_BROKEN', t('errors.AUDIT_CHAIN_BROKEN', params), params, { intact: false, check });
    }
    if (check.missingGuards.length > 0) {
      const params = { guards: check.missingGuards.join(', ') };
      throw new CliFailure('AUDIT_GUARD_MISSING', t('errors.AUDIT_GUARD_MISSING', params), params, { intact: false, check });
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, campaignRows, ...check }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.audit.intact', { rows: check.rows, heads: check.signedHeads })}${campaignRows === null ? '' : `\n${t('cli.audit.campaignRows', { count: campaignRows })}`}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

async function exportRows(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' }, out: { type: 'string' } });
  if (!values.campaign || !values.out) throw new UsageError(t('cli.audit.usage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const file = await rt.call('audit:export', { campaignId: values.campaign as string });
    const wanted = path.resolve(values.out as string);
    const out = writeFileAtomic(wanted, Buffer.from(file.contentBase64, 'base64'), { ifHeld: 'numbered' });
    noteHeldOpen(t, wanted, out);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, file: out }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.audit.exported', { file: out })}\n`);
    return 0;
  } finally {
    rt.close();
  }
}
