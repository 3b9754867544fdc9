// kepu round list --campaign <id> [--json]: each list of the campaign with its rounds in order
// (a list without rounds runs one scoring pass) and, for a formal check round, how many entries
// are not checked, passed, need fixing or failed; for a scoring round its number, status
// (closed / current / open) and how many of its reviews are complete. `round shortlist` is in
// round-shortlist.ts.
// kepu round close --campaign <id> --list <key> --round <key|number> --reason "…" [--json]:
// closes the list's current scoring round (round:close).
import type { i18n } from 'i18next';
import type { CampaignDefinition, ListRounds, RoundListView } from '../../contract';
import { localizedText } from '../../contract/definition-places';
import { roundsOf } from '../../contract/lists';
import { KepuError } from '../../core/errors';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

export async function runRound(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') return list(rest, t);
  // Its own module: the shortlist pulls in decisions and media checks that list and close never use.
  if (sub === 'shortlist') return (await import('./round-shortlist')).runShortlist(rest, t);
  if (sub === 'close') return close(rest, t);
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
    const state = await rt.call('round:list', { campaignId });
    const lists = listsWithRounds(campaign.definition, checks.entries, state);
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
        const scoring = r.roundNo !== null ? `\t${t('cli.round.scoring', { roundNo: r.roundNo, status: t(`rounds.status.${r.status}`), ...r.progress })}` : '';
        lines.push(`  ${i + 1}. ${r.key}\t${t(`setup.rounds.kinds.${r.kind}`)}\t${localizedText(r.name, lang)}${counts}${scoring}`);
      });
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

async function close(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' }, list: { type: 'string' }, round: { type: 'string' }, reason: { type: 'string' } });
  if (!values.campaign || !values.list || !values.round || values.reason === undefined) throw new UsageError(t('cli.round.usage'));
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const campaignId = values.campaign as string;
    const listKey = values.list as string;
    const state = await rt.call('round:list', { campaignId });
    const target = state.lists.find((l) => l.key === listKey);
    const wanted = values.round as string;
    // A round by its key, or by its number (a list without rounds has only round 1).
    const round = target?.rounds.find((r) => r.key === wanted) ?? target?.rounds.find((r) => String(r.roundNo) === wanted);
    // An unknown list is the handler's to name (ROUND_UNKNOWN); an unknown round of a known list too.
    if (target && !round) throw new KepuError('ROUND_UNKNOWN', `rounds: list ${listKey} has no scoring round ${wanted}`, { list: listKey, round: wanted });
    const roundNo = round?.roundNo ?? 1;
    const closed = await rt.call('round:close', { campaignId, listKey, roundNo, reason: values.reason as string });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok: true, campaignId, list: closed }, null, 2)}\n`);
      return 0;
    }
    const lang = t('meta.language');
    const next = closed.rounds.find((r) => r.roundNo === closed.current);
    process.stdout.write(
      `${t('cli.round.closed', { list: localizedText(closed.name, lang), roundNo, round: wanted })}\n${
        next ? t('cli.round.nowCurrent', { roundNo: next.roundNo, round: next.name ? localizedText(next.name, lang) : String(next.roundNo) }) : t('cli.round.allClosed')
      }\n`,
    );
    return 0;
  } finally {
    rt.close();
  }
}

type Counts = { entries: number; unchecked: number; pass: number; fail: number; fix_needed: number };

function listsWithRounds(def: CampaignDefinition, entries: readonly { list: string; round: string; current: { verdict: 'pass' | 'fail' | 'fix_needed' } | null }[], state: RoundListView) {
  return def.lists.map((l) => {
    const own: ListRounds | undefined = state.lists.find((s) => s.key === l.key);
    return {
      key: l.key,
      name: l.name,
      current: own?.current ?? null,
      rounds: roundsOf(l).map((r) => {
        const scoring = own?.rounds.find((s) => s.key === r.key);
        const extra = scoring
          ? { roundNo: scoring.roundNo, status: scoring.status, closed: scoring.closed, progress: scoring.counts }
          : { roundNo: null, status: null, closed: null, progress: null };
        if (r.kind !== 'formal') return { ...r, counts: null, ...extra };
        const counts: Counts = { entries: 0, unchecked: 0, pass: 0, fail: 0, fix_needed: 0 };
        for (const e of entries) {
          if (e.list !== l.key || e.round !== r.key) continue;
          counts.entries += 1;
          counts[e.current?.verdict ?? 'unchecked'] += 1;
        }
        return { ...r, counts, ...extra };
      }),
    };
  });
}
