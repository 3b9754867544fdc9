// The entry panel's "Decisions" section (coordinator): what is in effect on the entry, the buttons
// for the kinds that apply now (the service says which: decision:list's `allowed`), each asking
// for a reason, and the history with who, when and why in the campaign's time zone. A decision
// after a published result goes through api.ts's published-change question like other changes.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, DecisionKind, EntryDecision, EntryDecisionState } from '../../../src-main/contract';
import { invoke } from '../api';
import { formatInstant } from '../format';
import { useAppStore } from '../stores/useAppStore';
import { useConfirmStore } from '../stores/useConfirmStore';

/** Kinds that take an entry out of the ranking: their buttons are drawn as warnings. */
const HOLDING: readonly DecisionKind[] = ['disqualify', 'withdraw'];

export function decisionLine(t: (key: string, params?: Record<string, unknown>) => string, d: EntryDecision, timeZone: string, key = 'decisions.inEffect'): string {
  // 'local': taken on this computer without a coordinator identity (the Record tab says it so too).
  const actor = d.actor === 'local' ? t('audit.thisComputer') : d.actor;
  return t(key, { state: t(`decisions.state.${d.kind}`), kind: t(`decisions.kind.${d.kind}`), actor, at: formatInstant(d.at, timeZone), reason: d.reason });
}

export function EntryDecisions({ campaign, entryId, onChanged }: { campaign: CampaignDetail; entryId: number; onChanged?(): void }) {
  const { t } = useTranslation();
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const [state, setState] = useState<EntryDecisionState | null>(null);

  const load = useCallback(() => {
    void run(() => invoke('decision:list', { campaignId: campaign.id, entryId })).then((list) => list && setState(list[0] ?? null));
  }, [run, campaign.id, entryId]);
  useEffect(load, [load]);

  const take = async (kind: DecisionKind) => {
    if (!state) return;
    const reason = await askText({
      title: t('decisions.ask.title', { kind: t(`decisions.kind.${kind}`), regNo: state.regNo }),
      body: t(`decisions.ask.body.${kind}`),
      confirmLabel: t(`decisions.kind.${kind}`),
      cancelLabel: t('common.cancelAction'),
      danger: HOLDING.includes(kind),
      text: { label: t('decisions.reason'), required: true },
    });
    if (reason === null) return;
    const next = await run(() => invoke('decision:set', { campaignId: campaign.id, entryId, kind, reason }));
    if (next) {
      setState(next);
      onChanged?.();
    }
  };

  if (!state) return null;
  const readOnly = campaign.archived !== null;
  return (
    <section className="entry-decisions" data-testid="entry-decisions" aria-label={t('decisions.title')}>
      <h3>{t('decisions.title')}</h3>
      {state.current.length === 0 ? (
        <p className="muted small">{t('decisions.none')}</p>
      ) : (
        <ul className="plain" data-testid="decisions-current">
          {state.current.map((d) => (
            <li key={d.id} className={HOLDING.includes(d.kind) ? 'badge verdict-fail' : 'badge warn'}>
              {decisionLine(t, d, campaign.timeZone)}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && state.allowed.length > 0 && (
        <div className="decision-buttons">
          {state.allowed.map((kind) => (
            <button key={kind} type="button" className={HOLDING.includes(kind) ? 'danger-outline' : undefined} data-testid={`decision-${kind}`} onClick={() => void take(kind)}>
              {t(`decisions.kind.${kind}`)}
            </button>
          ))}
        </div>
      )}
      {state.history.length > 0 && (
        <details>
          <summary>{t('decisions.historyCount', { count: state.history.length })}</summary>
          <ol className="plain small" data-testid="decisions-history">
            {state.history.map((d) => (
              <li key={d.id}>{decisionLine(t, d, campaign.timeZone, 'decisions.historyLine')}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
