// Moderation in the "why this place" view: every judge × dimension score of the entry with the
// judge's signed score and the override in effect side by side (reason, who, when under it), and
// "Override…" / "Withdraw override" per cell. Value and reason are asked in the app's own dialog
// (useConfirmStore), never window.prompt; the value must lie on the dimension's step grid, so the
// dialog only confirms a value the scale allows.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, RankingEntryDetail, RubricDimension } from '../../../../src-main/contract';
import { invoke } from '../../api';
import { formatInstant, localized } from '../../format';
import { useAppStore } from '../../stores/useAppStore';
import { useConfirmStore } from '../../stores/useConfirmStore';

/** Every value of the scale's step grid as typed ("7.5"), or null when there are too many to list. */
function gridValues(d: RubricDimension): string[] | null {
  const { min, max, step } = d.scale;
  const count = Math.round((max - min) / step) + 1;
  if (count > 5000) return null;
  const decimals = (String(step).split('.')[1] ?? '').length;
  return Array.from({ length: count }, (_, i) => String(Number((min + i * step).toFixed(decimals))));
}

export function ScoreOverrides({ campaign, detail, rubric, onChanged }: { campaign: CampaignDetail; detail: RankingEntryDetail; rubric: RubricDimension[]; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const run = useAppStore((s) => s.run);
  const askText = useConfirmStore((s) => s.askText);
  const tz = campaign.definition.timeZone;
  const dimensionOf = (key: string) => rubric.find((d) => d.key === key);
  const label = (key: string) => {
    const d = dimensionOf(key);
    return d ? localized(d.label, i18n.language) : key;
  };
  // 'local': recorded on this computer without a coordinator identity.
  const who = (actor: string) => (actor === 'local' ? t('audit.thisComputer') : actor);
  const order = (key: string) => rubric.findIndex((d) => d.key === key);
  const cells = [...detail.cells].sort((a, b) => a.name.localeCompare(b.name) || order(a.dimension) - order(b.dimension));

  async function override(cell: RankingEntryDetail['cells'][number]) {
    const d = dimensionOf(cell.dimension);
    if (!d) return;
    const names = { judge: cell.name, dimension: label(cell.dimension) };
    const grid = gridValues(d);
    const typed = await askText({
      title: t('ranking.moderation.valueTitle', names),
      body: t('ranking.moderation.valueBody', { signed: cell.signed, min: d.scale.min, max: d.scale.max, step: d.scale.step }),
      confirmLabel: t('ranking.moderation.overrideAction'),
      cancelLabel: t('common.cancelAction'),
      text: { label: t('ranking.moderation.valueLabel'), required: true, ...(grid ? { mustMatch: grid } : {}) },
    });
    if (typed === null) return;
    const value = Number(typed.trim());
    const reason = await askText({
      title: t('ranking.moderation.reasonTitle'),
      body: t('ranking.moderation.reasonBody', { ...names, signed: cell.signed, value }),
      confirmLabel: t('ranking.moderation.record'),
      cancelLabel: t('common.cancelAction'),
      text: { label: t('ranking.moderation.reason'), required: true },
    });
    if (reason === null) return;
    const saved = await run(() => invoke('moderation:set', { campaignId: campaign.id, entryId: detail.row.entryId, judgeId: cell.judgeId, dimension: cell.dimension, value, reason }));
    if (saved) onChanged();
  }

  async function withdraw(cell: RankingEntryDetail['cells'][number]) {
    if (!cell.override) return;
    const names = { judge: cell.name, dimension: label(cell.dimension) };
    const reason = await askText({
      title: t('ranking.moderation.withdrawTitle', names),
      body: t('ranking.moderation.withdrawBody', { signed: cell.signed, value: cell.override.value }),
      confirmLabel: t('ranking.moderation.withdrawAction'),
      cancelLabel: t('common.cancelAction'),
      danger: true,
      text: { label: t('ranking.moderation.reason'), required: true },
    });
    if (reason === null) return;
    const saved = await run(() => invoke('moderation:withdraw', { campaignId: campaign.id, overrideId: cell.override!.id, reason }));
    if (saved) onChanged();
  }

  return (
    <>
      <h3>{t('ranking.moderation.title')}</h3>
      <p className="small muted">{t('ranking.moderation.hint')}</p>
      <table className="data-table compact" data-testid="score-cells">
        <thead>
          <tr>
            <th>
              {t('ranking.moderation.judge')} · {t('ranking.moderation.dimension')}
            </th>
            <th className="num">{t('ranking.moderation.signed')}</th>
            <th className="num">{t('ranking.moderation.override')}</th>
            <th>{t('ranking.moderation.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <Fragment key={`${c.judgeId}/${c.dimension}`}>
              <tr data-testid="score-cell" data-overridden={c.override ? 'true' : 'false'}>
                <td>
                  {c.name} · {label(c.dimension)}
                </td>
                <td className="num" data-testid="signed-score">
                  {c.signed}
                </td>
                <td className="num" data-testid="override-value">
                  {c.override ? <strong>{c.override.value}</strong> : '—'}
                </td>
                <td>
                  {c.override ? (
                    <button type="button" className="small" onClick={() => void withdraw(c)}>
                      {t('ranking.moderation.withdrawAction')}
                    </button>
                  ) : (
                    <button type="button" className="small" onClick={() => void override(c)} aria-label={`${t('ranking.moderation.overrideAction')} ${c.name} · ${label(c.dimension)}`}>
                      {t('ranking.moderation.overrideAction')}
                    </button>
                  )}
                </td>
              </tr>
              {c.override && (
                <tr className="override-note">
                  <td colSpan={4} className="small" data-testid="override-note">
                    {t('common.labelled', { label: t('ranking.moderation.reason'), value: c.override.reason })} — {t('ranking.moderation.byWhen', { who: who(c.override.actor), time: formatInstant(c.override.at, tz) })}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {detail.overrides.length > 0 && (
        <>
          <h3>{t('ranking.moderation.history')}</h3>
          <ul className="plain-list small" data-testid="override-history">
            {detail.overrides.map((o) => (
              <li key={o.id}>
                {o.value === null
                  ? t('ranking.moderation.historyWithdraw', { time: formatInstant(o.at, tz), who: who(o.actor), judge: o.judgeName, dimension: label(o.dimension), reason: o.reason })
                  : t('ranking.moderation.historySet', { time: formatInstant(o.at, tz), who: who(o.actor), judge: o.judgeName, dimension: label(o.dimension), value: o.value, signed: o.signed ?? '—', reason: o.reason })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
