// One category's list: ranked entries (or the held ones with their reasons), every computed
// method's rank and score side by side, the spread of the judges' totals drawn inline, broken
// ties explained under the entry that lost them. Pages of 200 rows load as the user asks.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, RankingMethod, RankingRow, RankingSummary } from '../../../../src-main/contract';
import { listFor } from '../../../../src-main/contract/lists';
import { invoke } from '../../api';
import { localized } from '../../format';
import { useKeptScroll } from '../../hooks/useKeptList';
import { useAppStore } from '../../stores/useAppStore';
import { SpreadBar } from './RankingCharts';
import { flagText, score, tieText } from './rankingText';

const PAGE = 200;

interface Props {
  campaign: CampaignDetail;
  summary: RankingSummary;
  kind: string;
  category: string | null;
  section: 'ranked' | 'held';
  method: RankingMethod;
  /** The scoring round chosen per list (absent: the default rounds). */
  rounds?: Record<string, number>;
  onOpen(entryId: number): void;
}

export function RankingTable({ campaign, summary, kind, category, section, method, rounds, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const [rows, setRows] = useState<RankingRow[]>([]);
  const [total, setTotal] = useState(0);
  // The tab scrolls in the main area: its position comes back once the ranked rows are there
  // (the held table below leaves the position to this one).
  const keptScroll = useKeptScroll<HTMLDivElement>(campaign.id, 'ranking', section === 'ranked' && rows.length > 0, 'main');

  const load = useCallback(
    async (offset: number) => {
      const page = await run(() => invoke('ranking:list', { campaignId: campaign.id, kind, category, section, method, offset, limit: PAGE, ...(rounds ? { rounds } : {}) }));
      if (!page) return;
      setTotal(page.total);
      setRows((prev) => (offset === 0 ? page.rows : [...prev, ...page.rows]));
    },
    [run, campaign.id, kind, category, section, method, rounds],
  );
  useEffect(() => {
    void load(0);
  }, [load, summary.computedAt]);

  // The category's own published method and tiers (its list's, else the settings').
  const mine = summary.categories.find((c) => c.kind === kind && c.category === category);
  const methods = mine && !summary.config.methods.includes(mine.method) ? [...summary.config.methods, mine.method] : summary.config.methods;
  const tiers = new Map((mine?.tiers ?? []).map((tier) => [tier.key, tier.label ? localized(tier.label, i18n.language) : tier.key]));
  // A list without award tiers has no award column (an always-empty column read as a fault).
  const tierColumn = section === 'ranked' && tiers.size > 0;
  // A list blending reach into its score (issue 16): the judges' result alone beside the blended one.
  // The category's kind is one of the definition's (the summary lists only those).
  const entryKind = campaign.definition.entryKinds.find((k) => k.kind === kind)?.kind;
  const blend = entryKind ? listFor(campaign.definition, entryKind, category).blend : undefined;
  const blendColumns = blend !== undefined && rows.some((r) => r.judgesOnly !== null);
  return (
    <div className="ranking-table-wrap" ref={keptScroll}>
      {/* Once per category, above its ranked table. */}
      {blend && section === 'ranked' && (
        <p className="small muted blend-note" data-testid="ranking-blend-note">
          {t(`ranking.blend.note.${blend.method}`, { percent: Math.round(blend.weight * 100), judges: Math.round((1 - blend.weight) * 100), metric: t(`reach.metric.${blend.metric}`) })}
        </p>
      )}
      <table className="data-table compact ranking-table" data-testid={`ranking-${section}`}>
        <thead>
          <tr>
            {section === 'ranked' && <th className="num">{t('ranking.columns.rank')}</th>}
            {tierColumn && <th>{t('ranking.columns.tier')}</th>}
            <th>{t('ranking.columns.regNo')}</th>
            <th>{t('ranking.columns.title')}</th>
            <th>{t('ranking.columns.entrant')}</th>
            <th className="num">{t('ranking.columns.score')}</th>
            {blendColumns && (
              <>
                <th className="num" title={t('ranking.blend.judgesOnlyHelp')}>
                  {t('ranking.blend.judgesOnly')}
                </th>
                <th className="num">{t(`reach.metric.${blend.metric}`)}</th>
              </>
            )}
            {section === 'ranked' &&
              methods
                .filter((m) => m !== method)
                .map((m) => (
                  <th key={m} className="num method-col" title={t(`ranking.methodHelp.${m}`, { n: summary.config.trimMinJudges })}>
                    {t(`ranking.methods.${m}`)}
                  </th>
                ))}
            <th className="num">{t('ranking.columns.judges')}</th>
            <th>{t('ranking.columns.spread')}</th>
            {section === 'held' && <th>{t('ranking.columns.reasons')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const lost = r.ties.filter((tie) => tie.behind === r.regNo);
            return (
              <tr key={r.entryId} className={r.tier ? `tier-row` : ''} data-testid="ranking-row">
                {section === 'ranked' && <td className="num rank-cell">{r.rank}</td>}
                {tierColumn && <td>{r.tier ? <span className="badge tier-badge">{tiers.get(r.tier) ?? r.tier}</span> : ''}</td>}
                <td className="mono">
                  <button type="button" className="link" onClick={() => onOpen(r.entryId)}>
                    {r.regNo}
                  </button>
                </td>
                <td className="title-cell">
                  {r.title}
                  {lost.map((tie, i) => (
                    <div key={i} className="tie-note small muted">
                      ↳ {tieText(t, tie, campaign.definition, i18n.language)}
                    </div>
                  ))}
                </td>
                <td>
                  {r.entrantName}
                  {r.entrantUnit && r.entrantUnit !== r.entrantName && <div className="small muted">{r.entrantUnit}</div>}
                </td>
                <td className="num strong">{score(r.score)}</td>
                {blendColumns && (
                  <>
                    <td className={`num method-col ${r.judgesOnly?.rank != null && r.rank != null && r.judgesOnly.rank !== r.rank ? 'moved' : ''}`} data-testid="judges-only">
                      {section === 'ranked' && <span className="method-rank">{r.judgesOnly?.rank ?? '—'}</span>} <span className="muted small">{score(r.judgesOnly?.score)}</span>
                    </td>
                    <td className="num" data-testid="blend-figure">
                      {r.judgesOnly ? (r.judgesOnly.hadFigure ? new Intl.NumberFormat(i18n.language).format(r.judgesOnly.value) : '—') : ''}
                    </td>
                  </>
                )}
                {section === 'ranked' &&
                  methods
                    .filter((m) => m !== method)
                    .map((m) => {
                      const v = r.methods[m];
                      const moved = v?.rank != null && r.rank != null && v.rank !== r.rank;
                      return (
                        <td key={m} className={`num method-col ${moved ? 'moved' : ''}`}>
                          <span className="method-rank">{v?.rank ?? '—'}</span> <span className="muted small">{score(v?.score)}</span>
                        </td>
                      );
                    })}
                <td className="num">{r.judges}</td>
                <td>
                  <SpreadBar low={r.low} high={r.high} sd={r.sd} value={r.score} scale={summary.scale} />
                </td>
                {section === 'held' && (
                  <td>
                    {r.flags.map((f, i) => (
                      <div key={i} className="badge verdict-fail held-reason">
                        {flagText(t, f)}
                      </div>
                    ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length < total && (
        <button type="button" onClick={() => void load(rows.length)}>
          {t('common.showMore', { count: total - rows.length })}
        </button>
      )}
    </div>
  );
}
