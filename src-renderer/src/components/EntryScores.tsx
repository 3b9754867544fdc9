// In the coordinator's entry panel: every judge's review of the entry, per scoring round — the
// dimension scores (an override in effect beside the signed score), the total, the comment, the
// eligibility answers and a declared conflict — with the spread of the totals and a disagreement
// flag whose rule the tooltip states (core/scores/score-view.ts: spread above 20 % of the total's
// scale). Judges by name, never by id. Overrides are recorded in the Ranking tab ("why this place").
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, JudgeEntryScores, RoundEntryScores } from '../../../src-main/contract';
import { localized } from '../format';
import { useChannel } from '../queries';

const num = (v: number | null) => (v === null ? '—' : String(Number(v.toFixed(2))));

export function EntryScores({ campaign, entryId }: { campaign: CampaignDetail; entryId: number }) {
  const { t, i18n } = useTranslation();
  const data = useChannel('scores:entry', { campaignId: campaign.id, entryId }).data ?? null;
  if (!data) return null;
  const list = campaign.definition.lists.find((l) => l.key === data.listKey) ?? campaign.definition.lists[0];
  const dimLabel = (key: string) => localized(list.rubric.find((d) => d.key === key)?.label ?? { 'zh-CN': key, en: key }, i18n.language);
  const itemLabel = (key: string) => localized(list.eligibility.find((d) => d.key === key)?.label ?? { 'zh-CN': key, en: key }, i18n.language);
  return (
    <section className="entry-scores" data-testid="entry-scores">
      <h3>{t('scores.entry.title')}</h3>
      {data.rounds.length === 0 && <p className="muted small">{t('scores.entry.none')}</p>}
      {data.rounds.map((round) => (
        <div key={round.roundNo} className="entry-scores-round" data-testid="entry-scores-round">
          <p className="small">
            <strong>{round.roundName ? t('scores.entry.roundNamed', { round: round.roundNo, name: localized(round.roundName, i18n.language) }) : t('scores.entry.round', { round: round.roundNo })}</strong>
            {' · '}
            <SpreadLine round={round} />
          </p>
          <table className="data-table compact" data-testid="entry-scores-table">
            <thead>
              <tr>
                <th>{t('scores.entry.judge')}</th>
                {/* The total first, so it stays in view when a long rubric scrolls sideways. */}
                <th className="num">{t('scores.entry.total')}</th>
                {list.rubric.map((d) => (
                  <th key={d.key} className="num">
                    {localized(d.label, i18n.language)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {round.judges.map((j) => (
                <JudgeRows key={j.judgeId} judge={j} columns={list.rubric.length + 2} dimLabel={dimLabel} itemLabel={itemLabel} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function SpreadLine({ round }: { round: RoundEntryScores }) {
  const { t } = useTranslation();
  const rule = t('scores.entry.rule', { threshold: round.threshold });
  if (round.spread === null) return <span className="muted" title={rule}>{t('scores.entry.spreadNone')}</span>;
  return (
    <span title={rule} data-testid="entry-scores-spread">
      {t('scores.entry.spread', { spread: num(round.spread) })}
      {round.disagreement && (
        <span className="badge warn" data-testid="entry-scores-disagreement" title={rule}>
          {t('scores.entry.disagreement')}
        </span>
      )}
    </span>
  );
}

function JudgeRows({ judge: j, columns, dimLabel, itemLabel }: { judge: JudgeEntryScores; columns: number; dimLabel(key: string): string; itemLabel(key: string): string }) {
  const { t } = useTranslation();
  const notes = j.comment !== null || j.eligibility.length > 0 || j.conflict !== null;
  return (
    <>
      <tr data-testid="entry-scores-judge" data-state={j.state} className={j.state === 'conflict' ? 'muted' : undefined}>
        <td>
          {j.name}
          {j.institution && <span className="muted small entry-scores-institution">{j.institution}</span>}
          <span className={`badge${j.state === 'conflict' ? ' warn' : ''}`}>{t(`scores.state.${j.state}`)}</span>
          {!j.assigned && <span className="badge">{t('scores.entry.notAssigned')}</span>}
        </td>
        <td className="num">
          <strong>{num(j.total)}</strong>
          {j.signedTotal !== j.total && <span className="muted small"> ({t('scores.entry.signedTotal', { total: num(j.signedTotal) })})</span>}
        </td>
        {j.scores.map((s) => (
          <td key={s.dimension} className="num" data-testid="entry-score">
            {s.override ? (
              <span title={t('scores.entry.overridden', { signed: s.signed, value: s.override.value, reason: s.override.reason })} aria-label={`${dimLabel(s.dimension)}: ${t('scores.entry.overridden', { signed: s.signed, value: s.override.value, reason: s.override.reason })}`}>
                <s className="muted">{num(s.signed)}</s> <strong>{num(s.override.value)}</strong>
              </span>
            ) : (
              num(s.signed)
            )}
          </td>
        ))}
      </tr>
      {notes && (
        <tr className="entry-scores-notes">
          <td colSpan={columns} className="small">
            {j.conflict && <p className="warning-text">{t('scores.entry.conflict', { reason: j.conflict.reason })}</p>}
            {j.comment !== null && (
              <p data-testid="entry-scores-comment">
                <span className="muted">{t('scores.entry.comment')}{t('common.colon')}</span>{j.comment}
              </p>
            )}
            {j.eligibility.length > 0 && (
              <p>
                <span className="muted">{t('scores.entry.eligibility')}{t('common.colon')}</span>
                {j.eligibility
                  .map((a) => {
                    const answer = `${itemLabel(a.item)} ${t(`review.answers.${a.answer}`)}`;
                    return a.note ? t('common.parenthetical', { text: answer, note: a.note }) : answer;
                  })
                  .join(' · ')}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
