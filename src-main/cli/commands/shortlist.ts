// kepu shortlist export --campaign <id> --list <key> --round <key|n> --out <file> [--passphrase-env VAR]
// kepu shortlist import <file> --campaign <id> [--json]
// Levels (issue 14) through the same channels as the app: export writes the round's made shortlist
// as a signed .kepulist file (the coordinator's key, unlocked from the passphrase in the variable
// --passphrase-env names, default KEPU_PASSPHRASE); import verifies a file, prints what it holds
// and imports its entries into the campaign, all or nothing.
import path from 'node:path';
import type { i18n } from 'i18next';
import type { ShortlistFilePreview } from '../../contract';
import { localizedText } from '../../contract/definition-places';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { SHORTLIST_MAX_BYTES } from '../../core/shortlist/shortlist-file';
import { noteHeldOpen } from '../held-open';
import { parseCommand, UsageError } from '../args';
import { CliFailure } from '../failure';
import { readInputFile } from '../input-file';
import { passphraseFromEnv, unlockWith } from '../passphrase';
import { openRuntime } from '../runtime';
import { roundNumber } from './round-shortlist';

type T = i18n['t'];

export async function runShortlistFile(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportFile(rest, t);
  if (sub === 'import') return importFile(rest, t);
  throw new UsageError(t('cli.shortlistFile.usage'));
}

async function exportFile(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, { campaign: { type: 'string' }, list: { type: 'string' }, round: { type: 'string' }, out: { type: 'string' }, 'passphrase-env': { type: 'string' } });
  if (positionals.length || !values.campaign || !values.list || !values.round || !values.out) throw new UsageError(t('cli.shortlistFile.usage'));
  const passphrase = passphraseFromEnv(values['passphrase-env'], t);
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaignId = values.campaign as string;
    const listKey = values.list as string;
    const campaign = await rt.call('campaign:get', { campaignId });
    const roundNo = roundNumber(campaign.definition, listKey, values.round as string, t);
    unlockWith(rt, passphrase);
    const status = rt.ctx.identity.status();
    const file = await rt.call('shortlist:exportFile', { campaignId, listKey, roundNo });
    const wanted = path.resolve(values.out as string);
    const out = writeFileAtomic(wanted, Buffer.from(file.contentBase64, 'base64'), { ifHeld: 'numbered' });
    noteHeldOpen(t, wanted, out);
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, file: out, entries: file.entries, fingerprint: status.fingerprint }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.shortlistFile.exported', { count: file.entries, file: out, fingerprint: status.fingerprint ?? '' })}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

function describe(p: ShortlistFilePreview, t: T): string {
  const lang = t('meta.language');
  const lines = [
    t('cli.shortlistFile.origin', {
      campaign: localizedText(p.origin.campaignName, lang),
      organiser: [p.origin.organiser, p.origin.institution].filter(Boolean).join(', '),
      list: localizedText(p.origin.listName, lang),
      round: p.origin.roundName ? localizedText(p.origin.roundName, lang) : p.origin.roundNo,
    }),
    t('cli.shortlistFile.signer', { name: p.signer.name, fingerprint: p.signer.fingerprint }),
  ];
  for (const c of p.perCategory) lines.push(`  ${c.label ? localizedText(c.label, lang) : `${c.kind}/${c.category ?? '-'}`}\t${c.count}`);
  return lines.join('\n');
}

async function importFile(argv: string[], t: T): Promise<number> {
  const { values, positionals } = parseCommand(argv, { campaign: { type: 'string' } });
  if (positionals.length !== 1 || !values.campaign) throw new UsageError(t('cli.shortlistFile.usage'));
  const file = positionals[0];
  const fileName = path.basename(file);
  const bytes = readInputFile(file, t, {
    code: 'SHORTLIST_FILE_UNREADABLE',
    maxBytes: SHORTLIST_MAX_BYTES,
    tooLarge: (size) => new CliFailure('SHORTLIST_FILE_TOO_LARGE', t('errors.SHORTLIST_FILE_TOO_LARGE', { file: fileName, size, limit: SHORTLIST_MAX_BYTES }), { file: fileName, size, limit: SHORTLIST_MAX_BYTES }),
  });
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const result = await rt.call('shortlist:importFile', { campaignId: values.campaign as string, file: { fileName, contentBase64: bytes.toString('base64') } });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
    else process.stdout.write(`${describe(result.preview, t)}\n${t('cli.shortlistFile.imported', { count: result.imported })}\n`);
    return 0;
  } finally {
    rt.close();
  }
}
