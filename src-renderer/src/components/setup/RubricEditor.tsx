// A rubric (a list's, or a scoring round's own): its dimensions with name and description in both languages, weights as
// percentages with a live total that must be 100 %, the scale (lowest, highest, step) and level
// descriptors. Dimension keys are unique across all lists (a stored score names only its
// dimension), so a new key is proposed against every list and every key saved before — a removed
// dimension's key is never reused for a new one, which would adopt its old scores.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, RubricDimension } from '../../../../src-main/contract';
import { allDimensions, roundOnlyDimensions } from '../../../../src-main/contract/lists';
import { localized } from '../../format';
import { followKey, fresh, isFresh, move, proposeKey, removeAt, replaceAt } from './draft-keys';
import { emptyText, type SectionProps } from './draft-ops';
import { KeyCell, NumberInput, OrderButtons, TextPair } from './SetupControls';

export const percent = (weight: number) => Math.round(weight * 10000) / 100;

/** A text that followed the name while it was empty or the same keeps following it (the description may not be empty). */
function follow(text: LocalizedText, before: LocalizedText, after: LocalizedText): LocalizedText {
  const pick = (lang: 'zh-CN' | 'en') => (text[lang] === '' || text[lang] === before[lang] ? after[lang] : text[lang]);
  return { 'zh-CN': pick('zh-CN'), en: pick('en') };
}

/** The dimension with its reach option on, or without the option at all (never `false`). */
function withShowsReach(d: RubricDimension, on: boolean): RubricDimension {
  const { showsReach: _off, ...rest } = d;
  return on ? { ...rest, showsReach: true } : rest;
}

export function newDimension(key: string, scale: RubricDimension['scale'], weight: number): RubricDimension {
  return fresh({ key, label: emptyText(), description: emptyText(), weight, scale: { ...scale }, anchors: [] });
}

/**
 * A rubric being edited: a list's, or a scoring round's own (`idPrefix` keeps the test ids and the
 * heading of the two apart when both are on screen).
 */
export function RubricEditor({ draft, original, rubric, onRubric, idPrefix = 'setup', title, hint }: Pick<SectionProps, 'draft' | 'original'> & {
  rubric: RubricDimension[];
  onRubric(next: RubricDimension[]): void;
  idPrefix?: string;
  title?: string;
  hint?: string;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const total = rubric.reduce((s, d) => s + d.weight, 0);
  const ok = Math.abs(total - 1) < 1e-6;
  // Keys in use anywhere (lists and rounds' own rubrics, saved or not), this row's own excepted.
  const everyKey = () => [...allDimensions(draft), ...roundOnlyDimensions(draft), ...allDimensions(original), ...roundOnlyDimensions(original)].map((d) => d.key);
  const taken = (self: number) => everyKey().filter((k) => k !== rubric[self].key);
  const setDimension = (i: number, next: RubricDimension) => onRubric(replaceAt(rubric, i, next));
  const setLabel = (i: number, label: LocalizedText) => {
    const d = rubric[i];
    setDimension(i, { ...d, label, description: follow(d.description, d.label, label), key: isFresh(d) ? followKey(d.key, d.label.en, label.en, taken(i), 'dimension') : d.key });
  };
  const add = () => {
    const key = proposeKey('', everyKey(), 'dimension');
    onRubric([...rubric, newDimension(key, rubric[0]?.scale ?? { min: 0, max: 10, step: 1 }, 0)]);
    setOpen(null);
  };
  const headingId = `${idPrefix}-rubric-title`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={`${idPrefix}-rubric`}>
      <div className="section-head">
        <h2 id={headingId}>{title ?? t('setup.rubric')}</h2>
        <span className={ok ? 'badge ok' : 'badge warn'} data-testid={`${idPrefix}-weight-total`} role="status">
          {ok ? t('setup.weightTotalOk', { total: percent(total) }) : t('setup.weightTotal', { total: percent(total) })}
        </span>
      </div>
      <p className="muted small">{hint ?? t('setup.rubricHint')}</p>
      <table className="data-table compact setup-table">
        <thead>
          <tr>
            <th className="col-order" />
            <th className="col-key">{t('setup.key')}</th>
            <th>{t('setup.label')}</th>
            <th className="col-weight">{t('setup.weight')}</th>
            <th className="col-scale">{t('setup.scale')}</th>
            <th className="col-actions rubric-actions" />
          </tr>
        </thead>
        <tbody>
          {rubric.map((d, i) => (
            <Fragment key={i}>
              <tr data-testid={`${idPrefix}-dimension`}>
                <td>
                  <OrderButtons index={i} count={rubric.length} label={localized(d.label, i18n.language) || d.key} onMove={(delta) => onRubric(move(rubric, i, delta))} />
                </td>
                <td>
                  <KeyCell value={d.key} editable={isFresh(d)} onChange={(key) => setDimension(i, { ...d, key })} testId={`${idPrefix}-dimension-key-${i}`} />
                </td>
                <td>
                  <TextPair value={d.label} onChange={(label) => setLabel(i, label)} testId={`${idPrefix}-dimension-${i}`} />
                </td>
                <td className="nowrap">
                  <NumberInput min={0} max={100} step="any" value={percent(d.weight)} aria-label={t('setup.weight')} onChange={(v) => setDimension(i, { ...d, weight: (v ?? 0) / 100 })} testId={`${idPrefix}-weight-${i}`} /> %
                </td>
                <td className="nowrap scale-cell">
                  <NumberInput step="any" value={d.scale.min} aria-label={t('setup.scaleMin')} onChange={(v) => setDimension(i, { ...d, scale: { ...d.scale, min: v ?? d.scale.min } })} testId={`${idPrefix}-scale-min-${i}`} />
                  <span>–</span>
                  <NumberInput step="any" value={d.scale.max} aria-label={t('setup.scaleMax')} onChange={(v) => setDimension(i, { ...d, scale: { ...d.scale, max: v ?? d.scale.max } })} testId={`${idPrefix}-scale-max-${i}`} />
                  <span className="muted small">{t('setup.step')}</span>
                  <NumberInput step="any" min={0} value={d.scale.step} aria-label={t('setup.scaleStep')} onChange={(v) => setDimension(i, { ...d, scale: { ...d.scale, step: v ?? d.scale.step } })} testId={`${idPrefix}-scale-step-${i}`} />
                </td>
                <td className="row-actions">
                  <button type="button" className="subtle" aria-expanded={open === i} title={t('setup.descriptionAndLevels', { count: d.anchors.length })} onClick={() => setOpen(open === i ? null : i)} data-testid={`${idPrefix}-dimension-details-${i}`}>
                    {t('setup.details')} {open === i ? '▴' : '▾'}
                  </button>
                  <button type="button" className="subtle" disabled={rubric.length === 1} onClick={() => onRubric(removeAt(rubric, i))} data-testid={`${idPrefix}-dimension-remove-${i}`}>
                    {t('setup.remove')}
                  </button>
                </td>
              </tr>
              {open === i && (
                <tr className="detail-row">
                  <td />
                  <td colSpan={5}>
                    <label className="stacked">
                      <span className="stacked-title">{t('setup.description')}</span>
                      <TextPair value={d.description} onChange={(description) => setDimension(i, { ...d, description })} testId={`${idPrefix}-dimension-description-${i}`} />
                    </label>
                    <label className="checkbox">
                      {/* Absent rather than false when off: definitions saved before the option stay the same. */}
                      <input
                        type="checkbox"
                        checked={d.showsReach === true}
                        onChange={(e) => setDimension(i, withShowsReach(d, e.target.checked))}
                        data-testid={`${idPrefix}-shows-reach-${i}`}
                      />
                      <span>{t('setup.showsReach')}</span>
                    </label>
                    <span className="stacked-title">{t('overview.anchors')}</span>
                    {d.anchors.length === 0 && <p className="muted small">{t('setup.noAnchors')}</p>}
                    {d.anchors.map((a, j) => (
                      <div key={j} className="setup-row">
                        <NumberInput step="any" value={a.score} aria-label={t('setup.anchorScore')} onChange={(v) => setDimension(i, { ...d, anchors: replaceAt(d.anchors, j, { ...a, score: v ?? a.score }) })} testId={`${idPrefix}-anchor-score-${i}-${j}`} />
                        <span className="muted small">{t('setup.points')}</span>
                        <TextPair value={a.label} onChange={(label) => setDimension(i, { ...d, anchors: replaceAt(d.anchors, j, { ...a, label }) })} testId={`${idPrefix}-anchor-${i}-${j}`} />
                        {(a.score < d.scale.min || a.score > d.scale.max) && <span className="field-problem">{t('setup.anchorOutside')}</span>}
                        <button type="button" className="subtle" onClick={() => setDimension(i, { ...d, anchors: removeAt(d.anchors, j) })}>
                          {t('setup.remove')}
                        </button>
                      </div>
                    ))}
                    <button type="button" className="subtle add" onClick={() => setDimension(i, { ...d, anchors: [...d.anchors, { score: d.scale.max, label: emptyText() }] })} data-testid={`${idPrefix}-add-anchor-${i}`}>
                      + {t('setup.addAnchor')}
                    </button>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <button type="button" className="subtle add" data-testid={`${idPrefix}-add-dimension`} onClick={add}>
        + {t('setup.addDimension')}
      </button>
    </section>
  );
}
