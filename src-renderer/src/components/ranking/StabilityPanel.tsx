// Stability and agreement figures of one category (Kendall's W, ICC(1), Kendall's τ between
// methods, the largest movers), each with one plain sentence saying what it measures, and its own
// sentence when a value is negative or cannot be computed (issue 15: a negative ICC of −0.24 stood
// there unexplained, and a coordinator cannot tell a weak panel from a bug).
import { useTranslation } from 'react-i18next';
import type { CategorySummary, RankingMethod } from '../../../../src-main/contract';

interface Props {
  stability: CategorySummary['stability'];
  /** The method the list is published by: τ is shown against it. */
  published: RankingMethod;
  methods: readonly RankingMethod[];
}

export function StabilityPanel({ stability, published, methods }: Props) {
  const { t } = useTranslation();
  const { w, icc } = stability;
  const tau = stability.tau.filter((p) => p.a === published || p.b === published);
  const iccNegative = icc !== null && (icc.icc1 < 0 || (icc.icc1k ?? 0) < 0);
  return (
    <div className="stability" data-testid="ranking-stability">
      <h3>{t('ranking.stability.title')}</h3>
      <p className="small">
        {t('ranking.stability.w')}{t('common.colon')}<strong>{w.value === null ? t('ranking.stability.wNone') : `${w.value.toFixed(3)} (${w.judges} × ${w.entries})`}</strong>
      </p>
      <p className="small muted stat-explain" data-testid="ranking-explain-w">
        {t('ranking.explain.w')}
      </p>
      {w.value === null && <p className="small muted stat-explain" data-testid="ranking-explain-w-none">{t('ranking.explain.wNone')}</p>}
      <p className="small">
        {t('ranking.stability.icc')}{t('common.colon')}<strong data-testid="ranking-icc-value">{icc ? `${icc.icc1.toFixed(3)} / ${icc.icc1k?.toFixed(3) ?? '—'}` : '—'}</strong>
      </p>
      <p className="small muted stat-explain" data-testid="ranking-explain-icc">
        {t('ranking.explain.icc')}
      </p>
      {icc === null && <p className="small stat-warn" data-testid="ranking-explain-icc-none">{t('ranking.explain.iccNone')}</p>}
      {iccNegative && <p className="small stat-warn" data-testid="ranking-explain-icc-negative">{t('ranking.explain.iccNegative')}</p>}
      <table className="data-table compact tau-table">
        <caption className="small muted">{t('ranking.stability.tau')}</caption>
        <tbody>
          {tau.map((p) => (
            <tr key={`${p.a}-${p.b}`}>
              <td>{t(`ranking.methods.${p.a === published ? p.b : p.a}`)}</td>
              <td className="num">{p.tau === null ? '—' : p.tau.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted stat-explain" data-testid="ranking-explain-tau">
        {t('ranking.explain.tau')}
      </p>
      {tau.some((p) => p.tau === null) && <p className="small muted stat-explain">{t('ranking.explain.tauNone')}</p>}
      {tau.some((p) => p.tau !== null && p.tau < 0) && <p className="small stat-warn">{t('ranking.explain.tauNegative')}</p>}
      <h3>{t('ranking.stability.movers')}</h3>
      {stability.movers.length === 0 ? (
        <p className="small muted">{t('ranking.stability.noMovers')}</p>
      ) : (
        <ul className="plain-list small">
          {stability.movers.slice(0, 5).map((m) => (
            <li key={m.entryId}>
              <span className="mono">{m.regNo}</span> {m.title} — {t('common.parenthetical', { text: t('ranking.stability.move', { count: m.move }), note: methods.map((x) => `${t(`ranking.methods.${x}`)} ${m.ranks[x] ?? '—'}`).join(' · ') })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
