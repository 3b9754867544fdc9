// kepu round list --campaign <id> [--json]: each list of the campaign with its rounds in order
// (a list without rounds runs one scoring pass) and, for a formal check round, how many entries
// are not checked, passed, need fixing or failed. `round shortlist` is in round-shortlist.ts.
import type { i18n } from 'i18next';
import { type CampaignDefinition, localizedText } from '../../contract';
import { roundsOf } from '../../contract/lists';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';
import { runShortlist } from './round-shortlist';

type T = i18n['t'];

export async function runRound(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') return list(rest, t);
  if (sub === 'shortlist') return runShortlist(rest, t);
  throw new UsageError(t('cli.round.usage'));
}

async function list(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' } });
  if (!values.campaign) throw new UsageError(t('cli.round.usage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaignId = values.campaign as string;
    const campaign = await rt.call('campaign:get', { campaignId });
    const checks = await rt.call('formalCheck:list', { campaignId });
    const lists = listsWithRounds(campaign.definition, checks.entries);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok: true, campaignId, lists }, null, 2)}\n`);
      return 0;
    }
    const lang = t('meta.language');
    const lines: string[] = [];
    for (const l of lists) {
      lines.push(`${l.key}\t${localizedText(l.name, lang)}`);
      if (l.rounds.length === 0) lines.push(`  ${t('cli.round.single')}`);
      l.rounds.forEach((r, i) => {
        const counts = r.counts ? `\t${t('cli.round.counts', r.counts)}` : '';
        lines.push(`  ${i + 1}. ${r.key}\t${t(`setup.rounds.kinds.${r.kind}`)}\t${localizedText(r.name, lang)}${counts}`);
      });
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

type Counts = { entries: number; unchecked: number; pass: number; fail: number; fix_needed: number };

function listsWithRounds(def: CampaignDefinition, entries: readonly { list: string; round: string; current: { verdict: 'pass' | 'fail' | 'fix_needed' } | null }[]) {
  return def.lists.map((l) => ({
    key: l.key,
    name: l.name,
    rounds: roundsOf(l).map((r) => {
      if (r.kind !== 'formal') return { ...r, counts: null };
      const counts: Counts = { entries: 0, unchecked: 0, pass: 0, fail: 0, fix_needed: 0 };
      for (const e of entries) {
        if (e.list !== l.key || e.round !== r.key) continue;
        counts.entries += 1;
        counts[e.current?.verdict ?? 'unchecked'] += 1;
      }
      return { ...r, counts };
    }),
  }));
}
