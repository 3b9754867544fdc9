// kepu decision set --campaign <id> --entry <regNo> --kind <kind> --reason "…" [--after-publish]
// kepu decision list --campaign <id> [--entry <regNo>]
// Per-entry decisions on the command line, through the same channels as the entry panel. The
// entry is named by its registration number; who decided is the identity's name (as in the app).
// After a published result a decision moves the live ranking: only with --after-publish, as
// import and bundle merge ask.
import type { i18n } from 'i18next';
import type { DecisionKind, EntryDecision, EntryDecisionState } from '../../contract';
import { decisionKinds } from '../../contract/decision-kinds';
import { entryIdByRegNo } from '../../core/decisions/decision-service';
import { formatInZone } from '../../core/time';
import { parseCommand, UsageError } from '../args';
import { openRuntime } from '../runtime';

type T = i18n['t'];

export async function runDecision(argv: string[], t: T): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'set') return set(rest, t);
  if (sub === 'list') return list(rest, t);
  throw new UsageError(t('cli.decision.usage'));
}

function isDecisionKind(kind: string): kind is DecisionKind {
  return (decisionKinds as readonly string[]).includes(kind);
}

async function set(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' }, entry: { type: 'string' }, kind: { type: 'string' }, reason: { type: 'string' }, 'after-publish': { type: 'boolean' } });
  if (!values.campaign || !values.entry || !values.kind || values.reason === undefined) throw new UsageError(t('cli.decision.usage'));
  const kind = values.kind as string;
  if (!isDecisionKind(kind)) throw new UsageError(t('cli.decision.badKind', { kind, choices: decisionKinds.join(', ') }));
  const campaignId = values.campaign as string;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const zone = (await rt.call('campaign:get', { campaignId })).timeZone;
    const entryId = entryIdByRegNo(rt.ctx.db, campaignId, values.entry as string);
    if (values['after-publish']) await rt.call('ranking:allowChanges', { campaignId });
    const state = await rt.call('decision:set', { campaignId, entryId, kind, reason: values.reason as string });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, ...state }, null, 2)}\n`);
    else process.stdout.write(`${t('cli.decision.recorded', { regNo: state.regNo, kind: t(`decisions.kind.${kind}`) })}\n${describe(state, zone, t)}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

async function list(argv: string[], t: T): Promise<number> {
  const { values } = parseCommand(argv, { campaign: { type: 'string' }, entry: { type: 'string' } });
  if (!values.campaign) throw new UsageError(t('cli.decision.usage'));
  const campaignId = values.campaign as string;
  const rt = openRuntime(values['data-dir'] as string | undefined, t);
  try {
    const zone = (await rt.call('campaign:get', { campaignId })).timeZone;
    const entryId = values.entry ? entryIdByRegNo(rt.ctx.db, campaignId, values.entry as string) : undefined;
    const states = await rt.call('decision:list', { campaignId, ...(entryId === undefined ? {} : { entryId }) });
    if (values.json) process.stdout.write(`${JSON.stringify({ ok: true, entries: states }, null, 2)}\n`);
    else if (states.length === 0) process.stdout.write(`${t('cli.decision.none')}\n`);
    else process.stdout.write(`${states.map((s) => describe(s, zone, t)).join('\n\n')}\n`);
    return 0;
  } finally {
    rt.close();
  }
}

/** The entry, what is in effect, then its history (times in the campaign's zone). */
function describe(state: EntryDecisionState, zone: string, t: T): string {
  const line = (d: EntryDecision, key: string) =>
    t(key, { kind: t(`decisions.kind.${d.kind}`), state: t(`decisions.state.${d.kind}`), actor: d.actor, at: formatInZone(d.at, zone), reason: d.reason });
  const current = state.current.length === 0 ? [`  ${t('decisions.none')}`] : state.current.map((d) => `  ${line(d, 'decisions.inEffect')}`);
  const history = state.history.map((d) => `    ${line(d, 'decisions.historyLine')}`);
  return [state.regNo, ...current, ...(history.length > 0 ? [`  ${t('decisions.history')}:`, ...history] : [])].join('\n');
}
