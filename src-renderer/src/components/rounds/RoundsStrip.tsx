// Where each list stands in its scoring rounds (issue 14), from round:list: one strip per list
// with rounds, each round with its status (closed / current / not started) and how many of its
// reviews are complete; the current round has a Close button that asks the reason in the app's
// dialog. Closing moves the list on to its next round (packages, reviews and ranking follow it).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, ListRounds, RoundListView, ScoringRoundState } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { formatInstant, localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

const BADGE: Record<ScoringRoundState['status'], string> = { closed: 'verdict-unchecked', current: 'verdict-pass', open: 'verdict-unreadable' };

export function RoundsStrip({ campaign }: { campaign: CampaignDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const [view, setView] = useState<RoundListView | null>(null);

  const load = useCallback(async () => {
    const next = await run(() => invoke('round:list', { campaignId: campaign.id }));
    if (next) setView(next);
  }, [run, campaign.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const lists = (view?.lists ?? []).filter((l) => l.hasRounds);
  if (lists.length === 0) return null;

  const roundName = (r: ScoringRoundState) => (r.name ? localized(r.name, lang) : t('rounds.numbered', { roundNo: r.roundNo }));
  async function close(list: ListRounds, round: ScoringRoundState) {
    const reason = await askText({
      title: t('rounds.closeTitle', { round: roundName(round), list: localized(list.name, lang) }),
      body: t('rounds.closeBody'),
      confirmLabel: t('rounds.close'),
      cancelLabel: t('common.cancelAction'),
      danger: true,
      text: { label: t('rounds.reasonLabel'), required: true },
    });
    if (reason === null) return;
    const closed = await run(() => invoke('round:close', { campaignId: campaign.id, listKey: list.key, roundNo: round.roundNo, reason }));
    if (closed) await load();
  }

  return (
    <section className="panel" data-testid="rounds-strip">
      <div className="section-head">
        <h2>{t('rounds.title')}</h2>
      </div>
      <p className="muted small">{t('rounds.hint')}</p>
      {lists.map((list) => (
        <div key={list.key} className="rounds-list" data-testid={`rounds-${list.key}`}>
          <h3>{localized(list.name, lang)}</h3>
          <ul className="stat-row">
            {list.rounds.map((r) => (
              <li key={r.roundNo} className={`stat ${BADGE[r.status]}${r.status === 'current' ? ' on' : ''}`} data-testid={`round-${list.key}-${r.roundNo}`}>
                <span className="stat-label">
                  {t('rounds.numbered', { roundNo: r.roundNo })} · {roundName(r)}
                </span>
                <span className={`badge ${BADGE[r.status]}`} data-testid="round-status">
                  {t(`rounds.status.${r.status}`)}
                </span>
                <span className="muted small">{t('rounds.progress', { complete: r.counts.complete, assigned: r.counts.assigned })}</span>
                {r.closed && (
                  <span className="muted small" data-testid="round-closed">
                    {t('rounds.closedBy', { by: r.closed.by === 'local' ? t('formalCheck.thisComputer') : r.closed.by, at: formatInstant(r.closed.at, campaign.definition.timeZone), reason: r.closed.reason })}
                  </span>
                )}
                {r.status === 'current' && (
                  <button type="button" className="subtle" onClick={() => void close(list, r)} data-testid={`round-close-${list.key}`}>
                    {t('rounds.close')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
