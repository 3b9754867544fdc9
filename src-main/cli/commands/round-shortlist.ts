// kepu round shortlist --campaign <id> --list <key> --round <key|number>
//   [--make | --top N | --percent P | --threshold T] [--add <regNo> | --remove <regNo>] --reason "…"
// The shortlist between rounds through the same channels as the Ranking tab: a rule (or --make,
// for the round's rule in the programme) makes a new version from the current ranking; --add or
// --remove records a manual change with its reason; without either it prints the current
// shortlist. The round is named by its key or by its number among the list's scoring rounds.
import type { i18n } from 'i18next';
import type { CampaignDefinition, ShortlistLine, ShortlistRule, ShortlistView } from '../../contract';
import { localizedText } from '../../contract/definition-places';
import { roundsOf } from '../../contract/lists';
import { entryIdByRegNo } from '../../core/decisions/decision-service';
import { formatInZone } from '../../core/time';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

/** The round's number among the list's scoring rounds (a list without rounds has round 1). */
export function roundNumber(def: CampaignDefinition, listKey: string, given: string, t: T): number {
  if (/^\d+$/.test(given)) return Number(given);
  const list = def.lists.find((l) => l.key === listKey);
  const index = list ? roundsOf(list).filter((r) => r.kind === 'scoring').findIndex((r) => r.key === given) : -1;
  if (index < 0) throw new UsageError(t('cli.shortlist.badRound', { list: listKey, round: given }));
  return index + 1;
}

function ruleOf(values: Record<string, string | boolean | undefined>, t: T): ShortlistRule | null {
  const given = (['top', 'percent', 'threshold'] as const).filter((by) => values[by] !== undefined);
  if (given.length === 0) return null;
  const value = Number(values[given[0]]);
  if (given.length > 1 || !Number.isFinite(value) || value <= 0) throw new UsageError(t('cli.shortlist.oneRule'));
  return { by: given[0], value };
}

export function ruleText(rule: ShortlistRule, t: T): string {
  return t(`shortlist.rule.${rule.by}`, { value: rule.value });
}

function whyText(l: ShortlistLine, t: T): string {
  if (l.why === 'held') return t('shortlist.why.held', { flags: l.flags.map((f) => t(`shortlist.flags.${f}`)).join(', ') });
  if (l.why === 'added' || l.why === 'removed') return t(`shortlist.why.${l.why}`, { by: l.adjustment?.by ?? '', reason: l.adjustment?.reason ?? '' });
  return t(`shortlist.why.${l.why}`);
}

function describe(view: ShortlistView, listName: string, zone: string, t: T): string {
  const lang = t('meta.language');
  if (!view.made) return `${listName} · ${t('shortlist.round', { round: view.roundNo })}\n${t('shortlist.notMade')}`;
  const made = t('shortlist.made', { version: view.made.version, rule: ruleText(view.made.rule, t), by: view.made.by, at: formatInZone(view.made.at, zone) });
  const lines = [t('cli.shortlist.header', { list: listName, round: view.roundNo, made }), t('shortlist.counts', { in: view.counts.in, tie: view.counts.addedByTie, added: view.counts.added, removed: view.counts.removed })];
  for (const c of view.categories) {
    lines.push('', t('common.labelled', { label: localizedText(c.label, lang), value: t('shortlist.categoryCounts', { in: c.inCount, ranked: c.ranked, held: c.held }) }));
    if (c.addedByTie > 0) lines.push(`  ${t('shortlist.tieNote', { count: c.addedByTie })}`);
    for (const l of c.lines) {
      const total = l.total === null ? '-' : l.total.toFixed(2);
      lines.push(`  ${l.in ? '✓' : '·'} ${l.place ?? '-'}\t${l.regNo}\t${total}\t${whyText(l, t)}\t${l.title}`);
    }
  }
  return lines.join('\n');
}

export async function runShortlist(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, {
    campaign: { type: 'string' },
    list: { type: 'string' },
    round: { type: 'string' },
    make: { type: 'boolean' },
    top: { type: 'string' },
    percent: { type: 'string' },
    threshold: { type: 'string' },
    add: { type: 'string' },
    remove: { type: 'string' },
    reason: { type: 'string' },
  });
  if (!values.campaign || !values.list || !values.round) throw new UsageError(t('cli.shortlist.usage'));
  const rule = ruleOf(values, t);
  const making = rule !== null || values.make === true;
  const adjusting = values.add !== undefined || values.remove !== undefined;
  if ((making && adjusting) || (values.add !== undefined && values.remove !== undefined)) throw new UsageError(t('cli.shortlist.oneAction'));
  if (adjusting && values.reason === undefined) throw new UsageError(t('cli.shortlist.usage'));
  const campaignId = values.campaign as string;
  const listKey = values.list as string;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaign = await rt.call('campaign:get', { campaignId });
    const key = { campaignId, listKey, roundNo: roundNumber(campaign.definition, listKey, values.round as string, t) };
    let view: ShortlistView;
    if (making) view = await rt.call('shortlist:make', { ...key, ...(rule ? { rule } : {}) });
    else if (adjusting) {
      const action = values.add !== undefined ? 'add' : 'remove';
      const entryId = entryIdByRegNo(rt.ctx.db, campaignId, (values.add ?? values.remove) as string);
      view = await rt.call('shortlist:adjust', { ...key, entryId, action, reason: values.reason as string });
    } else view = await rt.call('shortlist:get', key);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok: true, ...view }, null, 2)}\n`);
      return 0;
    }
    const list = campaign.definition.lists.find((l) => l.key === listKey);
    process.stdout.write(`${describe(view, list ? localizedText(list.name, t('meta.language')) : listKey, campaign.timeZone, t)}\n`);
    return 0;
  } finally {
    rt.close();
  }
}
