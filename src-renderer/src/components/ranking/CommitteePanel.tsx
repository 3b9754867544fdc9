// The committee member list: proposed members, applicants not admitted with every reason, and
// those held until their coverage is complete; each row shows the judges' votes per item.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CommitteeApplicant, CommitteeView, RankingMethod } from '../../../../src-main/contract';
import { findEligibilityItem } from '../../../../src-main/contract/lists';
import { invoke } from '../../api';
import { localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { flagText, reasonText, score } from './rankingText';

/** `tableMethod`: the method the ranking table beside the list is ordered by (the list's published one). */
export function CommitteePanel({ campaign, computedAt, tableMethod }: { campaign: CampaignDetail; computedAt: string; tableMethod?: RankingMethod }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [view, setView] = useState<CommitteeView | null>(null);
  useEffect(() => {
    void run(() => invoke('ranking:committee', { campaignId: campaign.id })).then((v) => v !== undefined && setView(v));
  }, [run, campaign.id, computedAt]);
  if (!view) return null;
  const def = campaign.definition;
  const itemLabel = (key: string) => localized(findEligibilityItem(def, key)?.label ?? { 'zh-CN': key, en: key }, i18n.language);
  const section = (key: 'members' | 'rejected' | 'held', list: CommitteeApplicant[]) => (
    <section className={`committee-section committee-${key}`} data-testid={`committee-${key}`}>
      <h3>{t(`ranking.committee.${key}`, { count: list.length })}</h3>
      {list.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th>{t('ranking.columns.regNo')}</th>
              <th>{t('ranking.columns.entrant')}</th>
              <th className="num">
                {t('common.parenthetical', { text: t('ranking.columns.score'), note: t(`ranking.methods.${view.method}`) })}
              </th>
              <th>{key === 'members' ? t('ranking.committee.votesHeader') : t('ranking.columns.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.entryId}>
                <td className="mono">{a.regNo}</td>
                <td>
                  {a.name}
                  {a.unit && <div className="small muted">{a.unit}</div>}
                </td>
                <td className="num">{score(a.score)}</td>
                <td>
                  {a.reasons.map((r, i) => (
                    <div key={i} className="reason">
                      {reasonText(t, r, def, i18n.language)}
                    </div>
                  ))}
                  {a.flags.map((f, i) => (
                    <div key={`f${i}`} className="reason">
                      {flagText(t, f)}
                    </div>
                  ))}
                  {key === 'members' && (
                    <details>
                      <summary className="small muted">{t('ranking.committee.votes', sum(a))}</summary>
                      <ul className="plain-list small">
                        {a.items.map((it) => (
                          <li key={it.item}>
                            {it.passed ? '✓' : '✗'} {itemLabel(it.item)} — {t('ranking.committee.votes', it)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
  return (
    <section className="panel" data-testid="committee-panel">
      <h2>{t('ranking.committee.title')}</h2>
      <p className="muted small">
        {t('ranking.committee.rule', { rule: t(`ranking.committee.rules.${view.rule}`) })} ·{' '}
        {view.minScore === null ? t('ranking.committee.noMinScore') : t('ranking.committee.minScore', { score: view.minScore, method: t(`ranking.methods.${view.method}`) })}
      </p>
      {tableMethod && tableMethod !== view.method && (
        // Chosen apart in the settings: the two orders may differ, so the panel says by what each is ordered.
        <p className="small stat-warn" data-testid="committee-other-method">
          {t('ranking.committee.otherMethod', { method: t(`ranking.methods.${view.method}`), tableMethod: t(`ranking.methods.${tableMethod}`) })}
        </p>
      )}
      {section('members', view.members)}
      {section('rejected', view.rejected)}
      {section('held', view.held)}
    </section>
  );
}

function sum(a: CommitteeApplicant) {
  return a.items.reduce((s, i) => ({ yes: s.yes + i.yes, no: s.no + i.no, unsure: s.unsure + i.unsure }), { yes: 0, no: 0, unsure: 0 });
}
