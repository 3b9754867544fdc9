// A list's rounds (issue 14) in Setup › Lists & rubrics. Without rounds a list is scored once, as
// always. A formal check (形式审查) is added before scoring; scoring rounds are added after the
// last (初评 → 复评), renamed, moved and removed here, and each scoring round opens its own
// settings (ScoringRoundDetails: panel, judges per entry, due date, shortlist, carry-over, rubric).
// A row says in one line what its round does, so the table reads as the programme's stages.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDefinition, ListDef, LocalizedText, RoundDef } from '../../../../src-main/contract';
import { formalRoundOf, roundsOf } from '../../../../src-main/contract/lists';
import { formatInstant, localized } from '../../format';
import { useConfirmStore } from '../../stores/useConfirmStore';
import { addFormalRound, addScoringRound, moveRound, removeRound, renameRound } from './round-ops';
import { ScoringRoundDetails } from './ScoringRoundDetails';
import { TextPair } from './SetupControls';

export function RoundsEditor({ campaignId, draft, original, list, savedList, onChange }: {
  campaignId: string;
  draft: CampaignDefinition;
  original: CampaignDefinition;
  list: ListDef;
  savedList: ListDef | undefined;
  onChange(next: ListDef): void;
}) {
  const { t, i18n } = useTranslation();
  const ask = useConfirmStore((s) => s.ask);
  const lang = i18n.language;
  const rounds = roundsOf(list);
  // Several rounds' settings may be open at once, to compare a first round with its final round.
  const [open, setOpen] = useState<readonly string[]>([]);
  const toggle = (key: string) => setOpen(open.includes(key) ? open.filter((k) => k !== key) : [...open, key]);
  // Default names in both languages, whichever one the coordinator is using.
  const both = (key: string): LocalizedText => ({ 'zh-CN': i18n.getFixedT('zh-CN')(key), en: i18n.getFixedT('en')(key) });
  const scoringCount = rounds.filter((r) => r.kind === 'scoring').length;

  const addFormal = () => onChange(addFormalRound(list, both('setup.rounds.kinds.formal'), both('setup.rounds.defaultScoring')));
  const addScoring = () => {
    const next = addScoringRound(list, both('setup.rounds.defaultFinal'), both('setup.rounds.defaultFirst'));
    onChange(next);
    setOpen([...open, roundsOf(next).at(-1)!.key]);
  };
  const remove = async (i: number) => {
    const round = rounds[i];
    // Verdicts or scores may have been recorded against a saved round: say what becomes of them.
    if (savedList && roundsOf(savedList).some((r) => r.key === round.key)) {
      const sure = await ask({
        title: t(round.kind === 'formal' ? 'setup.rounds.removeTitle' : 'setup.rounds.removeScoringTitle', { round: localized(round.name, lang) }),
        body: t(round.kind === 'formal' ? 'setup.rounds.removeBody' : 'setup.rounds.removeScoringBody'),
        confirmLabel: t('setup.remove'),
        cancelLabel: t('common.cancelAction'),
        danger: true,
      });
      if (!sure) return;
    }
    onChange(removeRound(list, i));
  };
  /** One line of what a round does: its kind's note, or a scoring round's settings that differ from the list's. */
  const summary = (r: RoundDef, i: number): string => {
    if (r.kind === 'formal') return t('setup.rounds.formalNote');
    const parts = [
      t('setup.rounds.sumJudges', { k: r.judgesPerEntry ?? draft.judgesPerEntry }),
      r.panel === null ? t('setup.rounds.sumPanelAll') : t('setup.rounds.sumPanel', { count: r.panel.length }),
      ...(r.dueAt ? [t('setup.rounds.sumDue', { at: formatInstant(r.dueAt, draft.timeZone, false) })] : []),
      ...(r.shortlist ? [t(`setup.rounds.sumShortlist.${r.shortlist.by}`, { value: r.shortlist.value })] : []),
      ...(r.carryOver > 0 ? [t('setup.rounds.sumCarry', { w: r.carryOver })] : []),
      ...(r.rubric ? [t('setup.rounds.sumOwnRubric', { count: r.rubric.length })] : []),
    ];
    return i === rounds.findIndex((x) => x.kind === 'scoring') && r.panel === null && r.judgesPerEntry === null && !r.rubric && !r.dueAt && !r.shortlist ? t('setup.rounds.scoringNote') : parts.join(' · ');
  };

  return (
    <section className="panel" aria-labelledby="setup-rounds-title" data-testid="setup-rounds">
      <div className="section-head">
        <h2 id="setup-rounds-title">{t('setup.rounds.title')}</h2>
        <span className="inline-hint">
          {!formalRoundOf(list) && (
            <button type="button" onClick={addFormal} data-testid="setup-add-formal-round">
              + {t('setup.rounds.addFormal')}
            </button>
          )}
          <button type="button" onClick={addScoring} data-testid="setup-add-scoring-round">
            + {t(scoringCount === 0 ? 'setup.rounds.addSecond' : 'setup.rounds.addScoring')}
          </button>
        </span>
      </div>
      <p className="muted small">{t('setup.rounds.hint')}</p>
      {rounds.length === 0 ? (
        <p data-testid="setup-rounds-single">{t('setup.rounds.single')}</p>
      ) : (
        <table className="data-table compact setup-table">
          <thead>
            <tr>
              <th className="num col-order">{t('setup.rounds.order')}</th>
              <th className="col-type">{t('setup.rounds.kind')}</th>
              <th>{t('setup.rounds.name')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {rounds.map((r, i) => (
              <Fragment key={`${r.key}-${i}`}>
                <tr data-testid={`setup-round-${i}`}>
                  <td className="num">{i + 1}</td>
                  <td>{t(`setup.rounds.kinds.${r.kind}`)}</td>
                  <td>
                    <TextPair value={r.name} onChange={(name) => onChange(renameRound(list, i, name))} testId={`setup-round-name-${i}`} />
                    <div className="muted small round-summary" data-testid={`setup-round-summary-${i}`}>
                      {summary(r, i)}
                    </div>
                  </td>
                  <td className="row-actions nowrap">
                    {r.kind === 'scoring' && (
                      <button type="button" className="subtle" aria-expanded={open.includes(r.key)} onClick={() => toggle(r.key)} data-testid={`setup-round-details-${i}`}>
                        {t('setup.rounds.settings')} {open.includes(r.key) ? '▴' : '▾'}
                      </button>
                    )}
                    <button type="button" className="subtle" disabled={i === 0} aria-label={t('setup.rounds.up')} title={t('setup.rounds.up')} onClick={() => onChange(moveRound(list, i, -1))} data-testid={`setup-round-up-${i}`}>
                      ↑
                    </button>
                    <button type="button" className="subtle" disabled={i === rounds.length - 1} aria-label={t('setup.rounds.down')} title={t('setup.rounds.down')} onClick={() => onChange(moveRound(list, i, 1))} data-testid={`setup-round-down-${i}`}>
                      ↓
                    </button>
                    {(r.kind === 'formal' || scoringCount > 1) && (
                      <button type="button" className="subtle" onClick={() => void remove(i)} data-testid={`setup-round-remove-${i}`}>
                        {t('setup.remove')}
                      </button>
                    )}
                  </td>
                </tr>
                {r.kind === 'scoring' && open.includes(r.key) && (
                  <tr className="detail-row">
                    <td />
                    <td colSpan={3}>
                      <ScoringRoundDetails campaignId={campaignId} draft={draft} original={original} list={list} round={r} index={i} onChange={onChange} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
