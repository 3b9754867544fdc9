// "Why this place": one entry's judges' totals (with z-score and Borda share), the judges not
// counted and why, each judge's signed score per dimension with any moderation override beside it
// (ScoreOverrides), the decisions on the entry in effect (who, when, why), the mean per rubric
// dimension, its rank by every method and any broken tie, and what carry-over between rounds did.
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../../src-main/contract';
import { carrySentence } from '../../../../src-main/contract/carry-text';
import { rubricOfRound } from '../../../../src-main/contract/lists';
import { localized } from '../../format';
import { invalidateCampaign, useChannel } from '../../queries';
import { decisionLine } from '../EntryDecisions';
import { flagText, score, tieText } from './rankingText';
import { ScoreOverrides } from './ScoreOverrides';

export function RankingEntryDetail({ campaign, entryId, rounds, onClose, onChanged }: { campaign: CampaignDetail; entryId: number; rounds?: Record<string, number>; onClose(): void; onChanged?(): void }) {
  const { t, i18n } = useTranslation();
  // Another entry opened: the one shown stays until the new one arrives.
  const detail = useChannel('ranking:entry', { campaignId: campaign.id, entryId, ...(rounds ? { rounds } : {}) }, { placeholderData: keepPreviousData }).data ?? null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  if (!detail) return null;
  const row = detail.row;
  const lists = campaign.definition.lists;
  // The rubric of the round ranked (its own, else the list's).
  const rubric = rubricOfRound(lists.find((l) => l.key === detail.list) ?? lists[0], detail.roundNo);
  return (
    <aside className="panel ranking-detail" role="dialog" aria-labelledby="ranking-detail-title" data-testid="ranking-detail">
      <div className="section-head">
        <h2 id="ranking-detail-title">
          {t('ranking.entry.title')} · <span className="mono">{row.regNo}</span>
        </h2>
        <button type="button" onClick={onClose}>
          {t('ranking.entry.close')}
        </button>
      </div>
      <p>
        <strong>{row.title}</strong> — {row.entrantName}
      </p>
      {row.flags.map((f, i) => (
        <p key={i} className="badge verdict-fail">
          {flagText(t, f)}
        </p>
      ))}
      {/* The decisions that apply, for held and ranked entries alike (e.g. ranked: late, accepted by…). */}
      {(detail.timing || detail.decisions.length > 0) && (
        <div className="decision-line" data-testid="ranking-detail-decisions">
          {detail.timing && <p className="small">{t(`ranking.entry.timing.${detail.timing}`)}</p>}
          {detail.decisions.length > 0 && (
            <>
              <p className="small">{t(row.rank === null ? 'ranking.entry.decisionsHeld' : 'ranking.entry.decisionsRanked')}</p>
              <ul className="plain small">
                {detail.decisions.map((d) => (
                  <li key={d.id}>{decisionLine(t, d, campaign.timeZone)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{t('ranking.method')}</th>
            <th className="num">{t('ranking.columns.rank')}</th>
            <th className="num">{t('ranking.columns.score')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(row.methods).map(([m, v]) => (
            <tr key={m}>
              <td>{t(`ranking.methods.${m}`)}</td>
              <td className="num">{v?.rank ?? '—'}</td>
              <td className="num">{score(v?.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.publishedMethod === 'trimmed' && detail.trimmed === 'plain_mean' ? (
        // Published by the trimmed mean with too few judges: the plain mean stands in, and says so.
        <p className="small stat-warn" data-testid="ranking-detail-fallback">{t('ranking.entry.fallback', { n: detail.trimMinJudges ?? 5, judges: row.judges })}</p>
      ) : (
        detail.trimmed && <p className="small muted">{t(`ranking.entry.trimmed.${detail.trimmed}`)}</p>
      )}
      {detail.carry && (
        // Carry-over: both rounds' totals, w and the result (or why this round's counts alone).
        <div data-testid="ranking-detail-carry">
          <h3>{t('ranking.carry.title', { round: detail.carry.round })}</h3>
          <p className="small">{t(carrySentence(detail.carry).key, { ...carrySentence(detail.carry).params, method: t(`ranking.methods.${detail.carry.method}`) })}</p>
        </div>
      )}
      <h3>{t('ranking.entry.judgeTotals')}</h3>
      <table className="data-table compact" data-testid="ranking-detail-judges">
        <thead>
          <tr>
            <th>{t('ranking.entry.judge')}</th>
            <th className="num">{t('ranking.columns.score')}</th>
            <th className="num">{t('ranking.entry.z')}</th>
            <th className="num">{t('ranking.entry.borda')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.totals.map((j) => (
            <tr key={j.judgeId}>
              <td>{j.name}</td>
              <td className="num">{score(j.total)}</td>
              <td className="num">{score(j.z)}</td>
              <td className="num">{score(j.borda)}</td>
            </tr>
          ))}
          {detail.excluded.map((j) => (
            <tr key={j.judgeId} className="muted">
              <td>{j.name}</td>
              <td colSpan={3}>{t(`ranking.entry.excluded.${j.reason}`, { missing: j.missing.map((k) => localized(rubric.find((d) => d.key === k)?.label ?? { 'zh-CN': k, en: k }, i18n.language)).join(', ') })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ScoreOverrides
        campaign={campaign}
        detail={detail}
        rubric={rubric}
        onChanged={() => {
          // An override recorded or withdrawn: this entry and the lists behind it are read again.
          if (onChanged) onChanged();
          else void invalidateCampaign(campaign.id);
        }}
      />
      <h3>{t('ranking.entry.dimensionMeans')}</h3>
      {/* Weights in %, as Setup and the score panel give them. */}
      <ul className="plain-list">
        {rubric.map((d) => (
          <li key={d.key}>
            {localized(d.label, i18n.language)} <strong>{score(detail.dimensionMeans[d.key])}</strong> <span className="muted small">{t('review.weight', { percent: Math.round(d.weight * 10000) / 100 })}</span>
          </li>
        ))}
      </ul>
      {row.ties.map((tie, i) => (
        <p key={i} className="small">
          {tieText(t, tie, campaign.definition, i18n.language)}
        </p>
      ))}
    </aside>
  );
}
