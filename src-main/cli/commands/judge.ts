// kepu judge add --campaign <id> --name N [--institution I] [--speciality S]… [--contact C]
//                [--conflict-institution I]… [--conflict-entry <regNo>[=reason]]…
// kepu judge list --campaign <id>
// The judge roster on the command line (issue 15), through the same channels as the Exchange tab:
// a judge added before their key card, with contact and declared conflicts; the list shows who
// still has no key card and the fingerprint of those who have one.
import type { i18n } from 'i18next';
import type { Judge } from '../../contract';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

export async function runJudge(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'add') return add(rest, t);
  if (sub === 'list') return list(rest, t);
  throw new UsageError(t('cli.judge.usage'));
}

/** "SC-0001=former student" → { regNo, reason }; the reason may itself hold "=". */
function conflictEntry(text: string): { regNo: string; reason: string } {
  const at = text.indexOf('=');
  return at < 0 ? { regNo: text.trim(), reason: '' } : { regNo: text.slice(0, at).trim(), reason: text.slice(at + 1).trim() };
}

const many = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function add(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, {
    campaign: { type: 'string' },
    name: { type: 'string' },
    institution: { type: 'string' },
    contact: { type: 'string' },
    speciality: { type: 'string', multiple: true },
    'conflict-institution': { type: 'string', multiple: true },
    'conflict-entry': { type: 'string', multiple: true },
  });
  if (!values.campaign || !values.name) throw new UsageError(t('cli.judge.usage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const judge = await rt.call('judge:create', {
      campaignId: values.campaign as string,
      name: values.name as string,
      ...(values.institution ? { institution: values.institution as string } : {}),
      ...(values.contact ? { contact: values.contact as string } : {}),
      specialities: many(values.speciality),
      conflictInstitutions: many(values['conflict-institution']),
      conflictEntries: many(values['conflict-entry']).map(conflictEntry),
    });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, ...judge }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.judge.added', { name: judge.name, id: judge.id })}\n${describe(judge, t)}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

async function list(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' } });
  if (!values.campaign) throw new UsageError(t('cli.judge.usage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const { judges } = await rt.call('judge:list', { campaignId: values.campaign as string });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, judges }, null, 2)}\n`);
    else if (judges.length === 0) process.stdout.write(`${t('cli.judge.none')}\n`);
    else process.stdout.write(`${judges.map((j) => describe(j, t)).join('\n')}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

/** One judge in a few lines: name, institution, contact, key (or none yet), declared conflicts. */
function describe(j: Judge, t: T): string {
  const conflicts = [...j.conflicts.institutions, ...j.conflicts.entries.map((e) => (e.reason ? t('cli.judge.conflictEntry', { regNo: e.regNo, reason: e.reason }) : e.regNo))];
  // common.labelled: "联系方式：…" in Chinese, "contact: …" in English.
  const line = (label: string, value: string) => `  ${t('common.labelled', { label: t(label), value })}`;
  return [
    `${j.name}${j.institution ? ` · ${j.institution}` : ''}  [${j.id}]`,
    line('cli.judge.contact', j.contact ?? '—'),
    line('cli.judge.key', j.fingerprint ?? t('exchange.roster.noKeyCard')),
    line('cli.judge.conflicts', conflicts.length ? conflicts.join(t('common.listSeparator')) : '—'),
  ].join('\n');
}
